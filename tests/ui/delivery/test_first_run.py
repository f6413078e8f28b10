"""First run: embedded or shared PostgreSQL, tested with typed credentials, saved without them."""

from __future__ import annotations

import json
import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import text

from counter_app.services.installation.connection import (
    ConnectionOutcome,
    check_connection,
    postgres_url,
)
from counter_app.settings import Settings
from counter_app.ui.app import needs_first_run
from counter_app.ui.delivery import FirstRunDialog
from tests.support.language import ui_language
from tests.support.screens import assert_nothing_clipped, save_shot, settle, shot_dirs

PASSWORD = "first-run-pw-1"


@pytest.fixture
def dialog(qtbot, settings_store, runner):
    dlg = FirstRunDialog(settings_store, Settings(workstation="WS-07"), runner)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


@pytest.fixture
def clerk_role(pg_server):
    """A PostgreSQL login in counter_clerk (pg_hba asks it for its password)."""
    name = f"fr{uuid.uuid4().hex[:8]}"
    with pg_server.engine.connect() as conn:
        conn.execute(
            text(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{PASSWORD}' IN ROLE counter_clerk")
        )
    yield name
    with pg_server.engine.connect() as conn:
        conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))


def fill_server(qtbot, dlg, host: str, port: int, database: str) -> None:
    qtbot.keyClick(dlg.embedded, Qt.Key.Key_Down)  # arrow keys move between the radio buttons
    assert dlg.shared.isChecked()
    qtbot.keyClicks(dlg.host, host)
    dlg.port.selectAll()
    qtbot.keyClicks(dlg.port, str(port))
    dlg.database.selectAll()
    qtbot.keyClicks(dlg.database, database)


def test_first_run_is_needed_only_without_settings_or_url(settings_store, monkeypatch):
    monkeypatch.delenv("COUNTER_DATABASE_URL", raising=False)
    assert needs_first_run(settings_store, None)
    assert not needs_first_run(settings_store, "postgresql://db/counter")
    settings_store.save(Settings(workstation="WS-07"))
    assert not needs_first_run(settings_store, None)


def test_enter_saves_the_embedded_choice_with_an_empty_url(qtbot, dialog, settings_store):
    assert dialog.embedded.isChecked() and not dialog.server_box.isEnabled()
    qtbot.keyClick(dialog.embedded, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert settings_store.load().database_url == ""
    assert json.loads(settings_store.path.read_text())["workstation"] == "WS-07"


def test_escape_cancels_and_saves_nothing(qtbot, dialog, settings_store):
    qtbot.keyClick(dialog.embedded, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not settings_store.path.exists()


def test_missing_host_is_named_and_nothing_saved(qtbot, dialog, settings_store):
    qtbot.keyClick(dialog.embedded, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.shared, Qt.Key.Key_Return)
    assert dialog.message.text() == "请填写服务器的主机名或地址。"
    assert dialog.isVisible() and not settings_store.path.exists()


@pytest.mark.postgres
def test_postgresql_test_connection_then_save_without_password(
    qtbot, dialog, settings_store, pg_db, clerk_role, tmp_path
):
    url = pg_db.engine.url
    fill_server(qtbot, dialog, url.host, url.port or 5432, url.database)
    qtbot.keyClicks(dialog.username, clerk_role)
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.test_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=15_000)
    assert dialog.message.text() == "连接成功：服务器可以访问。"
    save_shot(dialog, "first_run_connected", shot_dirs(tmp_path, "delivery"))

    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = settings_store.path.read_text(encoding="utf-8")
    assert PASSWORD not in saved and clerk_role not in saved
    assert (
        settings_store.load().database_url == f"postgresql://{url.host}:{url.port}/{url.database}"
    )


@pytest.mark.postgres
def test_wrong_password_is_told_apart(qtbot, dialog, pg_db, clerk_role):
    url = pg_db.engine.url
    fill_server(qtbot, dialog, url.host, url.port or 5432, url.database)
    qtbot.keyClicks(dialog.username, clerk_role)
    qtbot.keyClicks(dialog.password, "not-the-password")
    qtbot.keyClick(dialog.test_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=15_000)
    assert dialog.message.text() == "服务器已响应，但用户名或密码错误。"


def test_bad_port_says_unreachable(qtbot, dialog, tmp_path):
    fill_server(qtbot, dialog, "127.0.0.1", 1, "counter")
    qtbot.keyClicks(dialog.username, "nobody")
    qtbot.keyClicks(dialog.password, "x")
    qtbot.keyClick(dialog.test_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=15_000)
    assert dialog.message.text() == "无法连接服务器：请检查主机、端口和网络。"
    save_shot(dialog, "first_run_unreachable", shot_dirs(tmp_path, "delivery"))


def test_tls_choice_is_stored_in_the_url_and_a_missing_ca_is_a_tls_error(qtbot, dialog, tmp_path):
    fill_server(qtbot, dialog, "127.0.0.1", 5432, "counter")
    qtbot.keyClick(dialog.tls, Qt.Key.Key_Space)
    ca = tmp_path / "missing-ca.crt"
    qtbot.keyClicks(dialog.ca_file, str(ca))
    assert dialog.database_url() == postgres_url("127.0.0.1", 5432, "counter", ca_file=str(ca))
    assert "sslmode=verify-full" in dialog.database_url()
    assert check_connection(dialog.database_url(), "nobody", "x") is ConnectionOutcome.TLS_ERROR


def test_first_start_asks_for_the_database_and_escape_quits(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from counter_app.ui.app import main

    monkeypatch.delenv("COUNTER_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    seen = []

    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, FirstRunDialog):
            QTimer.singleShot(50, answer)
            return
        seen.append(dialog.windowTitle())
        qtbot.keyClick(dialog.embedded, Qt.Key.Key_Escape)

    QTimer.singleShot(50, answer)
    settings_file = tmp_path / "settings.json"
    assert main(["--settings", str(settings_file)]) == 0
    assert seen == ["营业厅柜台系统 - 首次启动"]
    assert not settings_file.exists()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_nothing_is_cut_with_every_field_shown(
    qtbot, qapp, settings_store, runner, language, tmp_path
):
    """The form's notes wrap in the height the dialog takes (ui/delivery_first_run.ui)."""
    with ui_language(qapp, language):
        dlg = FirstRunDialog(settings_store, Settings(workstation="WS-07"), runner)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.shared.setChecked(True)
    dlg.tls.setChecked(True)
    dlg.message.setText(dlg.outcome_text(ConnectionOutcome.BAD_CREDENTIALS))
    settle(qtbot, dlg)
    save_shot(dlg, f"first_run_tls_{language}", shot_dirs(tmp_path, "delivery"))
    assert dlg.ca_file.isEnabled() and dlg.browse.isEnabled()
    assert_nothing_clipped(dlg)
