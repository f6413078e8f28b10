"""Main window: Ctrl+1..6 navigation, status bar, settings page, window state."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from counter_app.db.engine import Database
from counter_app.ui.complaints.page import ComplaintsPage
from counter_app.ui.dayclose.page import DayClosePage
from counter_app.ui.main_window import GEOMETRY_KEY
from counter_app.ui.pages.settings_page import SettingsPage
from counter_app.ui.payments.page import PaymentsPage
from counter_app.ui.relief.page import ReliefPage
from counter_app.ui.search.page import SearchPage
from tests.support.clerks import CLERK


def test_ctrl_digits_switch_pages(qtbot, make_window, app_db):
    window = make_window(app_db)
    expected = [
        ("查询", SearchPage),
        ("收费", PaymentsPage),
        ("低保减免", ReliefPage),
        ("投诉", ComplaintsPage),
        ("日结", DayClosePage),
        ("设置", SettingsPage),
    ]
    assert [window.ui.navList.item(i).text() for i in range(6)] == [t for t, _ in expected]
    for digit in (6, 2, 3, 4, 5, 1):
        qtbot.keyClick(
            QApplication.focusWidget() or window,
            Qt.Key(Qt.Key.Key_0 + digit),
            Qt.KeyboardModifier.ControlModifier,
        )
        title, page_class = expected[digit - 1]
        assert isinstance(window.current_page, page_class), title
        assert window.ui.navList.currentItem().text() == title
    # the settings page puts the cursor in its first field
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.settings_page.ui.databaseUrlEdit


def test_arrow_keys_in_the_navigation_follow(qtbot, make_window, app_db):
    window = make_window(app_db)
    window.ui.navList.setFocus()
    qtbot.keyClick(window.ui.navList, Qt.Key.Key_Down)
    assert isinstance(window.current_page, PaymentsPage)


def test_pages_are_registered_by_key(qtbot, make_window, app_db):
    window = make_window(app_db)
    assert window.page("search") is window.search_page
    assert not window._is_built("relief")  # built on demand, not at sign-in
    page = window.open_page("relief")
    assert isinstance(page, ReliefPage)
    assert window.current_page is page and window.relief_page is page
    assert window.ui.navList.currentItem().text() == "低保减免"
    assert isinstance(window.page("day_close"), DayClosePage)
    with pytest.raises(KeyError):
        window.page("tariffs")  # a clerk has no price schedules page


def test_an_account_action_opens_the_account_on_its_page(qtbot, make_window, app_db):
    window = make_window(app_db)
    opened: list[tuple[str, int]] = []
    for key in ("payments", "relief", "complaints"):
        window.page(key).open_account = lambda i, key=key: opened.append((key, i))
    window.dispatch_action("relief", 7)
    assert opened == [("relief", 7)] and window.current_page is window.relief_page
    window.dispatch_action("complaint", 8)
    assert opened[-1] == ("complaints", 8) and window.current_page is window.complaints_page
    window.dispatch_action("pay", 9)
    assert opened[-1] == ("payments", 9) and window.current_page is window.payments_page
    window.dispatch_action("no such action", 10)  # ignored: no page, no call
    assert len(opened) == 3 and window.current_page is window.payments_page


def test_status_bar_shows_clerk_workstation_database_and_connection(qtbot, make_window, app_db):
    window = make_window(app_db)
    status = window.status
    assert status.clerk_label.text() == "操作员：张三（收费员）"
    assert status.workstation_label.text() == "工作站：WS-01"
    url = app_db.engine.url
    port = f":{url.port}" if url.port else ""
    assert status.database_label.text() == (f"数据库：PostgreSQL {url.host}{port}/{url.database}")
    qtbot.waitUntil(lambda: status.connection_label.text() == "已连接", timeout=10_000)
    assert "counter_app" not in window.windowTitle()
    assert window.windowTitle() == "营业厅柜台系统 - 张三"


def test_lost_connection_is_shown(qtbot, make_window):
    unreachable = Database.from_url("postgresql://nobody@127.0.0.1:1/counter")
    try:
        window = make_window(unreachable)
        qtbot.waitUntil(lambda: window.status.connection_label.text() == "连接中断", timeout=15_000)
        assert window.monitor.connected is False
    finally:
        unreachable.dispose()


def test_connection_is_pinged_again_on_the_timer(qtbot, make_window, app_db):
    window = make_window(app_db, ping_interval_ms=50)
    answers = []
    window.monitor.state_changed.connect(answers.append)
    qtbot.waitUntil(lambda: len(answers) >= 3, timeout=10_000)
    assert all(answers)


def test_window_geometry_is_kept_in_qsettings(qtbot, make_window, app_db, tmp_path):
    state_file = tmp_path / "state.ini"
    first = make_window(app_db, ui_state=QSettings(str(state_file), QSettings.Format.IniFormat))
    first.resize(800, 580)  # the offscreen screen is 800x600
    first.close()
    stored = QSettings(str(state_file), QSettings.Format.IniFormat)
    assert stored.value(GEOMETRY_KEY) is not None
    second = make_window(app_db, ui_state=stored)
    assert (second.width(), second.height()) == (800, 580)


# -- settings page ---------------------------------------------------------------------


@pytest.fixture
def settings_page(qtbot, make_window, app_db):
    # a supervisor: a counter clerk cannot change the database address
    window = make_window(app_db, clerk=replace(CLERK, role="supervisor"))
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    return window, window.settings_page


def _replace_text(qtbot, edit, text):
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:  # Chinese arrives from the input method as a commit string
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(edit, event)


def test_settings_page_shows_the_workstation_settings(settings_page):
    _window, page = settings_page
    assert page.ui.databaseUrlEdit.text() == ""
    assert page.ui.workstationEdit.text() == "WS-01"
    assert page.ui.hallCodeEdit.text() == "HQ"
    assert page.ui.languageCombo.currentData() == "zh_CN"
    assert page.ui.paperWidthCombo.currentData() == 80


def test_settings_are_saved_by_ctrl_s(qtbot, settings_page, settings_store):
    window, page = settings_page
    _replace_text(qtbot, page.ui.workstationEdit, "WS-09")
    _replace_text(qtbot, page.ui.databaseUrlEdit, "postgresql://db-server/counter")
    page.ui.paperWidthCombo.setCurrentIndex(page.ui.paperWidthCombo.findData(58))
    qtbot.keyClick(page.ui.workstationEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = settings_store.load()
    assert (saved.workstation, saved.paper_width_mm) == ("WS-09", 58)
    assert saved.database_url == "postgresql://db-server/counter"
    assert "设置已保存" in page.ui.messageLabel.text()
    assert "新的数据库地址将在下次启动系统时生效" in page.ui.messageLabel.text()
    assert window.status.workstation_label.text() == "工作站：WS-09"
    # printing follows the saved settings at once (no restart)
    assert window.workplace.settings.paper_width_mm == 58
    assert window.workplace.printer.receipt_paper.width_mm == 58
    assert window.workplace.actor.workstation == "WS-09"
    assert "新的打印设置立即生效" in page.ui.messageLabel.text()


def test_language_change_applies_at_next_start(qtbot, settings_page, settings_store):
    _window, page = settings_page
    page.ui.languageCombo.setCurrentIndex(page.ui.languageCombo.findData("en"))
    qtbot.mouseClick(page.ui.saveButton, Qt.MouseButton.LeftButton)
    assert settings_store.load().language == "en"
    assert "界面语言将在下次启动系统时生效" in page.ui.messageLabel.text()


@pytest.mark.parametrize(
    ("field", "value", "message", "focus"),
    [
        ("workstationEdit", "", "工作站名称：不能为空。", "workstationEdit"),
        ("hallCodeEdit", "", "营业厅代码：不能为空。", "hallCodeEdit"),
        ("hallCodeEdit", "嘉祥", "营业厅代码：只能使用字母", "hallCodeEdit"),
        ("databaseUrlEdit", "db-server", "数据库地址：格式不正确", "databaseUrlEdit"),
        (
            "databaseUrlEdit",
            "mysql://db/counter",
            "数据库地址：只支持 PostgreSQL",
            "databaseUrlEdit",
        ),
        (
            "databaseUrlEdit",
            "postgresql://clerk:secret@db/counter",
            "数据库地址：不能包含密码",
            "databaseUrlEdit",
        ),
        (
            "databaseUrlEdit",
            "postgresql://db-server",
            "数据库地址：缺少数据库名",
            "databaseUrlEdit",
        ),
    ],
)
def test_invalid_settings_name_the_field_and_are_not_saved(
    qtbot, settings_page, settings_store, field, value, message, focus
):
    _window, page = settings_page
    _replace_text(qtbot, getattr(page.ui, field), value)
    qtbot.keyClick(page.ui.saveButton, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.ui.messageLabel.text().startswith(message), page.ui.messageLabel.text()
    assert QApplication.focusWidget() is getattr(page.ui, focus)
    assert not settings_store.path.exists()


def test_undo_restores_the_saved_values(qtbot, settings_page):
    _window, page = settings_page
    _replace_text(qtbot, page.ui.hallCodeEdit, "XX")
    qtbot.mouseClick(page.ui.revertButton, Qt.MouseButton.LeftButton)
    assert page.ui.hallCodeEdit.text() == "HQ"


def test_saved_file_holds_no_password(qtbot, settings_page, settings_store):
    _window, page = settings_page
    _replace_text(qtbot, page.ui.databaseUrlEdit, "postgresql://clerk01@db-server:5432/counter")
    assert page.save()
    raw = json.loads(settings_store.path.read_text(encoding="utf-8"))
    assert raw["database_url"] == "postgresql://clerk01@db-server:5432/counter"


def test_ctrl_q_with_an_open_shift_asks_first(qtbot, make_window, app_db):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    window = make_window(app_db)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.runner.is_busy, timeout=10_000)  # its shift read
    window.day_close_page.shift_known.emit(True)  # the page read an open shift
    answers: list[str] = []

    def answer(button):
        box = QApplication.activeModalWidget()
        answers.append(box.text())
        box.button(button).click()

    QTimer.singleShot(100, lambda: answer(QMessageBox.StandardButton.No))
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert window.isVisible() and "班次还没有结束" in answers[0]
    window.activateWindow()  # back from the question (offscreen does not do it)
    qtbot.waitUntil(window.isActiveWindow)
    QTimer.singleShot(100, lambda: answer(QMessageBox.StandardButton.Yes))
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_ctrl_q_without_an_open_shift_just_quits(qtbot, make_window, app_db):
    window = make_window(app_db)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.runner.is_busy, timeout=10_000)  # its shift read
    window.day_close_page.shift_known.emit(True)
    window.day_close_page.shift_known.emit(False)  # closed at day close
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
