"""Going live: import N accounts (default 100,000) from a generated CSV into a
fresh database, as a batch login, and print rows/s.

Creates a throw-away database on the server of ``--url`` (the test server),
migrates it, adds an area and a price category, writes the file with
``counter_app.demo.golive_files`` (one account, meter and last reading per
row), then times ``import_accounts`` end to end: reading the file, the
checks of every row (ID numbers, phones, pinyin keys, duplicates, the
database), and the one ``counter_import_accounts`` call that checks again
and writes. Then imports the balances of the same accounts
(``import_balances``). The limit is 2 minutes for 100,000 accounts.

    .venv/bin/python benchmarks/import_accounts_bench.py            # --help
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text  # noqa: E402

from counter_app.db import models as m  # noqa: E402
from counter_app.db.engine import Database, make_engine, with_credentials  # noqa: E402
from counter_app.db.migrate import migrate  # noqa: E402
from counter_app.demo.golive_files import (  # noqa: E402
    ACCOUNT_HEADERS,
    BALANCE_HEADERS,
    account_rows,
    balance_rows,
    write_csv,
)
from counter_app.services.imports.accounts import import_accounts  # noqa: E402
from counter_app.services.imports.balances import import_balances  # noqa: E402
from counter_app.services.installation.batch import create_batch_login  # noqa: E402
from counter_app.services.tariffs.service import save_tariff  # noqa: E402

DEFAULT_URL = os.environ.get("COUNTER_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
PASSWORD = "bench-pw-1234"


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


def _reference(db: Database) -> None:
    from tests.services.test_billing_service import RES  # the tests' residential tariff

    with db.write() as s:
        s.add(m.Hall(code="HQ", name="嘉祥营业厅"))
        s.add(m.Area(code="A01", name="城区一片", meter_reader=""))
        s.add(m.PriceCategory(code="RES", name="居民生活用水"))
        s.flush()
        save_tariff(s, RES)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--url", default=DEFAULT_URL)
    ap.add_argument("--accounts", type=int, default=100_000)
    ap.add_argument("--limit", type=float, default=120.0, help="seconds for the accounts")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args(argv)

    name = f"counter_golivebench_{os.getpid()}"
    login_name = f"golive_bench_{uuid.uuid4().hex[:8]}"
    admin = make_engine(args.url).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(
            text(
                f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' "
                "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
            )
        )
    db = Database(make_engine(admin.url.set(database=name)))
    batch = None
    try:
        print(f"machine: {machine()}")
        with db.engine.connect() as conn:
            server = conn.exec_driver_sql("SHOW server_version").scalar_one()
        print(f"PostgreSQL {server}; database {name}")
        migrate(db.engine)
        _reference(db)
        create_batch_login(db, login_name, PASSWORD)
        batch = Database(make_engine(with_credentials(db.engine.url, login_name, PASSWORD)))
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            rows = account_rows(args.accounts, seed=1)
            path = write_csv(Path(tmp) / "accounts.csv", ACCOUNT_HEADERS, rows)
            print(
                f"generated {args.accounts} rows, {path.stat().st_size / 2**20:.1f} MiB CSV: "
                f"{time.perf_counter() - t0:.1f} s"
            )
            t0 = time.perf_counter()
            report = import_accounts(batch, path, today=date.today())
            took = time.perf_counter() - t0
            if report.errors:
                print(f"refused: {report.errors[:5]}")
                return 1
            print(
                f"import-accounts: {report.accounts} accounts, {report.meters} meters, "
                f"{report.readings} readings in {took:.1f} s = {args.accounts / took:,.0f} rows/s"
            )
            t0 = time.perf_counter()
            again = import_accounts(batch, path, today=date.today())
            print(
                f"the same file again: replayed={again.replayed} in "
                f"{time.perf_counter() - t0:.1f} s"
            )

            balances = balance_rows(rows, seed=1)
            bpath = write_csv(Path(tmp) / "balances.csv", BALANCE_HEADERS, balances)
            t0 = time.perf_counter()
            b = import_balances(batch, bpath, today=date.today())
            btook = time.perf_counter() - t0
            print(
                f"import-balances: {len(balances)} rows ({b.bills_written} bills, "
                f"{b.prepayments_written} prepayments) in {btook:.1f} s = "
                f"{len(balances) / btook:,.0f} rows/s; totals agree: {b.agree}"
            )
            with db.engine.connect() as conn:
                problems = conn.execute(
                    text("SELECT count(*) FROM counter_books_check()")
                ).scalar_one()
            print(f"counter_books_check(): {problems} problems")
        over = took > args.limit
        print(
            f"{args.accounts} accounts in {took:.1f} s vs limit {args.limit:.0f} s: "
            f"{'OVER' if over else 'ok'}"
        )
        return 1 if over or not b.agree or problems else 0
    finally:
        if batch is not None:
            batch.dispose()
        db.dispose()
        with admin.connect() as conn:
            if not args.keep:
                conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            conn.execute(text(f'DROP ROLE IF EXISTS "{login_name}"'))
        admin.dispose()


if __name__ == "__main__":
    sys.exit(main())
