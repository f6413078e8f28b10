"""Table models of the search area (counter_app/ui/record_model.py), each
with a ``Columns`` enum; :data:`RECORD_ROLE` gives the row's dataclass."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from counter_app.documents.fmt import local_time
from counter_app.documents.fmt import yen as money_text
from counter_app.services.accounts.search import AccountHit
from counter_app.services.accounts.service import BillLineView, BillSummary, PaymentSummary
from counter_app.ui import style
from counter_app.ui.labels import tender_name
from counter_app.ui.record_model import RECORD_ROLE, RecordTableModel
from counter_app.ui.search.texts import status_text

_ARREARS_COLOUR = QColor(style.ERROR)
_MUTED_COLOUR = QColor(style.INACTIVE)

__all__ = ["RECORD_ROLE", "BillLinesModel", "BillsModel", "PaymentsModel", "SearchResultsModel"]


class SearchResultsModel(RecordTableModel[AccountHit]):
    class Columns(IntEnum):
        ACCOUNT_NO = 0
        NAME = 1
        PHONE = 2
        ID = 3
        ADDRESS = 4
        STATUS = 5
        ARREARS = 6
        OVERDUE = 7  # 逾期欠费 and its days (migration 0024)

    RIGHT_ALIGNED = frozenset({Columns.ARREARS, Columns.OVERDUE})
    WIDTH_SAMPLES = ("01000001", "欧阳某某", "138****5678", "370829********1234",
                     "嘉祥街道建设路12号", "已销户", "12,345.67", "¥12,345.67（999天）")

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("SearchModels", "Account no."),
            QCoreApplication.translate("SearchModels", "Name"),
            QCoreApplication.translate("SearchModels", "Phone"),
            QCoreApplication.translate("SearchModels", "ID number"),
            QCoreApplication.translate("SearchModels", "Address"),
            QCoreApplication.translate("SearchModels", "Status"),
            QCoreApplication.translate("SearchModels", "Arrears"),
            QCoreApplication.translate("SearchModels", "Overdue"),
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
            c.OVERDUE: lambda: self._overdue(hit),
        }
        return values[column]()

    @staticmethod
    def _overdue(hit: AccountHit) -> str:
        if hit.overdue <= 0:
            return ""
        return QCoreApplication.translate("SearchModels", "{amount} ({days} days)").format(
            amount=money_text(hit.overdue), days=hit.days_overdue)

    def colour(self, hit: AccountHit, column: int) -> QColor | None:
        if column == self.Columns.OVERDUE and hit.overdue > 0:
            return _ARREARS_COLOUR
        if column == self.Columns.ARREARS and hit.arrears > 0:
            return _ARREARS_COLOUR
        if column == self.Columns.STATUS and hit.status != "active":
            return _ARREARS_COLOUR
        return None


class BillsModel(RecordTableModel[BillSummary]):
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
    WIDTH_SAMPLES = ("2026-10", "123456", "123456", "1234", "12,345.67", "12,345.67",
                     "12,345.67", "2026-10-31")

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


class BillLinesModel(RecordTableModel[BillLineView]):
    class Columns(IntEnum):
        ITEM = 0
        VOLUME = 1
        PRICE = 2
        AMOUNT = 3

    RIGHT_ALIGNED = frozenset({Columns.VOLUME, Columns.PRICE, Columns.AMOUNT})
    WIDTH_SAMPLES = ("基本水费（第一阶梯）", "1234.00", "12.3456", "12,345.67")

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
        return QColor(style.OK) if line.kind == "relief" else None


class PaymentsModel(RecordTableModel[PaymentSummary]):
    class Columns(IntEnum):
        PAID_AT = 0
        RECEIPT = 1
        AMOUNT = 2
        TENDERS = 3
        PERIODS = 4
        STATE = 5

    RIGHT_ALIGNED = frozenset({Columns.AMOUNT})
    WIDTH_SAMPLES = ("2026-10-20 14:30", "JX00000001", "12,345.67", "现金, 微信",
                     "2026-08, 2026-10", "已冲正")

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
            return local_time(p.paid_at, seconds=False)
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
