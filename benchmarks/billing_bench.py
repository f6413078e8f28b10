#!/usr/bin/env python3
"""Benchmark billing a period (``bill_period``, ``counter-admin bill-period``)
before and after the tier check of migration 0031.

    python benchmarks/billing_bench.py                  # 5,000 accounts, 3 rounds
    python benchmarks/billing_bench.py --accounts 20000 --rounds 3

Creates a template database on the administrator ``--url`` (default: the
test server), migrates it, fills it with ``seed_demo`` (``--months`` periods
ending ``--end-period``, so the period billed has year-to-date usage and
crosses tiers) and adds one unbilled reading per account for the next
period. Each round copies the template twice (``CREATE DATABASE ...
TEMPLATE``): one copy downgraded to ``--before`` (the action without the
check), one at head; the order alternates between rounds. In each copy a
``counter_batch`` login bills the period; the script prints the wall time
of ``bill_period`` and of its one ``counter_issue_bills`` call, the median
over the rounds, and the machine and load (``--explain``: also each
statement of the action above 20 ms, by auto_explain, so each check is timed
on its own). All copies are dropped.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from alembic import command  # noqa: E402
from sqlalchemy import event, text  # noqa: E402

import counter_app.services.tariffs.billing as billing  # noqa: E402
from benchmarks.payments_bench import machine  # noqa: E402
from counter_app.db.engine import Database, make_engine, with_credentials  # noqa: E402
from counter_app.db.migrate import _config, migrate  # noqa: E402
from counter_app.demo import seed_demo  # noqa: E402
from counter_app.domain.periods import Period  # noqa: E402
from counter_app.services.installation.batch import create_batch_login  # noqa: E402

DEFAULT_URL = os.environ.get("COUNTER_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
PASSWORD = "bench-pw-1234"

# one reading per account for the period, after the meter's last one: a
# household 0-59 m³, a collective meter 0-2999 m³ (deterministic per meter)
READINGS = """
INSERT INTO readings (account_id, meter_id, period, read_on, previous_reading, reading, usage,
                      rolled_over, flags, source, created_at)
SELECT x.account_id, x.id, :period, :read_on, x.previous,
       (x.previous + x.usage) % x.dial, x.usage, x.previous + x.usage >= x.dial, '', 'bench',
       now()
FROM (SELECT DISTINCT ON (mt.account_id) mt.account_id, mt.id,
             (10::numeric ^ mt.dial_digits)::bigint AS dial,
             coalesce((SELECT r.reading FROM readings r WHERE r.meter_id = mt.id
                        ORDER BY r.period DESC LIMIT 1), 0) AS previous,
             abs(hashtext(mt.id::text)) % CASE WHEN a.account_type = 'collective'
                                               THEN 3000 ELSE 60 END AS usage
      FROM meters mt JOIN accounts a ON a.id = mt.account_id
      ORDER BY mt.account_id, mt.id) x
"""


def _admin(url: str):
    return make_engine(url).execution_options(isolation_level="AUTOCOMMIT")


def _create(admin, name: str, template: str = "template0") -> Database:
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        conn.execute(
            text(
                f"CREATE DATABASE {name} TEMPLATE {template} ENCODING 'UTF8' "
                "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
            )
        )
    return Database(make_engine(admin.url.set(database=name)))


def _drop(admin, name: str) -> None:
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


def _downgrade(db: Database, revision: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("SET LOCAL ROLE counter_owner"))
        command.downgrade(_config(conn), revision)


def _timed_calls() -> list[float]:
    """Wall seconds of each action call the billing module makes."""
    spent: list[float] = []
    call = billing.call

    def timed(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return call(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - t0)

    billing.call = timed
    return spent


# --explain: the login's sessions log each statement of the action above 20 ms
# (auto_explain, nested statements) to the client: the checks timed one by one
EXPLAIN = {
    "session_preload_libraries": "auto_explain",
    "auto_explain.log_min_duration": "20ms",
    "auto_explain.log_nested_statements": "on",
    "client_min_messages": "log",
}


def _explained(batch: Database, notes: list[str]) -> None:
    def collect(diag) -> None:
        found = re.search(r"duration: ([0-9.]+) ms", diag.message_primary or "")
        if found and "Query Text: " in diag.message_primary:
            query = diag.message_primary.split("Query Text: ", 1)[1].splitlines()[0]
            notes.append(f"{float(found.group(1)):9.1f} ms  {query.strip()[:60]}")

    event.listen(batch.engine, "connect", lambda dbapi, _record: dbapi.add_notice_handler(collect))


def bill_once(
    admin,
    template: str,
    name: str,
    login: str,
    period: str,
    before: str | None,
    calls: list[float],
    explain: list[str] | None = None,
) -> tuple[float, float, int]:
    db = _create(admin, name, template)
    batch = None
    try:
        if before:
            _downgrade(db, before)
        create_batch_login(db, login, PASSWORD)
        if explain is not None:
            with admin.connect() as conn:
                for key, value in EXPLAIN.items():
                    conn.execute(text(f"ALTER ROLE \"{login}\" SET {key} = '{value}'"))
        batch = Database(make_engine(with_credentials(db.engine.url, login, PASSWORD)))
        if explain is not None:
            _explained(batch, explain)
        with db.engine.connect() as conn:  # the copy's statistics, as after a load
            conn.execute(text("ANALYZE"))
            conn.commit()
        calls.clear()
        t0 = time.perf_counter()
        report = billing.bill_period(batch, period)
        wall = time.perf_counter() - t0
        with db.read() as s:
            assert s.execute(text("SELECT * FROM counter_books_check()")).all() == []
        return wall, sum(calls), report.billed
    finally:
        if batch is not None:
            batch.dispose()
        db.dispose()
        _drop(admin, name)
        with admin.connect() as conn:  # a login belongs to one installation
            conn.execute(text(f'DROP ROLE IF EXISTS "{login}"'))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--url", default=DEFAULT_URL)
    ap.add_argument("--accounts", type=int, default=5000)
    ap.add_argument("--months", type=int, default=4)
    ap.add_argument("--end-period", default="2026-09")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument(
        "--before", default="0030_attack_fixes", help="the revision without the tier check"
    )
    ap.add_argument(
        "--free-volume",
        type=int,
        default=None,
        metavar="M3",
        help="turn the demo's relief rules into free_volume of M3 m³ (0034's check at the tiers)",
    )
    ap.add_argument(
        "--explain",
        action="store_true",
        help="print each statement of the action above 20 ms (auto_explain)",
    )
    args = ap.parse_args(argv)

    period = Period.parse(args.end_period).add(1)
    read_on = period.first_day.replace(day=20)
    base = f"counter_billbench_{os.getpid()}"
    login = f"billbench{os.getpid()}"
    admin = _admin(args.url)
    print(f"machine: {machine()}")
    db = _create(admin, base)
    try:
        with db.engine.connect() as conn:
            print(f"PostgreSQL {conn.exec_driver_sql('SHOW server_version').scalar_one()}")
        migrate(db.engine)
        t0 = time.perf_counter()
        seed_demo(
            db,
            accounts=args.accounts,
            months=args.months,
            seed=1,
            end_period=Period.parse(args.end_period),
        )
        with db.write() as s:
            added = s.execute(text(READINGS), {"period": str(period), "read_on": read_on})
            if args.free_volume is not None:
                s.execute(
                    text("UPDATE relief_rules SET kind = 'free_volume', value = :v"),
                    {"v": args.free_volume},
                )
            reliefs = s.execute(
                text(
                    "SELECT count(DISTINCT account_id) FROM relief_applications "
                    "WHERE status = 'approved'"
                )
            ).scalar_one()
            print(f"accounts with an approved relief: {reliefs}")
            print(
                f"seed_demo {args.accounts} accounts x {args.months} months to "
                f"{args.end_period} + {added.rowcount} readings of {period}: "
                f"{time.perf_counter() - t0:.1f} s"
            )
        db.dispose()
        calls = _timed_calls()
        runs: dict[str, list[tuple[float, float]]] = {"before": [], "after": []}
        for r in range(args.rounds):
            order = ("before", "after") if r % 2 == 0 else ("after", "before")
            for variant in order:
                load = os.getloadavg()[0]
                notes: list[str] | None = [] if args.explain else None
                wall, action, billed = bill_once(
                    admin,
                    base,
                    f"{base}_{variant}",
                    f"{login}{variant[0]}{r}",
                    str(period),
                    args.before if variant == "before" else None,
                    calls,
                    notes,
                )
                runs[variant].append((wall, action))
                print(
                    f"round {r + 1} {variant:<6} billed {billed}: bill_period {wall:6.2f} s, "
                    f"counter_issue_bills {action:6.2f} s (load {load:.1f})"
                )
                for note in notes or ():
                    print(f"    {note}")
        for variant, got in runs.items():
            print(
                f"median {variant:<6}: bill_period {statistics.median(w for w, _ in got):6.2f} s,"
                f" counter_issue_bills {statistics.median(a for _, a in got):6.2f} s"
            )
        print(f"machine at the end: {machine()}")
        return 0
    finally:
        db.dispose()
        _drop(admin, base)
        admin.dispose()


if __name__ == "__main__":
    sys.exit(main())
