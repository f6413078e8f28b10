"""The payment dialog (收费): bills, tenders, change, 预存; one client UUID, then post and print.
Its steps: receipt_step.py (after the post), payment_recovery.py (a lost answer, never charged twice).
Rules: docs/rules/payments.md; design: docs/architecture.md ("The UI")
"""

from __future__ import annotations

import uuid
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

from counter_app.domain.money import format_money
from counter_app.services.payments.late_fees import Waiver
from counter_app.services.payments.receipt_facts import PayableAccount
from counter_app.services.payments.service import (
    IdempotencyConflict,
    PaymentError,
    PaymentRequest,
    PaymentResult,
    StaleBillsError,
    StaleLateFeeError,
)
from counter_app.ui.context import Workplace
from counter_app.ui.payments.messages import payment_message
from counter_app.ui.payments.outcome import set_enter_button
from counter_app.ui.payments.payment_form import PaymentForm
from counter_app.ui.payments.payment_recovery import PaymentRecovery
from counter_app.ui.payments.pending import PendingPayments
from counter_app.ui.payments.receipt_step import ReceiptStep
from counter_app.ui.payments.tenders import InputRefused
from counter_app.ui.payments.waiver_dialog import WaiverDialog
from counter_app.ui.style import ERROR_STYLE, OK_STYLE


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
        self._prefix = ""  # said before every later message of a replayed payment
        self.posting = False
        self.input_refused = False  # the status line names a field's problem
        self.receipt = ReceiptStep(self)  # after the post: the receipt and its printing
        self.recovery = PaymentRecovery(self)  # a lost answer: asked, never charged twice
        self.outcome = self.recovery.outcome
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
        self.enter_button(self.confirm_button)
        self.show_waive_button()
        layout.addWidget(self.buttons)
        self.resize(720, 660)

    def enter_button(self, button: QPushButton) -> None:
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
        self.say(self.tr("Posting..."), OK_STYLE)
        self.workplace.runner.submit(
            self.workplace.services.payments.post,
            request,
            self.workplace.actor,
            on_done=self.on_posted,
            on_error=self._post_failed,
            key=f"payment:{self.client_uuid}",
            changes=self.account.account_id,
        )

    def _set_posting(self, posting: bool) -> None:
        self.posting = posting
        self.confirm_button.setEnabled(not posting)
        self.cancel_button.setEnabled(not posting)
        self.abandon_button.setEnabled(not posting)
        self.show_waive_button()

    def show_waive_button(self) -> None:
        """减免违约金 while the account has a fee today and nothing is posted;
        not while a submission is in flight or of unknown outcome (a waiver then
        would change what that submission said)."""
        self.waive_button.setVisible(bool(self.account.late_fees) and self.posted is None)
        self.waive_button.setEnabled(not (self.posting or self.outcome_unknown))

    def on_posted(self, result: PaymentResult) -> None:
        """Posted by this request, or (``result.replayed``) by an earlier one of
        this dialog whose answer was lost: that receipt is not printed yet."""
        self._set_posting(False)
        self.posted = result
        self.recovery.settled()
        self.abandon_button.hide()
        self.show_waive_button()
        if self.pending is not None:
            self.pending.remove(self.client_uuid)
        self.form.show_posted(result)
        self.cancel_button.setText(self.tr("Cancel (Esc)"))
        self.cancel_button.setEnabled(False)
        self.confirm_button.setText(self.tr("Done (Enter)"))
        self.enter_button(self.confirm_button)
        self.confirm_button.setFocus()
        if result.replayed:
            self._prefix = self.tr("This payment was already posted (no second charge). ")
            self.say(self.tr("Posted: ¥{0}.").format(format_money(result.amount)), OK_STYLE)
        else:
            self.say(
                self.tr("Posted: ¥{amount}. Printing the receipt...").format(
                    amount=format_money(result.amount)
                ),
                OK_STYLE,
            )
        self.receipt.start(result)

    def print_receipt(self) -> None:
        """Print the posted payment's receipt (after commit, never before); again
        after a failure (重打: the customer's first receipt, not a 补打 reprint)."""
        self.receipt.print()

    @property
    def receipt_no(self) -> str:
        return self.receipt.receipt_no

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
            self.say(
                self.tr("The late fee changed since it was shown; it is read again."), ERROR_STYLE
            )
            self.form.set_waiver(None)
            self._reload()
        elif isinstance(error, StaleBillsError):
            self.say(
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
            self.recovery.lost(error)

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
        self.show_waive_button()  # the fee may have come or gone with the reload

    # -- unknown outcome: payment_recovery.PaymentRecovery ------------------------------

    @property
    def outcome_unknown(self) -> bool:
        """The answer to a post was lost, not resolved yet."""
        return self.recovery.unknown

    @property
    def unresolved(self) -> bool:
        """Its UUID must be reused (see PaymentRecovery.unresolved)."""
        return self.recovery.unresolved

    @property
    def abandon_box(self) -> QMessageBox | None:
        return self.recovery.abandon_box

    def restore(self, request: PaymentRequest, waiver: Waiver | None = None) -> None:
        """An unresolved submission kept from before a restart: ask what became of it."""
        self.recovery.restore(request, waiver)

    def abandon(self) -> None:
        self.recovery.abandon()

    def check_again(self) -> None:
        self.recovery.check_again()

    def resume(self) -> None:
        """Shown again by the page after the clerk closed it with the outcome unknown."""
        self.recovery.resume()

    def close_abandoned(self) -> None:
        """Abandoned (the clerk said so): closed without asking again."""
        super().reject()

    # -- messages ----------------------------------------------------------------------

    def say(self, text: str, style: str) -> None:
        self.input_refused = False
        self._show(text, style)

    def _show(self, text: str, style: str) -> None:
        self.status_label.setStyleSheet(style)
        self.status_label.setText(self._prefix + text)

    def _refuse(self, field: str, message: str) -> None:
        self.say(message, ERROR_STYLE)
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
