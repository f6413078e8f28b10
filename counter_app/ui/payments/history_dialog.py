"""An account's payments with 补打 (reprint) and 冲正 (reversal)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.services.accounts import PaymentSummary
from counter_app.services.receipt_facts import PayableAccount
from counter_app.ui.context import Workplace
from counter_app.ui.payments.messages import print_message
from counter_app.ui.payments.models import PaymentsModel
from counter_app.ui.payments.printing import reprint_job
from counter_app.ui.payments.reversal_dialog import ReversalDialog, tender_names

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"


class HistoryDialog(QDialog):
    def __init__(self, workplace: Workplace, account: PayableAccount, shift_id: int | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.workplace = workplace
        self.account = account
        self.shift_id = shift_id
        self.setWindowTitle(self.tr("Payments of account {0}").format(account.account_no))
        layout = QVBoxLayout(self)
        self.model = PaymentsModel(tender_names(), self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        layout.addWidget(self.view)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        buttons = QDialogButtonBox(self)
        self.reprint_button = buttons.addButton(
            self.tr("Reprint (Ctrl+P)"), QDialogButtonBox.ButtonRole.ActionRole)
        self.reverse_button = buttons.addButton(
            self.tr("Reverse (Ctrl+R)"), QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Close (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        self.reprint_button.clicked.connect(self.reprint)
        self.reverse_button.clicked.connect(self.reverse)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.reprint)
        QShortcut(QKeySequence("Ctrl+R"), self, activated=self.reverse)
        self.resize(760, 420)
        self.view.setFocus()
        self.load()

    def load(self) -> None:
        self.workplace.runner.submit(
            self.workplace.services.accounts.payments, self.account.account_id,
            on_done=self._loaded, on_error=self._failed, key="payments:history")

    def _loaded(self, payments) -> None:
        self.model.set_payments(payments)
        if payments:
            self.view.selectRow(0)
        else:
            self._say(self.tr("No payments yet."), "")

    def selected(self) -> PaymentSummary | None:
        return self.model.record(self.view.currentIndex().row())

    def _say(self, text: str, style: str) -> None:
        self.status_label.setStyleSheet(style)
        self.status_label.setText(text)

    def _failed(self, error: BaseException) -> None:
        self._say(self.tr("Failed: {0}").format(error), ERROR_STYLE)

    def reprint(self) -> None:
        payment = self.selected()
        if payment is None or not self.reprint_button.isEnabled():
            return
        self.reprint_button.setEnabled(False)
        self._say(self.tr("Reprinting {0}...").format(payment.receipt), OK_STYLE)
        self.workplace.runner.submit(
            reprint_job, self.workplace, payment.payment_id,
            on_done=self._reprinted, on_error=self._reprint_failed, key="payments:reprint")

    def _reprinted(self, count: int) -> None:
        self.reprint_button.setEnabled(True)
        self._say(self.tr("Reprinted (reprint no. {0}).").format(count), OK_STYLE)

    def _reprint_failed(self, error: BaseException) -> None:
        self.reprint_button.setEnabled(True)
        self._say(print_message(error), ERROR_STYLE)

    def reverse(self) -> None:
        payment = self.selected()
        if payment is None:
            return
        if payment.reversed:
            self._say(self.tr("Receipt {0} is already reversed; a payment is reversed once.")
                      .format(payment.receipt), ERROR_STYLE)
            return
        if self.shift_id is None:
            self._say(self.tr("Open a shift first: a reversal is booked on your shift."), ERROR_STYLE)
            return
        dialog = ReversalDialog(self.workplace, self.account, payment, self.shift_id, self)
        dialog.finished.connect(lambda _c: self.load())
        dialog.open()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # Enter does not close the list
            return
        super().keyPressEvent(event)
