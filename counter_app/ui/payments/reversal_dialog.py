"""冲正: reverse one payment with a reason on a supervisor's own login; then the slip.
Rules: docs/rules/payments.md; design: docs/architecture.md ("The UI")
"""

from __future__ import annotations

import uuid
from datetime import datetime

from PySide6.QtWidgets import QDialog, QLineEdit, QPushButton, QWidget

from counter_app.domain.localtime import SHANGHAI
from counter_app.domain.money import format_money
from counter_app.domain.reversal_policy import ReversalScope
from counter_app.services.accounts.service import PaymentSummary
from counter_app.services.auth import LoginError
from counter_app.services.payments.receipt_facts import PayableAccount
from counter_app.services.payments.reversal_policy import ReversalFacts
from counter_app.services.payments.reversals import (
    ReversalError,
    ReversalResult,
)
from counter_app.ui.context import Workplace
from counter_app.ui.forms.ui_payments_reversal_dialog import Ui_ReversalDialog
from counter_app.ui.labels import tender_name
from counter_app.ui.payments.messages import print_message
from counter_app.ui.payments.outcome import OutcomeCheck, error_text, set_enter_button
from counter_app.ui.payments.printing import print_reversal_job
from counter_app.ui.payments.supervisor import as_supervisor, sign_in_text
from counter_app.ui.style import (
    ALARM_STYLE,
    ERROR_STYLE,
    MUTED_STYLE,
    OK_STYLE,
    refuse_at,
    show_status,
)


def _local(moment: datetime) -> str:
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")


def reverse_with_supervisor(
    workplace: Workplace,
    payment_id: int,
    reason: str,
    username: str,
    password: str,
    shift_id: int,
    client_uuid: str,
) -> ReversalResult:
    """Worker: the reversal on the supervisor's own connection."""
    return as_supervisor(
        workplace,
        username,
        password,
        ReversalError,
        lambda services: services.reversals.reverse(
            payment_id=payment_id,
            reason=reason,
            actor=workplace.actor,
            shift_id=shift_id,
            client_uuid=client_uuid,
        ),
    )


class ReversalDialog(QDialog):
    def __init__(
        self,
        workplace: Workplace,
        account: PayableAccount,
        payment: PaymentSummary,
        shift_id: int,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.workplace = workplace
        self.payment = payment
        self.account_id = account.account_id
        self.shift_id = shift_id
        self.client_uuid = str(uuid.uuid4())
        self.reversal: ReversalResult | None = None  # what was booked
        self.outcome_unknown = False
        self.ever_unknown = False  # its UUID is reused until booked
        self.outcome = OutcomeCheck(
            workplace.runner,
            f"reversal-lookup:{self.client_uuid}",
            workplace.services.reversals.lookup,
            payment.payment_id,
            self.client_uuid,
            account_id=account.account_id,
            parent=self,
        )
        self.outcome.resolved.connect(self._looked_up)
        self.outcome.unreachable.connect(self._lookup_unreachable)
        self.outcome.failed.connect(self._lookup_failed)
        self.ui = Ui_ReversalDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.setWindowTitle(self.tr("Reverse payment {0}").format(payment.receipt))
        tenders = "、".join(
            f"{tender_name(t.tender)} ¥{format_money(t.amount)}" for t in payment.tenders
        )
        ui.paymentLabel.setText(
            self.tr(
                "Receipt {receipt}   account {no} {name}\nAmount ¥{amount}   {tenders}\nPeriods: {periods}"
            ).format(
                receipt=payment.receipt,
                no=account.account_no,
                name=account.name,
                amount=format_money(payment.amount),
                tenders=tenders,
                periods="、".join(payment.periods) or "-",
            )
        )
        self.facts_label = ui.factsLabel
        self.facts_label.setText(
            self.tr("Taken {0}; looking up its shift and the reversal policy...").format(
                _local(payment.paid_at)
            )
        )
        self.warning_label = ui.warningLabel
        self.warning_label.setStyleSheet(ALARM_STYLE)
        self.warning_label.hide()
        self.reason_edit = ui.reasonEdit
        self.supervisor_edit = ui.supervisorEdit
        self.password_edit = ui.passwordEdit
        ui.hintLabel.setStyleSheet(MUTED_STYLE)
        self.status_label = ui.statusLabel
        self.confirm_button = ui.confirmButton
        self.check_button = ui.checkButton
        self.print_button = ui.printButton
        self.cancel_button = ui.cancelButton
        self.confirm_button.clicked.connect(self.confirm)
        self.check_button.clicked.connect(self.check_again)
        self.print_button.clicked.connect(self.print_slip)
        self.cancel_button.clicked.connect(self.reject)
        self._enter_button(self.confirm_button)
        self.reason_edit.setFocus()
        self.facts: ReversalFacts | None = None
        workplace.runner.submit(
            workplace.services.reversals.facts,
            payment.payment_id,
            shift_id,
            on_done=self._show_facts,
            on_error=self._facts_failed,
        )

    # -- what the supervisor approves ----------------------------------------------------

    def _show_facts(self, facts: ReversalFacts) -> None:
        self.facts = facts
        shift = (
            self.tr("this shift")
            if facts.same_shift
            else self.tr("shift {0} of {1}, opened {2}").format(
                facts.shift_id, facts.shift_clerk, _local(facts.shift_opened_at)
            )
        )
        self.facts_label.setText(
            self.tr("Taken {when} ({age}) in {shift}.").format(
                when=_local(facts.paid_at), age=self._age(facts.age_days), shift=shift
            )
        )
        if not facts.allowed:
            self.warning_label.setText(
                self.tr(
                    "The utility reverses payments on the day they were taken only: this one was "
                    "taken {0}. It cannot be reversed here."
                ).format(self._age(facts.age_days))
            )
            self.warning_label.show()
            self.confirm_button.setEnabled(False)
            self.reason_edit.setReadOnly(True)
            self.cancel_button.setFocus()
            return
        if facts.warn:
            refund = "、".join(
                f"{tender_name(t.tender)} −{format_money(t.amount)}" for t in self.payment.tenders
            )
            reason = (
                self.tr("This payment was taken {0}.").format(self._age(facts.age_days))
                if facts.policy.warns(facts.age_days)
                else self.tr("Another shift took this payment.")
            )
            rule = (
                self.tr("Say in the reason why it is reversed now.")
                if facts.policy.scope is ReversalScope.ANY_TIME
                else ""
            )
            self.warning_label.setText(
                " ".join(
                    filter(
                        None,
                        (
                            reason,
                            self.tr(
                                "Its refund is booked in today's day-close of this shift: {0}."
                            ).format(refund),
                            rule,
                        ),
                    )
                )
            )
            self.warning_label.show()

    def _age(self, days: int) -> str:
        if days <= 0:
            return self.tr("today")
        return self.tr("%n day(s) ago", "", days)

    def _facts_failed(self, error: BaseException) -> None:
        self.facts_label.setText(
            self.tr("Taken {0}; its shift could not be looked up ({1}).").format(
                _local(self.payment.paid_at), error_text(error)
            )
        )

    def _enter_button(self, button: QPushButton) -> None:
        set_enter_button(button, self.confirm_button, self.check_button, self.print_button)
        button.setFocus()

    def _lock(self, locked: bool) -> None:
        for edit in (self.reason_edit, self.supervisor_edit, self.password_edit):
            edit.setReadOnly(locked)

    def _say(self, text: str, style: str) -> None:
        show_status(self.status_label, text, style)

    def _refuse(self, text: str, widget: QLineEdit) -> None:
        refuse_at(self.status_label, text, widget)

    def confirm(self) -> None:
        if self.reversal is not None:
            self.accept()
            return
        if self.outcome_unknown:
            self.check_again()
            return
        if not self.confirm_button.isEnabled():
            return
        reason = self.reason_edit.text().strip()
        if not reason:
            self._refuse(self.tr("Reason: give the reason for the reversal."), self.reason_edit)
            return
        username = self.supervisor_edit.text().strip()
        if not username:
            self._refuse(
                self.tr("Supervisor: type the supervisor's username."), self.supervisor_edit
            )
            return
        if not self.password_edit.text():
            self._refuse(
                self.tr("Password: the supervisor types the password."), self.password_edit
            )
            return
        self.confirm_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self._say(self.tr("Reversing..."), OK_STYLE)
        self.workplace.runner.submit(
            reverse_with_supervisor,
            self.workplace,
            self.payment.payment_id,
            reason,
            username,
            self.password_edit.text(),
            self.shift_id,
            self.client_uuid,
            on_done=self._reversed,
            on_error=self._failed,
            key=f"reversal:{self.client_uuid}",
            changes=self.account_id,
        )

    def _reversed(self, result: ReversalResult) -> None:
        """Booked by this request, or (``result.replayed``) by an earlier one of
        this dialog whose answer was lost: its slip is not printed yet."""
        self.reversal = result
        self.outcome_unknown = False
        self.outcome.stop()
        self._lock(True)
        self.password_edit.clear()
        self.cancel_button.setEnabled(False)
        self.confirm_button.setText(self.tr("Done (Enter)"))
        self.confirm_button.setEnabled(True)
        if result.replayed:
            self.confirm_button.setText(self.tr("Done (Esc)"))
            self._enter_button(self.print_button)
            self._say(
                self.tr(
                    "This reversal was booked (not twice). Press Enter to print the reversal slip."
                ),
                OK_STYLE,
            )
            return
        self._enter_button(self.confirm_button)
        self.print_slip()

    def print_slip(self) -> None:
        if self.reversal is None or not self.print_button.isEnabled():
            return
        self.print_button.setEnabled(False)
        self._say(self.tr("Reversed. Printing the reversal slip..."), OK_STYLE)
        self.workplace.runner.submit(
            print_reversal_job,
            self.workplace,
            self.payment.payment_id,
            on_done=self._slip_printed,
            on_error=self._slip_failed,
        )

    def _slip_printed(self, _facts: object) -> None:
        self.confirm_button.setText(self.tr("Done (Enter)"))
        self._enter_button(self.confirm_button)
        self._say(self.tr("Reversed; the reversal slip is printed."), OK_STYLE)

    def _slip_failed(self, error: BaseException) -> None:
        self.print_button.setEnabled(True)
        self._say(print_message(error) + " " + self.tr("The reversal is posted."), ERROR_STYLE)

    def _failed(self, error: BaseException) -> None:
        self.confirm_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        if isinstance(error, LoginError):
            self._refuse(sign_in_text(error), self.password_edit)
        elif isinstance(error, ReversalError):
            texts = {
                "already": self.tr("Payment: already reversed; a payment is reversed once."),
                "supervisor": self.tr("Supervisor: this user is not a supervisor."),
                "no_authenticator": self.tr(
                    "Supervisor: supervisors cannot sign in on this workstation."
                ),
                "prepayment_used": self.tr(
                    "Payment: the prepayment it deposited has been used "
                    "since; reverse the later payments first."
                ),
                "shift": self.tr("Shift: your shift is closed; open a shift first."),
                "reason": self.tr("Reason: give the reason for the reversal."),
                "policy": self.tr(
                    "Payment: the utility reverses payments on the day they were taken only."
                ),
            }
            widget = self.reason_edit if error.field == "reason" else self.supervisor_edit
            self._refuse(texts.get(error.code, str(error)), widget)
        else:
            self._unknown_outcome(error)

    # -- unknown outcome ----------------------------------------------------------------

    @property
    def unresolved(self) -> bool:
        return self.ever_unknown and self.reversal is None

    def resume(self) -> None:
        """Shown again by the history dialog (same reversal, same UUID)."""
        self.open()
        if self.outcome_unknown:
            self.check_button.setFocus()
            self.check_again()

    def _unknown_outcome(self, error: BaseException) -> None:
        self.outcome_unknown = self.ever_unknown = True
        self._lock(True)
        self.cancel_button.setEnabled(True)
        self._enter_button(self.check_button)
        self._say(
            self.tr(
                "The outcome is unknown ({0}). Checking whether the payment was reversed..."
            ).format(error_text(error)),
            ERROR_STYLE,
        )
        self.outcome.check()

    def check_again(self) -> None:
        if not self.outcome_unknown:
            return
        self._say(self.tr("Checking whether the payment was reversed..."), ERROR_STYLE)
        self.outcome.check()

    def _looked_up(self, result: ReversalResult | None) -> None:
        if result is not None:
            self._reversed(result)
            return
        self.outcome_unknown = False
        self._lock(False)
        self._enter_button(self.confirm_button)
        self._say(
            self.tr(
                "Not reversed: nothing was booked. Press Enter to try again "
                "(the same reversal, booked at most once)."
            ),
            ERROR_STYLE,
        )

    def _lookup_unreachable(self, seconds: int) -> None:
        self._say(
            self.tr(
                "The outcome is still unknown: the database does not answer. "
                "Checking again in {0} s; press Enter to check now."
            ).format(seconds),
            ERROR_STYLE,
        )

    def _lookup_failed(self, error: BaseException) -> None:
        if isinstance(error, ReversalError):  # reversed meanwhile by another request
            self.outcome_unknown = self.ever_unknown = False
            self._lock(False)
            self._enter_button(self.confirm_button)
            self._failed(error)
            return
        self._say(
            self.tr("The outcome is still unknown ({0}); press Enter to check again.").format(
                error_text(error)
            ),
            ERROR_STYLE,
        )

    def reject(self) -> None:
        if not self.cancel_button.isEnabled() and self.reversal is None:
            return  # a reversal is in flight
        if self.reversal is not None:
            self.accept()
            return
        self.outcome.stop()  # closing with the outcome unknown is safe: one reversal per payment
        super().reject()
