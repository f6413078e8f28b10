"""Relief register export: 100,000 rows to .xlsx within 20 s and 300 MB peak.

Run from the repository root::

    .venv/bin/python benchmarks/relief_export_bench.py [--rows 100000]

The rows are built in memory first (as the register query returns them) and
are included in the peak; then the same rows are written to CSV (the
baseline: the cheapest way to get the register into a file) and to Excel
with counter_app.export.relief_register. Wall time (perf_counter) and the
tracemalloc peak of each step are printed; the script exits 1 when the Excel
export is over its limits. tracemalloc slows Python down, so wall times are
measured in a separate pass without it.
"""

from __future__ import annotations

import argparse
import csv
import gc
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from counter_app.export.relief_register import COLUMNS, export_relief_register  # noqa: E402
from counter_app.services.relief.queries import ReliefRow  # noqa: E402

LIMIT_SECONDS = 20.0
LIMIT_MB = 300.0


def make_rows(n: int) -> list[ReliefRow]:
    start = date(2024, 1, 1)
    rows = []
    for i in range(n):
        collective = i % 7 == 0
        rows.append(
            ReliefRow(
                id=i + 1,
                account_id=i + 1,
                account_no=f"{i + 1:08d}",
                account_name=f"王建国{i % 997}",
                address=f"嘉祥县嘉祥街道建设路{i % 400}号{i % 30}单元{i % 6 + 1}0{i % 4 + 1}室",
                area_code=f"A{i % 12:02d}",
                account_type="collective" if collective else "household",
                certificate_type="城镇居民最低生活保障证",
                certificate_no=f"嘉民低保字〔2025〕{i:06d}号",
                issuing_office="嘉祥县民政局",
                valid_from=start + timedelta(days=i % 300),
                valid_to=start + timedelta(days=700 + i % 400),
                holder_name=f"王建国{i % 997}",
                holder_id_masked="370829********001X",
                contact_phone_masked="138****5678",
                materials=("证件原件", "证件复印件"),
                low_income_households=(i % 5 + 1) if collective else None,
                total_households=12 if collective else None,
                notes="",
                status="approved",
                display_status="approved",
                applied_on=start + timedelta(days=i % 300),
                effective_period="2025-03",
                revoked_reason="",
                version=2,
                relief_total=Decimal(i % 50000) / 100,
                filed_by="王丽",
                decided_by="李主管",
            )
        )
    return rows


def write_csv(rows: list[ReliefRow], path: Path) -> None:
    getters = [c.value for c in COLUMNS]
    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        out = csv.writer(fh)
        out.writerow([c.title for c in COLUMNS])
        for row in rows:
            out.writerow([get(row) for get in getters])


def measure(fn: Callable[[], object]) -> tuple[float, float, float]:
    """(wall s and CPU s without tracemalloc, peak MB with tracemalloc) of fn()."""
    gc.collect()
    t0, c0 = time.perf_counter(), time.process_time()
    fn()
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    gc.collect()
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return seconds, cpu, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument(
        "--plain",
        action="store_true",
        help="also time openpyxl's own cell writer (fast=False; slow)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        rows_holder: list[list[ReliefRow]] = []

        def build() -> None:
            rows_holder.clear()
            rows_holder.append(make_rows(args.rows))

        build_s, build_cpu, build_mb = measure(build)
        rows = rows_holder[0]
        csv_s, csv_cpu, csv_mb = measure(lambda: write_csv(rows, out / "register.csv"))
        xlsx_s, xlsx_cpu, xlsx_mb = measure(
            lambda: export_relief_register(rows, out / "register.xlsx")
        )
        size_mb = (out / "register.xlsx").stat().st_size / 2**20
        plain = (
            measure(lambda: export_relief_register(rows, out / "p.xlsx", fast=False))
            if args.plain
            else None
        )
    print(
        f"rows: {args.rows:,}; Python {sys.version.split()[0]}; load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    print("| step | wall s | CPU s | tracemalloc peak MB | CPU / CSV |")
    print("| --- | ---: | ---: | ---: | ---: |")
    print(
        f"| build {args.rows:,} rows in memory | {build_s:.2f} | {build_cpu:.2f} | "
        f"{build_mb:.1f} | |"
    )
    print(f"| baseline: CSV (csv module) | {csv_s:.2f} | {csv_cpu:.2f} | {csv_mb:.1f} | 1.0 |")
    print(
        f"| Excel, write-only, lxml rows | {xlsx_s:.2f} | {xlsx_cpu:.2f} | {xlsx_mb:.1f} | "
        f"{xlsx_cpu / csv_cpu:.0f} |"
    )
    if plain:
        print(
            f"| Excel, write-only, openpyxl cells (fast=False) | {plain[0]:.2f} | "
            f"{plain[1]:.2f} | {plain[2]:.1f} | {plain[1] / csv_cpu:.0f} |"
        )
    print(
        f"xlsx file: {size_mb:.1f} MB; rows held in memory: {build_mb:.1f} MB "
        f"(the export's own peak is on top of the rows, which exist before it starts)"
    )
    # tracemalloc sees Python's allocator only; lxml/libxml2 allocate in C
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS (everything, incl. the interpreter and C libraries): {rss_mb:.0f} MB")
    total_mb = build_mb + xlsx_mb
    ok = xlsx_s <= LIMIT_SECONDS and total_mb <= LIMIT_MB
    print(
        f"limits: {LIMIT_SECONDS:.0f} s, {LIMIT_MB:.0f} MB (rows + export {total_mb:.1f} MB): "
        f"{'OK' if ok else 'OVER'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
