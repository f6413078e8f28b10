#!/usr/bin/env python3
"""Benchmark ``seed_demo``: fresh UTF8 database, migrate, seed, report.

    python benchmarks/seed_demo.py --accounts 100000 --months 2
    python benchmarks/seed_demo.py --accounts 1000000 --months 2 --keep

``--url`` is a PostgreSQL *administrator* URL (default: the test server);
the script creates a database ``counter_bench_<pid>`` on it (template0,
UTF8, C.UTF-8), migrates it, seeds it and drops it again unless ``--keep``.
``--profile FILE`` writes a cProfile of the seed to FILE (this process only).
``--check`` runs set-based consistency queries over the result afterwards.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import platform
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from counter_app.db.engine import Database, make_engine  # noqa: E402
from counter_app.db.migrate import migrate  # noqa: E402
from counter_app.demo import seed_demo  # noqa: E402
from counter_app.domain.periods import Period  # noqa: E402

DEFAULT_URL = os.environ.get("COUNTER_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


def _machine() -> str:
    cores = os.cpu_count()
    try:
        mem_kb = int(
            next(
                line
                for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")
            ).split()[1]
        )
        mem = f"{mem_kb / 1024 / 1024:.1f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        mem = "RAM unknown"
    return f"{platform.system()} {platform.machine()}, {cores} cores, {mem}, Python {platform.python_version()}"


CHECKS = {
    "bills whose amount is not the sum of their lines": """
        SELECT count(*) FROM bills b WHERE b.amount <> (
            SELECT coalesce(sum(l.amount), 0) FROM bill_lines l WHERE l.bill_id = b.id)""",
    "bills allocated more than their amount": """
        SELECT count(*) FROM (SELECT a.bill_id, sum(a.amount) AS paid FROM allocations a
            GROUP BY a.bill_id) x JOIN bills b ON b.id = x.bill_id WHERE x.paid > b.amount""",
    "payments whose tenders do not add up": """
        SELECT count(*) FROM payments p WHERE p.amount <> (
            SELECT sum(t.amount) FROM payment_tenders t WHERE t.payment_id = p.id)""",
    "payments outside their shift": """
        SELECT count(*) FROM payments p JOIN shifts s ON s.id = p.shift_id
            JOIN shift_closes c ON c.shift_id = s.id
        WHERE p.created_at NOT BETWEEN s.opened_at AND c.closed_at OR p.clerk_id <> s.clerk_id""",
    "receipt series with gaps": """
        SELECT count(*) FROM (SELECT series_code FROM payments GROUP BY series_code
            HAVING min(receipt_no) <> 1 OR max(receipt_no) <> count(*)) x""",
    "receipt series whose next_no is not max + 1": """
        SELECT count(*) FROM receipt_series r WHERE r.next_no <> 1 + (
            SELECT coalesce(max(receipt_no), 0) FROM payments p WHERE p.series_code = r.code)""",
    "accounts whose balance is not the ledger's last balance_after": """
        SELECT count(*) FROM accounts a LEFT JOIN LATERAL (
            SELECT l.balance_after FROM prepayment_ledger l WHERE l.account_id = a.id
            ORDER BY l.id DESC LIMIT 1) last ON true
        WHERE a.prepayment_balance <> coalesce(last.balance_after, 0)""",
}


def _check(db: Database) -> int:
    failures = 0
    with db.engine.connect() as conn:
        for label, sql in CHECKS.items():
            t = time.perf_counter()
            bad = conn.execute(text(sql)).scalar_one()
            failures += bool(bad)
            print(f"  check: {label}: {bad}  ({time.perf_counter() - t:.1f} s)")
    return failures


def _backend_cpu(dbname: str) -> float | None:
    """CPU seconds used so far by the local server's backends of ``dbname``
    (Linux /proc; None when the server is not local or not readable)."""
    tick = os.sysconf("SC_CLK_TCK")
    total, found = 0, False
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().decode(errors="replace")
            if "postgres:" not in cmdline or f" {dbname} " not in cmdline.replace("\0", " "):
                continue
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
        found = True
    return total / tick if found else None


def _create_pg(admin_url) -> tuple[str, object]:
    name = f"counter_bench_{os.getpid()}"
    admin = make_engine(admin_url).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        conn.execute(
            text(
                f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' "
                "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
            )
        )
    return name, admin


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--accounts", type=int, default=100_000)
    ap.add_argument("--months", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--end-period", default=None, help="YYYY-MM (default: last month)")
    ap.add_argument("--url", default=DEFAULT_URL)
    ap.add_argument("--keep", action="store_true", help="keep the database afterwards")
    ap.add_argument("--profile", default=None, help="write a cProfile to this file")
    ap.add_argument("--check", action="store_true", help="run consistency queries afterwards")
    args = ap.parse_args(argv)

    url = make_url(args.url)
    end = Period.parse(args.end_period) if args.end_period else None
    name, admin = _create_pg(url)
    target = url.set(database=name)
    db = Database.from_url(target)
    status = 0
    try:
        print(f"machine: {_machine()}")
        with db.engine.connect() as conn:
            print("server:", conn.execute(text("SHOW server_version")).scalar_one())
        t0 = time.perf_counter()
        migrate(db.engine)
        print(f"migrate: {time.perf_counter() - t0:.1f} s")

        last = [0.0]

        def progress(stage: str, done: int, total: int) -> None:
            now = time.perf_counter()
            if stage != "accounts" or done == total or now - last[0] > 15:
                last[0] = now
                print(f"  {now - t0:7.1f} s  {stage} {done}/{total}", flush=True)

        t0 = time.perf_counter()
        usage0 = resource.getrusage(resource.RUSAGE_SELF)
        cpu0 = usage0.ru_utime + usage0.ru_stime
        server0 = _backend_cpu(target.database)
        print(f"load average at the start: {os.getloadavg()[0]:.1f}")
        profiler = cProfile.Profile() if args.profile else None
        if profiler:
            profiler.enable()
        report = seed_demo(
            db,
            accounts=args.accounts,
            months=args.months,
            seed=args.seed,
            end_period=end,
            progress=progress,
        )
        if profiler:
            profiler.disable()
            profiler.dump_stats(args.profile)
        print(
            f"seed-demo {args.accounts} accounts x {args.months} months "
            f"(end {report.end_period}, seed {args.seed}) on {db.describe()}"
        )
        for table, count in report.counts.items():
            print(f"  {table:22s} {count:>12,d}")
        print(f"  {'total rows':22s} {report.total_rows:>12,d}")
        print("time by phase:")
        for phase, seconds in sorted(report.phase_seconds.items(), key=lambda kv: -kv[1]):
            print(f"  {phase:28s} {seconds:8.1f} s")
        self_cpu = resource.getrusage(resource.RUSAGE_SELF)
        child_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
        server_cpu = _backend_cpu(target.database)
        print(
            "cpu: this process {:.1f} s, generator process {:.1f} s, server backend {} "
            "(a contended machine stretches wall time, CPU time much less)".format(
                self_cpu.ru_utime + self_cpu.ru_stime - cpu0,
                child_cpu.ru_utime + child_cpu.ru_stime,
                "n/a" if server_cpu is None else f"{server_cpu - (server0 or 0):.1f} s",
            )
        )
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")
        print(
            f"elapsed {report.elapsed_seconds:.1f} s, {report.rows_per_second:,.0f} rows/s, "
            f"{args.accounts / report.elapsed_seconds:,.0f} accounts/s  ({date.today()})"
        )
        with db.engine.connect() as conn:
            size = conn.execute(
                text("SELECT pg_size_pretty(pg_database_size(current_database()))")
            ).scalar_one()
        print(f"database size: {size}")
        if args.check and _check(db):
            print("CHECKS FAILED")
            status = 1
        try:
            rss = subprocess.run(
                ["ps", "-o", "rss=", "-p", str(os.getpid())],
                capture_output=True,
                text=True,
                check=False,
            ).stdout.strip()
            print(f"client RSS at end: {int(rss) / 1024:.0f} MiB")
        except (OSError, ValueError):
            pass
    finally:
        db.dispose()
        if not args.keep:
            with admin.connect() as conn:
                conn.execute(text(f"DROP DATABASE IF EXISTS {target.database} WITH (FORCE)"))
        else:
            print(f"kept database {target.database}")
        admin.dispose()
    return status


if __name__ == "__main__":
    raise SystemExit(main())
