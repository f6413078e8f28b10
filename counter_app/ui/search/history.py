"""Bill and payment history of one account, with a period filter and each
bill's lines on demand (select a bill → its lines)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.periods import Period
from counter_app.services.accounts.service import AccountHistoryPage, BillSummary, PaymentSummary
from counter_app.ui.context import Workplace
from counter_app.ui.errors import explain
from counter_app.ui.record_table import RecordTableView
from counter_app.ui.search.models import BillLinesModel, BillsModel, PaymentsModel

HISTORY_KEY = "search.history"
LINES_KEY = "search.bill_lines"


def rows_height(table: QTableView, rows: int) -> int:
    """Pixels a table needs to show its header and ``rows`` rows."""
    header = table.horizontalHeader().sizeHint().height()
    return header + rows * table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth()


def parse_period(text: str) -> Period | None:
    """None for an empty field; ValueError for a bad one."""
    return Period.parse(text) if text.strip() else None


class HistoryWidget(QWidget):
    """``message(text)`` reports a problem in the clerk's words;
    ``adjust_requested(bill, corrections)``: Adjust bill… on the selected bill
    (an issued one: a correction's own bill when a correction is selected)."""

    message = Signal(str)
    adjust_requested = Signal(object, object)

    def __init__(self, workplace: Workplace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workplace = workplace
        self.account_id: int | None = None

        filter_row = QHBoxLayout()
        filter_row.setContentsMargins(0, 0, 0, 0)
        self.from_edit = QLineEdit(self)
        self.from_edit.setObjectName("fromPeriodEdit")
        self.to_edit = QLineEdit(self)
        self.to_edit.setObjectName("toPeriodEdit")
        for edit in (self.from_edit, self.to_edit):
            edit.setPlaceholderText("2026-01")
            edit.setMaximumWidth(110)
            edit.returnPressed.connect(self.apply_filter)
        self.filter_button = QPushButton(self.tr("Filter"), self)
        self.filter_button.setAutoDefault(False)
        self.filter_button.clicked.connect(self.apply_filter)
        from_label = QLabel(self.tr("Periods &from"), self)
        from_label.setBuddy(self.from_edit)
        to_label = QLabel(self.tr("&to"), self)
        to_label.setBuddy(self.to_edit)
        filter_row.addWidget(from_label)
        filter_row.addWidget(self.from_edit)
        filter_row.addWidget(to_label)
        filter_row.addWidget(self.to_edit)
        filter_row.addWidget(self.filter_button)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("historyCountLabel")
        filter_row.addWidget(self.count_label, 1)
        # a correction of the selected bill (supervisor-approved: adjust_dialog.py)
        self.adjust_button = QPushButton(self.tr("Adjust &bill…"), self)
        self.adjust_button.setObjectName("adjustBillButton")
        self.adjust_button.setAutoDefault(False)
        self.adjust_button.setEnabled(False)
        self.adjust_button.clicked.connect(self.request_adjust)
        filter_row.addWidget(self.adjust_button)

        self.bills_model = BillsModel(self)
        self.lines_model = BillLinesModel(self)
        self.payments_model = PaymentsModel(self)
        self.tabs = QTabWidget(self)
        bills_split = QSplitter(Qt.Orientation.Vertical, self.tabs)
        self.bills_table = RecordTableView(
            bills_split, self.bills_model, name="billsTable", roomy_rows=True
        )
        self.lines_table = RecordTableView(
            bills_split,
            self.lines_model,
            name="billLinesTable",
            stretch=BillLinesModel.Columns.ITEM,
            roomy_rows=True,
        )
        self.lines_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bills_split.addWidget(self.bills_table)
        bills_split.addWidget(self.lines_table)
        # the bills are what the clerk reads: four rows at least, whatever the font
        self.bills_table.setMinimumHeight(rows_height(self.bills_table, 4))
        bills_split.setChildrenCollapsible(False)
        bills_split.setStretchFactor(0, 3)
        bills_split.setStretchFactor(1, 2)
        self.payments_table = RecordTableView(
            self.tabs,
            self.payments_model,
            name="paymentsTable",
            stretch=PaymentsModel.Columns.TENDERS,
            roomy_rows=True,
        )
        self.tabs.addTab(bills_split, self.tr("Bills"))
        self.tabs.addTab(self.payments_table, self.tr("Payments"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filter_row)
        layout.addWidget(self.tabs, 1)
        self.bills_table.selectionModel().selectionChanged.connect(self._bill_selected)
        self.setTabOrder(self.bills_table, self.payments_table)
        self.setTabOrder(self.payments_table, self.from_edit)
        self.setTabOrder(self.from_edit, self.to_edit)
        self.setTabOrder(self.filter_button, self.adjust_button)

    # -- data --------------------------------------------------------------------------

    def show_history(
        self, account_id: int, bills: tuple[BillSummary, ...], payments: tuple[PaymentSummary, ...]
    ) -> None:
        self.account_id = account_id
        self.bills_model.set_rows(bills)
        self.payments_model.set_rows(payments)
        self.lines_model.set_rows(())
        self.count_label.setText(
            self.tr("{bills} bills, {payments} payments").format(
                bills=len(bills), payments=len(payments)
            )
        )
        if bills:
            self.bills_table.selectRow(0)
        self.adjust_button.setEnabled(bool(bills))

    def clear(self) -> None:
        self.account_id = None
        self.workplace.runner.cancel(HISTORY_KEY)
        self.workplace.runner.cancel(LINES_KEY)
        for model in (self.bills_model, self.lines_model, self.payments_model):
            model.set_rows(())
        self.from_edit.clear()
        self.to_edit.clear()
        self.count_label.clear()
        self.adjust_button.setEnabled(False)

    def periods(self) -> tuple[Period | None, Period | None] | None:
        """The filter's periods, or None after reporting which field is wrong."""
        try:
            from_p = parse_period(self.from_edit.text())
        except ValueError:
            self.message.emit(self.tr("From period: type it as 2026-03."))
            self.from_edit.setFocus()
            return None
        try:
            to_p = parse_period(self.to_edit.text())
        except ValueError:
            self.message.emit(self.tr("To period: type it as 2026-03."))
            self.to_edit.setFocus()
            return None
        if from_p and to_p and from_p > to_p:
            self.message.emit(self.tr("From period is after the to period."))
            self.from_edit.setFocus()
            return None
        return from_p, to_p

    def apply_filter(self) -> None:
        if self.account_id is None:
            return
        periods = self.periods()
        if periods is None:
            return
        self.message.emit("")
        self._load(self.account_id, periods)

    def reload(self) -> None:
        """Read the history again (the account changed), filtered as shown;
        a period field being edited does not stop it."""
        if self.account_id is None:
            return
        try:
            periods = (parse_period(self.from_edit.text()), parse_period(self.to_edit.text()))
        except ValueError:
            periods = (None, None)
        self._load(self.account_id, periods)

    def _load(self, account_id: int, periods: tuple[Period | None, Period | None]) -> None:
        accounts = self.workplace.services.accounts

        def load() -> AccountHistoryPage:
            return accounts.history(account_id, from_period=periods[0], to_period=periods[1])

        self.workplace.runner.submit(
            load,
            on_done=lambda r: self._filtered(account_id, r),
            on_error=self._failed,
            key=HISTORY_KEY,
        )

    def _filtered(self, account_id: int, result: AccountHistoryPage) -> None:
        if account_id == self.account_id:
            self.show_history(account_id, result.bills, result.payments)

    def _bill_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()  # of the sort proxy: the record comes with the index
        bill = self.bills_table.record_at(rows[0]) if rows else None
        if bill is None:
            self.lines_model.set_rows(())
            return
        self.workplace.runner.submit(
            self.workplace.services.accounts.bill_lines,
            bill.bill_id,
            on_done=self.lines_model.set_rows,
            on_error=self._failed,
            key=LINES_KEY,
        )

    def _failed(self, exc: BaseException) -> None:
        self.message.emit(explain(exc))

    # -- corrections --------------------------------------------------------------------

    def request_adjust(self) -> None:
        """The selected issued bill (a correction stands for the bill it corrects)
        and its corrections as listed, for Adjust bill…."""
        selected: BillSummary | None = self.bills_table.current_record()
        if self.account_id is None or selected is None:
            self.message.emit(self.tr("Select the bill to adjust in the bill list first."))
            return
        rows = self.bills_model.rows
        target = selected.adjusts_bill_id or selected.bill_id
        bill = next((b for b in rows if b.bill_id == target), None)
        if bill is None:  # the bill it corrects is outside the periods shown
            self.message.emit(
                self.tr("Show the periods of the bill it corrects (clear the filter) to adjust it.")
            )
            return
        self.message.emit("")
        self.adjust_requested.emit(bill, tuple(b for b in rows if b.adjusts_bill_id == target))
