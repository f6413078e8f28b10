"""The statement preview's pages are laid out in the worker, not on the GUI
thread (the first layout of a process loads the fonts: up to 0.9 s frozen)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication

from counter_app.documents.render import flow
from counter_app.documents.render import qt as qt_backend
from counter_app.ui.search import statement
from tests.support.search_ui import open_statement

pytestmark = pytest.mark.usefixtures("town")


def test_the_preview_is_laid_out_off_the_gui_thread(qtbot, town, make_search_window, monkeypatch):
    db, _ = town
    window = make_search_window(db)
    laid_out: list[bool] = []  # on the GUI thread?

    def layout(document, *args):
        laid_out.append(threading.current_thread() is threading.main_thread())
        return flow.layout(document, *args)

    monkeypatch.setattr(statement, "layout", layout)
    monkeypatch.setattr(qt_backend, "layout", layout)
    dialog = open_statement(qtbot, window)
    pages_shown: list[int] = []

    def close_preview():
        preview = QApplication.activeModalWidget()
        if not isinstance(preview, QPrintPreviewDialog):
            QTimer.singleShot(50, close_preview)
            return
        pages_shown.append(preview.findChild(QPrintPreviewWidget).pageCount())
        qtbot.keyClick(preview, Qt.Key.Key_Escape)

    QTimer.singleShot(50, close_preview)
    qtbot.keyClick(dialog.to_edit, Qt.Key.Key_Return)  # Enter: preview
    qtbot.waitUntil(lambda: bool(pages_shown), timeout=15_000)
    assert laid_out == [False]  # once, in the worker
    assert pages_shown[0] >= 1  # and the preview painted those pages
