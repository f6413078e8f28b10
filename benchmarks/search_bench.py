"""Customer search speed: p50/p95 per query kind, and against a plain ILIKE.

Usage::

    python benchmarks/search_bench.py --url postgresql://postgres@127.0.0.1:5432/counter_bench

The database is created (UTF8, C.UTF-8, from template0) and migrated if
needed; when it has no accounts it is filled with
``counter_app.demo.seed_demo`` (1,000,000 accounts, ``--months`` 2,
``--seed`` 2026), which takes minutes. An existing
seeded database is reused as it is. Connect as an administrator: the samples
of full mobile and ID numbers are read from the raw columns.

For each kind the script draws ``--runs`` (default 200) query strings from
the data with a fixed random seed, searches each once untimed (warm caches),
then times ``SearchService.search(q, limit=50)``: the round trip from Python
for the first 50 hits with their arrears. In the same run it times the same
strings as one plain ``ILIKE '%q%'`` over name, address,
meter_location, mobile_masked, id_masked and account_no with ``LIMIT 51``,
on ``--baseline-runs`` (default 25) of the samples per kind, and prints the
ratio of the p95s. ``--json FILE`` writes the numbers too.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text  # noqa: E402

from counter_app.db.engine import Database, normalize_url  # noqa: E402
from counter_app.db.migrate import migrate  # noqa: E402
from counter_app.domain.search_query import escape_like  # noqa: E402
from counter_app.services.accounts.search import SearchService  # noqa: E402

PG_ACCOUNTS = 1_000_000
ILIKE_COLUMNS = ("name", "address", "meter_location", "mobile_masked", "id_masked", "account_no")


# ------------------------------------------------------------------ database


def ensure_database(url: str) -> None:
    """Create a missing PostgreSQL database the way the app wants it."""
    parsed = normalize_url(url)
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            exists = conn.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": parsed.database}
            ).first()
            if not exists:
                print(f"creating database {parsed.database}", flush=True)
                conn.execute(
                    text(
                        f"CREATE DATABASE \"{parsed.database}\" TEMPLATE template0 ENCODING 'UTF8' "
                        "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
                    )
                )
    finally:
        admin.dispose()


def ensure_seeded(db: Database, accounts: int, months: int, seed: int) -> int:
    with db.read() as s:
        count = s.execute(text("SELECT count(*) FROM accounts")).scalar_one()
    if count:
        print(f"reusing {count:,} accounts in {db.describe()}", flush=True)
        return count
    from counter_app.demo import seed_demo

    print(f"seeding {accounts:,} accounts x {months} months (seed {seed}) ...", flush=True)
    started = time.perf_counter()
    last = [0.0]

    def progress(stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] > 15 or done == total:
            last[0] = now
            print(f"  {now - started:7.0f}s {stage} {done:,}/{total:,}", flush=True)

    report = seed_demo(db, accounts=accounts, months=months, seed=seed, progress=progress)
    print(f"seeded in {report.elapsed_seconds:.0f}s", flush=True)
    return accounts


# ------------------------------------------------------------------- samples


@dataclass
class Kind:
    name: str
    what: str
    samples: list[str] = field(default_factory=list)


def _rows(db: Database, rng: random.Random, n: int, where: str = "TRUE") -> list:
    """About ``n`` random accounts (with ``where``), deterministic for the seed."""
    with db.read() as s:
        lo, hi = s.execute(text("SELECT min(id), max(id) FROM accounts")).one()
        out: list = []
        tries = 0
        while len(out) < n and tries < 50:
            tries += 1
            ids = sorted({rng.randint(lo, hi) for _ in range(n * 3)})
            rows = s.execute(
                text(
                    "SELECT a.id, a.account_no, a.name, a.name_pinyin, a.name_initials, "
                    "a.mobile, a.landline, a.id_number, a.address, a.meter_location, "
                    "(SELECT me.meter_no FROM meters me WHERE me.account_id = a.id "
                    " ORDER BY me.id LIMIT 1) AS meter_no "
                    f"FROM accounts a WHERE a.id IN ({', '.join(map(str, ids))}) AND {where} "
                    "ORDER BY a.id"
                )
            ).all()
            rng.shuffle(rows)
            out.extend(rows[: n - len(out)])
    return out


def _fragment(rng: random.Random, s: str, size: int) -> str:
    if len(s) <= size:
        return s
    start = rng.randrange(len(s) - size + 1)
    return s[start : start + size]


def build_samples(db: Database, runs: int, seed: int) -> list[Kind]:
    rng = random.Random(f"search-bench:{seed}")
    kinds: list[Kind] = []

    def add(name: str, what: str, where: str, make: Callable[[object], str]) -> None:
        rows = _rows(db, rng, runs, where)
        kinds.append(Kind(name, what, [make(r) for r in rows]))

    add("account_no", "whole account number", "TRUE", lambda r: r.account_no)
    add("account_prefix", "first 6 digits of an account number", "TRUE", lambda r: r.account_no[:6])
    add("meter_no", "whole meter number", "TRUE", lambda r: r.meter_no or r.account_no)
    add(
        "mobile",
        "whole mobile (security-definer lookup)",
        "a.mobile IS NOT NULL",
        lambda r: r.mobile,
    )
    add("mobile_tail", "last 4 digits of a mobile", "a.mobile IS NOT NULL", lambda r: r.mobile[-4:])
    add(
        "landline",
        "fixed line, half with 0537-, half without",
        "a.landline IS NOT NULL",
        lambda r: r.landline if rng.random() < 0.5 else r.landline.split("-")[-1],
    )
    add(
        "id_number",
        "whole ID number (security-definer lookup)",
        "a.id_number IS NOT NULL",
        lambda r: r.id_number.lower() if rng.random() < 0.2 else r.id_number,
    )
    add(
        "id_tail",
        "last 4, 5 or 6 characters of an ID number",
        "a.id_number IS NOT NULL",
        lambda r: r.id_number[-rng.choice((4, 5, 6)) :],
    )
    add("name", "whole name", "TRUE", lambda r: r.name)
    add(
        "name_1char",
        "1 character from anywhere in a name",
        "TRUE",
        lambda r: _fragment(rng, r.name, 1),
    )
    add(
        "name_2char",
        "2 characters from anywhere in a name",
        "TRUE",
        lambda r: _fragment(rng, r.name, 2),
    )
    add(
        "pinyin_initials",
        "pinyin initials of a name (zs)",
        "a.name_initials <> ''",
        lambda r: r.name_initials,
    )
    add("pinyin_full", "full pinyin of a name", "a.name_pinyin <> ''", lambda r: r.name_pinyin[:20])
    add(
        "address",
        "3-6 characters from an address",
        "TRUE",
        lambda r: _fragment(rng, r.address, rng.randint(3, 6)),
    )
    add(
        "meter_location",
        "meter location (院内表井, 2单元楼道井 ...)",
        "a.meter_location <> ''",
        lambda r: r.meter_location[-4:] if rng.random() < 0.5 else r.meter_location,
    )
    bad = ["", " ", "%", "_", "'", "\\", "😀", "x" * 1000, "\x00\x1b", "%' OR '1'='1"]
    kinds.append(
        Kind(
            "bad_input",
            "%, _, ', \\, emoji, 1000 chars ...",
            [bad[i % len(bad)] for i in range(runs)],
        )
    )
    return kinds


# -------------------------------------------------------------------- timing


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def time_service(service: SearchService, samples: list[str]) -> tuple[list[float], list[int]]:
    for q in samples:  # warm-up, untimed
        service.search(q, limit=50)
    times, hits = [], []
    for q in samples:
        t0 = time.perf_counter()
        result = service.search(q, limit=50)
        times.append((time.perf_counter() - t0) * 1000)
        hits.append(len(result.hits))
    return times, hits


def time_ilike(db: Database, samples: list[str]) -> list[float]:
    where = " OR ".join(f"{c} ILIKE :p ESCAPE '\\'" for c in ILIKE_COLUMNS)
    sql = text(f"SELECT id, account_no, name FROM accounts WHERE {where} LIMIT 51")
    times = []
    with db.engine.connect() as conn:
        for q in samples:
            p = f"%{escape_like(q.replace(chr(0), ''))}%"  # PostgreSQL refuses NUL
            t0 = time.perf_counter()
            conn.execute(sql, {"p": p}).all()
            times.append((time.perf_counter() - t0) * 1000)
            conn.rollback()
    return times


# --------------------------------------------------------------------- report


def machine(db: Database) -> dict:
    info = {
        "python": platform.python_version(),
        "nproc": os.cpu_count(),
        "ram_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "cpu": next(
            (
                ln.split(":", 1)[1].strip()
                for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")
            ),
            platform.processor(),
        ),
    }
    with db.read() as s:
        info["database"] = s.execute(text("SELECT version()")).scalar_one()
        info["db_size"] = s.execute(
            text("SELECT pg_size_pretty(pg_database_size(current_database()))")
        ).scalar_one()
        for setting in ("shared_buffers", "work_mem", "jit"):
            info[setting] = s.execute(text(f"SHOW {setting}")).scalar_one()
    return info


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", required=True, help="database URL (administrator)")
    ap.add_argument(
        "--accounts",
        type=int,
        default=None,
        help=f"accounts to seed into an empty database (default {PG_ACCOUNTS:,})",
    )
    ap.add_argument("--months", type=int, default=2)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--runs", type=int, default=200, help="timed searches per kind (>= 200)")
    ap.add_argument("--baseline-runs", type=int, default=25, help="ILIKE queries per kind")
    ap.add_argument("--json", type=Path, default=None, help="also write the numbers here")
    args = ap.parse_args(argv)

    ensure_database(args.url)
    db = Database.from_url(args.url)
    migrate(db.engine)
    count = ensure_seeded(db, args.accounts or PG_ACCOUNTS, args.months, args.seed)
    info = machine(db)
    info["accounts"] = count
    print(json.dumps(info, ensure_ascii=False, indent=1), flush=True)

    kinds = build_samples(db, args.runs, args.seed)
    service = SearchService(db)
    header = (
        f"{'kind':<16}{'n':>5}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'hits':>7}"
        f"{'ILIKE p50':>11}{'ILIKE p95':>11}{'p95 ratio':>11}"
    )
    print(header)
    print("-" * len(header))
    results = []
    for kind in kinds:
        times, hits = time_service(service, kind.samples)
        baseline = time_ilike(db, kind.samples[: args.baseline_runs])
        row = {
            "kind": kind.name,
            "what": kind.what,
            "n": len(times),
            "p50": percentile(times, 0.5),
            "p95": percentile(times, 0.95),
            "max": max(times),
            "mean_hits": statistics.fmean(hits),
            "ilike_n": len(baseline),
            "ilike_p50": percentile(baseline, 0.5),
            "ilike_p95": percentile(baseline, 0.95),
        }
        row["ratio_p95"] = row["ilike_p95"] / row["p95"] if row["p95"] else float("nan")
        results.append(row)
        print(
            f"{row['kind']:<16}{row['n']:>5}{row['p50']:>9.2f}{row['p95']:>9.2f}"
            f"{row['max']:>9.1f}{row['mean_hits']:>7.1f}{row['ilike_p50']:>11.1f}"
            f"{row['ilike_p95']:>11.1f}{row['ratio_p95']:>10.0f}x",
            flush=True,
        )
    worst = max((r for r in results if r["kind"] != "bad_input"), key=lambda r: r["p95"])
    print(f"worst p95: {worst['kind']} {worst['p95']:.2f} ms")
    if args.json:
        args.json.write_text(
            json.dumps({"machine": info, "results": results}, ensure_ascii=False, indent=1)
        )
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
