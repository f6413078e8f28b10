"""A clerk's till: open with a float, totals per tender, close (日结).
Rules: docs/rules/payments.md
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from psycopg.types.json import Jsonb
from sqlalchemy import select

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.domain.errors import CounterError
from counter_app.domain.money import ZERO, to_money
from counter_app.domain.tenders import TENDER_CODES
from counter_app.services.action_values import exact_money, required
from counter_app.services.actions import ActionError, call
from counter_app.services.audit import Actor
from counter_app.services.payments.receipt_facts import DEFAULT_UTILITY_NAME
from counter_app.services.payments.receipts import receipt_label

DENOMINATIONS = tuple(Decimal(d) for d in ("100", "50", "20", "10", "5", "1", "0.5", "0.1"))
TENDERS = TENDER_CODES  # kept for callers


class ShiftError(CounterError, ValueError):
    """A refused count, opening or close: ``code`` why, ``field`` the input."""

    field: str

    def __init__(self, code: str, message: str, *, field: str = "", kind: str | None = None):
        super().__init__(code, message, field=field, kind=kind)


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
    late_fees: Decimal = ZERO  # 违约金 within the tenders above, net of reversals (0024)


@dataclass(frozen=True)
class ShiftCloseResult:
    shift_id: int
    expected: dict[str, Decimal]
    counted_cash: Decimal
    cash_variance: Decimal
    reason: str
    report: DayCloseReport | None = None  # the day-close report, from the close itself


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
            raise ShiftError(
                "denomination", f"unknown denomination {denomination}", field=str(denomination)
            )
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
            return (
                session.execute(
                    select(m.Shift.id)
                    .outerjoin(m.ShiftClose, m.ShiftClose.shift_id == m.Shift.id)
                    .where(m.Shift.clerk_id == clerk_id, m.ShiftClose.shift_id.is_(None))
                    .order_by(m.Shift.id.desc())
                )
                .scalars()
                .first()
            )

    def open(self, actor: Actor, hall_code: str, opening_float: Decimal) -> int:
        """Open the signed-in clerk's till in their own hall (the database's
        record of the login; ``hall_code`` is what the caller believes it is)."""
        if exact_money(opening_float, "opening_float", ShiftError) < ZERO:
            raise ShiftError("negative", "the float cannot be negative", field="opening_float")
        try:
            opened = call(self.db, "open_shift", actor.workstation, to_money(opening_float))
        except ActionError as refused:
            raise ShiftError(
                refused.code, refused.message, field=refused.field, kind=refused.kind
            ) from None
        return opened["shift_id"]

    def totals(self, shift_id: int) -> ShiftTotals:
        return self.summary(shift_id).totals

    def close(
        self, shift_id: int, actor: Actor, *, cash_counts: dict[Decimal, int], reason: str = ""
    ) -> ShiftCloseResult:
        count_cash(cash_counts)  # the clerk's message before a round trip
        counts = Jsonb({str(Decimal(k)): int(v) for k, v in cash_counts.items()})
        try:
            closed = call(
                self.db, "close_shift", actor.workstation, shift_id, counts, reason.strip()
            )
        except ActionError as refused:
            code = "closed" if refused.field == "shift" else refused.code
            raise ShiftError(
                code, refused.message, field=refused.field, kind=refused.kind
            ) from None
        expected = {k: to_money(v) for k, v in closed["expected"].items()}
        return ShiftCloseResult(
            shift_id,
            expected,
            closed["counted_cash"],
            closed["cash_variance"],
            closed["reason"],
            _report_of(closed["report"]),
        )

    # -- loads: one call each -------------------------------------------------------

    def till(
        self, day: date, tz: str = "Asia/Shanghai"
    ) -> tuple[ShiftTotals | None, list[ShiftSummary] | None]:
        """The day-close screen: the signed-in clerk's open shift (totals) and,
        for a supervisor, the hall's shifts of ``day`` (None for a clerk)."""
        data = call(self.db, "till", day, tz, retry_read=True)
        day_list = data["day"]
        return (
            None if data["totals"] is None else _totals_of(data["totals"]),
            None if day_list is None else [_summary_of(x) for x in day_list],
        )

    def shifts_of_day(
        self, hall_code: str, day: date, tz: str = "Asia/Shanghai"
    ) -> list[ShiftSummary]:
        """Every shift of ``hall_code`` (the supervisor's own hall: another
        hall's are not theirs to see) open at some time on ``day`` (local
        calendar day in ``tz``), oldest first."""
        listed = self.till(day, tz)[1] or []
        return [x for x in listed if x.hall_code == hall_code]

    def summary(self, shift_id: int) -> ShiftSummary:
        return _summary_of(self._load("shift", shift_id))

    def day_close_report(self, shift_id: int) -> DayCloseReport:
        """What the day-close document and its Excel export show; the shift
        must be closed (the report is of a locked shift)."""
        return _report_of(self._load("day_close_report", shift_id))

    def _load(self, name: str, shift_id: int) -> dict:
        try:
            return call(self.db, name, shift_id, retry_read=True)
        except ActionError as refused:
            raise ShiftError(
                refused.code, refused.message, field=refused.field, kind=refused.kind
            ) from None


def _when(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _totals_of(data: dict) -> ShiftTotals:
    return ShiftTotals(
        shift_id=data["shift_id"],
        clerk_id=data["clerk_id"],
        opened_at=required(_when(data["opened_at"]), "opened_at"),
        opening_float=to_money(data["opening_float"]),
        payments=data["payments"],
        reversals=data["reversals"],
        by_tender={t: to_money(data["by_tender"].get(t, ZERO)) for t in TENDERS},
        expected_cash=to_money(data["expected_cash"]),
        closed=data["closed"],
        late_fees=to_money(data.get("late_fees", ZERO)),
    )


def _summary_of(data: dict) -> ShiftSummary:
    counted, variance = data["counted_cash"], data["cash_variance"]
    return ShiftSummary(
        totals=_totals_of(data["totals"]),
        hall_code=data["hall_code"],
        workstation=data["workstation"],
        clerk_username=data["clerk_username"],
        clerk_name=data["clerk_name"],
        closed_at=_when(data["closed_at"]),
        counted_cash=None if counted is None else to_money(counted),
        cash_variance=None if variance is None else to_money(variance),
        variance_reason=data["variance_reason"],
    )


def _report_of(data: dict) -> DayCloseReport:
    pieces = {Decimal(k): int(v) for k, v in data["counts"].items()}
    receipts = data["receipts"]
    return DayCloseReport(
        summary=_summary_of(data["summary"]),
        hall_name=data["hall_name"],
        utility_name=data["utility_name"] or DEFAULT_UTILITY_NAME,
        counts=tuple((d, pieces.get(d, 0)) for d in DENOMINATIONS),
        first_receipt=receipt_label(receipts[0][0], receipts[0][1]) if receipts else "",
        last_receipt=receipt_label(receipts[-1][0], receipts[-1][2]) if receipts else "",
        reversal_amount=to_money(data["reversal_amount"]),
    )
