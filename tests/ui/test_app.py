"""The composition root's pieces: arguments, settings, first-start preparation."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from counter_app.settings import Settings, SettingsError, SettingsStore
from counter_app.ui.app import load_settings, parse_args
from counter_app.ui.startup import load_prepare_function, prepare_embedded

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


def test_prepare_runs_off_the_gui_thread(qtbot, runner):
    threads = []

    def prepare(url):
        threads.append(threading.current_thread() is threading.main_thread())
        return Info(created=False)

    ok, info = prepare_embedded(runner, "sqlite:///x.sqlite3", prepare=prepare)
    assert ok and info == Info(created=False)
    assert threads == [False]


def test_slow_first_start_shows_the_progress_dialog(qtbot, runner):
    release = threading.Event()
    seen = []

    def look():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                seen.append(widget.labelText())
                SHOTS.mkdir(parents=True, exist_ok=True)
                widget.grab().save(str(SHOTS / "startup_progress.png"))
        if seen:
            release.set()
        else:
            QTimer.singleShot(50, look)

    def prepare(url):
        release.wait(10)
        return Info(created=True)

    QTimer.singleShot(50, look)
    ok, info = prepare_embedded(runner, "sqlite:///x.sqlite3", prepare=prepare)
    assert ok and info.created
    assert seen and seen[0] == "正在准备演示数据库…"


def test_failed_preparation_tells_the_clerk(qtbot, runner, caplog):
    messages = []

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
    ok, info = prepare_embedded(runner, "sqlite:///x.sqlite3", prepare=prepare)
    assert (ok, info) == (False, None)
    assert messages == ["无法准备本机的演示数据库，请联系信息中心。"]
    assert "No space left on device" in caplog.text


def test_prepare_function_is_found_when_the_service_exists():
    prepare = load_prepare_function()
    assert prepare is None or callable(prepare)
