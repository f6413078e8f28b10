#!/usr/bin/env python3
"""Benchmark posting payments (``PaymentService.post``) on PostgreSQL.

    python benchmarks/payments_bench.py                   # 2,000 accounts, 400 + 20x50 posts
    python benchmarks/payments_bench.py --accounts 2000 --single 400 --clerks 20 --each 50

Creates ``counter_paybench_<pid>`` on the administrator ``--url`` (default:
the test server), migrates it, seeds it with ``seed_demo`` and drops it at
the end (unless ``--keep``). Then, in the same run:

* baseline: a bare ``SELECT 1`` round trip, and a one-row INSERT into a
  scratch table committed on its own (a durable commit, as a post has);
* one clerk: ``--single`` posts one after another, each paying all open
  bills of a different account (a prepayment deposit once none is left);
* ``--clerks`` threads, each its own clerk and open shift, ``--each`` posts:
  most on accounts of their own, every fifth on one of five shared accounts
  (deposits: the account row lock and the hall's receipt series are contended).

Prints p50 / p95 / max per case, the throughput of the concurrent run and the
ratios to the baselines; exits 1 when the one-clerk p95 is above ``--limit``
(30 ms). Posts run as each bench clerk's own login role (the database takes
the clerk from session_user and refuses the administrator).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import threading
import time
import uuid
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select, text  # noqa: E402

from counter_app.db import models as m  # noqa: E402
from counter_app.db.engine import Database, make_engine, with_credentials  # noqa: E402
from counter_app.db.migrate import migrate  # noqa: E402
from counter_app.demo import seed_demo  # noqa: E402
from counter_app.services.audit import Actor  # noqa: E402
from counter_app.services.installation.clerks import create_clerk  # noqa: E402
from counter_app.services.payments.service import (  # noqa: E402
    PaymentRequest,
    PaymentService,
    Tender,
    TenderInput,
)
from counter_app.services.payments.shifts import ShiftService  # noqa: E402

DEFAULT_URL = os.environ.get("COUNTER_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
HALL = "JX01"
D = Decimal


def machine() -> str:
    cpu = "unknown CPU"
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), "
        f"load {load:.1f}, Python {platform.python_version()}"
    )


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def line(name: str, ms: list[float], baseline: float | None = None) -> str:
    p95 = pct(ms, 0.95)
    ratio = f"{p95 / baseline:6.1f}x" if baseline else "   1.0x"
    return (
        f"{name:<42} n={len(ms):>5}  p50 {statistics.median(ms):7.2f} ms  "
        f"p95 {p95:7.2f} ms  max {max(ms):7.2f} ms  p95/baseline {ratio}"
    )


BENCH_PASSWORD = "bench-pw-1234"


def make_clerks(db: Database, count: int) -> list[tuple[Actor, int, str]]:
    """``count`` bench clerks, each its own login (the actions know the clerk
    from it) with an open shift: (actor, shift id, the login's URL)."""
    out = []
    for n in range(count):
        username = f"bench{os.getpid()}_{n:02d}"
        clerk = create_clerk(
            db,
            username=username,
            display_name=f"压测{n:02d}",
            role="clerk",
            hall_code=HALL,
            password=BENCH_PASSWORD,
        )
        url = with_credentials(db.engine.url, username, BENCH_PASSWORD)
        login = Database(make_engine(url))
        actor = Actor(username, f"WS-B{n:02d}", clerk.id)
        out.append((actor, ShiftService(login).open(actor, HALL, D("200.00")), url))
        login.dispose()
    return out


def drop_clerks(admin, clerks) -> None:
    """Login roles belong to the server, not to the bench database."""
    with admin.connect() as conn:
        for actor, _shift, _url in clerks:
            conn.execute(text(f'DROP ROLE IF EXISTS "{actor.username}"'))


def request_for(db: Database, account_id: int, shift_id: int) -> PaymentRequest:
    """Pay every open bill in cash (rounded up to the yuan: change given), or
    deposit 10.00 when nothing is owed."""
    account = PaymentService(db).account_for_payment(account_id=account_id)
    owed = account.owed
    if owed > 0:
        received = D(int(owed) + 1)
        return PaymentRequest(
            str(uuid.uuid4()),
            account_id,
            shift_id,
            (TenderInput(Tender.CASH, owed, received),),
            owed,
            bill_ids=tuple(b.bill_id for b in account.bills),
            expected_owed=owed,
        )
    return PaymentRequest(
        str(uuid.uuid4()), account_id, shift_id, (TenderInput(Tender.CASH, D("10.00")),), D("0.00")
    )


def timed_post(service: PaymentService, req: PaymentRequest, actor: Actor) -> float:
    t0 = time.perf_counter()
    service.post(req, actor)
    return (time.perf_counter() - t0) * 1000


def baselines(db: Database, n: int) -> tuple[list[float], list[float]]:
    with db.engine.begin() as conn:
        conn.execute(
            text("CREATE TABLE IF NOT EXISTS bench_scratch (id serial PRIMARY KEY, v text)")
        )
    select_ms, insert_ms = [], []
    with db.engine.connect() as conn:
        for _ in range(n):
            t0 = time.perf_counter()
            conn.execute(text("SELECT 1")).scalar_one()
            select_ms.append((time.perf_counter() - t0) * 1000)
            conn.rollback()
    for _ in range(n):
        t0 = time.perf_counter()
        with db.write() as s:
            s.execute(text("INSERT INTO bench_scratch (v) VALUES ('x')"))
        insert_ms.append((time.perf_counter() - t0) * 1000)
    return select_ms, insert_ms


def concurrent(db: Database, clerks, accounts: list[int], each: int):
    """Each clerk is a workstation: its own engine (pool) and service."""
    shared = accounts[:5]
    own = accounts[5:]
    per = len(own) // len(clerks)
    results: list[list[float]] = [[] for _ in clerks]
    errors: list[BaseException] = []
    start = threading.Barrier(len(clerks) + 1)

    def work(i: int, actor: Actor, shift_id: int, url) -> None:
        station = Database(make_engine(url))  # the clerk's own login
        service = PaymentService(station, hall_code=HALL)
        mine = own[i * per : (i + 1) * per]
        reqs = [  # prepared before the start: the run times posting only
            PaymentRequest(
                str(uuid.uuid4()),
                shared[k % len(shared)],
                shift_id,
                (TenderInput(Tender.CASH, D("10.00")),),
                D("0.00"),
            )
            if k % 5 == 4
            else request_for(station, mine[k % len(mine)], shift_id)
            for k in range(each)
        ]
        start.wait()
        try:
            for req in reqs:
                results[i].append(timed_post(service, req, actor))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            station.dispose()

    threads = [
        threading.Thread(target=work, args=(i, a, s, u)) for i, (a, s, u) in enumerate(clerks)
    ]
    for t in threads:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    if errors:
        raise errors[0]
    return [x for r in results for x in r], wall


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--url", default=DEFAULT_URL)
    ap.add_argument("--accounts", type=int, default=2000)
    ap.add_argument("--months", type=int, default=6)
    ap.add_argument("--single", type=int, default=400)
    ap.add_argument("--clerks", type=int, default=20)
    ap.add_argument("--each", type=int, default=50)
    ap.add_argument("--limit", type=float, default=30.0, help="one-clerk p95 limit, ms")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args(argv)

    name = f"counter_paybench_{os.getpid()}"
    admin = make_engine(args.url).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(
            text(
                f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' "
                "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
            )
        )
    db = Database(make_engine(admin.url.set(database=name)))
    login, clerks = None, []
    try:
        print(f"machine: {machine()}")
        with db.engine.connect() as conn:
            server = conn.exec_driver_sql("SHOW server_version").scalar_one()
        print(f"PostgreSQL {server}; database {name}")
        migrate(db.engine)
        t0 = time.perf_counter()
        seed_demo(db, accounts=args.accounts, months=args.months, seed=1)
        print(
            f"seed_demo {args.accounts} accounts x {args.months} months: {time.perf_counter() - t0:.1f} s"
        )
        clerks = make_clerks(db, max(args.clerks, 1) + 1)
        actor, shift_id, url = clerks[0]
        login = Database(make_engine(url))
        service = PaymentService(login, hall_code=HALL)
        with db.read() as s:
            accounts = s.execute(select(m.Account.id).order_by(m.Account.id)).scalars().all()
        single_accounts = accounts[: args.single]
        rest = accounts[args.single :]

        select_ms, insert_ms = baselines(db, 300)
        base_select, base_insert = pct(select_ms, 0.95), pct(insert_ms, 0.95)
        print(line("baseline: SELECT 1 round trip", select_ms))
        print(line("baseline: INSERT one row + COMMIT", insert_ms))

        for account in accounts[-3:]:  # warm up (connections, statement caches)
            service.post(request_for(login, account, shift_id), actor)
        requests = [request_for(login, a, shift_id) for a in single_accounts]
        single = [timed_post(service, req, actor) for req in requests]
        print(line("one clerk: post (pay all open bills, cash)", single, base_insert))
        print(f"{'':<42} p95/SELECT-1 baseline {pct(single, 0.95) / base_select:.1f}x")

        many, wall = concurrent(db, clerks[1:], rest[: len(rest) - 3], args.each)
        print(line(f"{args.clerks} clerks at once: post", many, base_insert))
        print(
            f"{args.clerks} clerks: {len(many)} posts in {wall:.2f} s = {len(many) / wall:.0f} posts/s"
        )
        with db.read() as s:
            numbers = (
                s.execute(
                    select(m.Payment.receipt_no)
                    .where(m.Payment.series_code == HALL)
                    .order_by(m.Payment.receipt_no)
                )
                .scalars()
                .all()
            )
        gapless = numbers == list(range(numbers[0], numbers[0] + len(numbers)))
        print(f"receipt numbers {HALL}: {len(numbers)} unique and gapless: {gapless}")
        over = pct(single, 0.95) > args.limit
        print(
            f"one-clerk p95 {pct(single, 0.95):.2f} ms vs limit {args.limit:.0f} ms: "
            f"{'OVER' if over else 'ok'}"
        )
        return 1 if over or not gapless else 0
    finally:
        if login is not None:
            login.dispose()
        db.dispose()
        drop_clerks(admin, clerks)
        if not args.keep:
            with admin.connect() as conn:
                conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


if __name__ == "__main__":
    sys.exit(main())
