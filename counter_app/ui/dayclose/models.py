"""Table models of the day-close page: a shift's totals per tender, and the
hall's shifts of the day (for a supervisor)."""

from __future__ import annotations

from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtGui import QColor

from counter_app.domain.localtime import SHANGHAI
from counter_app.domain.money import format_money
from counter_app.services.payments.shifts import TENDERS, ShiftSummary
from counter_app.ui import style
from counter_app.ui.labels import tender_name
from counter_app.ui.record_model import RECORD_ROLE, RecordTableModel

__all__ = ["RECORD_ROLE", "ShiftsOfDayModel", "TenderTotalsModel"]

VARIANCE_COLOR = QColor(style.ERROR)


def money(value: Decimal | None) -> str:
    return "" if value is None else format_money(value)


class TenderTotalsModel(RecordTableModel[tuple[str, Decimal]]):
    """One row per tender: what this shift took, net of reversals."""

    class Columns(IntEnum):
        TENDER = 0
        AMOUNT = 1

    RIGHT_ALIGNED = frozenset({Columns.AMOUNT})

    def set_totals(self, by_tender: dict[str, Decimal]) -> None:
        self.set_rows([(code, by_tender.get(code, Decimal("0.00"))) for code in TENDERS])

    def headers(self) -> list[str]:
        return [self.tr("Tender"), self.tr("Amount")]

    def display(self, record: tuple[str, Decimal], column: TenderTotalsModel.Columns) -> str:
        code, amount = record
        return tender_name(code) if column is self.Columns.TENDER else format_money(amount)

    def sort_key(self, record: tuple[str, Decimal], column: TenderTotalsModel.Columns) -> Any:
        return record[1] if column is self.Columns.AMOUNT else super().sort_key(record, column)


class ShiftsOfDayModel(RecordTableModel[ShiftSummary]):
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
        Columns.CASH: "cash",
        Columns.WECHAT: "wechat",
        Columns.ALIPAY: "alipay",
        Columns.CARD: "card",
        Columns.PREPAYMENT: "prepayment",
    }
    RIGHT_ALIGNED = frozenset(range(Columns.CASH, len(Columns)))

    def set_shifts(self, shifts: list[ShiftSummary]) -> None:
        self.set_rows(shifts)

    def headers(self) -> list[str]:
        c = self.Columns
        names = {
            c.CLERK: self.tr("Clerk"),
            c.WORKSTATION: self.tr("Workstation"),
            c.OPENED: self.tr("Opened"),
            c.STATE: self.tr("State"),
            c.EXPECTED: self.tr("Expected cash"),
            c.COUNTED: self.tr("Counted"),
            c.VARIANCE: self.tr("Variance"),
        }
        return [
            tender_name(self.TENDER_COLUMNS[col]) if col in self.TENDER_COLUMNS else names[col]
            for col in c
        ]

    def colour(self, shift: ShiftSummary, column: ShiftsOfDayModel.Columns) -> QColor | None:
        if column is self.Columns.VARIANCE and shift.cash_variance:
            return VARIANCE_COLOR
        return None

    def tooltip(self, shift: ShiftSummary, column: ShiftsOfDayModel.Columns) -> str | None:
        return shift.variance_reason or None

    def sort_key(self, shift: ShiftSummary, column: ShiftsOfDayModel.Columns) -> Any:
        c = self.Columns
        totals = shift.totals
        if column in self.TENDER_COLUMNS:
            return totals.by_tender.get(self.TENDER_COLUMNS[column])
        if column is c.OPENED:
            return totals.opened_at
        if column is c.EXPECTED:
            return totals.expected_cash
        if column is c.COUNTED:
            return shift.counted_cash
        if column is c.VARIANCE:
            return shift.cash_variance
        return super().sort_key(shift, column)

    def display(self, shift: ShiftSummary, column: ShiftsOfDayModel.Columns) -> str:
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
                time=shift.closed_at.astimezone(SHANGHAI).strftime("%H:%M")
            )
        if column is self.Columns.EXPECTED:
            return money(totals.expected_cash)
        if column is self.Columns.COUNTED:
            return money(shift.counted_cash)
        return money(shift.cash_variance)
