"""The payment dialog (收费): bills, what to pay, tenders, change, 预存; then post and print.
One client UUID per dialog; an unknown outcome is looked up, never charged twice.
Rules: docs/rules/payments.md; design: docs/architecture.md ("The UI")
"""

from __future__ import annotations

import logging
import uuid
from decimal import Decimal
from functools import partial

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.documents import PrintError
from counter_app.domain.money import format_money
from counter_app.services.payments.late_fees import Waiver
from counter_app.services.payments.receipt_facts import PayableAccount, ReceiptFacts
from counter_app.services.payments.service import (
    IdempotencyConflict,
    PaymentError,
    PaymentRequest,
    PaymentResult,
    StaleBillsError,
    StaleLateFeeError,
)
from counter_app.ui.context import Workplace
from counter_app.ui.payments.messages import payment_message, print_message
from counter_app.ui.payments.outcome import OutcomeCheck, error_text, set_enter_button
from counter_app.ui.payments.payment_form import PaymentForm
from counter_app.ui.payments.pending import PendingPayments
from counter_app.ui.payments.printing import print_receipt_job
from counter_app.ui.payments.tenders import InputRefused
from counter_app.ui.payments.waiver_dialog import WaiverDialog
from counter_app.ui.style import ERROR_STYLE, OK_STYLE

log = logging.getLogger(__name__)


class PaymentDialog(QDialog):
    def __init__(
        self,
        workplace: Workplace,
        account: PayableAccount,
        shift_id: int,
        parent: QWidget | None = None,
        *,
        pending: PendingPayments | None = None,
        client_uuid: str | None = None,
    ):
        super().__init__(parent)
        self.workplace = workplace
        self.account = account
        self.shift_id = shift_id
        self.pending = pending
        self.client_uuid = client_uuid or str(uuid.uuid4())
        self.submitted: PaymentRequest | None = None  # the last request sent
        self.posted: PaymentResult | None = None  # what the post returned (None: not posted)
        self.facts: ReceiptFacts | None = None
        self.receipt_no = ""
        self._prefix = ""  # said before every later message of a replayed payment
        self.posting = False
        self.printing = False
        self.outcome_unknown = False  # the answer to a post was lost, not resolved yet
        self.ever_unknown = False  # its UUID must be reused until posted or abandoned
        self.abandoned = False
        self.abandon_box: QMessageBox | None = None
        self.input_refused = False  # the status line names a field's problem
        self.outcome = OutcomeCheck(
            workplace.runner,
            f"payment-lookup:{self.client_uuid}",
            workplace.services.payments.lookup,
            self.client_uuid,
            account.account_id,
            account_id=account.account_id,
            parent=self,
        )
        self.outcome.resolved.connect(self._looked_up)
        self.outcome.unreachable.connect(self._lookup_unreachable)
        self.outcome.failed.connect(self._lookup_failed)
        self.setWindowTitle(self.tr("Take payment - {0}").format(account.account_no))
        self._build()
        self.form.tender_panel.fields["cash.received"].setFocus()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.form = PaymentForm(self.account, self)
        layout.addWidget(self.form)
        self.form.edited.connect(self._recheck)
        self.form.amount_entered.connect(self._amount_entered)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.buttons = QDialogButtonBox(self)
        self.confirm_button = self.buttons.addButton(
            self.tr("Confirm (Enter)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.check_button = self.buttons.addButton(
            self.tr("Check again (Enter)"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.check_button.setObjectName("checkButton")
        self.print_button = self.buttons.addButton(
            self.tr("Print the receipt (Enter)"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button.setObjectName("printButton")
        self.abandon_button = self.buttons.addButton(
            self.tr("&Abandon this payment"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.abandon_button.setObjectName("abandonButton")
        self.abandon_button.setAutoDefault(False)
        self.abandon_button.hide()
        self.waive_button = self.buttons.addButton(
            self.tr("&Waive late fee"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.waive_button.setObjectName("waiveButton")
        self.waive_button.setAutoDefault(False)
        self.waive_button.clicked.connect(self.open_waiver)
        self.cancel_button = self.buttons.addButton(
            self.tr("Cancel (Esc)"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.abandon_button.clicked.connect(self.abandon)
        self.confirm_button.clicked.connect(self.confirm)
        self.check_button.clicked.connect(self.check_again)
        self.print_button.clicked.connect(self.print_receipt)
        self.cancel_button.clicked.connect(self.reject)
        self._enter_button(self.confirm_button)
        self._show_waive_button()
        layout.addWidget(self.buttons)
        self.resize(720, 660)

    def _enter_button(self, button: QPushButton) -> None:
        set_enter_button(button, self.confirm_button, self.check_button, self.print_button)

    # -- posting ---------------------------------------------------------------------

    def confirm(self) -> None:
        if self.posted is not None:
            self.accept()
            return
        if self.outcome_unknown:
            self.check_again()
            return
        if self.posting:
            return
        try:
            request = self.form.build_request(self.client_uuid, self.shift_id)
        except InputRefused as exc:
            self._refuse(exc.field, exc.message)
            return
        self.submitted = request
        self._set_posting(True)
        self._say(self.tr("Posting..."), OK_STYLE)
        self.workplace.runner.submit(
            self.workplace.services.payments.post,
            request,
            self.workplace.actor,
            on_done=self._posted,
            on_error=self._post_failed,
            key=f"payment:{self.client_uuid}",
            changes=self.account.account_id,
        )

    def _set_posting(self, posting: bool) -> None:
        self.posting = posting
        self.confirm_button.setEnabled(not posting)
        self.cancel_button.setEnabled(not posting)
        self.abandon_button.setEnabled(not posting)
        self._show_waive_button()

    def _show_waive_button(self) -> None:
        """减免违约金 while the account has a fee today and nothing is posted;
        not while a submission is in flight or of unknown outcome (a waiver then
        would change what that submission said)."""
        self.waive_button.setVisible(bool(self.account.late_fees) and self.posted is None)
        self.waive_button.setEnabled(not (self.posting or self.outcome_unknown))

    def _posted(self, result: PaymentResult) -> None:
        """Posted by this request, or (``result.replayed``) by an earlier one of
        this dialog whose answer was lost: that receipt is not printed yet."""
        self._set_posting(False)
        self.posted = result
        self.outcome_unknown = False
        self.outcome.stop()
        self.abandon_button.hide()
        self._show_waive_button()
        if self.pending is not None:
            self.pending.remove(self.client_uuid)
        self.form.show_posted(result)
        self.cancel_button.setText(self.tr("Cancel (Esc)"))
        self.cancel_button.setEnabled(False)
        self.confirm_button.setText(self.tr("Done (Enter)"))
        self._enter_button(self.confirm_button)
        self.confirm_button.setFocus()
        if result.replayed:
            self._prefix = self.tr("This payment was already posted (no second charge). ")
            self._say(self.tr("Posted: ¥{0}.").format(format_money(result.amount)), OK_STYLE)
        else:
            self._say(
                self.tr("Posted: ¥{amount}. Printing the receipt...").format(
                    amount=format_money(result.amount)
                ),
                OK_STYLE,
            )
        if result.facts is not None:  # the post's own answer says what the receipt prints
            self._facts_ready(result.facts)
            return
        self.workplace.runner.submit(
            self.workplace.services.payments.receipt_facts,
            result.payment_id,
            on_done=self._facts_ready,
            on_error=self._print_failed,
        )

    def _facts_ready(self, facts: ReceiptFacts) -> None:
        self.printing = False
        self.facts = facts
        self.receipt_no = facts.receipt_no
        if self.posted is not None and self.posted.replayed:
            self._say(
                self.tr(
                    "Posted: receipt {no}, ¥{amount}. Press Enter to print the receipt."
                ).format(no=facts.receipt_no, amount=format_money(facts.amount)),
                OK_STYLE,
            )
            self.confirm_button.setText(self.tr("Done (Esc)"))
            self._enter_button(self.print_button)
            self.print_button.setFocus()
            return
        self.print_receipt()

    def print_receipt(self) -> None:
        """Print the posted payment's receipt (after commit, never before); again
        after a failure (重打: the customer's first receipt, not a 补打 reprint)."""
        if self.posted is None or self.printing:
            return
        self.printing = True
        self.print_button.setEnabled(False)
        if self.facts is None:  # reading what the receipt says failed: read it again
            self.workplace.runner.submit(
                self.workplace.services.payments.receipt_facts,
                self.posted.payment_id,
                on_done=self._facts_ready,
                on_error=self._print_failed,
            )
            return
        self._say(
            self.tr("Posted: receipt {no}, ¥{amount}. Printing the receipt...").format(
                no=self.facts.receipt_no, amount=format_money(self.facts.amount)
            ),
            OK_STYLE,
        )
        self.workplace.runner.submit(
            print_receipt_job,
            self.workplace,
            self.facts,
            on_done=self._printed,
            on_error=self._print_failed,
        )

    def _printed(self, facts: ReceiptFacts) -> None:
        self.printing = False
        self.confirm_button.setText(self.tr("Done (Enter)"))
        self._enter_button(self.confirm_button)
        self.confirm_button.setFocus()
        self._say(self.tr("Posted and printed: receipt {0}.").format(facts.receipt_no), OK_STYLE)

    def _print_failed(self, error: BaseException) -> None:
        """The payment is posted, the receipt is not: Enter prints it again here."""
        self.printing = False
        if not isinstance(error, PrintError):  # a PrintError is logged by the printer
            log.warning(
                "receipt of payment %s not printed",
                self.posted and self.posted.payment_id,
                exc_info=error,
            )
        receipt = self.tr("Receipt {0}: ").format(self.receipt_no) if self.receipt_no else ""
        self._say(
            receipt
            + print_message(error)
            + " "
            + self.tr(
                "The payment is posted. Check the printer, then press Enter to print the "
                "receipt again."
            ),
            ERROR_STYLE,
        )
        self.print_button.setText(self.tr("Print again (Enter)"))
        self.confirm_button.setText(self.tr("Done (Esc)"))
        self._enter_button(self.print_button)
        self.print_button.setFocus()

    def open_waiver(self) -> None:
        """减免违约金: the supervisor approves at this workstation; the post names it."""
        dialog = WaiverDialog(
            self.workplace, self.account.account_id, self.account.late_fee(), self
        )
        dialog.waived.connect(self.form.set_waiver)
        dialog.open()

    def _post_failed(self, error: BaseException) -> None:
        self._set_posting(False)
        if isinstance(error, StaleLateFeeError):
            self._say(
                self.tr("The late fee changed since it was shown; it is read again."), ERROR_STYLE
            )
            self.form.set_waiver(None)
            self._reload()
        elif isinstance(error, StaleBillsError):
            self._say(
                self.tr("The bills were just paid; now owed: ¥{0}. The bills are reloaded.").format(
                    format_money(error.outstanding)
                ),
                ERROR_STYLE,
            )
            self._reload()
        elif isinstance(error, PaymentError) and not isinstance(error, IdempotencyConflict):
            field = self.form.widget_field(error)
            self._refuse(field, payment_message(error.code, field, str(error)))
        else:
            # the connection broke around COMMIT, or this UUID holds other content
            # (an earlier attempt did commit): only the database knows
            self._unknown_outcome(error)

    def _reload(self) -> None:
        self.workplace.runner.submit(
            partial(
                self.workplace.services.payments.account_for_payment,
                account_id=self.account.account_id,
            ),
            on_done=self._reloaded,
            on_error=lambda e: None,
        )

    def _reloaded(self, account: PayableAccount) -> None:
        self.account = account
        self.form.set_account(account)
        self._show_waive_button()  # the fee may have come or gone with the reload

    # -- unknown outcome ----------------------------------------------------------------

    def _unknown_outcome(self, error: BaseException) -> None:
        """The answer was lost: keep this submission as typed and ask what happened."""
        if self.pending is not None and self.submitted is not None:
            self.pending.add(self.account.account_no, self.submitted, self.form.waiver)
        self._await_outcome(
            self.tr(
                "The outcome is unknown ({0}). Do not take the money again: checking whether "
                "this payment was posted..."
            ).format(error_text(error))
        )

    def _await_outcome(self, message: str) -> None:
        self.outcome_unknown = self.ever_unknown = True
        self.abandon_button.hide()
        self.form.set_locked(True)
        self._show_waive_button()
        self.cancel_button.setText(self.tr("Close, check later (Esc)"))
        self._enter_button(self.check_button)
        self.check_button.setFocus()
        self._say(message, ERROR_STYLE)
        self.outcome.check()

    def restore(self, request: PaymentRequest, waiver: Waiver | None = None) -> None:
        """An unresolved submission kept from before a restart: show what was
        submitted (its late-fee waiver too: the fee and due as sent) and ask
        the database what became of it (same UUID)."""
        self.submitted = request
        self.form.show_request(request)
        if request.waiver_id is not None:
            if waiver is None:  # kept without it: rebuilt from what was sent
                fee = self.form.late_fee_computed()
                sent = request.late_fee or Decimal("0.00")
                waiver = Waiver(
                    request.waiver_id, self.account.account_id, fee, fee - sent, sent, ""
                )
            self.form.set_waiver(waiver)
        self.open()
        self._await_outcome(
            self.tr(
                "The outcome of this payment (submitted before the program was closed) is "
                "unknown. Do not take the money again: checking whether it was posted..."
            )
        )

    @property
    def unresolved(self) -> bool:
        """Its UUID must be reused: it had an unknown outcome and is neither
        posted nor abandoned."""
        return self.ever_unknown and self.posted is None and not self.abandoned

    def abandon(self) -> None:
        """Give up this payment after a "not posted" answer (asks first)."""
        if self.outcome_unknown or self.posted is not None or self.posting:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Abandon this payment"),
            self.tr(
                "The database says this payment was not posted. Abandon it? Take no money "
                "for it; a new payment of this account starts afresh."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
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
        self.abandoned = True
        if self.pending is not None:
            self.pending.remove(self.client_uuid)
        super().reject()

    def check_again(self) -> None:
        """Ask the database now whether this payment was posted."""
        if not self.outcome_unknown:
            return
        self._say(self.tr("Checking whether this payment was posted..."), ERROR_STYLE)
        self.outcome.check()

    def resume(self) -> None:
        """Shown again by the page after the clerk closed it with the outcome unknown."""
        self.open()
        if self.outcome_unknown:
            self.check_button.setFocus()
            self.check_again()

    def _looked_up(self, result: PaymentResult | None) -> None:
        if result is not None:
            self._posted(result)
            return
        self.outcome_unknown = False
        self.form.set_locked(False)
        self._show_waive_button()
        self.cancel_button.setText(self.tr("Close, check later (Esc)"))
        self.abandon_button.show()
        self._enter_button(self.confirm_button)
        self.form.tender_panel.fields["cash.received"].setFocus()
        self._say(
            self.tr(
                "Not posted: nothing was charged. Press Enter to submit again "
                "(the same payment, it can post only once), or abandon it."
            ),
            ERROR_STYLE,
        )

    def _lookup_unreachable(self, seconds: int) -> None:
        self._say(
            self.tr(
                "The outcome is still unknown: the database does not answer. Do not "
                "take the money again. Checking again in {0} s; press Enter to "
                "check now."
            ).format(seconds),
            ERROR_STYLE,
        )

    def _lookup_failed(self, error: BaseException) -> None:
        self._say(
            self.tr(
                "The outcome is still unknown ({0}). Do not take the money again; "
                "press Enter to check again."
            ).format(error_text(error)),
            ERROR_STYLE,
        )

    # -- messages ----------------------------------------------------------------------

    def _say(self, text: str, style: str) -> None:
        self.input_refused = False
        self._show(text, style)

    def _show(self, text: str, style: str) -> None:
        self.status_label.setStyleSheet(style)
        self.status_label.setText(self._prefix + text)

    def _refuse(self, field: str, message: str) -> None:
        self._say(message, ERROR_STYLE)
        self.input_refused = True  # until the next post: the line follows the figures
        self.form.focus_field(field)

    def _recheck(self) -> None:
        """The figures changed after a refusal: say what is wrong now, or
        nothing while it is right (the focus stays where the clerk types)."""
        if (
            not self.input_refused
            or self.posting
            or self.posted is not None
            or self.outcome_unknown
        ):
            return
        problem = self.form.problem()
        if problem is None:
            self._show("", "")
        else:
            self._show(problem.message, ERROR_STYLE)

    def _amount_entered(self) -> None:
        """Enter in the custom / prepayment amount: its own problem, or on to 实收."""
        try:
            self.form.read_amount()
        except InputRefused as exc:
            self._refuse(exc.field, exc.message)
            return
        self._recheck()
        received = self.form.tender_panel.fields["cash.received"]
        received.setFocus()
        received.selectAll()

    def reject(self) -> None:
        if self.posting:
            return  # never walk away from a payment in flight
        if self.posted is not None:
            self.accept()
            return
        if self.outcome_unknown:
            self.outcome.stop()  # the page keeps this dialog; reopening asks again
        super().reject()
