"""Table models of the search area (counter_app/ui/record_model.py), each
with a ``Columns`` enum; :data:`RECORD_ROLE` gives the row's dataclass,
:data:`SORT_ROLE` what a cell sorts by (money as a Decimal)."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from counter_app.documents.fmt import local_time
from counter_app.documents.fmt import yen as money_text
from counter_app.services.accounts.search import AccountHit
from counter_app.services.accounts.service import BillLineView, BillSummary, PaymentSummary
from counter_app.ui import style
from counter_app.ui.labels import tender_name
from counter_app.ui.record_model import RECORD_ROLE, SORT_ROLE, RecordTableModel
from counter_app.ui.search.texts import status_text

_ARREARS_COLOUR = QColor(style.ERROR)
_MUTED_COLOUR = QColor(style.INACTIVE)
_NOTICE_COLOUR = QColor(style.NOTICE)  # a correction of a bill

__all__ = [
    "RECORD_ROLE",
    "SORT_ROLE",
    "BillLinesModel",
    "BillsModel",
    "PaymentsModel",
    "SearchResultsModel",
]


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
    WIDTH_SAMPLES = (
        "01000001",
        "欧阳某某",
        "138****5678",
        "370829********1234",
        "嘉祥街道建设路12号",
        "已销户",
        "12,345.67",
        "¥12,345.67（999天）",
    )

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

    def display(self, hit: AccountHit, column: SearchResultsModel.Columns) -> str:
        c = self.Columns
        match column:
            case c.ACCOUNT_NO:
                return hit.account_no
            case c.NAME:
                return hit.name
            case c.PHONE:
                return hit.mobile_masked or hit.landline_masked
            case c.ID:
                return hit.id_masked
            case c.ADDRESS:
                return hit.address
            case c.STATUS:
                return status_text(hit.status)
            case c.ARREARS:
                return money_text(hit.arrears)
        return self._overdue(hit)

    def sort_key(self, hit: AccountHit, column: SearchResultsModel.Columns) -> Any:
        if column is self.Columns.ARREARS:
            return hit.arrears
        if column is self.Columns.OVERDUE:
            return (hit.overdue, hit.days_overdue)
        return super().sort_key(hit, column)

    @staticmethod
    def _overdue(hit: AccountHit) -> str:
        if hit.overdue <= 0:
            return ""
        return QCoreApplication.translate("SearchModels", "{amount} ({days} days)").format(
            amount=money_text(hit.overdue), days=hit.days_overdue
        )

    def colour(self, hit: AccountHit, column: SearchResultsModel.Columns) -> QColor | None:
        if column is self.Columns.OVERDUE and hit.overdue > 0:
            return _ARREARS_COLOUR
        if column is self.Columns.ARREARS and hit.arrears > 0:
            return _ARREARS_COLOUR
        if column is self.Columns.STATUS and hit.status != "active":
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

    RIGHT_ALIGNED = frozenset(
        {
            Columns.START,
            Columns.END,
            Columns.USAGE,
            Columns.AMOUNT,
            Columns.PAID,
            Columns.OUTSTANDING,
        }
    )
    MONEY = frozenset({Columns.AMOUNT, Columns.PAID, Columns.OUTSTANDING})
    # a correction has no reading of its own
    READINGS = frozenset({Columns.START, Columns.END, Columns.USAGE})
    SORTABLE = True
    WIDTH_SAMPLES = (
        "2026-10",
        "123456",
        "123456",
        "1234",
        "12,345.67",
        "12,345.67",
        "12,345.67",
        "2026-10-31",
    )

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

    def display(self, bill: BillSummary, column: BillsModel.Columns) -> str:
        c = self.Columns
        if column is c.PERIOD and bill.is_adjustment:  # under the bill it corrects
            return f"↳ {self._kind(bill)}"
        if column is c.PERIOD:
            return bill.period
        if column is c.DUE:
            return bill.due_on.isoformat()
        if column in self.READINGS and bill.is_adjustment:
            return ""
        value = self.sort_key(bill, column)
        return money_text(value) if column in self.MONEY else str(value)

    def sort_key(self, bill: BillSummary, column: BillsModel.Columns) -> Any:
        c = self.Columns
        match column:
            case c.PERIOD:
                return bill.period
            case c.START:
                return bill.start_reading
            case c.END:
                return bill.end_reading
            case c.USAGE:
                return bill.usage
            case c.AMOUNT:
                return bill.amount
            case c.PAID:
                return bill.paid
            case c.OUTSTANDING:
                return bill.outstanding
        return bill.due_on

    def colour(self, bill: BillSummary, column: BillsModel.Columns) -> QColor | None:
        if column is self.Columns.OUTSTANDING and bill.outstanding > 0:
            return _ARREARS_COLOUR
        if bill.is_adjustment and column is not self.Columns.OUTSTANDING:
            return _NOTICE_COLOUR
        return None

    def tooltip(self, bill: BillSummary, column: BillsModel.Columns) -> str | None:
        return self._note(bill) or None

    @staticmethod
    def _kind(bill: BillSummary) -> str:
        if bill.amount < 0:
            return QCoreApplication.translate("SearchModels", "credit")
        return QCoreApplication.translate("SearchModels", "debit")

    @classmethod
    def _note(cls, bill: BillSummary) -> str:
        """A correction's why and who; on a corrected bill, what it comes to."""
        if bill.is_adjustment:
            return QCoreApplication.translate(
                "SearchModels", "{period} {kind} {amount}: {reason} (approved by {who})"
            ).format(
                period=bill.period,
                kind=cls._kind(bill),
                amount=money_text(abs(bill.amount)),
                reason=bill.reason,
                who=bill.approved_by or "-",
            )
        if bill.adjusted:
            return QCoreApplication.translate(
                "SearchModels", "Corrected {amount}: comes to {net}"
            ).format(amount=money_text(bill.adjusted), net=money_text(bill.net))
        return ""


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

    def display(self, line: BillLineView, column: BillLinesModel.Columns) -> str:
        c = self.Columns
        match column:
            case c.ITEM:
                return line.label
            case c.VOLUME:
                return str(line.volume)
            case c.PRICE:
                return f"{line.unit_price:.4f}"
        return money_text(line.amount)

    def sort_key(self, line: BillLineView, column: BillLinesModel.Columns) -> Any:
        c = self.Columns
        match column:
            case c.ITEM:
                return line.label
            case c.VOLUME:
                return line.volume
            case c.PRICE:
                return line.unit_price
        return line.amount

    def colour(self, line: BillLineView, column: BillLinesModel.Columns) -> QColor | None:
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
    SORTABLE = True
    WIDTH_SAMPLES = (
        "2026-10-20 14:30",
        "JX00000001",
        "12,345.67",
        "现金, 微信",
        "2026-08, 2026-10",
        "已冲正",
    )

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("SearchModels", "Paid at"),
            QCoreApplication.translate("SearchModels", "Receipt"),
            QCoreApplication.translate("SearchModels", "Amount"),
            QCoreApplication.translate("SearchModels", "Tender"),
            QCoreApplication.translate("SearchModels", "Bills paid"),
            QCoreApplication.translate("SearchModels", "State"),
        ]

    def display(self, p: PaymentSummary, column: PaymentsModel.Columns) -> str:
        c = self.Columns
        if column is c.PAID_AT:
            return local_time(p.paid_at, seconds=False)
        if column is c.RECEIPT:
            return p.receipt
        if column is c.AMOUNT:
            return money_text(p.amount)
        if column is c.TENDERS:
            return QCoreApplication.translate("SearchModels", ", ").join(
                f"{tender_name(t.tender)} {money_text(t.amount)}" for t in p.tenders
            )
        if column is c.PERIODS:
            return QCoreApplication.translate("SearchModels", ", ").join(p.periods)
        if p.reversed:
            return QCoreApplication.translate("SearchModels", "Reversed: {reason}").format(
                reason=p.reversal_reason
            )
        return QCoreApplication.translate("SearchModels", "Posted")

    def sort_key(self, p: PaymentSummary, column: PaymentsModel.Columns) -> Any:
        c = self.Columns
        if column is c.PAID_AT:
            return p.paid_at
        if column is c.RECEIPT:
            return (p.series_code, p.receipt_no)
        if column is c.AMOUNT:
            return p.amount
        if column is c.PERIODS:
            return p.periods
        return super().sort_key(p, column)

    def colour(self, p: PaymentSummary, column: PaymentsModel.Columns) -> QColor | None:
        return _MUTED_COLOUR if p.reversed else None
