"""Table models of the relief page: the register (also the recall list) and
the relief granted per bill period."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from counter_app.domain.money import format_money
from counter_app.services.relief import PeriodTotal, ReliefRow
from counter_app.ui.relief.labels import account_type_text, status_text

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
STATUS_COLORS = {"pending": "#8a5a00", "expired": "#b00020", "revoked": "#666666",
                 "rejected": "#666666"}
Index = QModelIndex | QPersistentModelIndex


class ReliefRegisterModel(QAbstractTableModel):
    """One row per application (ReliefRow under RECORD_ROLE)."""

    class Columns(IntEnum):
        ACCOUNT_NO = 0
        NAME = 1
        AREA = 2
        TYPE = 3
        HOLDER = 4
        ID_NUMBER = 5
        PHONE = 6
        CERTIFICATE = 7
        CERTIFICATE_NO = 8
        VALID_TO = 9
        HOUSEHOLDS = 10
        STATUS = 11
        EFFECTIVE = 12
        RELIEF = 13

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ReliefRow] = []

    def set_rows(self, rows: list[ReliefRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ReliefRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, application_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == application_id), -1)

    @property
    def rows(self) -> list[ReliefRow]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.Columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        c = self.Columns
        titles = {
            c.ACCOUNT_NO: self.tr("Account no."), c.NAME: self.tr("Name"), c.AREA: self.tr("Area"),
            c.TYPE: self.tr("Type"), c.HOLDER: self.tr("Holder"),
            c.ID_NUMBER: self.tr("ID number"), c.PHONE: self.tr("Contact phone"),
            c.CERTIFICATE: self.tr("Certificate"),
            c.CERTIFICATE_NO: self.tr("Certificate no."), c.VALID_TO: self.tr("Valid to"),
            c.HOUSEHOLDS: self.tr("Low-income / total"), c.STATUS: self.tr("Status"),
            c.EFFECTIVE: self.tr("From period"), c.RELIEF: self.tr("Relief granted"),
        }
        return titles.get(self.Columns(section))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = self.Columns(index.column())
        if role == RECORD_ROLE:
            return r
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.Columns.RELIEF:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and col == self.Columns.STATUS:
            color = STATUS_COLORS.get(r.display_status)
            return QBrush(QColor(color)) if color else None
        return None

    def _display(self, r: ReliefRow, col: Columns) -> str:
        c = self.Columns
        if col == c.HOUSEHOLDS:
            if r.total_households:
                return f"{r.low_income_households} / {r.total_households}"
            return ""
        values = {
            c.ACCOUNT_NO: r.account_no, c.NAME: r.account_name, c.AREA: r.area_code,
            c.TYPE: account_type_text(r.account_type), c.HOLDER: r.holder_name,
            c.ID_NUMBER: r.holder_id_masked, c.PHONE: r.contact_phone_masked,
            c.CERTIFICATE: r.certificate_type,
            c.CERTIFICATE_NO: r.certificate_no, c.VALID_TO: r.valid_to.isoformat(),
            c.STATUS: status_text(r.display_status), c.EFFECTIVE: r.effective_period or "",
            c.RELIEF: format_money(r.relief_total),
        }
        return values[col]


class PeriodTotalsModel(QAbstractTableModel):
    """Relief granted per bill period (sum of the bills' relief lines)."""

    class Columns(IntEnum):
        PERIOD = 0
        BILLS = 1
        VOLUME = 2
        AMOUNT = 3

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[PeriodTotal] = []

    def set_rows(self, rows: list[PeriodTotal]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.Columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        c = self.Columns
        return {c.PERIOD: self.tr("Period"), c.BILLS: self.tr("Bills"),
                c.VOLUME: self.tr("Relieved m³"), c.AMOUNT: self.tr("Relief granted")
                }[self.Columns(section)]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        t = self._rows[index.row()]
        col = self.Columns(index.column())
        if role == RECORD_ROLE:
            return t
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.Columns.PERIOD:
            return RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        c = self.Columns
        return {c.PERIOD: t.period, c.BILLS: str(t.bills), c.VOLUME: str(t.volume),
                c.AMOUNT: format_money(t.amount)}[col]
