"""Driving the search page and the statement dialog by the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from counter_app.ui.search.models import RECORD_ROLE
from counter_app.ui.search.statement import StatementDialog
from tests.support.keyboard import type_keys


def page_of(window):
    return window.search_page


def type_query(qtbot, window, query: str) -> None:
    page = page_of(window)
    box = page.search_box
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    type_keys(qtbot, box, query)


def wait_results(qtbot, window, count: int | None = None):
    page = page_of(window)
    runner = window.workplace.runner

    def ready():
        assert not page._debounce.isActive() and not runner.is_running("search")
        if count is not None:
            assert page.model.rowCount() == count

    qtbot.waitUntil(ready, timeout=10_000)
    model = page.model
    return [model.index(r, 0).data(RECORD_ROLE) for r in range(model.rowCount())]


def wait_account(qtbot, window):
    panel = page_of(window).account_panel
    qtbot.waitUntil(
        lambda: panel.view is not None and panel.history.account_id is not None, timeout=10_000
    )
    return panel


def open_first(qtbot, window, query="01000001"):
    page = page_of(window)
    type_query(qtbot, window, query)
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    return wait_account(qtbot, window)


def open_statement(qtbot, window) -> StatementDialog:
    panel = open_first(qtbot, window)
    qtbot.keyClick(panel, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), StatementDialog))
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.from_edit)
    return dialog


def set_periods(qtbot, dialog: StatementDialog, start: str, end: str) -> None:
    qtbot.keyClick(dialog.from_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.from_edit, start)
    qtbot.keyClick(dialog.from_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.to_edit
    qtbot.keyClick(dialog.to_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.to_edit, end)
