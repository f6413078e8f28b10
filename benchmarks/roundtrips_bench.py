#!/usr/bin/env python3
"""Round trips per clerk action, measured through a delaying TCP proxy.

    python benchmarks/roundtrips_bench.py                  # 3,000 accounts, 15 repetitions
    python benchmarks/roundtrips_bench.py --rtt-ms 20 --repeat 15 --json

Creates ``counter_rtbench_<pid>`` on the administrator ``--pg-url``, migrates
it, seeds it with ``seed_demo`` and makes two desks, each a clerk and a
supervisor signed in with their own PostgreSQL login role and password (as
the app does): one connected directly, one through a proxy on 127.0.0.1 that
delays every chunk by half of ``--rtt-ms`` each way (benchmarks/_proxy.py,
in a thread; it stops by itself after ``--max-seconds``). Every action of
``ACTIONS`` (benchmarks/_roundtrip_scenarios.py) runs on both desks
``--repeat`` times (after ``--warmup``); per action it prints the median
direct and proxied times and

    round trips = (proxied - direct) / rtt

with, as cross-checks, the waits the proxy saw (a client chunk after server
data), the statements SQLAlchemy sent (``before_cursor_execute``; pool
pre-pings, BEGIN and COMMIT are not statements there), the pool checkouts
(each pre-pings) and the commits. Then the post p95 on loopback (direct
desk) beside an INSERT+COMMIT p95 baseline of the same run.

An action whose call fails with AttributeError/TypeError (the services are
being rewritten as thin clients of server functions) is skipped and said so;
another failure is reported and makes the exit status 1. The database and
the login roles are dropped at the end (unless ``--keep``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event, select, text  # noqa: E402
from sqlalchemy.engine import Engine, make_url  # noqa: E402
from sqlalchemy.pool import Pool  # noqa: E402

from benchmarks._desk import Desk, make_desk  # noqa: E402
from benchmarks._proxy import DelayProxy  # noqa: E402
from benchmarks._roundtrip_scenarios import ACTIONS, cash_request  # noqa: E402
from counter_app.db import models as m  # noqa: E402
from counter_app.db.engine import Database, make_engine  # noqa: E402
from counter_app.db.migrate import migrate  # noqa: E402
from counter_app.demo import seed_demo  # noqa: E402

SKIP_ERRORS = (AttributeError, TypeError)  # the API changed shape: skip, say so


# -- counting ---------------------------------------------------------------------------


class Counts:
    def __init__(self) -> None:
        self.n = {"statements": 0, "checkouts": 0, "commits": 0}
        event.listen(Engine, "before_cursor_execute", self._statement)
        event.listen(Engine, "commit", self._commit)
        event.listen(Pool, "checkout", self._checkout)

    def _statement(self, *args) -> None:
        self.n["statements"] += 1

    def _commit(self, *args) -> None:
        self.n["commits"] += 1

    def _checkout(self, *args) -> None:
        self.n["checkouts"] += 1

    def snapshot(self) -> dict:
        return dict(self.n)


@dataclass
class Result:
    name: str
    times: dict = field(default_factory=lambda: {"direct": [], "proxied": []})
    counts: dict = field(
        default_factory=lambda: {"statements": [], "checkouts": [], "commits": [], "turns": []}
    )
    skipped: str = ""
    failed: str = ""
    trace: list[str] = field(default_factory=list)  # the last proxied run's waits

    def median(self, key: str, group: dict | None = None) -> float:
        values = (group or self.times)[key]
        return statistics.median(values) if values else float("nan")


def run_actions(
    desks: dict[str, Desk],
    proxy: DelayProxy,
    counts: Counts,
    repeat: int,
    warmup: int,
    only: set[str] | None,
    trace: bool = False,
) -> list[Result]:
    results = [Result(name) for name, _, _ in ACTIONS if not only or name in only]
    table = {name: (prep, call) for name, prep, call in ACTIONS}
    for rep in range(warmup + repeat):
        order = ["direct", "proxied"] if rep % 2 == 0 else ["proxied", "direct"]
        for result in results:
            if result.skipped or result.failed:
                continue
            prepare, call = table[result.name]
            for where in order:
                desk = desks[where]
                try:
                    inputs = prepare(desk) if prepare else None
                    before, turns = counts.snapshot(), proxy.turns
                    proxy.trace = [] if trace and where == "proxied" else None
                    t0 = time.perf_counter()
                    call(desk, inputs)
                    ms = (time.perf_counter() - t0) * 1000
                except SKIP_ERRORS as exc:
                    result.skipped = f"{type(exc).__name__}: {exc}"
                    break
                except Exception as exc:  # noqa: BLE001 - reported, the others go on
                    result.failed = f"{type(exc).__name__}: {exc}"
                    break
                if rep < warmup:
                    continue
                result.times[where].append(ms)
                if where == "proxied":
                    after = counts.snapshot()
                    for key in ("statements", "checkouts", "commits"):
                        result.counts[key].append(after[key] - before[key])
                    result.counts["turns"].append(proxy.turns - turns)
                    result.trace = proxy.trace or []
        print(f"  repetition {rep + 1}/{warmup + repeat} done", file=sys.stderr)
    return results


# -- post p95 on loopback ------------------------------------------------------------


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def post_p95(desk: Desk, admin: Database, n: int) -> dict:
    requests = [cash_request(desk) for _ in range(n)]  # made before: only posting is timed
    posts = []
    for req in requests:
        t0 = time.perf_counter()
        desk.payments.post(req, desk.actor)
        posts.append((time.perf_counter() - t0) * 1000)
    with admin.engine.begin() as conn:
        conn.execute(
            text("CREATE TABLE IF NOT EXISTS bench_scratch (id serial PRIMARY KEY, v text)")
        )
    inserts = []
    for _ in range(n):
        t0 = time.perf_counter()
        with admin.write() as s:
            s.execute(text("INSERT INTO bench_scratch (v) VALUES ('x')"))
        inserts.append((time.perf_counter() - t0) * 1000)
    return {
        "posts": n,
        "post_p50_ms": statistics.median(posts),
        "post_p95_ms": pct(posts, 0.95),
        "insert_commit_p50_ms": statistics.median(inserts),
        "insert_commit_p95_ms": pct(inserts, 0.95),
    }


# -- report ---------------------------------------------------------------------------


def rows_of(results: list[Result], rtt: float) -> list[dict]:
    rows = []
    for r in results:
        row = {"action": r.name, "skipped": r.skipped, "failed": r.failed}
        if not (r.skipped or r.failed):
            direct, proxied = r.median("direct"), r.median("proxied")
            row.update(
                direct_ms=round(direct, 2),
                proxied_ms=round(proxied, 2),
                round_trips=round((proxied - direct) / rtt, 1),
                **{k: r.median(k, r.counts) for k in r.counts},
            )
        rows.append(row)
    return rows


def print_table(rows: list[dict], rtt: float) -> None:
    print(
        f"\n{'action':<44} {'direct ms':>9} {'proxied ms':>10} {'round trips':>11} "
        f"{'waits':>5} {'stmts':>5} {'pings':>5} {'commits':>7}"
    )
    for row in rows:
        if row["skipped"] or row["failed"]:
            what = "SKIPPED" if row["skipped"] else "FAILED"
            print(f"{row['action']:<44} {what}: {row['skipped'] or row['failed']}")
            continue
        print(
            f"{row['action']:<44} {row['direct_ms']:9.1f} {row['proxied_ms']:10.1f} "
            f"{row['round_trips']:11.1f} {row['turns']:5.0f} {row['statements']:5.0f} "
            f"{row['checkouts']:5.0f} {row['commits']:7.0f}"
        )
    print(
        f"\nround trips = (proxied - direct) / {rtt:g} ms (medians); waits = client turns the "
        "proxy saw; stmts = before_cursor_execute; pings = pool checkouts (pre-ping); "
        "commits = SQLAlchemy commits (proxied desk, medians)"
    )


def machine() -> str:
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return (
        f"nproc {os.cpu_count()}, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}, "
        f"Python {sys.version.split()[0]}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--pg-url",
        default=os.environ.get(
            "COUNTER_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
        ),
        help="administrator URL of the server (default: the test server)",
    )
    ap.add_argument("--rtt-ms", type=float, default=20.0, help="round trip the proxy adds")
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--accounts", type=int, default=3000)
    ap.add_argument("--months", type=int, default=6)
    ap.add_argument("--posts", type=int, default=100, help="posts for the loopback p95")
    ap.add_argument("--only", action="append", help="run only this action (repeatable)")
    ap.add_argument("--list", action="store_true", help="list the actions and stop")
    ap.add_argument("--max-seconds", type=float, default=900.0, help="the proxy stops after")
    ap.add_argument("--json", action="store_true", help="print JSON instead of the table")
    ap.add_argument(
        "--trace",
        action="store_true",
        help="list the messages of each wait the proxy saw (last repetition)",
    )
    ap.add_argument("--keep", action="store_true", help="keep the database and roles")
    args = ap.parse_args(argv)
    if args.list:
        print("\n".join(name for name, _, _ in ACTIONS))
        return 0

    def say(msg: str) -> None:
        print(msg, file=sys.stderr if args.json else sys.stdout, flush=True)

    admin_url = make_url(args.pg_url).set(drivername="postgresql+psycopg")
    name = f"counter_rtbench_{os.getpid()}"
    server = make_engine(admin_url).execution_options(isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        version = conn.execute(text("SHOW server_version")).scalar_one()
        conn.execute(
            text(
                f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' "
                "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
            )
        )
    url = admin_url.set(database=name)
    admin = Database(make_engine(url))
    proxy = DelayProxy(
        (url.host or "127.0.0.1", url.port or 5432),
        rtt_ms=args.rtt_ms,
        max_seconds=args.max_seconds,
    )
    desks: dict[str, Desk] = {}
    try:
        say(f"machine: {machine()}; PostgreSQL {version}; database {name}")
        migrate(admin.engine)
        t0 = time.perf_counter()
        seed_demo(admin, accounts=args.accounts, months=args.months, seed=1)
        say(
            f"seed_demo {args.accounts} accounts x {args.months} months: "
            f"{time.perf_counter() - t0:.1f} s"
        )
        with admin.read() as s:
            ids = (
                s.execute(
                    select(m.Account.id).where(m.Account.status == "active").order_by(m.Account.id)
                )
                .scalars()
                .all()
            )
            households = (
                s.execute(
                    text(
                        "SELECT id FROM accounts a WHERE status = 'active' AND account_type = 'household' "
                        "AND NOT EXISTS (SELECT 1 FROM relief_applications r WHERE r.account_id = a.id) "
                        "ORDER BY id"
                    )
                )
                .scalars()
                .all()
            )
            sample = s.execute(
                select(m.Account.name, m.Account.account_no)
                .order_by(m.Account.id)
                .offset(len(ids) // 2)
                .limit(1)
            ).one()
            area = s.execute(select(m.Area.code).order_by(m.Area.code)).scalars().first()
        facts = {"name_query": sample.name[:2], "account_no": sample.account_no, "area": area}
        port = proxy.start()
        counts = Counts()
        for i, (where, port_of) in enumerate((("direct", url.port or 5432), ("proxied", port))):
            desks[where] = make_desk(
                where,
                url.set(host="127.0.0.1", port=port_of),
                admin,
                list(ids[i::2]),
                list(households[i::2]),
                facts,
            )
        say(
            f"desks signed in; proxy on 127.0.0.1:{port} adding {args.rtt_ms:g} ms per round "
            f"trip; {args.warmup} + {args.repeat} repetitions"
        )
        results = run_actions(
            desks,
            proxy,
            counts,
            args.repeat,
            args.warmup,
            set(args.only) if args.only else None,
            args.trace,
        )
        rows = rows_of(results, args.rtt_ms)
        loopback = post_p95(desks["direct"], admin, args.posts) if args.posts else {}
        if args.json:
            print(
                json.dumps(
                    {
                        "machine": machine(),
                        "postgresql": version,
                        "rtt_ms": args.rtt_ms,
                        "repeat": args.repeat,
                        "accounts": args.accounts,
                        "actions": [
                            dict(row, trace=r.trace) if args.trace else row
                            for row, r in zip(rows, results, strict=True)
                        ],
                        "loopback": loopback,
                    },
                    ensure_ascii=False,
                    indent=1,
                )
            )
        else:
            print_table(rows, args.rtt_ms)
            if loopback:
                print(
                    f"\npost on loopback (direct desk, {args.posts} posts): p50 "
                    f"{loopback['post_p50_ms']:.2f} ms, p95 {loopback['post_p95_ms']:.2f} ms; "
                    f"baseline INSERT+COMMIT p50 {loopback['insert_commit_p50_ms']:.2f} ms, "
                    f"p95 {loopback['insert_commit_p95_ms']:.2f} ms; ratio of p95s "
                    f"{loopback['post_p95_ms'] / loopback['insert_commit_p95_ms']:.1f}x"
                )
            for r in (r for r in results if r.trace):
                print(f"\n{r.name}: the waits of the last proxied run")
                for n, line in enumerate(r.trace, 1):
                    print(f"  {n:3d} {line}")
            print(f"machine at the end: {machine()}")
        return 1 if any(r.failed for r in results) else 0
    finally:
        for desk in desks.values():
            desk.close()
        proxy.stop()
        admin.dispose()
        if not args.keep:
            with server.connect() as conn:
                conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                roles = (
                    conn.execute(
                        text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"),
                        {"p": f"rt{os.getpid()}\\_%"},
                    )
                    .scalars()
                    .all()
                )
                for role in roles:
                    conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        server.dispose()


if __name__ == "__main__":
    sys.exit(main())
