"""The payment dialog's lost answer: kept as typed, asked by its UUID (never charged twice), resent or
abandoned after "not posted". Strings keep the PaymentDialog context (they are its status line).
Design: docs/architecture.md ("The UI"); the asking itself: outcome.OutcomeCheck
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from counter_app.services.payments.late_fees import Waiver
from counter_app.services.payments.service import PaymentRequest, PaymentResult
from counter_app.ui.payments.outcome import OutcomeCheck, error_text
from counter_app.ui.style import ERROR_STYLE

if TYPE_CHECKING:
    from counter_app.ui.payments.payment_dialog import PaymentDialog


class PaymentRecovery:
    """The unknown outcome of the dialog's submission, until posted or abandoned."""

    def __init__(self, dialog: PaymentDialog):
        self.dialog = dialog
        self.unknown = False  # the answer to a post was lost, not resolved yet
        self.ever_unknown = False  # its UUID must be reused until posted or abandoned
        self.abandoned = False
        self.abandon_box: QMessageBox | None = None
        account_id = dialog.account.account_id
        self.outcome = OutcomeCheck(
            dialog.workplace.runner,
            f"payment-lookup:{dialog.client_uuid}",
            dialog.workplace.services.payments.lookup,
            dialog.client_uuid,
            account_id,
            account_id=account_id,
            parent=dialog,
        )
        self.outcome.resolved.connect(self._looked_up)
        self.outcome.unreachable.connect(self._lookup_unreachable)
        self.outcome.failed.connect(self._lookup_failed)

    @property
    def unresolved(self) -> bool:
        """Its UUID must be reused: it had an unknown outcome and is neither
        posted nor abandoned."""
        return self.ever_unknown and self.dialog.posted is None and not self.abandoned

    def settled(self) -> None:
        """Posted: nothing more to ask."""
        self.unknown = False
        self.outcome.stop()

    def lost(self, error: BaseException) -> None:
        """The answer was lost: keep this submission as typed and ask what happened."""
        dialog = self.dialog
        if dialog.pending is not None and dialog.submitted is not None:
            dialog.pending.add(dialog.account.account_no, dialog.submitted, dialog.form.waiver)
        self._await(
            QCoreApplication.translate(
                "PaymentDialog",
                "The outcome is unknown ({0}). Do not take the money again: checking whether "
                "this payment was posted...",
            ).format(error_text(error))
        )

    def _await(self, message: str) -> None:
        dialog = self.dialog
        self.unknown = self.ever_unknown = True
        dialog.abandon_button.hide()
        dialog.form.set_locked(True)
        dialog.show_waive_button()
        dialog.cancel_button.setText(
            QCoreApplication.translate("PaymentDialog", "Close, check later (Esc)")
        )
        dialog.enter_button(dialog.check_button)
        dialog.check_button.setFocus()
        dialog.say(message, ERROR_STYLE)
        self.outcome.check()

    def restore(self, request: PaymentRequest, waiver: Waiver | None = None) -> None:
        """An unresolved submission kept from before a restart: show what was
        submitted (its late-fee waiver too: the fee and due as sent) and ask
        the database what became of it (same UUID)."""
        dialog = self.dialog
        dialog.submitted = request
        dialog.form.show_request(request)
        if request.waiver_id is not None:
            if waiver is None:  # kept without it: rebuilt from what was sent
                fee = dialog.form.late_fee_computed()
                sent = request.late_fee or Decimal("0.00")
                waiver = Waiver(
                    request.waiver_id, dialog.account.account_id, fee, fee - sent, sent, ""
                )
            dialog.form.set_waiver(waiver)
        dialog.open()
        self._await(
            QCoreApplication.translate(
                "PaymentDialog",
                "The outcome of this payment (submitted before the program was closed) is "
                "unknown. Do not take the money again: checking whether it was posted...",
            )
        )

    def abandon(self) -> None:
        """Give up this payment after a "not posted" answer (asks first)."""
        dialog = self.dialog
        if self.unknown or dialog.posted is not None or dialog.posting:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("PaymentDialog", "Abandon this payment"),
            QCoreApplication.translate(
                "PaymentDialog",
                "The database says this payment was not posted. Abandon it? Take no money "
                "for it; a new payment of this account starts afresh.",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            dialog,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.buttonClicked.connect(
            lambda button: (
                self._abandoned()
                if box.standardButton(button) == QMessageBox.StandardButton.Yes
                else None
            )
        )
        self.abandon_box = box
        box.open()

    def _abandoned(self) -> None:
        dialog = self.dialog
        self.abandoned = True
        if dialog.pending is not None:
            dialog.pending.remove(dialog.client_uuid)
        dialog.close_abandoned()

    def check_again(self) -> None:
        """Ask the database now whether this payment was posted."""
        if not self.unknown:
            return
        self.dialog.say(
            QCoreApplication.translate(
                "PaymentDialog", "Checking whether this payment was posted..."
            ),
            ERROR_STYLE,
        )
        self.outcome.check()

    def resume(self) -> None:
        """Shown again by the page after the clerk closed it with the outcome unknown."""
        self.dialog.open()
        if self.unknown:
            self.dialog.check_button.setFocus()
            self.check_again()

    def _looked_up(self, result: PaymentResult | None) -> None:
        dialog = self.dialog
        if result is not None:
            dialog.on_posted(result)
            return
        self.unknown = False
        dialog.form.set_locked(False)
        dialog.show_waive_button()
        dialog.cancel_button.setText(
            QCoreApplication.translate("PaymentDialog", "Close, check later (Esc)")
        )
        dialog.abandon_button.show()
        dialog.enter_button(dialog.confirm_button)
        dialog.form.tender_panel.fields["cash.received"].setFocus()
        dialog.say(
            QCoreApplication.translate(
                "PaymentDialog",
                "Not posted: nothing was charged. Press Enter to submit again "
                "(the same payment, it can post only once), or abandon it.",
            ),
            ERROR_STYLE,
        )

    def _lookup_unreachable(self, seconds: int) -> None:
        self.dialog.say(
            QCoreApplication.translate(
                "PaymentDialog",
                "The outcome is still unknown: the database does not answer. Do not "
                "take the money again. Checking again in {0} s; press Enter to "
                "check now.",
            ).format(seconds),
            ERROR_STYLE,
        )

    def _lookup_failed(self, error: BaseException) -> None:
        self.dialog.say(
            QCoreApplication.translate(
                "PaymentDialog",
                "The outcome is still unknown ({0}). Do not take the money again; "
                "press Enter to check again.",
            ).format(error_text(error)),
            ERROR_STYLE,
        )
