"""Read side of relief: the register, expiring list and totals as the actions return them.
Rules: docs/rules/relief.md
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from counter_app.domain.money import ZERO

__all__ = [
    "AccountBrief",
    "PeriodTotal",
    "RegisterFilter",
    "RegisterPage",
    "ReliefOptions",
    "ReliefRow",
    "account_from_json",
    "options_from_json",
    "page_from_json",
    "row_from_json",
]

CENT = Decimal("0.01")


@dataclass(frozen=True)
class AccountBrief:
    account_id: int
    account_no: str
    name: str
    address: str
    account_type: str
    households_total: int | None
    area_code: str
    read_cycle_months: int


@dataclass(frozen=True)
class ReliefOptions:
    certificate_types: tuple[str, ...]
    direct_approval: bool
    rule_code: str
    rule_name: str


@dataclass(frozen=True, slots=True)
class ReliefRow:
    id: int
    account_id: int
    account_no: str
    account_name: str
    address: str
    area_code: str
    account_type: str
    certificate_type: str
    certificate_no: str
    issuing_office: str
    valid_from: date
    valid_to: date
    holder_name: str
    holder_id_masked: str
    contact_phone_masked: str  # 138****5678 (the raw phone is not readable by clerks)
    materials: tuple[str, ...]
    low_income_households: int | None
    total_households: int | None
    notes: str
    status: str  # as stored
    display_status: str  # 'expired' once valid_to has passed
    applied_on: date
    effective_period: str | None
    revoked_reason: str
    version: int
    relief_total: Decimal  # relief granted on bills so far (positive)
    filed_by: str  # display name of the clerk who filed the application
    decided_by: str  # display name of the last decider ("" while pending)


@dataclass(frozen=True)
class RegisterFilter:
    status: str | None = None  # pending/approved/rejected/revoked/expired (as shown)
    area: str | None = None
    certificate_type: str | None = None
    expiring_within: int | None = None  # approved, valid_to within N days from today
    account_id: int | None = None
    limit: int | None = None


@dataclass(frozen=True)
class PeriodTotal:
    period: str
    bills: int
    volume: int
    amount: Decimal  # relief granted (positive)


@dataclass(frozen=True)
class RegisterPage:
    """Everything the relief page shows, from one call."""

    today: date  # the server's day the statuses are shown for
    rows: list[ReliefRow]
    expiring: list[ReliefRow]
    totals: list[PeriodTotal]
    options: ReliefOptions
    areas: list[tuple[str, str]]  # (code, "code name")


def _money(value: Any) -> Decimal:
    return Decimal(value or 0).quantize(CENT) + ZERO  # never -0.00


def row_from_json(r: dict[str, Any]) -> ReliefRow:
    return ReliefRow(
        id=r["id"],
        account_id=r["account_id"],
        account_no=r["account_no"],
        account_name=r["account_name"],
        address=r["address"],
        area_code=r["area_code"],
        account_type=r["account_type"],
        certificate_type=r["certificate_type"],
        certificate_no=r["certificate_no"],
        issuing_office=r["issuing_office"],
        valid_from=date.fromisoformat(r["valid_from"]),
        valid_to=date.fromisoformat(r["valid_to"]),
        holder_name=r["holder_name"],
        holder_id_masked=r["holder_id_masked"],
        contact_phone_masked=r["contact_phone_masked"],
        materials=tuple(r["materials"] or ()),
        low_income_households=r["low_income_households"],
        total_households=r["total_households"],
        notes=r["notes"],
        status=r["status"],
        display_status=r["display_status"],
        applied_on=date.fromisoformat(r["applied_on"]),
        effective_period=r["effective_period"],
        revoked_reason=r["revoked_reason"],
        version=r["version"],
        relief_total=_money(r["relief_total"]),
        filed_by=r["filed_by"] or "",
        decided_by=r["decided_by"] or "",
    )


def options_from_json(o: dict[str, Any]) -> ReliefOptions:
    return ReliefOptions(
        tuple(o["certificate_types"]), bool(o["direct_approval"]), o["rule_code"], o["rule_name"]
    )


def account_from_json(a: dict[str, Any]) -> AccountBrief:
    return AccountBrief(
        a["account_id"],
        a["account_no"],
        a["name"],
        a["address"],
        a["account_type"],
        a["households_total"],
        a["area_code"],
        a["read_cycle_months"],
    )


def page_from_json(p: dict[str, Any]) -> RegisterPage:
    return RegisterPage(
        today=date.fromisoformat(p["today"]),
        rows=[row_from_json(r) for r in p["rows"]],
        expiring=[row_from_json(r) for r in p["expiring"]],
        totals=[
            PeriodTotal(t["period"], int(t["bills"]), int(t["volume"]), _money(t["amount"]))
            for t in p["totals"]
        ],
        options=options_from_json(p["options"]),
        areas=[(code, f"{code} {name}") for code, name in p["areas"]],
    )
