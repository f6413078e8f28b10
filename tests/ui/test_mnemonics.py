"""Alt+letter never clashes and every "&" renders, in every window, page and
dialog, in Chinese and in English (tests/ui/_mnemonics.py says what counts)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QWidget

from counter_app.settings import Settings
from counter_app.ui.delivery.first_run import FirstRunDialog
from counter_app.ui.login_dialog import LoginDialog
from tests.support.language import ui_language
from tests.support.mnemonics import problems
from tests.support.screens import settle

pytestmark = pytest.mark.postgres

PAGES = ["search", "payments", "relief", "complaints", "day_close", "settings"]


@pytest.fixture(params=["zh_CN", "en"])
def language(request, qapp):
    with ui_language(qapp, request.param):
        yield request.param


@pytest.fixture
def db(pg_db):
    return pg_db


def walk(root: QWidget, where: str, qtbot) -> list[str]:
    """What ``root`` shows now, then each tab of each visible tab widget."""
    found = problems(root, where)
    for tabs in root.findChildren(QTabWidget):
        if not tabs.isVisibleTo(root) or tabs.window() is not root:
            continue
        current = tabs.currentIndex()
        for i in range(tabs.count()):
            if i == current or not tabs.isTabEnabled(i):
                continue
            tabs.setCurrentIndex(i)
            settle(qtbot, root)
            found += problems(root, f"{where} / tab {tabs.tabText(i)!r}")
        tabs.setCurrentIndex(current)
    return found


def test_checker_finds_a_clash_and_a_literal_ampersand(qtbot):
    root = QWidget()
    qtbot.addWidget(root)
    QPushButton("&Save", root)
    QPushButton("保存(&S)", root)
    QPushButton("A && B", root)
    QLabel("演示数据库(&F)", root)
    root.show()
    found = problems(root, "w")
    assert len(found) == 2, found
    assert "Alt+S" in found[0] and "(&F)" in found[1]


def test_main_window_pages(db, make_window, qtbot, language):
    window = make_window(db)
    found = []
    for index, name in enumerate(PAGES):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda i=index: window.ui.pageStack.currentIndex() == i)
        found += walk(window, f"{language} main window / {name}", qtbot)
    assert not found, "\n".join(found)


def test_login_dialog(qtbot, runner, language):
    class Demo:
        def __init__(self, username, role):
            self.username, self.password, self.role = username, "demo", role

    dialog = LoginDialog(
        lambda *_: None, runner, database_text="counter", demo_logins=(Demo("clerk01", "clerk"),)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    found = walk(dialog, f"{language} login", qtbot)
    assert not found, "\n".join(found)


def test_first_run_dialog(qtbot, runner, settings_store, language):
    dialog = FirstRunDialog(settings_store, Settings(workstation="WS-07"), runner)
    qtbot.addWidget(dialog)
    dialog.show()
    found = walk(dialog, f"{language} first run", qtbot)
    dialog.shared.setChecked(True)
    found += walk(dialog, f"{language} first run / shared server", qtbot)
    assert not found, "\n".join(found)
