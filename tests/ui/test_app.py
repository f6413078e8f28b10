"""The composition root's pieces: arguments, settings, first-start preparation."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from counter_app.db.embedded_server import EmbeddedServerError
from counter_app.services.identity import LoginError, LoginFailure
from counter_app.settings import Settings, SettingsError, SettingsStore
from counter_app.ui.app import load_settings, parse_args
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.startup import LazyAuthenticator, prepare_behind_login
from tests.support.screens import save_shot, shot_dirs


def test_parse_args_keeps_qt_options_and_drops_passwords(tmp_path):
    args, rest = parse_args(
        [
            "--settings",
            str(tmp_path / "s.json"),
            "--database-url",
            "postgresql://clerk01:secret@db-server/counter",
            "-platform",
            "offscreen",
        ]
    )
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
    server: object = None
    url: str = "postgresql://127.0.0.1:5999/counter"


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

    dialog = LoginDialog(login, runner, database_text="本机")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.calls = calls
    return dialog


def test_preparation_runs_behind_the_shown_login_window(qtbot, runner, login_dialog, tmp_path):
    threads = []
    release = threading.Event()

    def prepare(datadir):
        threads.append(threading.current_thread() is threading.main_thread())
        release.wait(10)
        return Info(created=True)

    signin = LazyAuthenticator()
    prepare_behind_login(
        login_dialog,
        runner,
        embedded_dir=tmp_path / "postgres",
        authenticator=signin,
        prepare=prepare,
        find_demo_logins=lambda server: (Demo("clerk01", "demo", "clerk"),),
    )
    # the window is up and says what is happening while the database is made
    assert login_dialog.preparing
    message = login_dialog.ui.messageLabel.text()
    assert "正在准备本机的演示数据库" in message
    save_shot(login_dialog, "startup_preparing", shot_dirs(tmp_path))
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
    # the sign-in goes to the server that was started, named on the window
    assert signin.url == Info(created=True).url
    assert "PostgreSQL 127.0.0.1:5999/counter" in login_dialog.ui.databaseLabel.text()
    qtbot.waitUntil(lambda: login_dialog.ui.demoLabel.isVisible(), timeout=5000)
    assert "clerk01 / demo" in login_dialog.ui.demoLabel.text()
    qtbot.waitUntil(lambda: "用户名或密码错误" in login_dialog.ui.messageLabel.text(), timeout=5000)


def test_existing_database_is_only_checked(qtbot, runner, login_dialog, tmp_path):
    datadir = tmp_path / "postgres"
    datadir.mkdir()
    (datadir / "PG_VERSION").write_text("18\n")
    prepare_behind_login(
        login_dialog,
        runner,
        embedded_dir=datadir,
        prepare=lambda datadir: Info(created=False),
        find_demo_logins=lambda server: (),
    )
    assert login_dialog.ui.messageLabel.text() == "正在检查本机数据库…"
    qtbot.waitUntil(lambda: not login_dialog.preparing, timeout=5000)
    assert not login_dialog.ui.messageLabel.isVisible()
    assert not login_dialog.ui.demoLabel.isVisible()


@pytest.mark.parametrize(
    ("reason", "words"),
    [
        ("disk_full", "磁盘已满"),
        ("permissions", "无法写入"),
        ("port", "端口"),
        ("newer_version", "较新版本"),
        ("failed", "日志"),
    ],
)
def test_failed_preparation_tells_the_clerk(
    qtbot, runner, login_dialog, caplog, tmp_path, reason, words
):
    messages, failures = [], []

    def close_message():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            messages.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(50, close_message)

    def prepare(datadir):
        raise EmbeddedServerError(
            reason, "pg_ctl failed", detail="the server's own words", path=datadir
        )

    QTimer.singleShot(50, close_message)
    prepare_behind_login(
        login_dialog,
        runner,
        embedded_dir=tmp_path / "postgres",
        prepare=prepare,
        on_failure=lambda: failures.append(1),
    )
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert len(messages) == 1
    assert messages[0].startswith("本机数据库无法启动。")
    assert words in messages[0] and messages[0].endswith("请联系信息中心。")
    assert not login_dialog.isVisible()
    logged = " ".join(caplog.messages)  # the message itself, not the traceback's source lines
    assert "pg_ctl failed" in logged and "the server's own words" in logged


def test_shared_server_imports_the_database_layer_behind_the_window(qtbot, runner, login_dialog):
    signin = LazyAuthenticator("postgresql://127.0.0.1:1/counter")
    prepare_behind_login(login_dialog, runner, authenticator=signin)
    assert not login_dialog.preparing
    qtbot.waitUntil(lambda: signin._authenticator is not None, timeout=10000)
    assert signin.get() is signin._authenticator


def test_login_window_is_built_without_the_database_layer():
    """The cold start: nothing of the ORM or Alembic before the login window."""
    code = (
        "import sys; import counter_app.ui.app; "
        "heavy = [m for m in ('sqlalchemy.orm', 'alembic', 'counter_app.db.models', "
        "'pypinyin', 'reportlab', 'openpyxl') if m in sys.modules]; print(heavy)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_an_embedded_database_of_a_newer_counter_says_so(qtbot, runner, login_dialog, tmp_path):
    """The embedded server starts, but its schema is newer than this app."""
    from counter_app.db.migrate import SchemaTooNewError
    from counter_app.ui.startup import embedded_failure_text

    text = embedded_failure_text(SchemaTooNewError("0099_future"), tmp_path / "postgres")
    assert "较新版本" in text and str(tmp_path / "postgres") in text


def test_until_login_ends_on_a_failed_preparation_instead_of_waiting_on_its_box(tmp_path):
    """``--until-login`` runs with nobody at the screen: a data directory that
    cannot be made (a file stands where the folder goes) prints ``failed`` and
    exits 1 within seconds, the modal message box closed, not left hanging."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    settings = tmp_path / "settings.json"
    settings.write_text("{}")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(blocker),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from counter_app.ui.app import main; sys.exit(main())",
            "--settings",
            str(settings),
            "--until-login",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr[-2000:]
    assert "counter-app: failed" in done.stdout
    assert "Not a directory" in done.stderr  # the reason is in the log
