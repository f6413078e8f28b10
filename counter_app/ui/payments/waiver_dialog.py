"""减免违约金: a supervisor waives part or all of today's late fee on their own login.
Rules: docs/rules/late_fees.md
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from counter_app.domain.money import MoneyError, format_money, parse_money
from counter_app.services.auth import LoginError
from counter_app.services.payments.late_fees import LateFeeError, Waiver
from counter_app.ui.context import Workplace
from counter_app.ui.errors import explain
from counter_app.ui.forms.ui_payments_waiver_dialog import Ui_WaiverDialog
from counter_app.ui.payments.supervisor import as_supervisor, sign_in_text
from counter_app.ui.style import MUTED_STYLE, OK_STYLE, refuse_at


def waive_with_supervisor(
    workplace: Workplace,
    account_id: int,
    fee: Decimal,
    amount: Decimal,
    reason: str,
    username: str,
    password: str,
) -> Waiver:
    """Worker: the waiver on the supervisor's own connection."""
    return as_supervisor(
        workplace,
        username,
        password,
        LateFeeError,
        lambda services: services.late_fees.waive(
            workplace.actor, account_id=account_id, expected_fee=fee, amount=amount, reason=reason
        ),
    )


class WaiverDialog(QDialog):
    """``waived(Waiver)`` when the supervisor approved."""

    waived = Signal(object)

    def __init__(
        self, workplace: Workplace, account_id: int, fee: Decimal, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.workplace = workplace
        self.account_id = account_id
        self.fee = fee  # the account's whole fee today, as the supervisor approves it
        self.ui = Ui_WaiverDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.feeLabel.setText(self.tr("Late fee today: ¥{0}").format(format_money(fee)))
        ui.hintLabel.setStyleSheet(MUTED_STYLE)
        self.amount_edit = ui.waiveAmountEdit
        self.amount_edit.setText(format_money(fee))
        self.reason_edit = ui.reasonEdit
        self.supervisor_edit = ui.supervisorEdit
        self.password_edit = ui.passwordEdit
        self.status_label = ui.statusLabel
        self.confirm_button = ui.confirmButton
        self.confirm_button.clicked.connect(self.confirm)
        ui.cancelButton.clicked.connect(self.reject)
        self.amount_edit.selectAll()
        self.amount_edit.setFocus()

    def _refuse(self, text: str, widget: QLineEdit) -> None:
        refuse_at(self.status_label, text, widget)

    def confirm(self) -> None:
        try:
            amount = parse_money(self.amount_edit.text())
        except MoneyError:
            amount = None
        if amount is None or amount <= 0 or amount > self.fee:
            self._refuse(
                self.tr("Amount waived: above 0 and at most ¥{0}.").format(format_money(self.fee)),
                self.amount_edit,
            )
            return
        for edit, text in (
            (self.reason_edit, self.tr("Reason: give the reason for the waiver.")),
            (self.supervisor_edit, self.tr("Supervisor: type the supervisor's username.")),
            (self.password_edit, self.tr("Password: the supervisor types the password.")),
        ):
            if not edit.text().strip():
                self._refuse(text, edit)
                return
        self.confirm_button.setEnabled(False)
        self.status_label.setStyleSheet(OK_STYLE)
        self.status_label.setText(self.tr("Waiving..."))
        self.workplace.runner.submit(
            waive_with_supervisor,
            self.workplace,
            self.account_id,
            self.fee,
            amount,
            self.reason_edit.text().strip(),
            self.supervisor_edit.text().strip(),
            self.password_edit.text(),
            on_done=self._done,
            on_error=self._failed,
        )

    def _done(self, waiver: Waiver) -> None:
        self.waived.emit(waiver)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.confirm_button.setEnabled(True)
        if isinstance(error, LoginError):
            self._refuse(sign_in_text(error), self.password_edit)
        elif isinstance(error, LateFeeError):
            texts = {
                "supervisor": self.tr("Supervisor: this user is not a supervisor."),
                "role": self.tr("Supervisor: this user is not a supervisor."),
                "privilege": self.tr("Supervisor: this user is not a supervisor."),
                "stale_fee": self.tr(
                    "The late fee changed since it was shown; close and open the payment again."
                ),
                "reason": self.tr("Reason: give the reason for the waiver."),
            }
            widget = (
                self.reason_edit
                if error.field == "reason"
                else (self.amount_edit if error.field == "amount" else self.supervisor_edit)
            )
            self._refuse(texts.get(error.code, str(error)), widget)
        else:
            self._refuse(explain(error), self.supervisor_edit)
