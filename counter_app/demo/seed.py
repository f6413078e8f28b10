"""``seed_demo``: fill an empty Counter database with a demo utility.

Same seed, same end period (and same number of accounts and months) ⇒ same
data: every id, number, date and timestamp derives from them, never from the
clock. ``end_period=None`` means the month before today, which is the only
use of today's date (the data then describe the evening of that month's
last day).

PostgreSQL rows go through COPY on the session's own psycopg connection,
SQLite rows through Core executemany; everything happens in one
transaction, so a failure leaves the database as it was. On PostgreSQL the
seed needs the administrator (or owner) connection, like ``migrate``: it
moves the id sequences past the ids it assigned (``setval``).
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from types import MappingProxyType

from sqlalchemy import func, select, text

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.domain.periods import Period

from .chunk import generate_chunk
from .context import Context, IdCounters, cents_to_decimal
from .reference import ensure_reference
from .sink import CHUNK_TABLES, STAGED, Pipeline, Sink
from .timeline import CLOSE_SECONDS, OPEN_SECONDS, ShiftPlan, Window, at_local

__all__ = ["CHUNK_SIZE", "MAX_MONTHS", "SeedReport", "seed_demo"]

CHUNK_SIZE = 10_000
SUSPEND_CHECKS_FROM = 20_000  # accounts; smaller loads keep indexes and foreign keys
MAX_MONTHS = 60
OPENING_FLOAT = Decimal("500.00")
_EARLIEST_START = Period(2000, 2)  # the demo tariffs start on 2000-01-01
_TENDER_ORDER = ("cash", "wechat", "alipay", "card", "prepayment")
_ID_TABLES = (
    "shifts", "accounts", "meters", "readings", "bills", "payments", "prepayment_ledger",
    "relief_applications", "complaints", "complaint_events", "audit_events",
)
_ANALYZE = ("accounts", "meters", "readings", "bills", "bill_lines", "payments",
            "payment_tenders", "allocations", "prepayment_ledger", "relief_applications",
            "complaints", "complaint_events", "shifts", "shift_closes")

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class SeedReport:
    """What :func:`seed_demo` wrote: rows per table and the time it took."""

    accounts: int
    months: int
    seed: int
    end_period: Period
    counts: Mapping[str, int] = field(hash=False)
    elapsed_seconds: float
    #: where the time went: "generate" (Python), "write:<table>" (COPY or
    #: executemany, including the server's work), "finish_payments", "analyze"
    phase_seconds: Mapping[str, float] = field(hash=False, default_factory=dict)

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())

    @property
    def rows_per_second(self) -> float:
        return self.total_rows / self.elapsed_seconds if self.elapsed_seconds > 0 else 0.0


def _validate(accounts: int, months: int, seed: int, end_period: Period | None) -> Period:
    for name, value in (("accounts", accounts), ("months", months), ("seed", seed)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{name} must be a whole number, got {value!r}")
    if accounts < 1:
        raise ValueError(f"accounts must be at least 1, got {accounts}")
    if not 1 <= months <= MAX_MONTHS:
        raise ValueError(f"months must be between 1 and {MAX_MONTHS}, got {months}")
    this_month = Period.from_date(date.today())
    end = this_month.prev() if end_period is None else end_period
    if not isinstance(end, Period):
        raise ValueError(f"end_period must be a Period, got {end_period!r}")
    if end > this_month:
        raise ValueError(f"end period {end} is in the future (this month is {this_month})")
    if end.add(-(months - 1)) < _EARLIEST_START:
        raise ValueError(
            f"{months} months ending {end} start before {_EARLIEST_START}, "
            "where the demo tariffs begin"
        )
    return end


def _first_ids(session) -> IdCounters:
    tables = m.Base.metadata.tables
    nxt = {}
    for name in _ID_TABLES:
        nxt[name] = int(session.execute(select(func.coalesce(func.max(tables[name].c.id), 0)))
                        .scalar_one()) + 1
    return IdCounters(nxt)


def _shift_closes(ctx: Context, seed: int) -> list[tuple]:
    rng = random.Random(f"counter-demo:{seed}:shift-closes")
    rows = []
    for shift in ctx.shifts.shifts:
        totals = ctx.shift_totals.get(shift.id, {})
        expected = {t: str(cents_to_decimal(totals.get(t, 0))) for t in _TENDER_ORDER}
        counted = dict(expected)
        variance, reason = 0, ""
        if totals.get("cash") and rng.random() < 0.03:
            variance = rng.choice((-1, 1)) * rng.choice((10, 50, 100, 200, 500))
            reason = "找零差错" if variance < 0 else "顾客未取找零"
            counted["cash"] = str(cents_to_decimal(totals["cash"] + variance))
        rows.append(
            (shift.id, at_local(shift.day, CLOSE_SECONDS),
             json.dumps(expected, sort_keys=True), json.dumps(counted, sort_keys=True),
             cents_to_decimal(variance), reason)
        )
    return rows


def seed_demo(
    db: Database,
    *,
    accounts: int,
    months: int,
    seed: int,
    end_period: Period | None = None,
    progress: Progress | None = None,
) -> SeedReport:
    """Fill an empty database with ``accounts`` demo accounts and ``months``
    read periods of readings, bills, payments, relief and complaints ending
    with ``end_period``. Refuses (ValueError) a database that has accounts."""
    end = _validate(accounts, months, seed, end_period)
    window = Window(end, months)
    report = progress or (lambda stage, done, total: None)
    started = time.perf_counter()
    with db.write() as session:
        if db.kind == "postgresql":
            session.execute(text("LOCK TABLE accounts IN SHARE ROW EXCLUSIVE MODE"))
        if session.execute(select(m.Account.id).limit(1)).first() is not None:
            raise ValueError(
                "the database already has accounts: seed-demo only fills an empty database"
            )
        report("reference", 0, 1)
        hasher = None
        if db.kind == "sqlite":
            from counter_app.services.auth import hash_password

            hasher = hash_password
        ref_time = at_local(window.start - timedelta(days=30), 9 * 3600)
        reference = ensure_reference(session, ref_time, hasher)
        ids = _first_ids(session)
        plan = ShiftPlan(window, ids.next["shifts"])
        ids.next["shifts"] += len(plan.shifts)
        ctx = Context(window, reference, plan, ids)
        sink = Sink(session)
        sink.write(
            "shifts",
            [(s.id, reference.clerk_ids[s.clerk], s.hall_code, s.workstation,
              at_local(s.day, OPEN_SECONDS), OPENING_FLOAT) for s in plan.shifts],
        )
        report("reference", 1, 1)
        sink.start_staging()
        if accounts >= SUSPEND_CHECKS_FROM:
            sink.suspend_checks(CHUNK_TABLES + STAGED)
        done = 0
        chunk_no = 0
        generating = 0.0
        pipeline = Pipeline(sink, threaded=db.kind == "postgresql")
        try:
            while done < accounts:
                count = min(CHUNK_SIZE, accounts - done)
                t = time.perf_counter()
                rows = generate_chunk(ctx, seed, chunk_no, count)
                generating += time.perf_counter() - t
                pipeline.put(rows)
                del rows
                done += count
                chunk_no += 1
                report("accounts", done, accounts)
        finally:
            pipeline.close()
        report("payments", 0, 1)
        sink.finish_payments()
        sink.write("shift_closes", _shift_closes(ctx, seed))
        report("payments", 1, 1)
        report("indexes", 0, 1)
        sink.restore_checks()
        report("indexes", 1, 1)
        counts = dict(sink.counts)
        details = {"accounts": accounts, "months": months, "seed": seed,
                   "end_period": str(end), "rows": counts}
        sink.write(
            "audit_events",
            [(ids.take("audit_events"), window.as_of_at, "admin", "counter-admin", "demo.seed",
              "database", "", json.dumps(details, ensure_ascii=False, sort_keys=True))],
        )
        sink.set_sequences(_ID_TABLES)
        counts = dict(sink.counts)
        phases = {"generate": generating}
        phases.update((f"write:{k}" if k in counts else k, v) for k, v in sink.seconds.items())
    if db.kind == "postgresql":
        report("analyze", 0, 1)
        t = time.perf_counter()
        with db.engine.connect() as conn:
            conn.execute(text(f"ANALYZE {', '.join(_ANALYZE)}"))
            conn.commit()
        phases["analyze"] = time.perf_counter() - t
        report("analyze", 1, 1)
    return SeedReport(
        accounts=accounts, months=months, seed=seed, end_period=end,
        counts=MappingProxyType(counts), elapsed_seconds=time.perf_counter() - started,
        phase_seconds=MappingProxyType(phases),
    )
