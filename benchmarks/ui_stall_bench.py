"""How long the GUI thread stalls during each screen action of a clerk's day.

    .venv/bin/python benchmarks/ui_stall_bench.py [--accounts 2000] [--repeat 3] [--load 0]

A stall probe (a :class:`QTimer` at 5 ms that records the gap between its
ticks) runs around each action; the worst gap is how long the clerk's window
froze (typing, the clock, repainting). The actions, in the order a clerk meets
them, on a throw-away PostgreSQL database (``--url``, an administrator URL;
default the test server) seeded with ``seed_demo``:

* login: the login window while the start-up warm-up runs behind it on the
  task runner (``ui/warm_up.py``, as ``ui/startup.py`` submits it: the main
  window's modules and the document fonts; the first run only pays for it);
* sign-in: the main window is imported (as ``ui/app.py`` does after a
  sign-in), built and shown until its first loads are in;
* search: 50 hits of a common surname shown in the result list;
* account: the first hit's account view with its history;
* payment: the search page's 收费 on that account: the payments page and its
  payment dialog (the clerk's shift is open);
* statement: the statement dialog's preview (the first preview pays for
  the fonts and the printer);
* relief: the relief register page (Ctrl+3) loaded;
* complaints: the complaint list page (Ctrl+4) loaded;
* day-close: the day close page (Ctrl+5) loaded.

The screens run as a real clerk: a login role of ``counter_clerk`` made for
the run (as ``counter-admin`` makes one) and dropped afterwards, signed in
with its own connection, so the database's privileges and the screen
functions' caller checks apply as at a counter (the administrator's
connection is refused by them: ``not_a_clerk``).

Each action is followed by a settling time (``--settle`` ms, default 300)
inside the probe, so deferred layout and painting count too. ``--load N``
runs N busy processes meanwhile (a loaded workstation). Exits 1 when a worst
stall is over ``--limit`` ms (default 50) and ``--check`` is given.

Besides the worst stall, the table shows the longest pause of Python's garbage
collector during the screen ("gc max": a full collection holds the GIL, so it
freezes the GUI thread whichever thread ran it). ``--profile SCREEN`` (may be
repeated) prints the GUI thread's calls while that screen ran and settled
(cProfile, all runs), to see where a stall comes from. The script also runs on
a commit without ``ui/warm_up.py`` (copy it there), for "before" figures.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import multiprocessing
import os
import platform
import pstats
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtPrintSupport import QPrintPreviewDialog  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from counter_app.db.engine import Database, make_engine, with_credentials  # noqa: E402
from counter_app.db.migrate import migrate  # noqa: E402
from counter_app.demo import seed_demo  # noqa: E402
from counter_app.services.audit import Actor  # noqa: E402
from counter_app.services.auth import ClerkIdentity  # noqa: E402
from counter_app.services.installation.clerks import create_clerk  # noqa: E402
from counter_app.services.payments.shifts import ShiftService  # noqa: E402
from counter_app.settings import Settings, SettingsStore  # noqa: E402
from counter_app.ui.fonts import install_app_font  # noqa: E402
from counter_app.ui.i18n import install_translators  # noqa: E402
from counter_app.ui.login_dialog import LoginDialog  # noqa: E402
from counter_app.ui.startup import WARM_UP_TASK  # noqa: E402
from counter_app.ui.tasks import TaskRunner  # noqa: E402

try:  # a commit before ui/warm_up.py (a "before" run): the login window alone
    from counter_app.ui.warm_up import warm_up_behind_login  # noqa: E402
except ImportError:

    def warm_up_behind_login() -> None:
        pass


DEFAULT_URL = os.environ.get("COUNTER_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
SCREENS = (
    "login",
    "sign-in",
    "search",
    "account",
    "payment",
    "statement",
    "relief",
    "complaints",
    "day-close",
)
WORKSTATION = "WS-01"
PASSWORD = "stall-bench-1"


class StallProbe:
    """A 5 ms timer; ``worst`` is the longest gap between two ticks (ms);
    ``worst_gc`` the longest pause of Python's garbage collector meanwhile
    (any thread's: it holds the GIL, so the GUI thread waits too)."""

    def __init__(self, interval_ms: int = 5):
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0
        self.worst_gc = 0.0
        self._gc_started = 0.0
        self.active = False
        gc.callbacks.append(self._collector)

    def _collector(self, phase: str, _info: dict) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
        elif self.active:
            self.worst_gc = max(self.worst_gc, (time.perf_counter() - self._gc_started) * 1000)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, (now - self.last) * 1000)
        self.last = now

    def start(self) -> None:
        self.worst = 0.0
        self.worst_gc = 0.0
        self.last = time.perf_counter()
        self.active = True
        self.timer.start()

    def stop(self) -> float:
        self._tick()
        self.active = False
        self.timer.stop()
        return self.worst


def pump_until(condition: Callable[[], bool], timeout_s: float = 30.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not get ready in time")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 2)
        time.sleep(0.001)


def pump_for(ms: int) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 2)
        time.sleep(0.001)


class Results(dict):
    """Screen -> worst stall (ms); ``gc``: screen -> longest collector pause."""

    def __init__(self, probe: StallProbe):
        super().__init__()
        self.probe = probe
        self.gc: dict[str, float] = {}

    def __setitem__(self, screen: str, worst: float) -> None:
        self.gc[screen] = self.probe.worst_gc
        super().__setitem__(screen, worst)


PROFILE: dict[str, cProfile.Profile] = {}  # --profile SCREEN: the GUI thread's calls


def measured(
    probe: StallProbe, action: Callable[[], None], ready: Callable[[], bool], settle_ms: int
) -> float:
    """The worst stall from the action's start until it is ready and settled;
    the action runs from the event loop, as a click or a key would."""
    probe.start()
    QTimer.singleShot(0, action)
    pump_for(1)
    pump_until(ready)
    pump_for(settle_ms)
    return probe.stop()


def burn(stop_at: float) -> None:
    while time.time() < stop_at:
        pass


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def machine() -> str:
    return (
        f"{platform.system()} {platform.machine()}, {cpu_model()}, nproc {os.cpu_count()}, "
        f"load {load_average()}, Python {platform.python_version()}"
    )


def sign_up_clerk(admin_db: Database) -> tuple[Database, ClerkIdentity]:
    """A clerk of hall JX01 with its own login, signed in, with its shift open."""
    username = f"stall_{os.getpid()}_{uuid.uuid4().hex[:4]}"
    clerk = create_clerk(
        admin_db,
        username=username,
        display_name="张三",
        role="clerk",
        hall_code="JX01",
        password=PASSWORD,
        workstation=WORKSTATION,
    )
    login = Database.from_url(with_credentials(admin_db.engine.url, username, PASSWORD))
    ShiftService(login).open(
        Actor(username, WORKSTATION, clerk.id), clerk.hall_code, Decimal("200.00")
    )
    return login, clerk


def drop_login(admin_db: Database, username: str) -> None:
    with admin_db.engine.connect() as conn:
        conn.execute(text(f'DROP OWNED BY "{username}"'))
        conn.execute(text(f'DROP ROLE IF EXISTS "{username}"'))
        conn.commit()


class Bench:
    def __init__(self, database: Database, clerk: ClerkIdentity, settle_ms: int):
        self.db = database
        self.clerk = clerk
        self.settle = settle_ms
        self.runner = TaskRunner()
        self.probe = StallProbe()
        self.tmp = Path(os.environ.get("TMPDIR", "/tmp")) / f"counter-stall-{os.getpid()}"
        self.tmp.mkdir(parents=True, exist_ok=True)
        self.window = None

    def measure(
        self, screen: str, action: Callable[[], None], ready: Callable[[], bool], settle_ms: int
    ) -> float:
        profile = PROFILE.get(screen)
        if profile is None:
            return measured(self.probe, action, ready, settle_ms)
        profile.enable()  # the GUI thread's calls until the screen has settled
        try:
            return measured(self.probe, action, ready, settle_ms)
        finally:
            profile.disable()

    def idle(self) -> bool:
        return not self.runner.is_busy

    def run_once(self) -> Results:
        out = Results(self.probe)
        dialog = LoginDialog(lambda *_: None, self.runner, database_text="PostgreSQL")
        out["login"] = self.measure(
            "login",
            lambda: (dialog.show(), self.runner.submit(warm_up_behind_login, key=WARM_UP_TASK)),
            self.idle,
            self.settle,
        )
        clerk = self.clerk
        settings = Settings(workstation=WORKSTATION, hall_code=clerk.hall_code)
        store = SettingsStore(self.tmp / "settings.json", environ={})
        state = QSettings(str(self.tmp / "window.ini"), QSettings.Format.IniFormat)

        def sign_in() -> None:  # the imports as ui/app.py has them: after the sign-in
            from counter_app.ui.context import build_workplace
            from counter_app.ui.main_window import MainWindow

            dialog.hide()
            workplace = build_workplace(clerk, self.db, settings, self.runner)
            self.window = MainWindow(workplace, store, ui_state=state, ping_interval_ms=60_000)
            self.window.resize(1366, 768)
            self.window.show()

        out["sign-in"] = self.measure(
            "sign-in", sign_in, lambda: self.window is not None and self.idle(), self.settle
        )
        window = self.window
        page = window.search_page
        out["search"] = self.measure(
            "search",
            lambda: page.search_box.setText("张"),
            lambda: (
                not page._debounce.isActive()
                and self.idle()  # noqa: SLF001
                and page.model.rowCount() >= 50
            ),
            self.settle,
        )
        panel = page.account_panel
        out["account"] = self.measure(
            "account",
            lambda: page.table.activated.emit(page.model.index(0, 0)),
            lambda: panel.view is not None and panel.history.account_id is not None and self.idle(),
            self.settle,
        )
        account_id = panel.view.account_id
        out["payment"] = self.measure(
            "payment",
            lambda: window.dispatch_action("pay", account_id),
            lambda: isinstance(QApplication.activeModalWidget(), QDialog) and self.idle(),
            self.settle,
        )
        QApplication.activeModalWidget().reject()
        pump_for(50)
        window.show_page(0)
        pump_until(self.idle)

        dialog_box: list = []

        def open_statement_and_preview() -> None:
            from counter_app.ui.search.statement import StatementDialog

            box = StatementDialog(window.workplace, panel.view, window)
            dialog_box.append(box)
            box.open()
            box.preview_button.click()

        preview_seen: list[bool] = []

        def close_preview() -> None:  # the preview runs its own event loop (exec)
            modal = QApplication.activeModalWidget()
            if isinstance(modal, QPrintPreviewDialog) and not preview_seen:
                preview_seen.append(True)
                QTimer.singleShot(self.settle, modal.reject)

        closer = QTimer()
        closer.timeout.connect(close_preview)
        closer.start(10)
        out["statement"] = self.measure(
            "statement", open_statement_and_preview, lambda: bool(preview_seen), self.settle
        )
        pump_until(lambda: not isinstance(QApplication.activeModalWidget(), QPrintPreviewDialog))
        closer.stop()
        dialog_box[0].reject()
        pump_until(self.idle)
        out["relief"] = self.measure("relief", lambda: window.show_page(2), self.idle, self.settle)
        out["complaints"] = self.measure(
            "complaints", lambda: window.show_page(3), self.idle, self.settle
        )
        out["day-close"] = self.measure(
            "day-close", lambda: window.show_page(4), self.idle, self.settle
        )
        window.monitor.stop()
        window.close()
        window.deleteLater()
        dialog.deleteLater()
        pump_for(100)
        self.window = None
        return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=DEFAULT_URL, help="administrator URL of a server")
    parser.add_argument("--accounts", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--settle", type=int, default=300)
    parser.add_argument("--load", type=int, default=0, help="busy processes meanwhile")
    parser.add_argument("--limit", type=float, default=50.0)
    parser.add_argument("--check", action="store_true", help="exit 1 over --limit")
    parser.add_argument(
        "--profile",
        action="append",
        default=[],
        choices=SCREENS,
        help="print where the GUI thread spent its time on that screen",
    )
    args = parser.parse_args(argv)

    PROFILE.update({screen: cProfile.Profile() for screen in args.profile})
    app = QApplication.instance() or QApplication([])
    install_app_font(app)
    install_translators(app, "zh_CN")
    admin = make_engine(make_url(args.url)).execution_options(isolation_level="AUTOCOMMIT")
    name = f"counter_stall_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    with admin.connect() as conn:
        builtin = int(conn.execute(text("SHOW server_version_num")).scalar_one()) >= 170000
        locale = (
            "LOCALE_PROVIDER builtin BUILTIN_LOCALE 'C.UTF-8' LOCALE 'C'"
            if builtin
            else "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
        )
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' {locale}"))
    database = Database.from_url(make_url(args.url).set(database=name))
    burners: list[multiprocessing.Process] = []
    login: Database | None = None
    clerk: ClerkIdentity | None = None
    try:
        migrate(database.engine)
        started = time.perf_counter()
        seed_demo(database, accounts=args.accounts, months=12, seed=1)
        print(f"seeded {args.accounts} accounts in {time.perf_counter() - started:.1f} s")
        login, clerk = sign_up_clerk(database)
        if args.load:
            stop_at = time.time() + 3600
            burners = [
                multiprocessing.Process(target=burn, args=(stop_at,), daemon=True)
                for _ in range(args.load)
            ]
            for proc in burners:
                proc.start()
        print(machine() + (f", {args.load} busy processes" if args.load else ""))
        bench = Bench(login, clerk, args.settle)
        runs = [bench.run_once() for _ in range(args.repeat)]
        print(f"\nworst GUI-thread stall per screen (ms), {args.repeat} runs:")
        print(f"{'screen':<12} {'worst':>8} {'median':>8} {'gc max':>8}   runs")
        over = []
        for screen in SCREENS:
            values = [r[screen] for r in runs]
            worst = max(values)
            over += [screen] if worst > args.limit else []
            pause = max(r.gc[screen] for r in runs)
            print(
                f"{screen:<12} {worst:8.0f} {statistics.median(values):8.0f} {pause:8.0f}   "
                + " ".join(f"{v:.0f}" for v in values)
            )
        print(f"load average at the end: {load_average()}")
        bench.runner.shutdown()
    finally:
        for proc in burners:
            proc.terminate()
        if login is not None:
            login.dispose()
        if clerk is not None:
            drop_login(database, clerk.username)
        database.dispose()
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()
    for screen, profile in PROFILE.items():
        print(f"\n--- {screen}: the GUI thread's calls, all runs")
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
    if over:
        print(f"over {args.limit:.0f} ms: {', '.join(over)}")
    return 1 if (args.check and over) else 0


if __name__ == "__main__":
    sys.exit(main())
