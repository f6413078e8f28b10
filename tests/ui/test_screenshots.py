"""Screenshots of every screen, rendered with the bundled font.

The PNGs go to the test's temp folder (and to $COUNTER_SHOTS when set) for a
person to look at: Chinese must render (no boxes), nothing clipped or overlapping.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenuBar,
    QWidget,
)

from counter_app.services.auth import LoginError, LoginFailure
from counter_app.ui.login_dialog import LoginDialog
from tests.support.screens import assert_nothing_clipped, save_shot, settle
from tests.support.screens import shot_dirs as shot_folders

PAGES = ["search", "payments", "relief", "complaints", "day_close", "settings"]


@pytest.fixture
def shot_dirs(tmp_path):
    return shot_folders(tmp_path)


def visible_texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.text() + widget.placeholderText())
        elif isinstance(widget, QListWidget):
            texts.extend(widget.item(i).text() for i in range(widget.count()))
        elif isinstance(widget, QMenuBar):
            texts.extend(a.text() for a in widget.actions())
    return texts


def cjk(texts: list[str]) -> set[str]:
    return {
        ch
        for text in texts
        for ch in text
        if "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"
    }


def assert_font_covers(texts: list[str], family: str) -> set[str]:
    app_font = QApplication.font()
    assert app_font.family() == family == "WenQuanYi Micro Hei"
    metrics = QFontMetrics(app_font)
    chars = cjk(texts)
    missing = sorted(ch for ch in chars if not metrics.inFontUcs4(ord(ch)))
    assert not missing, f"not in {family}: {''.join(missing)}"
    return chars


def test_main_window_pages(qtbot, make_window, app_db, shot_dirs, chinese_ui):
    window = make_window(app_db)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.status.connection_label.text() == "已连接", timeout=10_000)
    all_texts: list[str] = []
    for index, name in enumerate(PAGES):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier)
        settle(qtbot, window)
        assert window.ui.pageStack.currentIndex() == index
        save_shot(window, f"main_{index + 1}_{name}", shot_dirs)
        assert_nothing_clipped(window)
        all_texts += visible_texts(window)
    chars = assert_font_covers(all_texts, chinese_ui)
    assert {
        "查",
        "询",
        "收",
        "费",
        "低",
        "保",
        "减",
        "免",
        "投",
        "诉",
        "日",
        "结",
        "设",
        "置",
    } <= chars
    assert len(chars) > 100, "the screens should be in Chinese"


def test_main_window_small_screen_and_settings_error(qtbot, make_window, app_db, shot_dirs):
    window = make_window(app_db)
    window.resize(800, 600)  # the smallest workstation screen we expect
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    window.settings_page.ui.hallCodeEdit.clear()
    window.settings_page.save()
    settle(qtbot, window)
    save_shot(window, "main_6_settings_error_800x600", shot_dirs)
    assert_nothing_clipped(window)


@pytest.fixture
def login_dialog(qtbot, runner):
    def refuse(_username, _password):
        raise LoginError(LoginFailure.BAD_CREDENTIALS)

    class Demo:
        def __init__(self, username, role):
            self.username, self.password, self.role = username, "demo", role

    dialog = LoginDialog(
        refuse,
        runner,
        database_text="PostgreSQL 127.0.0.1:5432/counter",
        demo_logins=(Demo("clerk01", "clerk"), Demo("super01", "supervisor")),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_login_dialog(qtbot, login_dialog, shot_dirs, chinese_ui):
    dialog = login_dialog
    save_shot(dialog, "login_1_empty", shot_dirs)
    assert_nothing_clipped(dialog)
    texts = visible_texts(dialog)
    qtbot.keyClicks(dialog.ui.usernameEdit, "clerk01")
    qtbot.keyClicks(dialog.ui.passwordEdit, "wrong")
    qtbot.keyClick(dialog.ui.passwordEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "用户名或密码错误" in dialog.ui.messageLabel.text(), timeout=5000)
    settle(qtbot, dialog)
    save_shot(dialog, "login_2_wrong_password", shot_dirs)
    assert_nothing_clipped(dialog)
    assert_font_covers(texts + visible_texts(dialog), chinese_ui)
