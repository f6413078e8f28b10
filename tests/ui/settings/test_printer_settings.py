"""Printer settings on the settings page, by keyboard: addresses checked
naming the field, values saved and reloaded, test print to a recording
transport, to the CUPS PDF queue, and to a port where nothing listens."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from counter_app.documents import DocumentPrinter
from counter_app.settings import Settings
from counter_app.ui.pages.settings_page import SettingsPage
from counter_app.ui.settings.printer_section import PrinterSection
from tests.support.transports import RecordingTransport

GB = "gb18030"
QUEUE = os.environ.get("COUNTER_CUPS_QUEUE", "CounterPDF")
CUPS_OUT = Path(os.environ.get("COUNTER_CUPS_PDF_DIR", f"/var/spool/cups-pdf/{QUEUE}"))


@pytest.fixture
def page(qtbot, runner, settings, settings_store):
    widget = SettingsPage(settings, settings_store, runner=runner, printers=[QUEUE, "XP-80C"])
    qtbot.addWidget(widget)
    widget.resize(800, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _type(qtbot, combo, text: str) -> None:
    edit = combo.lineEdit()
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def _save(qtbot, page) -> None:
    qtbot.keyClick(page.ui.databaseUrlEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.parametrize("address", ["tcp://", "http://printer:9100", "usb://zz:11", "serial://"])
def test_a_bad_receipt_printer_address_is_refused_naming_the_field(
    qtbot, page, settings_store, address
):
    section = page.printer_section
    _type(qtbot, section.ui.receiptPrinterCombo, address)
    _save(qtbot, page)
    message = page.ui.messageLabel.text()
    assert message.startswith("小票打印机："), message
    assert "tcp://192.168.1.50:9100" in message  # an example of a good address
    assert not settings_store.path.exists()  # nothing written
    assert section.ui.receiptPrinterCombo.currentText() == address  # kept as typed
    assert section.ui.receiptPrinterCombo.lineEdit().hasFocus()


def test_an_escpos_address_is_refused_for_the_a4_printer(qtbot, page, settings_store):
    _type(qtbot, page.printer_section.ui.a4PrinterCombo, "tcp://10.0.0.9")
    _save(qtbot, page)
    assert page.ui.messageLabel.text().startswith("A4 打印机：")
    assert not settings_store.path.exists()


def test_printer_values_are_saved_and_reloaded(qtbot, page, settings_store, runner):
    ui = page.printer_section.ui
    _type(qtbot, ui.receiptPrinterCombo, "tcp://192.168.1.50:9100")
    qtbot.keyClick(ui.receiptPrinterCombo.lineEdit(), Qt.Key.Key_Tab)
    assert ui.a4PrinterCombo.hasFocus()
    _type(qtbot, ui.a4PrinterCombo, QUEUE)
    ui.profileCombo.setFocus()
    qtbot.keyClick(ui.profileCombo, Qt.Key.Key_Down)  # gb18030-yuan
    qtbot.keyClick(ui.profileCombo, Qt.Key.Key_Tab)
    assert ui.copiesSpin.hasFocus()
    qtbot.keyClick(ui.copiesSpin.lineEdit(), Qt.Key.Key_Up)
    qtbot.keyClick(ui.copiesSpin, Qt.Key.Key_Tab)
    assert ui.drawerCheck.hasFocus() and ui.drawerCheck.isChecked()
    qtbot.keyClick(ui.drawerCheck, Qt.Key.Key_Space)
    qtbot.keyClick(ui.drawerCheck, Qt.Key.Key_Tab)
    qtbot.keyClick(ui.maskNamesCheck, Qt.Key.Key_Space)
    _save(qtbot, page)
    assert "已保存" in page.ui.messageLabel.text()

    raw = json.loads(settings_store.path.read_text(encoding="utf-8"))
    assert raw["receipt_printer"] == "tcp://192.168.1.50:9100"
    loaded = settings_store.load()
    assert (
        loaded.receipt_printer,
        loaded.a4_printer,
        loaded.escpos_profile,
        loaded.receipt_copies,
        loaded.open_drawer_on_cash,
        loaded.mask_names_on_receipt,
    ) == ("tcp://192.168.1.50:9100", QUEUE, "gb18030-yuan", 2, False, True)
    again = SettingsPage(loaded, settings_store, runner=runner, printers=[QUEUE])
    qtbot.addWidget(again)
    section = again.printer_section
    assert section.apply(loaded) == loaded
    assert section.ui.receiptPrinterCombo.currentText() == "tcp://192.168.1.50:9100"
    assert section.ui.a4PrinterCombo.currentText() == QUEUE
    assert section.ui.profileCombo.currentData() == "gb18030-yuan"
    assert section.ui.copiesSpin.value() == 2


def test_test_print_to_a_recording_transport_reports_success(qtbot, runner):
    recorder = RecordingTransport()
    section = PrinterSection(
        runner,
        printers=[],
        printer_for=lambda s: DocumentPrinter(s, transport_for=lambda _a: recorder),
    )
    qtbot.addWidget(section)
    section.fill(
        Settings(workstation="WS-09", receipt_printer="tcp://printer.test:9100", paper_width_mm=58)
    )
    section.show()
    section.ui.testPrintButton.setFocus()
    qtbot.keyClick(section.ui.testPrintButton, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "已发送" in section.ui.testResultLabel.text(), timeout=15_000)
    paper = recorder.data.decode(GB, errors="replace")
    assert "打印测试" in paper and "WS-09" in paper and "58 mm" in paper


def test_unreachable_printer_reports_the_print_error(qtbot, page):
    ui = page.printer_section.ui
    _type(qtbot, ui.receiptPrinterCombo, "tcp://127.0.0.1:9?timeout=3")
    ui.testPrintButton.setFocus()
    qtbot.keyClick(ui.testPrintButton, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: ui.testPrintButton.isEnabled(), timeout=20_000)
    text = ui.testResultLabel.text()
    assert text.startswith("测试打印失败"), text
    assert "tcp://127.0.0.1:9" in text and "没有响应" in text
    assert "b00020" in ui.testResultLabel.styleSheet()


@pytest.mark.skipif(
    not shutil.which("lpstat") or not CUPS_OUT.exists(),
    reason="no cups-pdf queue (bash tools/setup-cups.sh)",
)
def test_test_print_to_the_cups_pdf_queue(qtbot, page):
    before = set(CUPS_OUT.glob("*.pdf"))
    ui = page.printer_section.ui
    ui.receiptPrinterCombo.setFocus()
    ui.receiptPrinterCombo.setCurrentIndex(ui.receiptPrinterCombo.findData(QUEUE))
    qtbot.keyClick(ui.receiptPrinterCombo, Qt.Key.Key_Tab)
    ui.testPrintButton.setFocus()
    qtbot.keyClick(ui.testPrintButton, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: ui.testPrintButton.isEnabled(), timeout=30_000)
    assert ui.testResultLabel.text() == f"测试页已发送到 {QUEUE}。"
    qtbot.waitUntil(lambda: bool(set(CUPS_OUT.glob("*.pdf")) - before), timeout=60_000)
