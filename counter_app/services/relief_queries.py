"""Read side of relief: the register, expiring reliefs, totals per period.

Only columns every clerk may read are selected (never the raw holder ID number
or contact phone: clerks and supervisors cannot read them; the register shows
their masked copies, written by the service).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from counter_app.db import models as m

__all__ = [
    "AccountBrief",
    "PeriodTotal",
    "RegisterFilter",
    "ReliefRow",
    "account_brief",
    "display_status",
    "load_row",
    "register_rows",
    "totals_per_period",
]

ZERO = Decimal("0.00")


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


def display_status(status: str, valid_to: date, today: date) -> str:
    if status in ("approved", "pending") and valid_to < today:
        return "expired"
    return status


def account_brief(s: Session, account_id: int) -> AccountBrief:
    a = m.Account
    row = s.execute(
        select(a.id, a.account_no, a.name, a.address, a.account_type, a.households_total,
               a.area_code, a.read_cycle_months).where(a.id == account_id)
    ).one_or_none()
    if row is None:
        raise LookupError(f"no account {account_id}")
    return AccountBrief(*row)


def _relief_sum():
    """Relief granted on the application's bills: from its effective period up
    to the effective period of the account's next relief (a renewal), whose
    bills are counted on the renewal and not twice."""
    b, bl, t = m.Bill, m.BillLine, m.ReliefApplication
    later = aliased(m.ReliefApplication)
    renewed = (
        select(later.id)
        .where(later.account_id == t.account_id, later.effective_period > t.effective_period,
               later.effective_period <= b.period)
        .correlate_except(later)
        .exists()
    )
    return (
        select(func.coalesce(func.sum(bl.amount), 0))
        .select_from(bl)
        .join(b, b.id == bl.bill_id)
        .where(bl.kind == "relief", b.account_id == t.account_id,
               b.period >= t.effective_period, ~renewed)
        .correlate(t)
        .scalar_subquery()
    )


def _query(filters: RegisterFilter, today: date):
    t, a = m.ReliefApplication, m.Account
    filer, decider = aliased(m.Clerk), aliased(m.Clerk)
    q = (
        select(
            t.id, t.account_id, a.account_no, a.name, a.address, a.area_code, a.account_type,
            t.certificate_type, t.certificate_no, t.issuing_office, t.valid_from, t.valid_to,
            t.holder_name, t.holder_id_masked, t.contact_phone_masked, t.materials_json,
            t.low_income_households, t.total_households, t.notes, t.status, t.applied_on,
            t.effective_period, t.revoked_reason, t.version, _relief_sum().label("relief_sum"),
            filer.display_name.label("filed_by"), decider.display_name.label("decided_by"),
        )
        .join(a, a.id == t.account_id)
        .join(filer, filer.id == t.created_by)
        .outerjoin(decider, decider.id == t.decided_by)
        .order_by(t.valid_to if filters.expiring_within is not None else t.id.desc())
    )
    if filters.area:
        q = q.where(a.area_code == filters.area)
    if filters.certificate_type:
        q = q.where(t.certificate_type == filters.certificate_type)
    if filters.account_id is not None:
        q = q.where(t.account_id == filters.account_id)
    if filters.status == "expired":
        q = q.where(or_(t.status == "expired",
                        and_(t.status.in_(("approved", "pending")), t.valid_to < today)))
    elif filters.status in ("approved", "pending"):
        q = q.where(t.status == filters.status, t.valid_to >= today)
    elif filters.status:
        q = q.where(t.status == filters.status)
    if filters.expiring_within is not None:
        q = q.where(t.status == "approved", t.valid_to >= today,
                    t.valid_to <= today + timedelta(days=filters.expiring_within))
    if filters.limit:
        q = q.limit(filters.limit)
    return q


def _row(r, today: date) -> ReliefRow:
    return ReliefRow(
        r.id, r.account_id, r.account_no, r.name, r.address, r.area_code, r.account_type,
        r.certificate_type, r.certificate_no, r.issuing_office, r.valid_from, r.valid_to,
        r.holder_name, r.holder_id_masked, r.contact_phone_masked,
        tuple(json.loads(r.materials_json or "[]")), r.low_income_households,
        r.total_households, r.notes, r.status, display_status(r.status, r.valid_to, today),
        r.applied_on, r.effective_period, r.revoked_reason, r.version,
        -Decimal(r.relief_sum or 0).quantize(Decimal("0.01")) + ZERO, r.filed_by,
        r.decided_by or "",
    )


def register_rows(s: Session, filters: RegisterFilter, today: date) -> list[ReliefRow]:
    return [_row(r, today) for r in s.execute(_query(filters, today))]


def load_row(s: Session, application_id: int, today: date) -> ReliefRow:
    q = _query(RegisterFilter(), today).where(m.ReliefApplication.id == application_id)
    return _row(s.execute(q).one(), today)


def totals_per_period(s: Session, area: str | None, from_period: str | None,
                      to_period: str | None) -> list[PeriodTotal]:
    b, bl = m.Bill, m.BillLine
    q = (
        select(b.period, func.count(func.distinct(b.id)), func.coalesce(func.sum(bl.volume), 0),
               func.coalesce(func.sum(bl.amount), 0))
        .join(bl, bl.bill_id == b.id)
        .where(bl.kind == "relief")
        .group_by(b.period)
        .order_by(b.period)
    )
    if area:
        q = q.join(m.Account, m.Account.id == b.account_id).where(m.Account.area_code == area)
    if from_period:
        q = q.where(b.period >= from_period)
    if to_period:
        q = q.where(b.period <= to_period)
    return [
        PeriodTotal(p, int(n), int(v), -Decimal(amt).quantize(Decimal("0.01")) + ZERO)
        for p, n, v, amt in s.execute(q)
    ]
