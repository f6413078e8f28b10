"""Table models of the day-close page: a shift's totals per tender, and the
hall's shifts of the day (for a supervisor)."""

from __future__ import annotations

from decimal import Decimal
from enum import IntEnum
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from counter_app.domain.money import format_money
from counter_app.services.shifts import TENDERS, ShiftSummary
from counter_app.ui.labels import tender_name

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
SHANGHAI = ZoneInfo("Asia/Shanghai")
VARIANCE_COLOR = QColor("#b00020")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
Index = QModelIndex | QPersistentModelIndex


def money(value: Decimal | None) -> str:
    return "" if value is None else format_money(value)


class TenderTotalsModel(QAbstractTableModel):
    """One row per tender: what this shift took, net of reversals."""

    class Columns(IntEnum):
        TENDER = 0
        AMOUNT = 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[tuple[str, Decimal]] = []

    def set_totals(self, by_tender: dict[str, Decimal]) -> None:
        self.beginResetModel()
        self._rows = [(code, by_tender.get(code, Decimal("0.00"))) for code in TENDERS]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.Columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802, E501
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Tender"), self.tr("Amount"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        code, amount = self._rows[index.row()]
        column = self.Columns(index.column())
        if role == RECORD_ROLE:
            return self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return tender_name(code) if column is self.Columns.TENDER else format_money(amount)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is self.Columns.AMOUNT:
            return RIGHT
        return None


class ShiftsOfDayModel(QAbstractTableModel):
    """The hall's shifts of one day: who, open or closed, totals, variance."""

    class Columns(IntEnum):
        CLERK = 0
        WORKSTATION = 1
        OPENED = 2
        STATE = 3
        CASH = 4
        WECHAT = 5
        ALIPAY = 6
        CARD = 7
        PREPAYMENT = 8
        EXPECTED = 9
        COUNTED = 10
        VARIANCE = 11

    TENDER_COLUMNS = {
        Columns.CASH: "cash", Columns.WECHAT: "wechat", Columns.ALIPAY: "alipay",
        Columns.CARD: "card", Columns.PREPAYMENT: "prepayment",
    }

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ShiftSummary] = []

    def set_shifts(self, shifts: list[ShiftSummary]) -> None:
        self.beginResetModel()
        self._rows = list(shifts)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.Columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802, E501
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        column = self.Columns(section)
        if column in self.TENDER_COLUMNS:
            return tender_name(self.TENDER_COLUMNS[column])
        return {
            self.Columns.CLERK: self.tr("Clerk"),
            self.Columns.WORKSTATION: self.tr("Workstation"),
            self.Columns.OPENED: self.tr("Opened"),
            self.Columns.STATE: self.tr("State"),
            self.Columns.EXPECTED: self.tr("Expected cash"),
            self.Columns.COUNTED: self.tr("Counted"),
            self.Columns.VARIANCE: self.tr("Variance"),
        }[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        shift = self._rows[index.row()]
        column = self.Columns(index.column())
        if role == RECORD_ROLE:
            return shift
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(shift, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.Columns.CASH:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column is self.Columns.VARIANCE:
            if shift.cash_variance:
                return QBrush(VARIANCE_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and shift.variance_reason:
            return shift.variance_reason
        return None

    def _text(self, shift: ShiftSummary, column: Columns) -> str:
        totals = shift.totals
        if column in self.TENDER_COLUMNS:
            return money(totals.by_tender.get(self.TENDER_COLUMNS[column]))
        if column is self.Columns.CLERK:
            return shift.clerk_name
        if column is self.Columns.WORKSTATION:
            return shift.workstation
        if column is self.Columns.OPENED:
            return totals.opened_at.astimezone(SHANGHAI).strftime("%H:%M")
        if column is self.Columns.STATE:
            if shift.closed_at is None:
                return self.tr("Open")
            return self.tr("Closed {time}").format(
                time=shift.closed_at.astimezone(SHANGHAI).strftime("%H:%M"))
        if column is self.Columns.EXPECTED:
            return money(totals.expected_cash)
        if column is self.Columns.COUNTED:
            return money(shift.counted_cash)
        return money(shift.cash_variance)
