"""The warm-up behind the login window (ui/warm_up.py): after it, the main
window's modules and the document fonts are loaded, and the collector is on
again with what was loaded frozen out of its sight."""

from __future__ import annotations

import subprocess
import sys
import threading

from counter_app.ui.startup import WARM_UP_TASK, LazyAuthenticator, prepare_behind_login
from counter_app.ui.warm_up import warm_up_behind_login

CHECK = """
import gc, sys, threading
from counter_app.ui.warm_up import MODULES, warm_up_behind_login
calls = []

class Auth:
    def get(self):
        calls.append(gc.isenabled())

assert 'counter_app.ui.main_window' not in sys.modules
worker = threading.Thread(target=warm_up_behind_login, args=(Auth(),))
worker.start()
worker.join(120)
from counter_app.documents.render import fonts
missing = [m for m in MODULES if m not in sys.modules]
print(calls, missing, fonts._registered, gc.isenabled(), gc.get_freeze_count() > 100000)
"""


def test_the_warm_up_loads_the_screens_and_fonts_then_collects_again():
    done = subprocess.run(
        [sys.executable, "-c", CHECK], capture_output=True, text=True, check=True, timeout=180
    )
    # the database layer first with the collector paused; everything loaded; fonts
    # registered; the collector back on with the loaded objects frozen
    assert done.stdout.strip() == "[False] [] True True True"


def test_a_failed_import_is_logged_and_the_collector_comes_back(monkeypatch, caplog):
    import gc

    from counter_app.ui import warm_up

    def broken():
        raise ImportError("no such module")

    monkeypatch.setattr(warm_up, "import_screens", broken)
    assert gc.isenabled()
    warm_up_behind_login(None)
    assert gc.isenabled()
    assert "warm-up of the screens failed" in caplog.text


def test_the_shared_server_login_window_warms_the_screens_up(qtbot, runner, monkeypatch):
    from counter_app.ui import startup
    from counter_app.ui.login_dialog import LoginDialog

    seen = []
    monkeypatch.setattr(
        startup,
        "warm_up_behind_login",
        lambda authenticator: seen.append(
            (authenticator, threading.current_thread() is threading.main_thread())
        ),
    )
    dialog = LoginDialog(lambda *_: None, runner, database_text="PostgreSQL")
    qtbot.addWidget(dialog)
    signin = LazyAuthenticator("postgresql://127.0.0.1:1/counter")
    prepare_behind_login(dialog, runner, authenticator=signin)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [(signin, False)]  # on the task runner, not the GUI thread
    qtbot.waitUntil(lambda: not runner.is_running(WARM_UP_TASK), timeout=5000)
