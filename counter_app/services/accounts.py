"""Account view (用户信息): what the clerk explains at the counter.

API (every method opens one short transaction and returns frozen dataclasses;
call it off the GUI thread)::

    service = AccountService(db)
    service.account_view(account_id, *, today=None) -> AccountView
    service.bills(account_id, *, from_period=None, to_period=None) -> tuple[BillSummary, ...]
    service.bill_lines(bill_id) -> tuple[BillLineView, ...]
    service.payments(account_id, *, from_period=None, to_period=None)
        -> tuple[PaymentSummary, ...]
    service.statement(account_id, from_period, to_period) -> Statement
    service.reveal(account_id, field, clerk, actor) -> str

Periods are :class:`~counter_app.domain.periods.Period` or text such as
``"2026-03"`` (both ends included; ``None`` leaves that end open). Bill and
payment histories come newest first; a statement's lines oldest first, as
printed. A payment belongs to the period of its date in Asia/Shanghai.

Unknown ids raise :class:`AccountNotFound` / :class:`BillNotFound` (both
``LookupError``). Personal data is masked everywhere except :meth:`reveal`:
allowed to supervisors and admins (:data:`REVEAL_ROLE` and above), always
audited in the same transaction, and on PostgreSQL done by the
security-definer function ``counter_reveal`` that checks the login role's
membership of ``counter_supervisor`` itself and writes the audit row (clerk
roles cannot read the raw columns at all). Refusal raises
:class:`RevealRefused` (a ``PermissionError``) and writes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Literal, get_args

from sqlalchemy import and_, func, select, text, type_coerce
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.db.types import Money
from counter_app.domain.periods import Period

from .audit import Actor, record
from .auth import ClerkIdentity
from .search import arrears_by_account

__all__ = [
    "REVEAL_ROLE",
    "AccountNotFound",
    "AccountService",
    "AccountView",
    "BillDetail",
    "BillLineView",
    "BillNotFound",
    "BillSummary",
    "PaymentSummary",
    "ReliefStatus",
    "RevealField",
    "RevealRefused",
    "Statement",
    "StatementLine",
    "StatementPayment",
    "TenderLine",
]

#: Lowest role that may reveal a full ID number or phone (admins too).
REVEAL_ROLE = "supervisor"
RevealField = Literal["id_number", "mobile", "landline"]
REVEAL_FIELDS: tuple[str, ...] = get_args(RevealField)
CST = timezone(timedelta(hours=8), "Asia/Shanghai")
ZERO = Decimal("0.00")


class AccountNotFound(LookupError):
    pass


class BillNotFound(LookupError):
    pass


class RevealRefused(PermissionError):
    """The clerk may not see the full value; nothing was revealed or written."""


# ------------------------------------------------------------------- records


@dataclass(frozen=True)
class BillLineView:
    line_no: int
    kind: str  # "charge" or "relief" (negative amount)
    component: str  # basic / sewage / resource
    tier_no: int | None
    volume: int
    unit_price: Decimal
    amount: Decimal
    label: str


@dataclass(frozen=True)
class BillSummary:
    bill_id: int
    period: str
    period_start: date
    period_end: date
    start_reading: int
    end_reading: int
    usage: int
    amount: Decimal
    paid: Decimal  # allocations of unreversed payments
    outstanding: Decimal
    due_on: date


@dataclass(frozen=True)
class BillDetail:
    bill: BillSummary
    lines: tuple[BillLineView, ...]


@dataclass(frozen=True)
class ReliefStatus:
    """The approved relief in force (特困低保户用水优惠)."""

    application_id: int
    rule_code: str
    rule_name: str
    certificate_type: str
    certificate_no: str
    valid_from: date
    valid_to: date
    effective_period: str | None


@dataclass(frozen=True)
class AccountView:
    account_id: int
    account_no: str
    name: str
    account_type: str  # household / bulk / collective / nonresidential
    households_total: int | None
    price_category: str
    address: str
    meter_location: str
    meter_no: str  # the active meter, "" if none
    mobile_masked: str
    landline_masked: str
    id_masked: str
    status: str
    prepayment_balance: Decimal
    relief: ReliefStatus | None
    current_bill: BillDetail | None  # the latest bill
    arrears: Decimal  # all bills minus allocations of unreversed payments
    version: int


@dataclass(frozen=True)
class TenderLine:
    tender: str  # cash / wechat / alipay / card / prepayment
    amount: Decimal
    received: Decimal | None
    change_given: Decimal
    reference: str


@dataclass(frozen=True)
class PaymentSummary:
    payment_id: int
    receipt: str  # series prefix + receipt number, e.g. "JX01-00000123"
    series_code: str
    receipt_no: int
    paid_at: datetime  # UTC; show in Asia/Shanghai
    amount: Decimal
    tenders: tuple[TenderLine, ...]
    reversed: bool
    reversal_reason: str
    workstation: str
    periods: tuple[str, ...]  # bill periods it paid


@dataclass(frozen=True)
class StatementPayment:
    receipt: str
    paid_at: datetime
    amount: Decimal  # allocated to this line's bill


@dataclass(frozen=True)
class StatementLine:
    period: str
    start_reading: int
    end_reading: int
    usage: int
    billed: Decimal
    paid: Decimal
    outstanding: Decimal
    due_on: date
    payments: tuple[StatementPayment, ...]


@dataclass(frozen=True)
class Statement:
    """往期交费清单: the account's bills of the periods and what paid them."""

    account_id: int
    account_no: str
    name: str
    address: str
    from_period: str
    to_period: str
    lines: tuple[StatementLine, ...]  # oldest first
    payments: tuple[PaymentSummary, ...]  # made in the periods (reversed ones flagged)
    total_usage: int
    total_billed: Decimal
    total_paid: Decimal
    total_outstanding: Decimal
    total_received: Decimal  # unreversed payments made in the periods
    prepayment_balance: Decimal
    arrears: Decimal  # all periods, as on the account view


# ------------------------------------------------------------------- helpers


def _period(value: Period | str | None) -> Period | None:
    if value is None or isinstance(value, Period):
        return value
    return Period.parse(value)


def _local_start(period: Period) -> datetime:
    d = period.first_day
    return datetime(d.year, d.month, d.day, tzinfo=CST).astimezone(UTC)


def _bill_paid_column():
    al, rv = m.Allocation, m.PaymentReversal
    return type_coerce(
        select(func.coalesce(func.sum(al.amount), 0))
        .where(
            al.bill_id == m.Bill.id,
            ~select(rv.id).where(rv.payment_id == al.payment_id).exists(),
        )
        .scalar_subquery(),
        Money(),
    )


def _bill_summaries(session: Session, *conditions, newest_first: bool = True, limit=None):
    b = m.Bill
    paid = _bill_paid_column().label("paid")
    q = select(
        b.id, b.period, b.period_start, b.period_end, b.start_reading, b.end_reading,
        b.usage, b.amount, b.due_on, paid,
    ).where(*conditions)
    q = q.order_by(b.period.desc() if newest_first else b.period.asc(), b.id)
    if limit is not None:
        q = q.limit(limit)
    return tuple(
        BillSummary(
            bill_id=r.id, period=r.period, period_start=r.period_start,
            period_end=r.period_end, start_reading=r.start_reading,
            end_reading=r.end_reading, usage=r.usage, amount=r.amount, paid=r.paid,
            outstanding=r.amount - r.paid, due_on=r.due_on,
        )
        for r in session.execute(q)
    )


def _lines(session: Session, bill_id: int) -> tuple[BillLineView, ...]:
    bl = m.BillLine
    rows = session.execute(
        select(bl.line_no, bl.kind, bl.component, bl.tier_no, bl.volume, bl.unit_price,
               bl.amount, bl.label)
        .where(bl.bill_id == bill_id).order_by(bl.line_no)
    )
    return tuple(BillLineView(*r) for r in rows)


def _period_conditions(column, from_p: Period | None, to_p: Period | None) -> list:
    out = []
    if from_p is not None:
        out.append(column >= str(from_p))
    if to_p is not None:
        out.append(column <= str(to_p))
    return out


# ------------------------------------------------------------------- service


class AccountService:
    def __init__(self, db: Database):
        self.db = db

    # -- the account view ------------------------------------------------------

    def account_view(self, account_id: int, *, today: date | None = None) -> AccountView:
        """Everything the account page shows at once. ``today`` (default: the
        date in Asia/Shanghai) decides which relief is in force."""
        today = today or datetime.now(CST).date()
        a = m.Account
        with self.db.read() as s:
            row = s.execute(
                select(
                    a.id, a.account_no, a.name, a.account_type, a.households_total,
                    a.price_category, a.address, a.meter_location, a.mobile_masked,
                    a.landline_masked, a.id_masked, a.status, a.prepayment_balance, a.version,
                ).where(a.id == account_id)
            ).one_or_none()
            if row is None:
                raise AccountNotFound(account_id)
            meter_no = s.execute(
                select(m.Meter.meter_no)
                .where(m.Meter.account_id == account_id, m.Meter.active.is_(True))
                .order_by(m.Meter.id.desc()).limit(1)
            ).scalar_one_or_none()
            latest = _bill_summaries(s, m.Bill.account_id == account_id, limit=1)
            current = BillDetail(latest[0], _lines(s, latest[0].bill_id)) if latest else None
            arrears = arrears_by_account(s, [account_id]).get(account_id, ZERO)
            relief = self._relief(s, account_id, today)
        return AccountView(
            account_id=row.id, account_no=row.account_no, name=row.name,
            account_type=row.account_type, households_total=row.households_total,
            price_category=row.price_category, address=row.address,
            meter_location=row.meter_location, meter_no=meter_no or "",
            mobile_masked=row.mobile_masked, landline_masked=row.landline_masked,
            id_masked=row.id_masked, status=row.status,
            prepayment_balance=row.prepayment_balance, relief=relief, current_bill=current,
            arrears=arrears, version=row.version,
        )

    @staticmethod
    def _relief(s: Session, account_id: int, today: date) -> ReliefStatus | None:
        ra, rule = m.ReliefApplication, m.ReliefRule
        row = s.execute(
            select(ra.id, ra.rule_code, rule.name, ra.certificate_type, ra.certificate_no,
                   ra.valid_from, ra.valid_to, ra.effective_period)
            .join(rule, rule.code == ra.rule_code)
            .where(ra.account_id == account_id, ra.status == "approved",
                   ra.valid_from <= today, ra.valid_to >= today)
            .order_by(ra.valid_to.desc(), ra.id.desc()).limit(1)
        ).one_or_none()
        return ReliefStatus(*row) if row else None

    # -- histories -------------------------------------------------------------------

    def bills(
        self,
        account_id: int,
        *,
        from_period: Period | str | None = None,
        to_period: Period | str | None = None,
    ) -> tuple[BillSummary, ...]:
        """Bills of the periods, newest first, with what is paid and owed."""
        conditions = _period_conditions(m.Bill.period, _period(from_period), _period(to_period))
        with self.db.read() as s:
            self._require_account(s, account_id)
            return _bill_summaries(s, m.Bill.account_id == account_id, *conditions)

    def bill_lines(self, bill_id: int) -> tuple[BillLineView, ...]:
        """A bill's lines (tiers, components, the relief line), in order."""
        with self.db.read() as s:
            if s.execute(select(m.Bill.id).where(m.Bill.id == bill_id)).first() is None:
                raise BillNotFound(bill_id)
            return _lines(s, bill_id)

    def payments(
        self,
        account_id: int,
        *,
        from_period: Period | str | None = None,
        to_period: Period | str | None = None,
    ) -> tuple[PaymentSummary, ...]:
        """Payments made in the periods (Asia/Shanghai dates), newest first,
        reversed ones included and flagged."""
        with self.db.read() as s:
            self._require_account(s, account_id)
            return self._payments(s, account_id, _period(from_period), _period(to_period))

    @staticmethod
    def _payments(
        s: Session, account_id: int, from_p: Period | None, to_p: Period | None,
    ) -> tuple[PaymentSummary, ...]:
        p, rs, rv = m.Payment, m.ReceiptSeries, m.PaymentReversal
        conditions = [p.account_id == account_id]
        if from_p is not None:
            conditions.append(p.created_at >= _local_start(from_p))
        if to_p is not None:
            conditions.append(p.created_at < _local_start(to_p.add(1)))
        rows = s.execute(
            select(p.id, rs.prefix, p.series_code, p.receipt_no, p.created_at, p.amount,
                   p.workstation, rv.id.label("reversal_id"), rv.reason)
            .join(rs, rs.code == p.series_code)
            .outerjoin(rv, rv.payment_id == p.id)
            .where(*conditions)
            .order_by(p.created_at.desc(), p.id.desc())
        ).all()
        ids = [r.id for r in rows]
        tenders: dict[int, list[TenderLine]] = defaultdict(list)
        periods: dict[int, list[str]] = defaultdict(list)
        if ids:
            t = m.PaymentTender
            for r in s.execute(
                select(t.payment_id, t.tender, t.amount, t.received, t.change_given,
                       t.reference).where(t.payment_id.in_(ids))
                .order_by(t.payment_id, t.line_no)
            ):
                tenders[r.payment_id].append(TenderLine(*r[1:]))
            for pid, period in s.execute(
                select(m.Allocation.payment_id, m.Bill.period)
                .join(m.Bill, m.Bill.id == m.Allocation.bill_id)
                .where(m.Allocation.payment_id.in_(ids)).order_by(m.Bill.period)
            ):
                periods[pid].append(period)
        return tuple(
            PaymentSummary(
                payment_id=r.id, receipt=f"{r.prefix}{r.receipt_no:08d}",
                series_code=r.series_code, receipt_no=r.receipt_no, paid_at=r.created_at,
                amount=r.amount, tenders=tuple(tenders[r.id]),
                reversed=r.reversal_id is not None, reversal_reason=r.reason or "",
                workstation=r.workstation, periods=tuple(periods[r.id]),
            )
            for r in rows
        )

    # -- statement ---------------------------------------------------------------------

    def statement(
        self, account_id: int, from_period: Period | str, to_period: Period | str
    ) -> Statement:
        """往期交费清单 data: the bills of ``from_period``..``to_period`` with
        the unreversed payments allocated to each, the payments made in those
        periods, and totals. Rendering is the documents subsystem's job."""
        from_p, to_p = _period(from_period), _period(to_period)
        if from_p is None or to_p is None:
            raise ValueError("a statement needs both periods")
        if from_p > to_p:
            from_p, to_p = to_p, from_p
        a = m.Account
        with self.db.read() as s:
            head = s.execute(
                select(a.id, a.account_no, a.name, a.address, a.prepayment_balance)
                .where(a.id == account_id)
            ).one_or_none()
            if head is None:
                raise AccountNotFound(account_id)
            bills = _bill_summaries(
                s, m.Bill.account_id == account_id,
                *_period_conditions(m.Bill.period, from_p, to_p), newest_first=False,
            )
            by_bill = self._allocations(s, [b.bill_id for b in bills])
            payments = self._payments(s, account_id, from_p, to_p)
            arrears = arrears_by_account(s, [account_id]).get(account_id, ZERO)
        lines = tuple(
            StatementLine(
                period=b.period, start_reading=b.start_reading, end_reading=b.end_reading,
                usage=b.usage, billed=b.amount, paid=b.paid, outstanding=b.outstanding,
                due_on=b.due_on, payments=tuple(by_bill.get(b.bill_id, ())),
            )
            for b in bills
        )
        return Statement(
            account_id=head.id, account_no=head.account_no, name=head.name,
            address=head.address, from_period=str(from_p), to_period=str(to_p), lines=lines,
            payments=payments,
            total_usage=sum((ln.usage for ln in lines), 0),
            total_billed=sum((ln.billed for ln in lines), ZERO),
            total_paid=sum((ln.paid for ln in lines), ZERO),
            total_outstanding=sum((ln.outstanding for ln in lines), ZERO),
            total_received=sum((p.amount for p in payments if not p.reversed), ZERO),
            prepayment_balance=head.prepayment_balance, arrears=arrears,
        )

    @staticmethod
    def _allocations(s: Session, bill_ids: list[int]) -> dict[int, list[StatementPayment]]:
        out: dict[int, list[StatementPayment]] = defaultdict(list)
        if not bill_ids:
            return out
        al, p, rs, rv = m.Allocation, m.Payment, m.ReceiptSeries, m.PaymentReversal
        rows = s.execute(
            select(al.bill_id, rs.prefix, p.receipt_no, p.created_at, al.amount)
            .join(p, p.id == al.payment_id)
            .join(rs, rs.code == p.series_code)
            .outerjoin(rv, rv.payment_id == p.id)
            .where(and_(al.bill_id.in_(bill_ids), rv.id.is_(None)))
            .order_by(al.bill_id, p.created_at, p.id)
        )
        for bill_id, prefix, receipt_no, paid_at, amount in rows:
            out[bill_id].append(StatementPayment(f"{prefix}{receipt_no:08d}", paid_at, amount))
        return out

    # -- reveal ------------------------------------------------------------------------

    def reveal(
        self, account_id: int, field: RevealField, clerk: ClerkIdentity, actor: Actor
    ) -> str:
        """The full ``field`` ("id_number", "mobile" or "landline"; "" when the
        account has none) for a supervisor or admin, audited as
        ``account.reveal`` in the same transaction."""
        if field not in REVEAL_FIELDS:
            raise ValueError(f"field must be one of {', '.join(REVEAL_FIELDS)}")
        if not clerk.has_role(REVEAL_ROLE):
            raise RevealRefused(f"revealing {field} needs the {REVEAL_ROLE} role")
        if self.db.is_postgres:
            return self._reveal_postgres(account_id, field, clerk, actor)
        with self.db.write() as s:
            column = getattr(m.Account, field)
            row = s.execute(select(column).where(m.Account.id == account_id)).one_or_none()
            if row is None:
                raise AccountNotFound(account_id)
            record(s, actor, "account.reveal", "account", account_id, field=field,
                   app_clerk=clerk.username)
            return row[0] or ""

    def _reveal_postgres(
        self, account_id: int, field: str, clerk: ClerkIdentity, actor: Actor
    ) -> str:
        try:
            with self.db.write() as s:
                return s.execute(
                    text("SELECT counter_reveal(:id, :field, :ws, :clerk)"),
                    {"id": account_id, "field": field, "ws": actor.workstation,
                     "clerk": clerk.username},
                ).scalar_one()
        except DBAPIError as exc:
            state = getattr(exc.orig, "sqlstate", None)
            if state == "42501":  # insufficient_privilege
                raise RevealRefused(str(exc.orig).splitlines()[0]) from None
            if state == "P0002":  # no_data_found
                raise AccountNotFound(account_id) from None
            raise

    # -- internals -----------------------------------------------------------------------

    @staticmethod
    def _require_account(s: Session, account_id: int) -> None:
        if s.execute(select(m.Account.id).where(m.Account.id == account_id)).first() is None:
            raise AccountNotFound(account_id)
