"""调账: a supervisor corrects an issued bill at the window with a linked credit or debit,
signed in here as for a reversal (the database records them as the approver).
Rules: docs/rules/billing.md ("Issued bills and adjustments")
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from counter_app.documents.fmt import yen as money_text
from counter_app.domain.errors import CounterError
from counter_app.domain.money import MoneyError, parse_money
from counter_app.services.accounts.service import AccountView, BillSummary
from counter_app.services.auth import LoginError
from counter_app.services.tariffs.billing import Adjustment
from counter_app.ui.context import Workplace
from counter_app.ui.errors import connection_lost, explain
from counter_app.ui.forms.ui_search_adjust_bill import Ui_AdjustBillDialog
from counter_app.ui.payments.supervisor import as_supervisor, sign_in_text
from counter_app.ui.style import ERROR_STYLE, MUTED_STYLE, OK_STYLE, refuse_at, show_status

APPROVER_ROLE = "supervisor"  # counter_adjust_bill: a supervisor or an admin


class ApprovalRefused(CounterError):
    """No supervisor approved: none can sign in here, or the login is no supervisor."""

    kind = "forbidden"


def adjust_with_supervisor(
    workplace: Workplace, bill_id: int, amount: Decimal, reason: str, username: str, password: str
) -> Adjustment:
    """Worker: the correction on the supervisor's own connection, then let go."""
    return as_supervisor(
        workplace,
        username,
        password,
        ApprovalRefused,
        lambda services: services.adjustments.adjust(bill_id, amount, reason, workplace.actor),
    )


class AdjustBillDialog(QDialog):
    """``adjusted(Adjustment)`` once the database made the correction."""

    adjusted = Signal(object)

    def __init__(
        self,
        workplace: Workplace,
        account: AccountView,
        bill: BillSummary,
        corrections: tuple[BillSummary, ...] = (),
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.workplace = workplace
        self.account_id = account.account_id
        self.bill = bill
        self.adjustment: Adjustment | None = None
        self.signed_in = workplace.clerk.has_role(APPROVER_ROLE)
        self.ui = ui = Ui_AdjustBillDialog()
        ui.setupUi(self)
        self.setWindowTitle(self.tr("Adjust bill {0}").format(bill.period))
        self.credit_radio, self.debit_radio = ui.creditRadio, ui.debitRadio
        self.amount_edit, self.reason_edit = ui.amountEdit, ui.reasonEdit
        self.supervisor_edit, self.password_edit = ui.supervisorEdit, ui.passwordEdit
        self.preview_label, self.status_label = ui.previewLabel, ui.statusLabel
        self.confirm_button, self.cancel_button = ui.confirmButton, ui.cancelButton
        ui.billLabel.setText(
            self.tr(
                "Account {no} {name}, bill {period} ({start} to {end})\n"
                "Readings {first} → {last}, {usage} t; issued {amount}, paid {paid}, due {due}"
            ).format(
                no=account.account_no,
                name=account.name,
                period=bill.period,
                start=bill.period_start.isoformat(),
                end=bill.period_end.isoformat(),
                first=bill.start_reading,
                last=bill.end_reading,
                usage=bill.usage,
                amount=money_text(bill.amount),
                paid=money_text(bill.paid),
                due=bill.due_on.isoformat(),
            )
        )
        ui.adjustedLabel.setText(self._adjusted_text(corrections))
        ui.hintLabel.setStyleSheet(MUTED_STYLE)
        if self.signed_in:
            ui.hintLabel.setText(
                self.tr(
                    "You approve this correction as {0}; it is recorded with your name."
                ).format(workplace.clerk.display_name)
            )
            for row in (3, 4):  # the supervisor's sign-in: not needed
                ui.formLayout.setRowVisible(row, False)
        else:
            ui.hintLabel.setText(
                self.tr(
                    "A supervisor signs in here at this workstation to "
                    "approve; the correction is recorded with their name."
                )
            )
        self.amount_edit.textChanged.connect(self._preview)
        self.credit_radio.toggled.connect(self._preview)
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.reject)
        self._preview()
        self.amount_edit.setFocus()

    def _adjusted_text(self, corrections: tuple[BillSummary, ...]) -> str:
        net = money_text(self.bill.net)
        if not self.bill.adjusted and not corrections:
            return self.tr("Not adjusted so far; the bill comes to {0}.").format(net)
        lines = [
            self.tr("Adjusted so far: {adjusted}; the bill comes to {net}.").format(
                adjusted=signed(self.bill.adjusted), net=net
            )
        ]
        lines += [
            self.tr("{amount}  {reason} (approved by {who})").format(
                amount=signed(c.amount), reason=c.reason, who=c.approved_by or "-"
            )
            for c in corrections
        ]
        return "\n".join(lines)

    # -- the figure ---------------------------------------------------------------------

    def _amount(self) -> Decimal:
        """The signed amount typed (MoneyError when refused)."""
        amount = parse_money(self.amount_edit.text())
        return -amount if self.credit_radio.isChecked() else amount

    def _preview(self) -> None:
        if self.adjustment is not None:
            return
        try:
            amount = self._amount()
        except MoneyError:
            self.preview_label.clear()
            return
        after = self.bill.net + amount
        if after < 0:
            self.preview_label.setStyleSheet(ERROR_STYLE)
            self.preview_label.setText(self._below_zero_text())
        else:
            self.preview_label.setStyleSheet(MUTED_STYLE)
            self.preview_label.setText(
                self.tr("After this correction the bill comes to {0}.").format(money_text(after))
            )

    def _below_zero_text(self) -> str:
        return self.tr(
            "Amount: a credit cannot take the bill below zero; it comes to {0}, "
            "so a credit of {0} at most."
        ).format(money_text(self.bill.net))

    def _amount_text(self, error: MoneyError) -> str:
        typed = self.amount_edit.text().strip()
        texts = {
            "empty": self.tr("Amount: type the amount of the correction."),
            "negative": self.tr(
                "Amount “{0}”: type it without a sign; choose credit or debit above."
            ),
            "zero": self.tr("Amount “{0}”: a correction is more than 0.00."),
            "too_many_decimals": self.tr("Amount “{0}”: at most two decimals (fen)."),
            "too_large": self.tr("Amount “{0}”: too large."),
        }
        text = texts.get(
            error.code, self.tr("Amount “{0}”: not an amount; type digits like 12.50.")
        )
        return text.format(typed)

    # -- confirming ---------------------------------------------------------------------

    def _say(self, text: str, style: str) -> None:
        show_status(self.status_label, text, style)

    def _refuse(self, text: str, widget: QLineEdit) -> None:
        refuse_at(self.status_label, text, widget)

    def confirm(self) -> None:
        if self.adjustment is not None:
            self.accept()
            return
        if not self.confirm_button.isEnabled():
            return
        try:
            amount = self._amount()
        except MoneyError as error:
            self._refuse(self._amount_text(error), self.amount_edit)
            return
        if self.bill.net + amount < 0:
            self._refuse(self._below_zero_text(), self.amount_edit)
            return
        reason = self.reason_edit.text().strip()
        if not reason:
            self._refuse(self.tr("Reason: say why the bill is corrected."), self.reason_edit)
            return
        if self.signed_in:
            services, actor = self.workplace.services, self.workplace.actor
            args: tuple = (services.adjustments.adjust, self.bill.bill_id, amount, reason, actor)
        else:
            username, password = self.supervisor_edit.text().strip(), self.password_edit.text()
            if not username:
                self._refuse(
                    self.tr("Supervisor: type the supervisor's username."), self.supervisor_edit
                )
                return
            if not password:
                self._refuse(
                    self.tr("Password: the supervisor types the password."), self.password_edit
                )
                return
            args = (
                adjust_with_supervisor,
                self.workplace,
                self.bill.bill_id,
                amount,
                reason,
                username,
                password,
            )
        self._busy(True)
        self._say(self.tr("Adjusting..."), OK_STYLE)
        self.workplace.runner.submit(
            *args,
            on_done=self._done,
            on_error=self._failed,
            key=f"adjust-bill:{self.bill.bill_id}",
            changes=self.account_id,
        )

    def _busy(self, busy: bool) -> None:
        for edit in (self.amount_edit, self.reason_edit, self.supervisor_edit, self.password_edit):
            edit.setReadOnly(busy)
        for widget in (
            self.credit_radio,
            self.debit_radio,
            self.confirm_button,
            self.cancel_button,
        ):
            widget.setEnabled(not busy)

    def _done(self, result: Adjustment) -> None:
        self.adjustment = result
        self._busy(True)
        self.password_edit.clear()
        self.confirm_button.setText(self.tr("Done (Enter)"))
        self.confirm_button.setEnabled(True)
        self.confirm_button.setFocus()
        kind = self.tr("Credit") if result.amount < 0 else self.tr("Debit")
        self._say(
            self.tr(
                "{kind} {amount} recorded, approved by {who}: the bill now comes to {net}."
            ).format(
                kind=kind,
                amount=money_text(abs(result.amount)),
                who=result.approved_by,
                net=money_text(result.net),
            ),
            OK_STYLE,
        )
        self.adjusted.emit(result)

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        if isinstance(error, LoginError):
            self._refuse(sign_in_text(error), self.password_edit)
            return
        if connection_lost(error):
            # the action is one statement: it was made whole or not at all; the
            # bill list is read again to show which, and nothing is sent twice
            self._busy(True)
            self.cancel_button.setEnabled(True)
            self.cancel_button.setFocus()
            self.workplace.events.changed.emit(self.account_id)
            self._say(
                self.tr(
                    "The connection was lost: the correction was made whole or not "
                    "at all. Close this and check the bill list before trying "
                    "again."
                ),
                ERROR_STYLE,
            )
            return
        code = error.code if isinstance(error, CounterError) else ""
        field = error.field if isinstance(error, CounterError) else None
        not_supervisor = self.tr(
            "Supervisor: this user is not a supervisor; a supervisor must approve a correction."
        )
        texts = {
            "over_credit": self.tr(
                "Amount: a credit cannot take the bill below zero. It was "
                "corrected meanwhile: nothing was written; close this, "
                "look at the bill again and try again."
            ),
            "adjustment": self.tr(
                "Bill: this is a correction itself; correct the bill it corrects."
            ),
            "supervisor": not_supervisor,
            "role": not_supervisor,
            "privilege": not_supervisor,
            "no_authenticator": self.tr(
                "Supervisor: supervisors cannot sign in on this workstation."
            ),
            "reason": self.tr("Reason: say why the bill is corrected (at most 200 characters)."),
        }
        if code in texts:
            text = texts[code]
        elif isinstance(error, MoneyError | ValueError) and field == "amount":
            text = self.tr("Amount: not accepted ({0}).").format(explain(error))
        else:
            text = explain(error)
        widget = {"amount": self.amount_edit, "reason": self.reason_edit}.get(
            field or "", self.amount_edit if self.signed_in else self.supervisor_edit
        )
        self._refuse(text, widget)

    def reject(self) -> None:
        if self.adjustment is not None:
            self.accept()
            return
        if not self.cancel_button.isEnabled():
            return  # the correction is in flight
        super().reject()


def signed(amount: Decimal) -> str:
    """``−¥10.00`` / ``+¥5.00``: a correction reads with its sign."""
    return ("+" if amount > 0 else "−" if amount < 0 else "") + money_text(abs(amount))


def open_adjust_dialog(
    parent: QWidget,
    workplace: Workplace,
    account: AccountView,
    bill: BillSummary,
    corrections: tuple[BillSummary, ...],
) -> AdjustBillDialog:
    dialog = AdjustBillDialog(workplace, account, bill, corrections, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
