"""Table models of the payments area: open bills (checkable) and past payments."""

from __future__ import annotations

from decimal import Decimal
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from counter_app.documents.fmt import local_time
from counter_app.domain.money import format_money
from counter_app.services.accounts import PaymentSummary
from counter_app.services.ledger import ZERO, OpenBill

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class BillsModel(QAbstractTableModel):
    """Open bills oldest first, all checked when loaded."""

    class Columns(IntEnum):
        PERIOD = 0
        USAGE = 1
        AMOUNT = 2
        OUTSTANDING = 3
        DUE = 4

    selection_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._bills: list[OpenBill] = []
        self._checked: list[bool] = []

    def set_bills(self, bills) -> None:
        self.beginResetModel()
        self._bills = list(bills)
        self._checked = [True] * len(self._bills)
        self.endResetModel()
        self.selection_changed.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._bills)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.Columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.Columns.PERIOD: self.tr("Period"),
            self.Columns.USAGE: self.tr("Usage (t)"),
            self.Columns.AMOUNT: self.tr("Billed"),
            self.Columns.OUTSTANDING: self.tr("Owed"),
            self.Columns.DUE: self.tr("Due"),
        }[self.Columns(section)]

    def flags(self, index: Index):
        base = super().flags(index)
        if index.isValid() and index.column() == self.Columns.PERIOD:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        bill = self._bills[index.row()]
        column = self.Columns(index.column())
        if role == RECORD_ROLE:
            return bill
        if role == Qt.ItemDataRole.CheckStateRole and column == self.Columns.PERIOD:
            return Qt.CheckState.Checked if self._checked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.Columns.PERIOD:
            return _RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.Columns.PERIOD: bill.period,
            self.Columns.USAGE: str(bill.usage),
            self.Columns.AMOUNT: format_money(bill.amount),
            self.Columns.OUTSTANDING: format_money(bill.outstanding),
            self.Columns.DUE: bill.due_on.isoformat(),
        }[column]

    def setData(self, index: Index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != self.Columns.PERIOD:
            return False
        self._checked[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [role])
        self.selection_changed.emit()
        return True

    def toggle(self, row: int) -> None:
        if 0 <= row < len(self._bills):
            state = Qt.CheckState.Unchecked if self._checked[row] else Qt.CheckState.Checked
            self.setData(self.index(row, self.Columns.PERIOD), state, Qt.ItemDataRole.CheckStateRole)

    def chosen(self) -> list[OpenBill]:
        return [b for b, c in zip(self._bills, self._checked, strict=True) if c]

    def chosen_owed(self) -> Decimal:
        return sum((b.outstanding for b in self.chosen()), ZERO)


class PaymentsModel(QAbstractTableModel):
    """An account's payments, newest first; reversed ones flagged."""

    class Columns(IntEnum):
        RECEIPT = 0
        PAID_AT = 1
        AMOUNT = 2
        TENDERS = 3
        PERIODS = 4
        STATUS = 5

    def __init__(self, tender_names: dict[str, str], parent=None):
        super().__init__(parent)
        self._rows: list[PaymentSummary] = []
        self._tender_names = tender_names

    def set_payments(self, payments) -> None:
        self.beginResetModel()
        self._rows = list(payments)
        self.endResetModel()

    def record(self, row: int) -> PaymentSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.Columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.Columns.RECEIPT: self.tr("Receipt no."),
            self.Columns.PAID_AT: self.tr("Paid at"),
            self.Columns.AMOUNT: self.tr("Amount"),
            self.Columns.TENDERS: self.tr("Tenders"),
            self.Columns.PERIODS: self.tr("Periods"),
            self.Columns.STATUS: self.tr("Status"),
        }[self.Columns(section)]

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        p = self._rows[index.row()]
        column = self.Columns(index.column())
        if role == RECORD_ROLE:
            return p
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.Columns.AMOUNT:
            return _RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.Columns.RECEIPT:
            return p.receipt
        if column == self.Columns.PAID_AT:
            return local_time(p.paid_at, seconds=False)
        if column == self.Columns.AMOUNT:
            return format_money(p.amount)
        if column == self.Columns.TENDERS:
            return "、".join(self._tender_names.get(t.tender, t.tender) for t in p.tenders)
        if column == self.Columns.PERIODS:
            return "、".join(p.periods)
        return self.tr("Reversed") if p.reversed else self.tr("Posted")
