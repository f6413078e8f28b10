"""Service records as the services return them, built in memory for tests
of what shows them (table models, document mapping): realistic values, no
database (tests/support/builders.py makes database rows)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal as D

from counter_app.services.accounts.records import (
    BillLineView,
    BillSummary,
    PaymentSummary,
    TenderLine,
)
from counter_app.services.accounts.search import AccountHit
from counter_app.services.channels.service import SuspenseRow
from counter_app.services.complaints.types import ComplaintRow
from counter_app.services.payments.late_fees import DunningRow
from counter_app.services.payments.shifts import ShiftSummary, ShiftTotals
from counter_app.services.relief.queries import ReliefRow

AT = datetime(2026, 10, 20, 6, 30, tzinfo=UTC)  # 14:30 in Shanghai


def hit(no: str, arrears: str, overdue: str = "0.00", days: int = 0) -> AccountHit:
    return AccountHit(
        account_id=int(no),
        account_no=no,
        name="张三",
        mobile_masked="138****5678",
        id_masked="370829********1234",
        address="嘉祥街道建设路12号",
        meter_location="院内",
        status="active",
        arrears=D(arrears),
        matched="account_no",
        overdue=D(overdue),
        days_overdue=days,
    )


def bill(bill_id: int, period: str, amount: str, paid: str = "0.00") -> BillSummary:
    month = int(period[5:])
    return BillSummary(
        bill_id=bill_id,
        period=period,
        period_start=date(2026, month, 1),
        period_end=date(2026, month, 28),
        start_reading=1200 + bill_id,
        end_reading=1212 + bill_id,
        usage=12,
        amount=D(amount),
        paid=D(paid),
        outstanding=D(amount) - D(paid),
        due_on=date(2026, month, 28),
    )


def line(no: int, kind: str, amount: str) -> BillLineView:
    return BillLineView(
        line_no=no,
        kind=kind,
        component="basic",
        tier_no=1,
        volume=12,
        unit_price=D("2.8500"),
        amount=D(amount),
        label="基本水费（第一阶梯）" if kind == "charge" else "低保减免",
    )


def payment(payment_id: int, amount: str, *, reversed_: bool = False) -> PaymentSummary:
    return PaymentSummary(
        payment_id=payment_id,
        receipt=f"JX{payment_id:08d}",
        series_code="HQ",
        receipt_no=payment_id,
        paid_at=AT.replace(day=payment_id % 28 + 1),
        amount=D(amount),
        tenders=(TenderLine("cash", D(amount), D("100.00"), D("100.00") - D(amount), ""),),
        reversed=reversed_,
        reversal_reason="收错户" if reversed_ else "",
        workstation="W01",
        periods=("2026-09", "2026-10"),
    )


def relief(app_id: int, total: str, status: str = "approved") -> ReliefRow:
    return ReliefRow(
        id=app_id,
        account_id=app_id,
        account_no=f"0100000{app_id}",
        account_name="李四",
        address="嘉祥街道建设路12号",
        area_code="A01",
        account_type="household",
        certificate_type="城镇居民最低生活保障证",
        certificate_no=f"JX-2026-{app_id:05d}",
        issuing_office="嘉祥县民政局",
        valid_from=date(2026, 1, 1),
        valid_to=date(2026, 12, 31),
        holder_name="李四",
        holder_id_masked="370829********1234",
        contact_phone_masked="138****5678",
        materials=("低保证",),
        low_income_households=1 if app_id % 2 else None,
        total_households=1 if app_id % 2 else None,
        notes="",
        status=status,
        display_status=status,
        applied_on=date(2026, 3, 2),
        effective_period="2026-04" if status == "approved" else None,
        revoked_reason="",
        version=1,
        relief_total=D(total),
        filed_by="收费员",
        decided_by="",
    )


def shift(shift_id: int, closed: bool) -> ShiftSummary:
    totals = ShiftTotals(
        shift_id=shift_id,
        clerk_id=shift_id,
        opened_at=AT,
        opening_float=D("200.00"),
        payments=3,
        reversals=0,
        by_tender={"cash": D("150.00"), "wechat": D("9.00")},
        expected_cash=D("350.00"),
        closed=closed,
    )
    return ShiftSummary(
        totals=totals,
        hall_code="HQ",
        workstation=f"W0{shift_id}",
        clerk_username=f"clerk0{shift_id}",
        clerk_name="收费员",
        closed_at=AT.replace(hour=9) if closed else None,
        counted_cash=D("349.50") if closed else None,
        cash_variance=D("-0.50") if closed else None,
        variance_reason="少收五角" if closed else "",
    )


def held(held_id: int, amount: str, resolved: bool = False) -> SuspenseRow:
    return SuspenseRow(
        id=held_id,
        channel="online",
        ref=f"WX2026102000{held_id}",
        tender="wechat",
        account_no="09999999",
        account_id=None,
        account_name=None,
        amount=D(amount),
        owed=None,
        paid_at=f"2026-10-20T0{held_id}:15:00+08:00",
        reason="unknown_account",
        line=held_id,
        file_name="online_20261020.csv",
        resolution={"action": "refunded"} if resolved else None,
    )


def complaint(cid: int, overdue: bool) -> ComplaintRow:
    return ComplaintRow(
        id=cid,
        ticket_no=f"TS2026102000{cid}",
        created_at=AT,
        complainant="王五",
        account_no="01000001",
        category="water_quality",
        status="assigned",
        department="供水管网部",
        due_at=AT.replace(day=22) if cid % 2 else None,
        recall_on=date(2026, 10, 25) if cid % 2 else None,
        overdue=overdue,
    )


def dunning(no: int, overdue: str, days: int) -> DunningRow:
    return DunningRow(
        account_id=no,
        account_no=f"0100000{no}",
        name="赵六",
        address="嘉祥街道建设路12号",
        area_code="A01",
        area_name="城区一片",
        meter_reader="王师傅",
        book_no="B01",
        mobile_masked="138****5678",
        landline_masked="",
        status="active",
        overdue=D(overdue),
        overdue_bills=2,
        oldest_due=date(2026, 8, 28),
        days_overdue=days,
        suspend=days > 90,
    )
