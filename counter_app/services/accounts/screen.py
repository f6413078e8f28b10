"""The account screens' jsonb, as the records the UI already uses.
Rules: docs/rules/accounts.md
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from counter_app.domain.money import ZERO
from counter_app.services.accounts.archive import ArchiveInfo
from counter_app.services.accounts.records import (
    AccountView,
    BillDetail,
    BillLineView,
    BillSummary,
    PaymentSummary,
    ReliefStatus,
    Suspension,
    TenderLine,
)
from counter_app.services.action_values import day, required, when

__all__ = [
    "AccountHistoryPage",
    "AccountScreen",
    "DeductionState",
    "WithholdingLine",
    "bill_summaries",
    "payment_summaries",
    "view_of",
]

Json = dict[str, Any]


@dataclass(frozen=True)
class AccountHistoryPage:
    """The history tab: bills and payments of the periods, newest first."""

    bills: tuple[BillSummary, ...]
    payments: tuple[PaymentSummary, ...]


@dataclass(frozen=True)
class WithholdingLine:
    """The account view's 代扣 line (migration 0027): the latest agreement,
    masked, and the bank's last answer; the dialog reads the whole screen."""

    agreement_id: int
    bank_code: str
    bank_name: str
    bank_account_masked: str
    bank_account_tail: str
    status: str
    cancelled_on: date | None = None
    last_result: str | None = None
    last_result_at: datetime | None = None
    last_amount: Decimal | None = None
    last_reason: str | None = None

    @property
    def active(self) -> bool:
        return self.status == "active"


@dataclass(frozen=True)
class DeductionState:
    """预存扣款 at billing (migration 0022): the account's own switch (on
    unless a supervisor turned it off), the utility's, and the last change."""

    account: bool
    utility: bool
    effective: bool
    reason: str | None = None
    changed_by: str | None = None
    changed_at: datetime | None = None


@dataclass(frozen=True)
class AccountScreen:
    """Everything the account page shows when it opens (one round trip)."""

    view: AccountView
    bills: tuple[BillSummary, ...]
    payments: tuple[PaymentSummary, ...]
    archive: ArchiveInfo | None = None  # the file's number and cabinet (migration 0019)
    withholding: WithholdingLine | None = None  # the 代扣 line (migration 0027)
    deduction: DeductionState | None = None  # 预存扣款 on/off (migration 0027)


def withholding_line(j: Json | None) -> WithholdingLine | None:
    if j is None:
        return None
    return WithholdingLine(
        agreement_id=j["id"],
        bank_code=j["bank_code"],
        bank_name=j["bank_name"],
        bank_account_masked=j["bank_account_masked"],
        bank_account_tail=j["bank_account_tail"],
        status=j["status"],
        cancelled_on=day(j.get("cancelled_on")),
        last_result=j.get("last_result"),
        last_result_at=when(j.get("last_result_at")),
        last_amount=j.get("last_amount"),
        last_reason=j.get("last_reason"),
    )


def deduction_state(j: Json | None) -> DeductionState | None:
    if j is None:
        return None
    return DeductionState(
        account=j["account"],
        utility=j["utility"],
        effective=j["effective"],
        reason=j.get("reason"),
        changed_by=j.get("changed_by"),
        changed_at=when(j.get("changed_at")),
    )


def bill_summary(j: Json) -> BillSummary:
    return BillSummary(
        bill_id=j["bill_id"],
        period=j["period"],
        period_start=required(day(j["period_start"]), "period_start"),
        period_end=required(day(j["period_end"]), "period_end"),
        start_reading=j["start_reading"],
        end_reading=j["end_reading"],
        usage=j["usage"],
        amount=j["amount"],
        paid=j["paid"],
        outstanding=j["outstanding"],
        due_on=required(day(j["due_on"]), "due_on"),
        adjusts_bill_id=j.get("adjusts_bill_id"),
        reason=j.get("reason") or "",
        approved_by=j.get("approved_by") or "",
        adjusted=j.get("adjusted", ZERO),
    )


def bill_summaries(items: list[Json]) -> tuple[BillSummary, ...]:
    return tuple(bill_summary(j) for j in items)


def payment_summaries(items: list[Json]) -> tuple[PaymentSummary, ...]:
    return tuple(
        PaymentSummary(
            payment_id=j["payment_id"],
            receipt=j["receipt"],
            series_code=j["series_code"],
            receipt_no=j["receipt_no"],
            paid_at=datetime.fromisoformat(j["paid_at"]),
            amount=j["amount"],
            tenders=tuple(
                TenderLine(
                    t["tender"], t["amount"], t["received"], t["change_given"], t["reference"]
                )
                for t in j["tenders"]
            ),
            reversed=j["reversed"],
            reversal_reason=j["reversal_reason"],
            workstation=j["workstation"],
            periods=tuple(j["periods"]),
        )
        for j in items
    )


def _relief(j: Json | None) -> ReliefStatus | None:
    if j is None:
        return None
    return ReliefStatus(
        application_id=j["application_id"],
        rule_code=j["rule_code"],
        rule_name=j["rule_name"],
        certificate_type=j["certificate_type"],
        certificate_no=j["certificate_no"],
        valid_from=required(day(j["valid_from"]), "valid_from"),
        valid_to=required(day(j["valid_to"]), "valid_to"),
        effective_period=j["effective_period"],
    )


def _current_bill(j: Json | None) -> BillDetail | None:
    if j is None:
        return None
    return BillDetail(
        bill_summary(j["bill"]),
        tuple(
            BillLineView(
                ln["line_no"],
                ln["kind"],
                ln["component"],
                ln["tier_no"],
                ln["volume"],
                ln["unit_price"],
                ln["amount"],
                ln["label"],
            )
            for ln in j["lines"]
        ),
    )


def view_of(j: Json) -> AccountView:
    return AccountView(
        account_id=j["account_id"],
        account_no=j["account_no"],
        name=j["name"],
        account_type=j["account_type"],
        households_total=j["households_total"],
        price_category=j["price_category"],
        address=j["address"],
        meter_location=j["meter_location"],
        meter_no=j["meter_no"],
        mobile_masked=j["mobile_masked"],
        landline_masked=j["landline_masked"],
        id_masked=j["id_masked"],
        status=j["status"],
        prepayment_balance=j["prepayment_balance"],
        relief=_relief(j["relief"]),
        current_bill=_current_bill(j["current_bill"]),
        arrears=j["arrears"],
        version=j["version"],
        **_overdue(j),
    )


def _overdue(j: Json) -> Json:
    """The overdue keys of the view (migration 0024), absent before it."""
    if "overdue" not in j:
        return {}
    s = j.get("suspension")
    return {
        "current_due": j["current_due"],
        "overdue": j["overdue"],
        "days_overdue": j["days_overdue"],
        "late_fee": j["late_fee"],
        "suspension": None if s is None else Suspension(s["after_days"], s["min_amount"]),
    }
