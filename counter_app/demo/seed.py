"""``seed_demo``: fill an empty Counter database with a demo utility (COPY, one transaction).
Design: docs/demo.md
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select, text

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.db.migrate import owner_rights
from counter_app.demo.context import IdCounters, cents_to_decimal
from counter_app.demo.generator import InlineSource, ProcessSource, Setup
from counter_app.demo.rand import pick
from counter_app.demo.reference import ensure_reference
from counter_app.demo.sink import CHUNK_TABLES, COLUMNS, STAGED, Pipeline, Sink
from counter_app.demo.timeline import CLOSE_SECONDS, OPEN_SECONDS, ShiftPlan, Window, at_local
from counter_app.domain.periods import Period
from counter_app.services.payments.shifts import DENOMINATIONS
from counter_app.services.payments.shifts import TENDERS as SHIFT_TENDERS

__all__ = ["MAX_MONTHS", "SeedReport", "seed_demo"]

PROCESS_FROM = 20_000  # accounts; loads this big generate in a second process
_ARCHIVE_SEQUENCES = (
    "INSERT INTO archive_sequences (locality, year, next_no) "
    "SELECT area_code, extract(year FROM opened_on)::int, count(*) + 1 FROM accounts "
    "GROUP BY 1, 2"
)
SUSPEND_CHECKS_FROM = 20_000  # accounts; smaller loads keep indexes and foreign keys
MAX_MONTHS = 60
OPENING_FLOAT = Decimal("500.00")
_EARLIEST_START = Period(2000, 2)  # the demo tariffs start on 2000-01-01
_ID_TABLES = (
    "shifts",
    "accounts",
    "meters",
    "readings",
    "bills",
    "payments",
    "prepayment_ledger",
    "relief_applications",
    "complaints",
    "complaint_events",
    "audit_events",
)
_ANALYZE = (
    "meters",
    "readings",
    "bills",
    "bill_lines",
    "payments",
    "payment_tenders",
    "allocations",
    "prepayment_ledger",
    "relief_applications",
    "complaints",
    "complaint_events",
    "shifts",
    "shift_closes",
)

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class SeedReport:
    """What :func:`seed_demo` wrote: rows per table and the time it took."""

    accounts: int
    months: int
    seed: int
    end_period: Period
    counts: dict[str, int] = field(hash=False)
    elapsed_seconds: float
    #: where the time went: "generate" (Python, or "wait_for_generator" when a
    #: second process generates), "write:<table>" (COPY or executemany,
    #: including the server's work), "finish_payments", "restore_indexes",
    #: "restore_foreign_keys", "analyze"
    phase_seconds: dict[str, float] = field(hash=False, default_factory=dict)

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
    if end >= this_month:
        raise ValueError(
            f"end period {end} has not ended yet (this month is {this_month}): the demo's "
            "payments would lie in the future"
        )
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
        nxt[name] = (
            int(session.execute(select(func.coalesce(func.max(tables[name].c.id), 0))).scalar_one())
            + 1
        )
    return IdCounters(nxt)


def _cash_counts(cents: int) -> dict[str, int]:
    """Notes and coins for ``cents`` (greedy, largest first), as the shifts
    service stores a count: {"100": 3, "0.5": 1, ...}."""
    counts: dict[str, int] = {}
    for denomination in DENOMINATIONS:
        unit = int(denomination * 100)
        pieces, cents = divmod(cents, unit)
        if pieces:
            counts[str(denomination)] = pieces
    return counts


def _shift_closes(
    plan: ShiftPlan, shift_totals: dict[int, dict[str, int]], seed: int
) -> list[tuple]:
    """Closes in the shifts service's format: expected per tender plus the
    cash in the drawer (float + cash taken), the cash counted by
    denomination, the variance and its reason. The smallest denomination is
    0.1 yuan, so fen the drawer cannot show are a (small) variance."""
    rng = random.Random(f"counter-demo:{seed}:shift-closes")
    float_cents = int(OPENING_FLOAT * 100)
    rows = []
    for shift in plan.shifts:
        totals = shift_totals.get(shift.id, {})
        expected = {t: str(cents_to_decimal(totals.get(t, 0))) for t in SHIFT_TENDERS}
        in_drawer = float_cents + totals.get("cash", 0)
        expected["cash_in_drawer"] = str(cents_to_decimal(in_drawer))
        counted = in_drawer - in_drawer % 10
        reason = "分币零头未计" if counted != in_drawer else ""
        if totals.get("cash") and rng.random() < 0.03:
            slip = pick(rng, (-1, 1)) * pick(rng, (50, 100, 200, 500, 1000))
            counted += slip
            reason = "找零差错" if slip < 0 else "顾客未取找零"
        rows.append(
            (
                shift.id,
                at_local(shift.day, CLOSE_SECONDS),
                json.dumps(expected),
                json.dumps(_cash_counts(counted)),
                cents_to_decimal(counted - in_drawer),
                reason,
            )
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
    # the DBA writes the owner's tables with the owner's rights for this
    # transaction only (db/migrate.owner_rights)
    with (
        db.write() as session,
        owner_rights(session.connection().connection.driver_connection.cursor()),
    ):
        session.execute(text("LOCK TABLE accounts IN SHARE ROW EXCLUSIVE MODE"))
        if session.execute(select(m.Account.id).limit(1)).first() is not None:
            raise ValueError(
                "the database already has accounts: seed-demo only fills an empty database"
            )
        report("reference", 0, 1)
        ref_time = at_local(window.start - timedelta(days=30), 9 * 3600)
        reference = ensure_reference(session, ref_time)
        ids = _first_ids(session)
        plan = ShiftPlan(window, ids.next["shifts"])
        ids.next["shifts"] += len(plan.shifts)
        sink = Sink(session)
        sink.write(
            "shifts",
            [
                (
                    s.id,
                    reference.clerk_ids[s.clerk],
                    s.hall_code,
                    s.workstation,
                    at_local(s.day, OPEN_SECONDS),
                    OPENING_FLOAT,
                )
                for s in plan.shifts
            ],
        )
        report("reference", 1, 1)
        sink.start_staging()
        if accounts >= SUSPEND_CHECKS_FROM:
            # accounts keep their (search) indexes: the server maintains them
            # while the next chunk is generated, instead of afterwards
            sink.suspend_checks(CHUNK_TABLES + STAGED, keep_indexes=("accounts",))
        setup = Setup(window, seed, accounts, reference, plan, dict(ids.next))
        use_process = accounts >= PROCESS_FROM
        source = ProcessSource(setup) if use_process else InlineSource(setup)
        pipeline = Pipeline(sink, threaded=True)
        waited = 0.0
        done = 0
        try:
            chunks = iter(source)
            while True:
                t = time.perf_counter()
                item = next(chunks, None)
                waited += time.perf_counter() - t
                if item is None:
                    break
                count, payload = item
                pipeline.put(payload)
                del item, payload
                done += count
                report("accounts", done, accounts)
        finally:
            source.close()
            pipeline.close()
        state = source.state
        assert state is not None and done == accounts
        ids = IdCounters(dict(state.next_ids))
        report("payments", 0, 1)
        sink.finish_payments()
        sink.write("shift_closes", _shift_closes(plan, state.shift_totals, seed))
        report("payments", 1, 1)
        report("indexes", 0, 1)
        sink.restore_checks()
        report("indexes", 1, 1)
        # the accounts came numbered 1..n per area and opening year (chunk._archive):
        # the sequences go on from there
        session.execute(text(_ARCHIVE_SEQUENCES))
        counts = dict(sink.counts)
        details = {
            "accounts": accounts,
            "months": months,
            "seed": seed,
            "end_period": str(end),
            "rows": counts,
        }
        sink.write(
            "audit_events",
            [
                (
                    ids.take("audit_events"),
                    window.as_of_at,
                    "admin",
                    "counter-admin",
                    "demo.seed",
                    "database",
                    "",
                    json.dumps(details, ensure_ascii=False, sort_keys=True),
                )
            ],
        )
        sink.set_sequences(_ID_TABLES)
        counts = dict(sink.counts)
        phases = {"wait_for_generator" if use_process else "generate": waited}
        phases.update((f"write:{k}" if k in counts else k, v) for k, v in sink.seconds.items())
    report("analyze", 0, 1)
    t = time.perf_counter()
    with db.engine.connect() as conn:
        conn.execute(text(f"ANALYZE {', '.join(_ANALYZE)}"))
        # accounts by column: a plain ANALYZE also computes the search
        # index expressions (name and address grams) for its 30 000-row
        # sample, which takes longer than the rest together; autovacuum
        # analyzes the table fully soon after the commit.
        columns = [c for c in COLUMNS["accounts"] if c != "id"]
        conn.execute(text(f"ANALYZE accounts ({', '.join(columns)})"))
        conn.commit()
    phases["analyze"] = time.perf_counter() - t
    report("analyze", 1, 1)
    return SeedReport(
        accounts=accounts,
        months=months,
        seed=seed,
        end_period=end,
        counts=counts,
        elapsed_seconds=time.perf_counter() - started,
        phase_seconds=phases,
    )
