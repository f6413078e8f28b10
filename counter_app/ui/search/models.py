"""Table models of the search area: one QAbstractTableModel per list, each
with a ``Columns`` enum and :data:`RECORD_ROLE` giving the row's dataclass."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta, timezone
from enum import IntEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from counter_app.services.accounts import BillLineView, BillSummary, PaymentSummary
from counter_app.services.search import AccountHit
from counter_app.ui.labels import tender_name
from counter_app.ui.search.texts import money_text, status_text

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
CST = timezone(timedelta(hours=8), "Asia/Shanghai")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ARREARS_COLOUR = QColor("#b3261e")
_MUTED_COLOUR = QColor("#777777")

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


class _RecordModel(QAbstractTableModel, Generic[R]):
    """Rows of frozen dataclasses; subclasses say how a cell shows."""

    Columns: type[IntEnum]
    RIGHT_ALIGNED: frozenset[int] = frozenset()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.Columns)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        column = index.column()
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(record, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.RIGHT_ALIGNED:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self.colour(record, column)
            return QBrush(colour) if colour is not None else None
        return None

    def headers(self) -> list[str]:  # pragma: no cover - abstract
        raise NotImplementedError

    def display(self, record: R, column: int) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def colour(self, record: R, column: int) -> QColor | None:
        return None


class SearchResultsModel(_RecordModel[AccountHit]):
    class Columns(IntEnum):
        ACCOUNT_NO = 0
        NAME = 1
        PHONE = 2
        ID = 3
        ADDRESS = 4
        STATUS = 5
        ARREARS = 6

    RIGHT_ALIGNED = frozenset({Columns.ARREARS})

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("SearchModels", "Account no."),
            QCoreApplication.translate("SearchModels", "Name"),
            QCoreApplication.translate("SearchModels", "Phone"),
            QCoreApplication.translate("SearchModels", "ID number"),
            QCoreApplication.translate("SearchModels", "Address"),
            QCoreApplication.translate("SearchModels", "Status"),
            QCoreApplication.translate("SearchModels", "Arrears"),
        ]

    def display(self, hit: AccountHit, column: int) -> str:
        c = self.Columns
        values: dict[int, Callable[[], str]] = {
            c.ACCOUNT_NO: lambda: hit.account_no,
            c.NAME: lambda: hit.name,
            c.PHONE: lambda: hit.mobile_masked or hit.landline_masked,
            c.ID: lambda: hit.id_masked,
            c.ADDRESS: lambda: hit.address,
            c.STATUS: lambda: status_text(hit.status),
            c.ARREARS: lambda: money_text(hit.arrears),
        }
        return values[column]()

    def colour(self, hit: AccountHit, column: int) -> QColor | None:
        if column == self.Columns.ARREARS and hit.arrears > 0:
            return _ARREARS_COLOUR
        if column == self.Columns.STATUS and hit.status != "active":
            return _ARREARS_COLOUR
        return None


class BillsModel(_RecordModel[BillSummary]):
    class Columns(IntEnum):
        PERIOD = 0
        START = 1
        END = 2
        USAGE = 3
        AMOUNT = 4
        PAID = 5
        OUTSTANDING = 6
        DUE = 7

    RIGHT_ALIGNED = frozenset(range(1, 7))

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("SearchModels", "Period"),
            QCoreApplication.translate("SearchModels", "Start reading"),
            QCoreApplication.translate("SearchModels", "End reading"),
            QCoreApplication.translate("SearchModels", "Usage (t)"),
            QCoreApplication.translate("SearchModels", "Amount"),
            QCoreApplication.translate("SearchModels", "Paid"),
            QCoreApplication.translate("SearchModels", "Owed"),
            QCoreApplication.translate("SearchModels", "Due date"),
        ]

    def display(self, bill: BillSummary, column: int) -> str:
        values = (
            bill.period,
            str(bill.start_reading),
            str(bill.end_reading),
            str(bill.usage),
            money_text(bill.amount),
            money_text(bill.paid),
            money_text(bill.outstanding),
            bill.due_on.isoformat(),
        )
        return values[column]

    def colour(self, bill: BillSummary, column: int) -> QColor | None:
        if column == self.Columns.OUTSTANDING and bill.outstanding > 0:
            return _ARREARS_COLOUR
        return None


class BillLinesModel(_RecordModel[BillLineView]):
    class Columns(IntEnum):
        ITEM = 0
        VOLUME = 1
        PRICE = 2
        AMOUNT = 3

    RIGHT_ALIGNED = frozenset({Columns.VOLUME, Columns.PRICE, Columns.AMOUNT})

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("SearchModels", "Item"),
            QCoreApplication.translate("SearchModels", "Volume (t)"),
            QCoreApplication.translate("SearchModels", "Unit price"),
            QCoreApplication.translate("SearchModels", "Amount"),
        ]

    def display(self, line: BillLineView, column: int) -> str:
        values = (line.label, str(line.volume), f"{line.unit_price:.4f}", money_text(line.amount))
        return values[column]

    def colour(self, line: BillLineView, column: int) -> QColor | None:
        return QColor("#1b6e20") if line.kind == "relief" else None


class PaymentsModel(_RecordModel[PaymentSummary]):
    class Columns(IntEnum):
        PAID_AT = 0
        RECEIPT = 1
        AMOUNT = 2
        TENDERS = 3
        PERIODS = 4
        STATE = 5

    RIGHT_ALIGNED = frozenset({Columns.AMOUNT})

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("SearchModels", "Paid at"),
            QCoreApplication.translate("SearchModels", "Receipt"),
            QCoreApplication.translate("SearchModels", "Amount"),
            QCoreApplication.translate("SearchModels", "Tender"),
            QCoreApplication.translate("SearchModels", "Bills paid"),
            QCoreApplication.translate("SearchModels", "State"),
        ]

    def display(self, p: PaymentSummary, column: int) -> str:
        c = self.Columns
        if column == c.PAID_AT:
            return p.paid_at.astimezone(CST).strftime("%Y-%m-%d %H:%M")
        if column == c.RECEIPT:
            return p.receipt
        if column == c.AMOUNT:
            return money_text(p.amount)
        if column == c.TENDERS:
            return QCoreApplication.translate("SearchModels", ", ").join(
                f"{tender_name(t.tender)} {money_text(t.amount)}" for t in p.tenders
            )
        if column == c.PERIODS:
            return QCoreApplication.translate("SearchModels", ", ").join(p.periods)
        if p.reversed:
            return QCoreApplication.translate("SearchModels", "Reversed: {reason}").format(
                reason=p.reversal_reason
            )
        return QCoreApplication.translate("SearchModels", "Posted")

    def colour(self, p: PaymentSummary, column: int) -> QColor | None:
        return _MUTED_COLOUR if p.reversed else None
