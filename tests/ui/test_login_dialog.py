"""Sign-in by keyboard on both engines, with clear Chinese messages."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from sqlalchemy.exc import DBAPIError

from counter_app.db.engine import Database, describe_url, with_credentials
from counter_app.services.auth import Authenticator, LoginError, LoginFailure
from counter_app.ui.login_dialog import LoginDialog


@dataclass(frozen=True)
class Demo:
    username: str
    password: str
    role: str


@pytest.fixture
def make_dialog(qtbot, runner):
    made = []

    def _make(login, url="postgresql://127.0.0.1/counter", demo_logins=()):
        dialog = LoginDialog(
            login, runner, database_text=describe_url(url), demo_logins=demo_logins
        )
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.ui.usernameEdit)
        made.append(dialog)
        return dialog

    yield _make
    for dialog in made:
        if dialog.login_result is not None:
            dialog.login_result.database.dispose()


def type_keys(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def press(qtbot, key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key)


def sign_in_by_keys(qtbot, username: str, password: str) -> None:
    type_keys(qtbot, username)
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, password)
    press(qtbot, Qt.Key.Key_Return)


def test_sign_in_by_keys_only(qtbot, make_dialog, clerk_account):
    dialog = make_dialog(Authenticator(clerk_account.url).login, clerk_account.url)
    assert dialog.ui.passwordEdit.echoMode() == QLineEdit.EchoMode.Password
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        sign_in_by_keys(qtbot, clerk_account.username, clerk_account.password)
    result = dialog.login_result
    assert result.clerk.username == clerk_account.username
    assert result.clerk.display_name == "张三"
    assert result.database.ping()


def _server_checks_passwords(url: str, username: str) -> bool:
    database = Database.from_url(with_credentials(url, username, "definitely-wrong"))
    try:
        database.engine.connect().close()
        return False
    except DBAPIError:
        return True
    finally:
        database.dispose()


def test_wrong_password_shows_chinese_message_and_keeps_username(qtbot, make_dialog, clerk_account):
    if clerk_account.url.startswith("postgresql") and not _server_checks_passwords(
        clerk_account.url, clerk_account.username
    ):
        pytest.skip("this PostgreSQL trusts loopback logins; run tools/setup-postgres.sh")
    dialog = make_dialog(Authenticator(clerk_account.url).login, clerk_account.url)
    sign_in_by_keys(qtbot, clerk_account.username, "wrong-password")
    label = dialog.ui.messageLabel
    qtbot.waitUntil(lambda: "用户名或密码错误" in label.text(), timeout=15_000)
    assert dialog.isVisible() and dialog.login_result is None
    assert dialog.ui.usernameEdit.text() == clerk_account.username
    assert dialog.ui.passwordEdit.selectedText() == "wrong-password"
    assert QApplication.focusWidget() is dialog.ui.passwordEdit
    assert dialog.ui.loginButton.isEnabled()
    # the clerk just types the right password over the selection
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        type_keys(qtbot, clerk_account.password)
        press(qtbot, Qt.Key.Key_Enter)


def test_unreachable_server_says_so(qtbot, make_dialog):
    url = "postgresql://nobody@127.0.0.1:1/counter"
    dialog = make_dialog(Authenticator(url).login, url)
    assert dialog.ui.databaseLabel.text() == "数据库：PostgreSQL 127.0.0.1:1/counter"
    sign_in_by_keys(qtbot, "clerk01", "demo")
    qtbot.waitUntil(lambda: "无法连接数据库服务器" in dialog.ui.messageLabel.text(), timeout=15_000)
    assert "Traceback" not in dialog.ui.messageLabel.text()
    assert dialog.ui.usernameEdit.text() == "clerk01"


@pytest.mark.postgres
def test_database_without_schema_asks_for_the_upgrade(qtbot, make_dialog, empty_db_url):
    from sqlalchemy.engine import make_url

    admin = make_url(empty_db_url)
    url = admin.set(username=None, password=None).render_as_string(hide_password=False)
    dialog = make_dialog(Authenticator(url).login, url)
    assert dialog.ui.databaseLabel.text().startswith("数据库：PostgreSQL ")
    sign_in_by_keys(qtbot, admin.username, admin.password or "x")
    qtbot.waitUntil(
        lambda: "counter-admin migrate" in dialog.ui.messageLabel.text(), timeout=15_000
    )


@pytest.mark.parametrize(
    ("failure", "words"),
    [
        (LoginFailure.BAD_CREDENTIALS, "用户名或密码错误"),
        (LoginFailure.UNREACHABLE, "无法连接数据库服务器"),
        (LoginFailure.NOT_A_CLERK, "未登记为柜台收费员"),
        (LoginFailure.INACTIVE, "已停用"),
        (LoginFailure.SCHEMA_MISSING, "升级数据库"),
        (LoginFailure.SCHEMA_TOO_NEW, "安装新版本"),
        (LoginFailure.INSUFFICIENT_ROLE, "无权"),
    ],
)
def test_every_failure_has_its_own_chinese_message(qtbot, make_dialog, failure, words):
    def refuse(_username, _password):
        raise LoginError(failure, "detail for the log only")

    dialog = make_dialog(refuse)
    sign_in_by_keys(qtbot, "clerk01", "demo")
    qtbot.waitUntil(lambda: words in dialog.ui.messageLabel.text(), timeout=5000)
    assert "detail for the log only" not in dialog.ui.messageLabel.text()


def test_unexpected_error_is_a_message_not_a_traceback(qtbot, make_dialog, caplog):
    def crash(_username, _password):
        raise ZeroDivisionError("division by zero")

    dialog = make_dialog(crash)
    sign_in_by_keys(qtbot, "clerk01", "demo")
    qtbot.waitUntil(lambda: "意外错误" in dialog.ui.messageLabel.text(), timeout=5000)
    assert "division" not in dialog.ui.messageLabel.text()
    assert "ZeroDivisionError" in caplog.text  # the details are in the log


def test_button_disabled_and_busy_hint_while_signing_in(qtbot, make_dialog):
    release = threading.Event()
    calls = []

    def slow_login(username, password):
        calls.append(threading.current_thread() is threading.main_thread())
        release.wait(10)
        raise LoginError(LoginFailure.BAD_CREDENTIALS)

    dialog = make_dialog(slow_login)
    sign_in_by_keys(qtbot, "clerk01", "demo")
    qtbot.waitUntil(lambda: bool(calls), timeout=5000)
    assert calls == [False], "login must not run on the GUI thread"
    assert not dialog.ui.loginButton.isEnabled()
    assert "正在登录" in dialog.ui.messageLabel.text()
    press(qtbot, Qt.Key.Key_Return)  # a second Enter does not start a second login
    release.set()
    qtbot.waitUntil(dialog.ui.loginButton.isEnabled, timeout=5000)
    assert len(calls) == 1


def test_empty_fields_are_asked_for_without_a_request(qtbot, make_dialog):
    calls = []
    dialog = make_dialog(lambda u, p: calls.append(u))
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.ui.messageLabel.text() == "请输入用户名。"
    type_keys(qtbot, "clerk01")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.ui.messageLabel.text() == "请输入密码。"
    assert QApplication.focusWidget() is dialog.ui.passwordEdit
    assert calls == []


def test_escape_quits(qtbot, make_dialog):
    dialog = make_dialog(lambda u, p: None)
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        press(qtbot, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_demo_logins_are_shown_in_chinese(qtbot, make_dialog):
    dialog = make_dialog(
        lambda u, p: None,
        demo_logins=(Demo("clerk01", "demo", "clerk"), Demo("super01", "demo", "supervisor")),
    )
    assert dialog.ui.demoLabel.isVisible()
    assert (
        dialog.ui.demoLabel.text() == "演示账号：\nclerk01 / demo（收费员）\nsuper01 / demo（班长）"
    )


def test_no_demo_hint_for_a_shared_database(qtbot, make_dialog):
    dialog = make_dialog(lambda u, p: None, url="postgresql://db-server/counter")
    assert not dialog.ui.demoLabel.isVisible()
    assert dialog.ui.databaseLabel.text() == "数据库：PostgreSQL db-server/counter"
