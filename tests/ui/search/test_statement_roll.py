"""往期交费清单 on the receipt printer: the paper is chosen by keyboard, the
roll statement reaches the ESC/POS printer, and the choice is remembered."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from counter_app.documents import Paper, PrintError
from counter_app.documents.output.printing import DocumentPrinter
from counter_app.ui.search.statement import PAPER_KEY, StatementDialog
from tests.support.documents import decoded_text
from tests.support.search_ui import open_statement, set_periods
from tests.support.transports import RecordingTransport

pytestmark = [pytest.mark.postgres, pytest.mark.usefixtures("town")]


@pytest.fixture
def db(pg_db):
    return pg_db


def escpos_window(make_search_window, db, transport):
    window = make_search_window(db)
    workplace = window.workplace
    settings = replace(workplace.settings, receipt_printer="tcp://10.0.0.9", paper_width_mm=58)
    workplace.printer = DocumentPrinter(settings, transport_for=lambda _: transport)
    workplace.apply_settings(settings)
    return window


def test_roll_statement_prints_on_the_receipt_printer_and_is_remembered(
    qtbot, town, make_search_window, ui_state
):
    db, _ = town
    transport = RecordingTransport()
    window = escpos_window(make_search_window, db, transport)
    dialog = open_statement(qtbot, window)
    assert dialog.paper_combo.currentData() == "a4"  # the first time: A4, as before
    assert dialog.paper_combo.itemText(1) == "58 毫米卷纸（小票打印机）"
    set_periods(qtbot, dialog, "2026-06", "2026-10")
    qtbot.keyClick(dialog.to_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.paper_combo
    qtbot.keyClick(dialog.paper_combo, Qt.Key.Key_Down)
    assert dialog.paper() is Paper.ROLL_58
    qtbot.keyClick(dialog.paper_combo, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(transport.jobs), timeout=15_000)
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled())
    assert dialog.message_label.text() == "已发送到小票打印机。"
    assert len(transport.jobs) == 1 and transport.jobs[0].count(b"\x1dVB\x00") == 1  # one copy
    text = decoded_text(transport.jobs[0], "gb18030")
    assert "往期交费清单" in text and "01000001" in text
    assert "2026-06 至 2026-10" in text
    assert "JX00000001" in text and "JX00000002" not in text  # August's was reversed
    assert "欠费合计：" in text
    assert dialog.last_document.paper is Paper.ROLL_58
    assert ui_state.value(PAPER_KEY) == "roll"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)

    panel = window.search_page.account_panel
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(panel, Qt.Key.Key_F8)  # the next statement: the roll again
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), StatementDialog))
    again = QApplication.activeModalWidget()
    assert again is not dialog and again.paper_combo.currentData() == "roll"
    qtbot.keyClick(again, Qt.Key.Key_Escape)


def test_receipt_printer_failure_names_the_printer(qtbot, town, make_search_window, ui_state):
    db, _ = town
    ui_state.setValue(PAPER_KEY, "roll")
    transport = RecordingTransport(PrintError("offline", "no answer", printer="tcp://10.0.0.9"))
    window = escpos_window(make_search_window, db, transport)
    dialog = open_statement(qtbot, window)
    assert dialog.paper() is Paper.ROLL_58
    qtbot.keyClick(dialog.from_edit, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "tcp://10.0.0.9" in dialog.message_label.text(), timeout=15_000)
    assert "A4" not in dialog.message_label.text()
