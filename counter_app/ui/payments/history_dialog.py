"""An account's payments with 补打 and 冲正, by the months they were paid in (last 12 by default).
Unresolved reversal dialogs come back with Ctrl+R on their payment.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.documents.fmt import SHANGHAI
from counter_app.domain.periods import Period
from counter_app.services.accounts.service import PaymentSummary
from counter_app.services.payments.receipt_facts import PayableAccount
from counter_app.ui.context import Workplace
from counter_app.ui.errors import explain
from counter_app.ui.payments.messages import print_message
from counter_app.ui.payments.printing import reprint_job
from counter_app.ui.payments.reversal_dialog import ReversalDialog
from counter_app.ui.record_table import RecordTableView
from counter_app.ui.search.models import PaymentsModel
from counter_app.ui.style import ERROR_STYLE, OK_STYLE, show_status

DEFAULT_MONTHS = 12


def default_periods(now: datetime | None = None) -> tuple[Period, Period]:
    """The last 12 months, this one included (Asia/Shanghai)."""
    this = Period.from_date((now or datetime.now(SHANGHAI)).astimezone(SHANGHAI))
    return this.add(1 - DEFAULT_MONTHS), this


class HistoryDialog(QDialog):
    def __init__(
        self,
        workplace: Workplace,
        account: PayableAccount,
        shift_id: int | None,
        parent: QWidget | None = None,
        *,
        unresolved: dict[int, ReversalDialog] | None = None,
    ):
        super().__init__(parent)
        self.unresolved = {} if unresolved is None else unresolved
        self.workplace = workplace
        self.account = account
        self.shift_id = shift_id
        self.setWindowTitle(self.tr("Payments of account {0}").format(account.account_no))
        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_row())
        self.model = PaymentsModel(self)
        self.view = RecordTableView(self, self.model, fit=False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        buttons = QDialogButtonBox(self)
        self.reprint_button = buttons.addButton(
            self.tr("Reprint (Ctrl+P)"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.reverse_button = buttons.addButton(
            self.tr("Reverse (Ctrl+R)"), QDialogButtonBox.ButtonRole.ActionRole
        )
        close = buttons.addButton(self.tr("Close (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        self.reprint_button.clicked.connect(self.reprint)
        self.reverse_button.clicked.connect(self.reverse)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        QShortcut(QKeySequence("Ctrl+P"), self, self.reprint)
        QShortcut(QKeySequence("Ctrl+R"), self, self.reverse)
        QWidget.setTabOrder(self.from_edit, self.to_edit)
        QWidget.setTabOrder(self.to_edit, self.filter_button)
        QWidget.setTabOrder(self.filter_button, self.view)
        self.resize(760, 460)
        self.view.setFocus()
        self.load()

    def _filter_row(self) -> QHBoxLayout:
        """Paid from / to (months), Enter or the button applies it."""
        row = QHBoxLayout()
        first, last = default_periods()
        self.from_edit = QLineEdit(str(first), self)
        self.from_edit.setObjectName("fromPeriodEdit")
        self.to_edit = QLineEdit(str(last), self)
        self.to_edit.setObjectName("toPeriodEdit")
        for edit in (self.from_edit, self.to_edit):
            edit.setPlaceholderText("2026-03")
            edit.setMaximumWidth(110)
            edit.returnPressed.connect(self.load)
        from_label = QLabel(self.tr("Paid &from (month)"), self)
        from_label.setBuddy(self.from_edit)
        to_label = QLabel(self.tr("&to"), self)
        to_label.setBuddy(self.to_edit)
        self.filter_button = QPushButton(self.tr("Filter"), self)
        self.filter_button.setAutoDefault(False)
        self.filter_button.clicked.connect(self.load)
        for widget in (from_label, self.from_edit, to_label, self.to_edit, self.filter_button):
            row.addWidget(widget)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        row.addWidget(self.count_label, 1)
        return row

    def periods(self) -> tuple[Period | None, Period | None] | None:
        """The filter's months (None for a blank field: no bound), or None after
        saying which field is wrong."""
        found: list[Period | None] = []
        for edit, name in ((self.from_edit, self.tr("Paid from")), (self.to_edit, self.tr("to"))):
            try:
                found.append(Period.parse(edit.text()) if edit.text().strip() else None)
            except ValueError:
                self._refuse_period(
                    edit, self.tr("{field}: type a month as 2026-03.").format(field=name)
                )
                return None
        first, last = found
        if first and last and first > last:
            self._refuse_period(
                self.from_edit, self.tr("Paid from: the month is after the to month.")
            )
            return None
        return first, last

    def _refuse_period(self, edit: QLineEdit, message: str) -> None:
        self._say(message, ERROR_STYLE)
        edit.setFocus()
        edit.selectAll()

    def load(self) -> None:
        periods = self.periods()
        if periods is None:
            return
        self._say("", "")
        first, last = periods
        self.workplace.runner.submit(
            partial(
                self.workplace.services.accounts.payments,
                self.account.account_id,
                from_period=first,
                to_period=last,
            ),
            on_done=self._loaded,
            on_error=self._failed,
            key="payments:history",
        )

    def _loaded(self, payments) -> None:
        self.model.set_rows(payments)
        self.count_label.setText(self.tr("{0} payment(s)").format(len(payments)))
        if payments:
            self.view.selectRow(0)
        else:
            self._say(self.tr("No payments in these months."), "")

    def selected(self) -> PaymentSummary | None:
        return self.view.current_record()

    def _say(self, text: str, style: str) -> None:
        show_status(self.status_label, text, style)

    def _failed(self, error: BaseException) -> None:
        self._say(explain(error), ERROR_STYLE)

    def reprint(self) -> None:
        payment = self.selected()
        if payment is None or not self.reprint_button.isEnabled():
            return
        self.reprint_button.setEnabled(False)
        self._say(self.tr("Reprinting {0}...").format(payment.receipt), OK_STYLE)
        self.workplace.runner.submit(
            reprint_job,
            self.workplace,
            payment.payment_id,
            on_done=self._reprinted,
            on_error=self._reprint_failed,
            key="payments:reprint",
        )

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
        kept = self.unresolved.get(payment.payment_id)
        if kept is not None:  # the same reversal (UUID) until it is booked
            if kept.parent() is not self:
                kept.setParent(self, kept.windowFlags())
            kept.resume()
            return
        if payment.reversed:
            self._say(
                self.tr("Receipt {0} is already reversed; a payment is reversed once.").format(
                    payment.receipt
                ),
                ERROR_STYLE,
            )
            return
        if self.shift_id is None:
            self._say(
                self.tr("Open a shift first: a reversal is booked on your shift."), ERROR_STYLE
            )
            return
        dialog = ReversalDialog(self.workplace, self.account, payment, self.shift_id, self)
        dialog.finished.connect(partial(_reversal_closed, self.unresolved, dialog))
        dialog.open()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # Enter does not close the list
            return
        super().keyPressEvent(event)


def _reversal_closed(
    unresolved: dict[int, ReversalDialog], dialog: ReversalDialog, _code: int
) -> None:
    if dialog.unresolved:
        unresolved[dialog.payment.payment_id] = dialog
    else:
        unresolved.pop(dialog.payment.payment_id, None)
    history = dialog.parent()
    if isinstance(history, HistoryDialog):
        history.load()
