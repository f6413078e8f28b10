"""Table model of the payment dialog's open bills (checkable). An account's
past payments use the search area's ``PaymentsModel`` (one model for one record)."""

from __future__ import annotations

from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt, Signal

from counter_app.domain.money import format_money
from counter_app.services.accounts.ledger import ZERO, OpenBill
from counter_app.ui.record_model import RECORD_ROLE, Index, RecordTableModel

__all__ = ["RECORD_ROLE", "BillsModel"]


class BillsModel(RecordTableModel[OpenBill]):
    """Open bills oldest first, all checked when loaded."""

    class Columns(IntEnum):
        PERIOD = 0
        USAGE = 1
        AMOUNT = 2
        OUTSTANDING = 3
        DUE = 4

    RIGHT_ALIGNED = frozenset({Columns.USAGE, Columns.AMOUNT, Columns.OUTSTANDING, Columns.DUE})
    selection_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._checked: list[bool] = []

    def set_bills(self, bills) -> None:
        bills = list(bills)
        self._checked = [True] * len(bills)
        self.set_rows(bills)
        self.selection_changed.emit()

    def headers(self) -> list[str]:
        return [
            self.tr("Period"),
            self.tr("Usage (t)"),
            self.tr("Billed"),
            self.tr("Owed"),
            self.tr("Due"),
        ]

    def display(self, bill: OpenBill, column: BillsModel.Columns) -> str:
        c = self.Columns
        if column in (c.AMOUNT, c.OUTSTANDING):
            return format_money(self.sort_key(bill, column))
        return str(self.sort_key(bill, column))

    def sort_key(self, bill: OpenBill, column: BillsModel.Columns) -> Any:
        c = self.Columns
        match column:
            case c.PERIOD:
                return bill.period
            case c.USAGE:
                return bill.usage
            case c.AMOUNT:
                return bill.amount
            case c.OUTSTANDING:
                return bill.outstanding
        return bill.due_on

    def flags(self, index: Index):
        base = super().flags(index)
        if index.isValid() and index.column() == self.Columns.PERIOD:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if (
            index.isValid()
            and role == Qt.ItemDataRole.CheckStateRole
            and index.column() == self.Columns.PERIOD
        ):
            return Qt.CheckState.Checked if self._checked[index.row()] else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != self.Columns.PERIOD:
            return False
        self._checked[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [role])
        self.selection_changed.emit()
        return True

    def toggle(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            state = Qt.CheckState.Unchecked if self._checked[row] else Qt.CheckState.Checked
            self.setData(
                self.index(row, self.Columns.PERIOD), state, Qt.ItemDataRole.CheckStateRole
            )

    def set_checked(self, wanted) -> None:
        """Check the bills for which ``wanted(bill)`` is true, uncheck the others."""
        self._checked = [bool(wanted(b)) for b in self._rows]
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))
        self.selection_changed.emit()

    def chosen(self) -> list[OpenBill]:
        return [b for b, c in zip(self._rows, self._checked, strict=True) if c]

    def chosen_owed(self) -> Decimal:
        return sum((b.outstanding for b in self.chosen()), ZERO)
