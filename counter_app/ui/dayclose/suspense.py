"""The suspense list (挂账) on a supervisor's day-close page, and the dialog that resolves one.
Rules: docs/rules/payments.md ("Channels")
"""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.localtime import SHANGHAI
from counter_app.domain.money import format_money
from counter_app.services.actions import ActionError
from counter_app.services.channels.service import SuspenseList, SuspenseRow
from counter_app.ui.context import Workplace
from counter_app.ui.errors import explain
from counter_app.ui.record_model import RecordTableModel
from counter_app.ui.record_table import RecordTableView
from counter_app.ui.style import ERROR_STYLE


def reason_name(code: str) -> str:
    names = {
        "unknown_account": QCoreApplication.translate("Suspense", "Unknown account"),
        "closed_account": QCoreApplication.translate("Suspense", "Closed account"),
        "overpaid": QCoreApplication.translate("Suspense", "More than owed"),
    }
    return names.get(code, code)


def action_name(code: str) -> str:
    names = {
        "to_prepayment": QCoreApplication.translate("Suspense", "Posted to its account"),
        "to_account": QCoreApplication.translate("Suspense", "Posted to another account"),
        "refunded": QCoreApplication.translate("Suspense", "Refunded"),
    }
    return names.get(code, code)


def refusal_text(error: BaseException) -> str:
    if isinstance(error, ValueError):
        field = str(error).split(":", 1)[0]
        return {
            "reason": QCoreApplication.translate("Suspense", "Give the reason."),
            "account_no": QCoreApplication.translate(
                "Suspense", "Give the account number to post it to."
            ),
        }.get(field, str(error))
    if isinstance(error, ActionError):
        return {
            "already": QCoreApplication.translate(
                "Suspense", "Another supervisor resolved it already; the list is refreshed."
            ),
            "no_account": QCoreApplication.translate(
                "Suspense", "The order names no known account: post it to another account."
            ),
            "account": QCoreApplication.translate("Suspense", "No account with this number."),
            "account_closed": QCoreApplication.translate("Suspense", "That account is closed."),
            "role": QCoreApplication.translate("Suspense", "Only a supervisor may do this."),
        }.get(
            error.code,
            QCoreApplication.translate("Suspense", "Refused: {error}").format(error=error.message),
        )
    return explain(error)


class SuspenseModel(RecordTableModel[SuspenseRow]):
    class Columns(IntEnum):
        ORDER = 0
        ACCOUNT = 1
        AMOUNT = 2
        REASON = 3
        PAID_AT = 4
        STATE = 5

    RIGHT_ALIGNED = frozenset({Columns.AMOUNT})
    SORTABLE = True

    def headers(self) -> list[str]:
        return [
            self.tr("Order"),
            self.tr("Account"),
            self.tr("Amount"),
            self.tr("Why held"),
            self.tr("Paid at"),
            self.tr("State"),
        ]

    def display(self, record: SuspenseRow, column: SuspenseModel.Columns) -> str:
        c = self.Columns
        if column is c.ORDER:
            return record.ref
        if column is c.ACCOUNT:
            return f"{record.account_no} {record.account_name or ''}".strip()
        if column is c.AMOUNT:
            return format_money(record.amount)
        if column is c.REASON:
            return reason_name(record.reason)
        if column is c.PAID_AT:
            return self.sort_key(record, column).astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M:%S")
        if record.resolution is None:
            return self.tr("Open")
        return action_name(record.resolution["action"])

    def sort_key(self, record: SuspenseRow, column: SuspenseModel.Columns) -> Any:
        if column is self.Columns.AMOUNT:
            return record.amount
        if column is self.Columns.PAID_AT:
            return datetime.fromisoformat(record.paid_at)
        return super().sort_key(record, column)


class ResolveDialog(QDialog):
    """Resolve one held order; the call runs on the runner, the dialog stays
    open with what was typed when it is refused."""

    def __init__(self, workplace: Workplace, row: SuspenseRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.workplace = workplace
        self.row = row
        self.resolved: SuspenseRow | None = None
        self.setWindowTitle(self.tr("Resolve held order {ref}").format(ref=row.ref))
        form = QFormLayout()
        form.addRow(self.tr("Amount:"), QLabel(format_money(row.amount)))
        form.addRow(self.tr("Why held:"), QLabel(reason_name(row.reason)))
        self.action_box = QComboBox()
        for code in ("to_prepayment", "to_account", "refunded"):
            self.action_box.addItem(action_name(code), code)
        if row.account_id is None:
            self.action_box.setCurrentIndex(1)
        label = QLabel(self.tr("&Action:"))
        label.setBuddy(self.action_box)
        form.addRow(label, self.action_box)
        self.account_edit = QLineEdit()
        label = QLabel(self.tr("A&ccount no.:"))
        label.setBuddy(self.account_edit)
        form.addRow(label, self.account_edit)
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(200)
        label = QLabel(self.tr("&Reason:"))
        label.setBuddy(self.reason_edit)
        form.addRow(label, self.reason_edit)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.account_edit.returnPressed.connect(self.reason_edit.setFocus)
        self.reason_edit.returnPressed.connect(self.submit)
        self.action_box.currentIndexChanged.connect(self._action_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._action_changed()

    def _action_changed(self) -> None:
        self.account_edit.setEnabled(self.action_box.currentData() == "to_account")

    def submit(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if not ok.isEnabled():
            return
        ok.setEnabled(False)
        self.workplace.runner.submit(
            partial(
                self.workplace.services.channels.resolve_suspense,
                account_no=self.account_edit.text(),
                workstation=self.workplace.actor.workstation,
            ),
            self.row.id,
            self.action_box.currentData(),
            self.reason_edit.text(),
            on_done=self._done,
            on_error=self._failed,
            key="suspense.resolve",
        )

    def _done(self, row: SuspenseRow) -> None:
        self.resolved = row
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.message.setText(refusal_text(error))
        self.message.show()
        target = (
            self.account_edit
            if "account" in str(getattr(error, "code", error))
            else self.reason_edit
        )
        target.setFocus(Qt.FocusReason.OtherFocusReason)


class SuspensePanel(QGroupBox):
    """The suspense list of the utility, with its open total."""

    def __init__(self, workplace: Workplace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workplace = workplace
        self.setTitle(self.tr("Channel money held (suspense)"))
        self.status_box = QComboBox()
        for code, text in (
            ("open", self.tr("Open")),
            ("resolved", self.tr("Resolved")),
            ("all", self.tr("All")),
        ):
            self.status_box.addItem(text, code)
        self.summary = QLabel()
        self.resolve_button = QPushButton(self.tr("Re&solve…"))
        self.refresh_button = QPushButton(self.tr("Re&load"))
        self.model = SuspenseModel(self)
        self.view = RecordTableView(model=self.model, fit=False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.activated.connect(self.resolve_selected)
        top = QHBoxLayout()
        top.addWidget(self.status_box)
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.resolve_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self.status_box.currentIndexChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.dialog: ResolveDialog | None = None

    def refresh(self) -> None:
        self.workplace.runner.submit(
            self.workplace.services.channels.suspense_list,
            self.status_box.currentData(),
            on_done=self._loaded,
            on_error=self._failed,
            key="suspense.load",
        )

    def _loaded(self, found: SuspenseList) -> None:
        self.model.set_rows(found.rows)
        self.summary.setStyleSheet("")
        self.summary.setText(
            self.tr("{count} open, {amount}").format(
                count=found.open_count, amount=format_money(found.open_amount)
            )
        )
        self.resolve_button.setEnabled(any(r.is_open for r in found.rows))

    def _failed(self, error: BaseException) -> None:
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setText(refusal_text(error))

    def resolve_selected(self) -> None:
        row = self.view.current_record()
        if row is None or not row.is_open:
            return
        self.dialog = ResolveDialog(self.workplace, row, self)
        self.dialog.finished.connect(self.refresh)
        self.dialog.open()
