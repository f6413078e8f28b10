"""A clerk's till: open with a float, totals per tender, close (日结).

Opening and closing are the database's actions (``counter_open_shift``,
``counter_close_shift``): the clerk, the hall and the time are the login's
and the server's. A shift is closed by inserting its ``shift_closes`` row,
which is append-only: a closed shift stays closed and no payment can be
posted on it (the post checks it under the same advisory lock).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from psycopg.types.json import Jsonb
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.domain.money import to_money

from .actions import ActionError, call
from .audit import Actor
from .halls import hall_heading
from .receipts import receipt_label

ZERO = Decimal("0.00")
DENOMINATIONS = tuple(Decimal(d) for d in ("100", "50", "20", "10", "5", "1", "0.5", "0.1"))
TENDERS = ("cash", "wechat", "alipay", "card", "prepayment")



class ShiftError(ValueError):
    def __init__(self, code: str, message: str, *, field: str = ""):
        super().__init__(message)
        self.code = code
        self.field = field


@dataclass(frozen=True)
class ShiftTotals:
    shift_id: int
    clerk_id: int
    opened_at: datetime
    opening_float: Decimal
    payments: int
    reversals: int
    by_tender: dict[str, Decimal]  # received net of change, less refunds of reversals
    expected_cash: Decimal  # float + cash taken - cash refunded
    closed: bool


@dataclass(frozen=True)
class ShiftCloseResult:
    shift_id: int
    expected: dict[str, Decimal]
    counted_cash: Decimal
    cash_variance: Decimal
    reason: str


@dataclass(frozen=True)
class ShiftSummary:
    """A shift as a supervisor's list shows it: totals, who, and how it closed."""

    totals: ShiftTotals
    hall_code: str
    workstation: str
    clerk_username: str
    clerk_name: str
    closed_at: datetime | None = None
    counted_cash: Decimal | None = None  # None while open
    cash_variance: Decimal | None = None  # counted - expected; None while open
    variance_reason: str = ""


@dataclass(frozen=True)
class DayCloseReport:
    """Plain data for the day-close document and its Excel export."""

    summary: ShiftSummary
    hall_name: str
    utility_name: str
    counts: tuple[tuple[Decimal, int], ...]  # (denomination, pieces), largest first
    first_receipt: str = ""
    last_receipt: str = ""
    reversal_amount: Decimal = ZERO


def count_cash(counts: dict[Decimal, int]) -> Decimal:
    """Total of a count by denomination; refuses unknown notes and negatives."""
    total = ZERO
    for denomination, pieces in counts.items():
        if Decimal(denomination) not in DENOMINATIONS:
            raise ShiftError("denomination", f"unknown denomination {denomination}", field=str(denomination))
        if pieces < 0:
            raise ShiftError("negative", "a count cannot be negative", field=str(denomination))
        total += Decimal(denomination) * pieces
    return to_money(total)


class ShiftService:
    def __init__(self, db: Database):
        self.db = db

    def current(self, clerk_id: int) -> int | None:
        """The clerk's open shift, if any."""
        with self.db.read() as session:
            return session.execute(
                select(m.Shift.id)
                .outerjoin(m.ShiftClose, m.ShiftClose.shift_id == m.Shift.id)
                .where(m.Shift.clerk_id == clerk_id, m.ShiftClose.shift_id.is_(None))
                .order_by(m.Shift.id.desc())
            ).scalars().first()

    def open(self, actor: Actor, hall_code: str, opening_float: Decimal) -> int:
        """Open the signed-in clerk's till in their own hall (the database's
        record of the login; ``hall_code`` is what the caller believes it is)."""
        if to_money(opening_float) < ZERO:
            raise ShiftError("negative", "the float cannot be negative", field="opening_float")
        try:
            opened = call(self.db, "open_shift", actor.workstation, to_money(opening_float))
        except ActionError as refused:
            raise ShiftError(refused.code, refused.message, field=refused.field) from None
        return opened["shift_id"]

    def totals(self, shift_id: int) -> ShiftTotals:
        with self.db.read() as session:
            return self._totals(session, shift_id)

    def _totals(self, session: Session, shift_id: int) -> ShiftTotals:
        shift = session.get(m.Shift, shift_id)
        if shift is None:
            raise ShiftError("shift", f"no shift {shift_id}", field="shift")
        closed = session.get(m.ShiftClose, shift_id) is not None
        by_tender: dict[str, Decimal] = defaultdict(lambda: ZERO)
        taken = session.execute(
            select(m.PaymentTender.tender, func.sum(m.PaymentTender.amount))
            .join(m.Payment, m.Payment.id == m.PaymentTender.payment_id)
            .where(m.Payment.shift_id == shift_id)
            .group_by(m.PaymentTender.tender)
        ).all()
        for tender, amount in taken:
            by_tender[tender] += amount
        refunded = session.execute(
            select(m.PaymentTender.tender, func.sum(m.PaymentTender.amount))
            .join(m.PaymentReversal, m.PaymentReversal.payment_id == m.PaymentTender.payment_id)
            .where(m.PaymentReversal.shift_id == shift_id)
            .group_by(m.PaymentTender.tender)
        ).all()
        for tender, amount in refunded:
            by_tender[tender] -= amount
        payments = session.execute(
            select(func.count()).select_from(m.Payment).where(m.Payment.shift_id == shift_id)
        ).scalar_one()
        reversals = session.execute(
            select(func.count()).select_from(m.PaymentReversal)
            .where(m.PaymentReversal.shift_id == shift_id)
        ).scalar_one()
        totals = {t: to_money(by_tender.get(t, ZERO)) for t in TENDERS}
        return ShiftTotals(
            shift_id=shift.id, clerk_id=shift.clerk_id, opened_at=shift.opened_at,
            opening_float=shift.opening_float, payments=payments, reversals=reversals,
            by_tender=totals, expected_cash=shift.opening_float + totals["cash"], closed=closed,
        )

    def close(
        self, shift_id: int, actor: Actor, *, cash_counts: dict[Decimal, int], reason: str = ""
    ) -> ShiftCloseResult:
        count_cash(cash_counts)  # the clerk's message before a round trip
        counts = Jsonb({str(Decimal(k)): int(v) for k, v in cash_counts.items()})
        try:
            closed = call(self.db, "close_shift", actor.workstation, shift_id, counts, reason.strip())
        except ActionError as refused:
            code = "closed" if refused.field == "shift" else refused.code
            raise ShiftError(code, refused.message, field=refused.field) from None
        expected = {k: to_money(v) for k, v in closed["expected"].items()}
        return ShiftCloseResult(shift_id, expected, closed["counted_cash"], closed["cash_variance"],
                                closed["reason"])

    # -- reports ------------------------------------------------------------------

    def shifts_of_day(
        self, hall_code: str, day: date, tz: str = "Asia/Shanghai"
    ) -> list[ShiftSummary]:
        """Every shift of ``hall_code`` that was open at some time on ``day``
        (local calendar day in ``tz``), oldest first: for a supervisor."""
        start = datetime.combine(day, time.min, ZoneInfo(tz)).astimezone(UTC)
        end = start + timedelta(days=1)
        with self.db.read() as session:
            ids = session.execute(
                select(m.Shift.id)
                .outerjoin(m.ShiftClose, m.ShiftClose.shift_id == m.Shift.id)
                .where(
                    m.Shift.hall_code == hall_code,
                    m.Shift.opened_at < end,
                    or_(m.ShiftClose.shift_id.is_(None), m.ShiftClose.closed_at >= start),
                )
                .order_by(m.Shift.opened_at, m.Shift.id)
            ).scalars().all()
            return [self._summary(session, shift_id) for shift_id in ids]

    def summary(self, shift_id: int) -> ShiftSummary:
        with self.db.read() as session:
            return self._summary(session, shift_id)

    def day_close_report(self, shift_id: int) -> DayCloseReport:
        """What the day-close document and its Excel export show; the shift
        must be closed (the report is of a locked shift)."""
        with self.db.read() as session:
            summary = self._summary(session, shift_id)
            if not summary.totals.closed:
                raise ShiftError("open", f"shift {shift_id} is not closed", field="shift")
            close = session.get(m.ShiftClose, shift_id)
            pieces = {Decimal(k): int(v) for k, v in json.loads(close.counted_json).items()}
            counts = tuple((d, pieces.get(d, 0)) for d in DENOMINATIONS)
            heading = hall_heading(session, summary.hall_code)
            receipts = session.execute(  # first and last number per series, not every row
                select(m.ReceiptSeries.prefix, func.min(m.Payment.receipt_no),
                       func.max(m.Payment.receipt_no))
                .join(m.ReceiptSeries, m.ReceiptSeries.code == m.Payment.series_code)
                .where(m.Payment.shift_id == shift_id)
                .group_by(m.ReceiptSeries.prefix)
                .order_by(func.min(m.Payment.receipt_no))
            ).all()
            reversed_amount = session.execute(
                select(func.coalesce(func.sum(m.Payment.amount), 0))
                .join(m.PaymentReversal, m.PaymentReversal.payment_id == m.Payment.id)
                .where(m.PaymentReversal.shift_id == shift_id)
            ).scalar_one()
        return DayCloseReport(
            summary=summary, hall_name=heading.hall_name, utility_name=heading.utility_name,
            counts=counts,
            first_receipt=receipt_label(receipts[0][0], receipts[0][1]) if receipts else "",
            last_receipt=receipt_label(receipts[-1][0], receipts[-1][2]) if receipts else "",
            reversal_amount=to_money(Decimal(reversed_amount)),
        )

    def _summary(self, session: Session, shift_id: int) -> ShiftSummary:
        totals = self._totals(session, shift_id)
        row = session.execute(
            select(m.Shift.hall_code, m.Shift.workstation, m.Clerk.username, m.Clerk.display_name)
            .join(m.Clerk, m.Clerk.id == m.Shift.clerk_id)
            .where(m.Shift.id == shift_id)
        ).one()
        close = session.get(m.ShiftClose, shift_id)
        return ShiftSummary(
            totals=totals, hall_code=row.hall_code, workstation=row.workstation,
            clerk_username=row.username, clerk_name=row.display_name,
            closed_at=close.closed_at if close else None,
            counted_cash=totals.expected_cash + close.cash_variance if close else None,
            cash_variance=close.cash_variance if close else None,
            variance_reason=close.variance_reason if close else "",
        )
