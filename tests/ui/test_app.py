"""The composition root's pieces: arguments, settings, first-start preparation."""

from __future__ import annotations

import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from counter_app.services.identity import LoginError, LoginFailure
from counter_app.settings import Settings, SettingsError, SettingsStore
from counter_app.ui.app import load_settings, parse_args
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.startup import LazyAuthenticator, prepare_behind_login

SHOTS = Path("/tmp/counter-shots")


def test_parse_args_keeps_qt_options_and_drops_passwords(tmp_path):
    args, rest = parse_args([
        "--settings", str(tmp_path / "s.json"),
        "--database-url", "postgresql://clerk01:secret@db-server/counter",
        "-platform", "offscreen",
    ])
    assert args.settings == tmp_path / "s.json"
    assert args.database_url == "postgresql://clerk01@db-server/counter"
    assert rest == ["-platform", "offscreen"]


def test_parse_args_refuses_a_bad_url(capsys):
    with pytest.raises(SystemExit):
        parse_args(["--database-url", "::not a url::"])
    assert "--database-url" in capsys.readouterr().err


def test_database_url_argument_overrides_for_this_run_only(tmp_path):
    store = SettingsStore(tmp_path / "s.json", environ={})
    store.save(Settings(workstation="WS-01", database_url="postgresql://a/counter"))
    settings = load_settings(store, "postgresql://b/counter")
    assert settings.database_url == "postgresql://b/counter"
    assert store.load().database_url == "postgresql://a/counter"
    assert load_settings(store, None).database_url == "postgresql://a/counter"


def test_broken_settings_file_is_reported(tmp_path):
    path = tmp_path / "s.json"
    path.write_text('{"paper_width_mm": 66}', encoding="utf-8")
    with pytest.raises(SettingsError) as info:
        load_settings(SettingsStore(path, environ={}), None)
    assert info.value.field == "paper_width_mm"


@dataclass(frozen=True)
class Info:
    created: bool
    demo_logins: tuple = ()


@dataclass(frozen=True)
class Demo:
    username: str
    password: str
    role: str


@pytest.fixture
def login_dialog(qtbot, runner):
    calls = []

    def login(username, password):
        calls.append((username, password, threading.current_thread() is threading.main_thread()))
        raise LoginError(LoginFailure.BAD_CREDENTIALS)

    dialog = LoginDialog(login, runner, database_text="SQLite counter.sqlite3")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.calls = calls
    return dialog


def test_preparation_runs_behind_the_shown_login_window(qtbot, runner, login_dialog, tmp_path):
    threads = []
    release = threading.Event()

    def prepare(url):
        threads.append(threading.current_thread() is threading.main_thread())
        release.wait(10)
        return Info(created=True)

    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    prepare_behind_login(login_dialog, runner, url, embedded=True, prepare=prepare,
                         find_demo_logins=lambda url: (Demo("clerk01", "demo", "clerk"),))
    # the window is up and says what is happening while the database is made
    assert login_dialog.preparing
    message = login_dialog.ui.messageLabel.text()
    assert "正在准备本机的演示数据库" in message
    SHOTS.mkdir(parents=True, exist_ok=True)
    login_dialog.grab().save(str(SHOTS / "startup_preparing.png"))
    # the clerk types and presses Enter before it is ready: the sign-in waits
    qtbot.keyClicks(login_dialog.ui.usernameEdit, "clerk01")
    qtbot.keyClicks(login_dialog.ui.passwordEdit, "wrong")
    qtbot.keyClick(login_dialog.ui.passwordEdit, Qt.Key.Key_Return)
    assert login_dialog.ui.messageLabel.text() == "数据库准备好后立即登录…"
    assert login_dialog.calls == []
    release.set()
    qtbot.waitUntil(lambda: bool(login_dialog.calls), timeout=5000)
    assert login_dialog.calls == [("clerk01", "wrong", False)]
    assert threads == [False]
    qtbot.waitUntil(lambda: login_dialog.ui.demoLabel.isVisible(), timeout=5000)
    assert "clerk01 / demo" in login_dialog.ui.demoLabel.text()
    qtbot.waitUntil(lambda: "用户名或密码错误" in login_dialog.ui.messageLabel.text(), timeout=5000)


def test_existing_database_is_only_checked(qtbot, runner, login_dialog, tmp_path):
    path = tmp_path / "old.sqlite3"
    path.write_bytes(b"x" * 100)
    prepare_behind_login(login_dialog, runner, f"sqlite:///{path}", embedded=True,
                         prepare=lambda url: Info(created=False),
                         find_demo_logins=lambda url: ())
    assert login_dialog.ui.messageLabel.text() == "正在检查本机数据库…"
    qtbot.waitUntil(lambda: not login_dialog.preparing, timeout=5000)
    assert not login_dialog.ui.messageLabel.isVisible()
    assert not login_dialog.ui.demoLabel.isVisible()


def test_failed_preparation_tells_the_clerk(qtbot, runner, login_dialog, caplog, tmp_path):
    messages, failures = [], []

    def close_message():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            messages.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(50, close_message)

    def prepare(url):
        raise OSError(28, "No space left on device")

    QTimer.singleShot(50, close_message)
    prepare_behind_login(login_dialog, runner, f"sqlite:///{tmp_path / 'x.sqlite3'}",
                         embedded=True, prepare=prepare, on_failure=lambda: failures.append(1))
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert messages == ["无法准备本机的演示数据库，请联系信息中心。"]
    assert not login_dialog.isVisible()
    assert "No space left on device" in caplog.text


def test_shared_server_imports_the_database_layer_behind_the_window(qtbot, runner, login_dialog):
    signin = LazyAuthenticator("postgresql://127.0.0.1:1/counter")
    prepare_behind_login(login_dialog, runner, signin.url, authenticator=signin, embedded=False)
    assert not login_dialog.preparing
    qtbot.waitUntil(lambda: signin._authenticator is not None, timeout=10000)
    assert signin.get() is signin._authenticator


def test_login_window_is_built_without_the_database_layer():
    """The cold start: nothing of the ORM, Alembic or argon2 before the login window."""
    code = (
        "import sys; import counter_app.ui.app; "
        "heavy = [m for m in ('sqlalchemy.orm', 'alembic', 'argon2', 'counter_app.db.models', "
        "'pypinyin', 'reportlab', 'openpyxl') if m in sys.modules]; print(heavy)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
