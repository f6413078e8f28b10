"""往期交费清单 from the account view: F8, periods, preview, PDF, print error."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from tests.support.search_ui import open_statement, set_periods

pytestmark = pytest.mark.usefixtures("town")


def test_statement_pdf_holds_the_account_and_its_periods(qtbot, town, make_search_window, tmp_path):
    db, _ = town
    window = make_search_window(db)
    dialog = open_statement(qtbot, window)
    assert (dialog.from_edit.text(), dialog.to_edit.text()) == ("2025-11", "2026-10")
    set_periods(qtbot, dialog, "2026-06", "2026-08")
    target = tmp_path / "statement"
    chosen: list[str] = []

    def fill_file_dialog():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QFileDialog):
            QTimer.singleShot(50, fill_file_dialog)
            return
        edit = box.findChild(QLineEdit, "fileNameEdit")
        edit.setText(str(target))  # Qt's own dialog; no completer popup in the way
        chosen.append(box.windowTitle())
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        QTimer.singleShot(5_000, box.reject)  # never hang the run if it stayed open

    QTimer.singleShot(50, fill_file_dialog)
    qtbot.keyClick(dialog.to_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.saved_path is not None, timeout=15_000)
    assert chosen == ["将清单保存为 PDF"]
    assert dialog.saved_path == target.with_suffix(".pdf")
    assert dialog.message_label.text() == f"已保存到 {target.with_suffix('.pdf')}"
    pdf_text = subprocess.run(
        ["pdftotext", "-layout", str(dialog.saved_path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "往期交费清单" in pdf_text
    assert "嘉祥营业厅" in pdf_text and "HQ" not in pdf_text  # the clerk's hall by its name
    assert "01000001" in pdf_text and "张三" in pdf_text
    assert "2026-06 至 2026-08" in pdf_text
    assert "2026-06" in pdf_text and "2026-08" in pdf_text and "2026-10" not in pdf_text
    assert "JX00000001" in pdf_text  # the June receipt; August's reversed payment is not
    assert "JX00000002" not in pdf_text
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


def test_statement_preview_opens_with_the_document(qtbot, town, make_search_window):
    db, _ = town
    window = make_search_window(db)
    dialog = open_statement(qtbot, window)
    seen: list[str] = []
    zoom: list = []

    def close_preview():
        preview = QApplication.activeModalWidget()
        if not isinstance(preview, QPrintPreviewDialog):
            QTimer.singleShot(50, close_preview)
            return
        seen.append(preview.windowTitle())
        zoom.append(preview.findChild(QPrintPreviewWidget).zoomMode())
        qtbot.keyClick(preview, Qt.Key.Key_Escape)

    QTimer.singleShot(50, close_preview)
    qtbot.keyClick(dialog.to_edit, Qt.Key.Key_Return)  # Enter: preview
    qtbot.waitUntil(lambda: bool(seen), timeout=15_000)
    document = dialog.last_document
    assert seen == [document.name]
    assert zoom == [QPrintPreviewWidget.ZoomMode.FitToWidth]  # readable at once
    assert "01000001" in repr(document.blocks) and "2026-10" in repr(document.blocks)


def test_bad_period_and_print_error_are_told_in_chinese(qtbot, town, make_search_window):
    db, _ = town
    window = make_search_window(db)
    dialog = open_statement(qtbot, window)
    set_periods(qtbot, dialog, "2026-06", "2026/1x")
    qtbot.keyClick(dialog.to_edit, Qt.Key.Key_Return)
    assert dialog.message_label.text() == "截止账期：请按 2026-03 的格式输入。"
    assert dialog.to_edit.text() == "2026/1x"
    assert QApplication.focusWidget() is dialog.to_edit  # where the mistake is
    qtbot.keyClick(dialog.to_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.to_edit, "2026-10")
    qtbot.keyClick(dialog.to_edit, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: dialog.preview_button.isEnabled() and "打印机" in dialog.message_label.text(),
        timeout=15_000,
    )
    # the one printer-error map (ui/settings/print_errors.py), with the detail for support
    assert dialog.message_label.text().startswith(
        "打印机 （未设置）：本工作站未设置打印机，请在“设置”中设置。（no A4 printer"
    )


def test_periods_the_wrong_way_round_are_refused_not_swapped(qtbot, town, make_search_window):
    db, _ = town
    window = make_search_window(db)
    dialog = open_statement(qtbot, window)
    set_periods(qtbot, dialog, "2026-08", "2026-06")
    qtbot.keyClick(dialog.to_edit, Qt.Key.Key_Return)
    assert dialog.message_label.text() == "起始账期：2026-08 晚于截止账期 2026-06。"
    assert QApplication.focusWidget() is dialog.from_edit
    assert (dialog.from_edit.text(), dialog.to_edit.text()) == ("2026-08", "2026-06")
    assert dialog.last_document is None  # nothing was made


def test_cancelled_statement_saves_nothing(qtbot, town, make_search_window, tmp_path, monkeypatch):
    import threading

    from PySide6.QtWidgets import QPushButton

    from counter_app.ui.search import statement as statement_module

    db, _ = town
    window = make_search_window(db)
    dialog = open_statement(qtbot, window)
    reached, release = threading.Event(), threading.Event()
    real = statement_module.statement_data

    def held(*args, **kwargs):
        reached.set()
        release.wait(15)
        return real(*args, **kwargs)

    monkeypatch.setattr(statement_module, "statement_data", held)
    target = tmp_path / "statement.pdf"
    dialog._make("pdf", target)
    qtbot.waitUntil(reached.is_set, timeout=15_000)
    progress = dialog.progress.dialog
    qtbot.waitUntil(lambda: progress.maximum() > 0, timeout=5_000)  # the rows are known
    assert "行" in progress.labelText()
    [cancel] = [b for b in progress.findChildren(QPushButton) if b.text() == "取消"]
    cancel.click()
    release.set()
    qtbot.waitUntil(lambda: dialog.preview_button.isEnabled(), timeout=15_000)
    assert dialog.message_label.text() == "已取消：没有打印，也没有保存。"
    assert list(tmp_path.iterdir()) == [] and dialog.saved_path is None
