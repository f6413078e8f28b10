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
``ACTIONS`` runs on both desks ``--repeat`` times (after ``--warmup``); per
action it prints the median direct and proxied times and

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
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event, select, text  # noqa: E402
from sqlalchemy.engine import Engine, make_url  # noqa: E402
from sqlalchemy.pool import Pool  # noqa: E402

from benchmarks._desk import Desk, make_desk  # noqa: E402
from benchmarks._proxy import DelayProxy  # noqa: E402
from counter_app.db import models as m  # noqa: E402
from counter_app.db.engine import Database, make_engine  # noqa: E402
from counter_app.db.migrate import migrate  # noqa: E402
from counter_app.demo import seed_demo  # noqa: E402
from counter_app.domain.localtime import SHANGHAI  # noqa: E402
from counter_app.domain.periods import Period  # noqa: E402
from counter_app.services.channels.withholding import WithholdingService  # noqa: E402
from counter_app.services.complaints.types import ComplaintFilter, NewComplaint  # noqa: E402
from counter_app.services.payments.reversals import ReversalService  # noqa: E402
from counter_app.services.payments.service import (  # noqa: E402
    PaymentRequest,
    PaymentService,
    Tender,
    TenderInput,
)
from counter_app.services.relief.service import RegisterFilter, ReliefInput  # noqa: E402

D = Decimal

# -- what each clerk action calls: one row per action, ``(name, prepare, call)`` ---------
# ``prepare(desk)`` (not timed) makes the inputs, ``call(desk, inputs)`` is timed. The
# calls are the UI's (counter_app/ui: search page, account panel, payments page and
# dialogs, day close, relief page and form, complaints page); update them here when a
# service becomes a thin client of a server function.
ACTIONS: list[tuple[str, object, object]] = [
    ("calibration: SELECT 1 (autocommit)", None, lambda d, _: d.raw.execute("SELECT 1").fetchone()),
    ("search: name (2 characters)", None, lambda d, _: d.search.search(d.name_query, limit=50)),
    ("search: account no.", None, lambda d, _: d.search.search(d.account_no, limit=50)),
    (
        "account: open (screen: view + bills + payments + withholding + deduction)",
        lambda d: d.account(),
        lambda d, a: d.accounts.screen(a),
    ),
    (
        "withholding: dialog load (the line's own call before 0027)",
        lambda d: d.account(),
        lambda d, a: WithholdingService(d.db).screen(a),
    ),
    (
        "payment form: load account (+ open shift)",
        lambda d: d.account(),
        lambda d, a: PaymentService(d.db).account_for_payment(account_id=a),
    ),
    (
        "payment history (12 months)",
        lambda d: d.account(),
        lambda d, a: d.accounts.history(
            a, from_period=Period.from_date(today()).add(-11), to_period=Period.from_date(today())
        ),
    ),
    ("payment: post (cash)", lambda d: cash_request(d), lambda d, r: d.payments.post(r, d.actor)),
    (
        "payment: receipt facts (to print)",
        lambda d: post_one(d),
        lambda d, p: PaymentService(d.db).receipt_facts(p.payment_id),
    ),
    (
        "reprint (log + receipt facts)",
        lambda d: post_one(d),
        lambda d, p: ReversalService(d.db).reprint(p.payment_id, d.actor),
    ),
    (
        "reversal: supervisor sign-in (login(), the dialogs before act_as)",
        None,
        lambda d, _: d.authenticator.login(d.sup.username, d.password).database.dispose(),
    ),
    (
        "approval: reversal after login() (the dialog before act_as)",
        lambda d: (post_one(d), open_shift(d)),
        lambda d, ps: approve_after_login(d, *ps),
    ),
    (
        "approval: reversal on one connection (act_as, the dialog now)",
        lambda d: (post_one(d), open_shift(d)),
        lambda d, ps: approve_on_one_connection(d, *ps),
    ),
    (
        "supervisor check: verify (one connection, no engine)",
        None,
        lambda d, _: d.authenticator.verify(d.sup.username, d.password, role="supervisor"),
    ),
    (
        "reversal: reverse (supervisor signed in)",
        lambda d: (post_one(d), open_shift(d)),
        lambda d, ps: ReversalService(d.sup_db).reverse(
            payment_id=ps[0].payment_id,
            reason="压测冲正",
            supervisor=d.sup,
            actor=d.actor,
            shift_id=ps[1],
            client_uuid=str(uuid.uuid4()),
        ),
    ),
    (
        "shift: close (report included)",
        lambda d: open_shift(d),
        lambda d, s: d.shifts.close(s, d.actor, cash_counts={}, reason="压测交班"),
    ),
    (
        "shift: open",
        lambda d: close_shift(d),
        lambda d, _: d.shifts.open(d.actor, d.clerk.hall_code, D("200.00")),
    ),
    ("day close: load (till)", None, lambda d, _: d.shifts.till(today())),
    (
        "relief: register (page load)",
        None,
        lambda d, _: d.relief.page(RegisterFilter(), RELIEF_EXPIRING_DAYS),
    ),
    (
        "relief: form load (brief + options)",
        lambda d: d.household(),
        lambda d, a: d.relief.context(a),
    ),
    ("relief: file", lambda d: relief_form(d), lambda d, f: d.relief.apply(f, d.actor)),
    (
        "relief: approve (supervisor)",
        lambda d: d.relief.apply(relief_form(d), d.actor),
        lambda d, r: d.relief_sup.approve(r.id, r.version, d.sup_actor),
    ),
    (
        "complaint: list (+ monthly counts)",
        None,
        lambda d, _: d.complaints.screen(ComplaintFilter(), today().year),
    ),
    ("complaint: file", lambda d: new_complaint(d), lambda d, c: d.complaints.receive(c, d.actor)),
    (
        "complaint: forward",
        lambda d: d.complaints.receive(new_complaint(d), d.actor),
        lambda d, c: d.complaints.forward(c.id, c.version, "管网维修", soon(days=3), d.actor),
    ),
    (
        "complaint: close",
        lambda d: resolved_complaint(d),
        lambda d, c: d.complaints.close(c.id, c.version, "satisfied", d.actor),
    ),
    (
        "correction: request",
        lambda d: seen_account(d),
        lambda d, a: d.corrections.file(a[0], "address", new_address(d), "户口本", a[1], d.actor),
    ),
    (
        "correction: approve (supervisor)",
        lambda d: filed_correction(d),
        lambda d, c: d.corrections_sup.approve(c.id, c.version, d.sup, d.sup_actor, shown=c),
    ),
    ("outage: list (+ areas)", None, lambda d, _: d.outages_sup.screen()),
    (
        "outage: announce (supervisor)",
        None,
        lambda d, _: d.outages_sup.announce(
            d.area, soon(days=1), soon(days=1, hours=4), "管网维修压测", d.sup, d.sup_actor
        ),
    ),
]
RELIEF_EXPIRING_DAYS = 30  # counter_app/ui/relief/page.py EXPIRING_DAYS
SKIP_ERRORS = (AttributeError, TypeError)  # the API changed shape: skip, say so


# -- inputs ---------------------------------------------------------------------------


def today() -> date:
    return datetime.now(SHANGHAI).date()


def soon(**delta) -> datetime:
    return datetime.now(UTC) + timedelta(**delta)


def open_shift(d: Desk) -> int:
    return d.shifts.current(d.clerk.id) or d.shifts.open(d.actor, d.clerk.hall_code, D("200.00"))


def close_shift(d: Desk) -> None:
    shift = d.shifts.current(d.clerk.id)
    if shift is not None:
        d.shifts.close(shift, d.actor, cash_counts={}, reason="压测交班")


def cash_request(d: Desk) -> PaymentRequest:
    """Pay every open bill in cash (rounded up to the yuan: change given), or
    deposit 10.00 when nothing is owed (as payments_bench does)."""
    account, shift = PaymentService(d.db).account_for_payment(account_id=d.account()), open_shift(d)
    owed = account.owed
    if owed > 0:
        return PaymentRequest(
            str(uuid.uuid4()),
            account.account_id,
            shift,
            (TenderInput(Tender.CASH, owed, D(int(owed) + 1)),),
            owed,
            bill_ids=tuple(b.bill_id for b in account.bills),
            expected_owed=owed,
        )
    return PaymentRequest(
        str(uuid.uuid4()),
        account.account_id,
        shift,
        (TenderInput(Tender.CASH, D("10.00")),),
        D("0.00"),
    )


def post_one(d: Desk):
    return d.payments.post(cash_request(d), d.actor)


def approve_after_login(d: Desk, payment, shift: int):
    """The reversal dialog before act_as: the supervisor's engine (login()), the action on it."""
    login = d.authenticator.login(d.sup.username, d.password)
    try:
        return ReversalService(login.database).reverse(
            payment_id=payment.payment_id,
            reason="压测冲正",
            supervisor=login.clerk,
            actor=d.actor,
            shift_id=shift,
            client_uuid=str(uuid.uuid4()),
        )
    finally:
        login.database.dispose()


def approve_on_one_connection(d: Desk, payment, shift: int):
    """The reversal dialog now (ui/payments/supervisor.py as_supervisor): act_as."""
    return d.authenticator.act_as(
        d.sup.username,
        d.password,
        lambda db: ReversalService(db).reverse(
            payment_id=payment.payment_id,
            reason="压测冲正",
            actor=d.actor,
            shift_id=shift,
            client_uuid=str(uuid.uuid4()),
        ),
    )


def relief_form(d: Desk) -> ReliefInput:
    return ReliefInput(
        account_id=d.household(),
        certificate_type="城镇居民最低生活保障证",
        certificate_no=f"压测{os.getpid()}-{d.name}-{d.serial()}",
        issuing_office="嘉祥县民政局",
        valid_from=today() - timedelta(days=30),
        valid_to=today() + timedelta(days=365),
        holder_name="张三",
        holder_id_number="370829198506150011",
        contact_phone="13812345678",
        materials=("certificate_original", "certificate_copy", "holder_id_copy"),
    )


def new_complaint(d: Desk) -> NewComplaint:
    return NewComplaint(
        complainant="张先生",
        contact="13812345678",
        channel="counter",
        category="pressure",
        description="早晚水压低，三楼以上没水",
        account_id=d.account(),
    )


def resolved_complaint(d: Desk):
    c = d.complaints.receive(new_complaint(d), d.actor)
    return d.complaints.resolve(c.id, c.version, "已调整减压阀", d.actor)


def seen_account(d: Desk) -> tuple[int, int]:
    view = d.accounts.account_view(d.account())
    return view.account_id, view.version


def new_address(d: Desk) -> str:
    return f"嘉祥县呈祥大道{d.serial()}号"


def filed_correction(d: Desk):
    account, version = seen_account(d)
    return d.corrections.file(account, "address", new_address(d), "户口本", version, d.actor)


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
