"""Cold start of the bundle to the login window, and the bundle's size.

    .venv/bin/python benchmarks/startup_bench.py [--bundle dist/counter] [--repeat 10]

Runs ``counter-app --until-login`` offscreen (start, fonts, translators,
login window shown -- stamped; behind it the embedded PostgreSQL server started
and its database's migration check -- stamped "ready"; exit, which stops the
server) against a prepared demo database and a settings file in a temporary
directory, so neither the first-run dialog nor initdb and the demo seeding
are timed (benchmarks/embedded_bench.py times those). Each command is
timed as a whole process (wall clock), alternating with two baselines in the
same run: ``python -c pass`` and ``python -c "import PySide6.QtWidgets"``, and
the venv's ``counter-app`` entry point for comparison. The bundle is also timed
as a workstation of a shared PostgreSQL server (``--database-url``; nothing
connects before the login), the configuration of a service hall. The
first run of the bundle (its files least cached) is reported apart. Exits 1
when the bundle's median time to the login window is over the limit (1.5 s).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT_S = 1.5
PG_URL = "postgresql://127.0.0.1:5432/counter"  # not connected before the login


def timed(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from the spawn to the process's exit and, for counter-app,
    to the stamps ``--until-login`` prints (Unix time): ``login-shown`` and
    ``ready`` (a sign-in could start: the embedded database is checked)."""
    started_wall = time.time()
    started = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True)
    elapsed = {"exit": time.perf_counter() - started}
    if done.returncode != 0:
        raise SystemExit(f"{cmd} exited {done.returncode}: {done.stderr.decode()[-800:]}")
    for line in done.stdout.decode().splitlines():
        if line.startswith("counter-app: "):
            _, what, at = line.split()
            elapsed[what] = float(at) - started_wall
    return elapsed


def bundle_size(path: Path) -> str:
    out = subprocess.run(["du", "-sh", str(path)], capture_output=True, text=True, check=True)
    return out.stdout.split()[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "counter")
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args(argv)
    exe = args.bundle / ("counter-app.exe" if os.name == "nt" else "counter-app")
    if not exe.exists():
        raise SystemExit(f"no {exe}: build it with bash tools/build_bundle.sh")

    from counter_app.db.embedded_server import release_server
    from counter_app.services.installation.embedded import prepare_embedded_database
    from counter_app.settings import Settings, SettingsStore

    with tempfile.TemporaryDirectory(prefix="counter-startup-") as tmp:
        tmp_path = Path(tmp)
        tmp_path.chmod(0o755)  # as root the server runs as its own OS user
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": str(tmp_path / "data"),
            "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
        }
        datadir = tmp_path / "data" / "Counter" / "postgres"
        datadir.parent.mkdir(parents=True)
        release_server(prepare_embedded_database(datadir, accounts=30, months=2).server)
        settings_file = tmp_path / "settings.json"
        SettingsStore(settings_file, environ={}).save(Settings())
        env.pop("COUNTER_DATABASE_URL", None)
        app_args = ["--settings", str(settings_file), "--until-login"]
        # a counter workstation of a shared server: no embedded database to check
        pg_args = [*app_args, "--database-url", PG_URL]
        cases = {
            "baseline: python -c pass": [sys.executable, "-c", "pass"],
            "baseline: python -c 'import PySide6.QtWidgets'": [
                sys.executable,
                "-c",
                "import PySide6.QtWidgets",
            ],
            "venv: counter-app --until-login": [
                str(Path(sys.executable).parent / "counter-app"),
                *app_args,
            ],
            "bundle: counter-app --until-login": [str(exe), *app_args],
            "bundle: PostgreSQL workstation --until-login": [str(exe), *pg_args],
        }
        first = timed(cases["bundle: counter-app --until-login"], env)
        times: dict[str, list[dict[str, float]]] = {name: [] for name in cases}
        for _ in range(args.repeat):
            for name, cmd in cases.items():
                times[name].append(timed(cmd, env))

    def median(name: str, what: str) -> float:
        return statistics.median(t[what] for t in times[name])

    base = median("baseline: python -c pass", "exit")
    print(f"{'case':<46} {'shown s':>8} {'ready s':>8} {'exit s':>7} {'shown / baseline':>17}")
    for name, values in times.items():
        if "login-shown" in values[0]:
            shown, ready = median(name, "login-shown"), median(name, "ready")
            print(
                f"{name:<46} {shown:8.3f} {ready:8.3f} {median(name, 'exit'):7.3f} "
                f"{shown / base:17.1f}"
            )
        else:
            exit_s = median(name, "exit")
            print(f"{name:<46} {'':>8} {'':>8} {exit_s:7.3f} {exit_s / base:17.1f}")
    print(
        f"bundle first run (least cached): shown {first['login-shown']:.3f} s, "
        f"ready {first['ready']:.3f} s"
    )
    print(f"bundle size: {bundle_size(args.bundle)} ({args.bundle})")
    print(
        f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores"
    )
    shown = median("bundle: counter-app --until-login", "login-shown")
    if shown > LIMIT_S:
        print(f"OVER THE LIMIT: bundle login window after {shown:.3f} s > {LIMIT_S} s")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
