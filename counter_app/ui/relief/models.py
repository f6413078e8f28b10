"""Table models of the relief page: the register (also the recall list) and
the relief granted per bill period."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtGui import QColor

from counter_app.domain.money import format_money
from counter_app.services.relief.service import PeriodTotal, ReliefRow
from counter_app.ui import style
from counter_app.ui.record_model import RECORD_ROLE, RecordTableModel
from counter_app.ui.relief.labels import account_type_text, status_text

__all__ = ["RECORD_ROLE", "PeriodTotalsModel", "ReliefRegisterModel"]

STATUS_COLORS = {
    "pending": style.WARNING,
    "expired": style.ERROR,
    "revoked": style.INACTIVE,
    "rejected": style.INACTIVE,
}


class ReliefRegisterModel(RecordTableModel[ReliefRow]):
    """One row per application (ReliefRow under RECORD_ROLE)."""

    class Columns(IntEnum):
        # what a decision needs first: at 1024-1366 px the later columns scroll
        ACCOUNT_NO = 0
        NAME = 1
        STATUS = 2
        VALID_TO = 3
        EFFECTIVE = 4
        RELIEF = 5
        AREA = 6
        TYPE = 7
        HOLDER = 8
        ID_NUMBER = 9
        PHONE = 10
        CERTIFICATE = 11
        CERTIFICATE_NO = 12
        HOUSEHOLDS = 13

    RIGHT_ALIGNED = frozenset({Columns.RELIEF})
    SORTABLE = True
    WIDTH_SAMPLES = (
        "01000001",
        "欧阳某某",
        "待审批",
        "2026-12-31",
        "2026-10",
        "1,234.56",
        "A01",
        "城镇居民最低生活保障证",
        "欧阳某某",
        "370829********1234",
        "138****5678",
        "城镇居民最低生活保障证",
        "JX-2026-00001",
        "12/120",
    )

    def row_of(self, application_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == application_id), -1)

    def headers(self) -> list[str]:
        c = self.Columns
        titles = {
            c.ACCOUNT_NO: self.tr("Account no."),
            c.NAME: self.tr("Name"),
            c.AREA: self.tr("Area"),
            c.TYPE: self.tr("Type"),
            c.HOLDER: self.tr("Holder"),
            c.ID_NUMBER: self.tr("ID number"),
            c.PHONE: self.tr("Contact phone"),
            c.CERTIFICATE: self.tr("Certificate"),
            c.CERTIFICATE_NO: self.tr("Certificate no."),
            c.VALID_TO: self.tr("Valid to"),
            c.HOUSEHOLDS: self.tr("Low-income / total"),
            c.STATUS: self.tr("Status"),
            c.EFFECTIVE: self.tr("From period"),
            c.RELIEF: self.tr("Relief granted"),
        }
        return [titles[col] for col in c]

    def colour(self, r: ReliefRow, column: ReliefRegisterModel.Columns) -> QColor | None:
        color = STATUS_COLORS.get(r.display_status) if column is self.Columns.STATUS else None
        return QColor(color) if color else None

    def sort_key(self, r: ReliefRow, column: ReliefRegisterModel.Columns) -> Any:
        c = self.Columns
        if column is c.VALID_TO:
            return r.valid_to
        if column is c.RELIEF:
            return r.relief_total
        if column is c.HOUSEHOLDS:
            return (r.low_income_households or 0, r.total_households or 0)
        return super().sort_key(r, column)

    def display(self, r: ReliefRow, column: ReliefRegisterModel.Columns) -> str:
        c = self.Columns
        if column is c.HOUSEHOLDS:
            if r.total_households:
                return f"{r.low_income_households} / {r.total_households}"
            return ""
        values = {
            c.ACCOUNT_NO: r.account_no,
            c.NAME: r.account_name,
            c.AREA: r.area_code,
            c.TYPE: account_type_text(r.account_type),
            c.HOLDER: r.holder_name,
            c.ID_NUMBER: r.holder_id_masked,
            c.PHONE: r.contact_phone_masked,
            c.CERTIFICATE: r.certificate_type,
            c.CERTIFICATE_NO: r.certificate_no,
            c.VALID_TO: r.valid_to.isoformat(),
            c.STATUS: status_text(r.display_status),
            c.EFFECTIVE: r.effective_period or "",
            c.RELIEF: format_money(r.relief_total),
        }
        return values[column]


class PeriodTotalsModel(RecordTableModel[PeriodTotal]):
    """Relief granted per bill period (sum of the bills' relief lines)."""

    class Columns(IntEnum):
        PERIOD = 0
        BILLS = 1
        VOLUME = 2
        AMOUNT = 3

    RIGHT_ALIGNED = frozenset({Columns.BILLS, Columns.VOLUME, Columns.AMOUNT})
    WIDTH_SAMPLES = ("2026-10", "1234", "12345", "12,345.67")

    def headers(self) -> list[str]:
        return [
            self.tr("Period"),
            self.tr("Bills"),
            self.tr("Billed m³"),
            self.tr("Relief granted"),
        ]

    def display(self, t: PeriodTotal, column: PeriodTotalsModel.Columns) -> str:
        value = self.sort_key(t, column)
        return format_money(value) if column is self.Columns.AMOUNT else str(value)

    def sort_key(self, t: PeriodTotal, column: PeriodTotalsModel.Columns) -> Any:
        c = self.Columns
        return {c.PERIOD: t.period, c.BILLS: t.bills, c.VOLUME: t.volume, c.AMOUNT: t.amount}[
            column
        ]
