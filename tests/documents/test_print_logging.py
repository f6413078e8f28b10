"""A failed print leaves one WARNING naming the document, the printer and the reason."""

from __future__ import annotations

import logging

import pytest

from counter_app.documents import PrintError, receipt_document
from counter_app.documents.output.printing import DocumentPrinter
from counter_app.documents.output.transports import network_transport
from counter_app.settings import Settings
from tests.support import documents as s
from tests.support.transports import RecordingTransport

LOGGERS = ("counter_app.documents.output.printing", "counter_app.documents.output.transports")


def _warnings(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name in LOGGERS and r.levelno >= logging.WARNING]


def test_an_offline_printer_is_logged_with_the_printer_and_the_reason(caplog):
    caplog.set_level(logging.DEBUG, logger="counter_app.documents")
    offline = RecordingTransport(error=PrintError("offline", "no answer", printer="tcp://10.1.2.3"))
    printer = DocumentPrinter(
        Settings(workstation="CG-01", receipt_printer="tcp://10.1.2.3"),
        transport_for=lambda _: offline,
    )
    document = receipt_document(s.receipt())
    with pytest.raises(PrintError):
        printer.print_receipt(document)
    [record] = _warnings(caplog)
    line = record.getMessage()
    assert "tcp://10.1.2.3" in line and "offline" in line and "no answer" in line
    assert document.name in line and record.exc_info is None


def test_a_missing_printer_setting_is_logged_as_config(caplog):
    caplog.set_level(logging.INFO, logger="counter_app.documents")
    with pytest.raises(PrintError):
        DocumentPrinter(Settings(workstation="CG-01", a4_printer="")).print_a4(
            receipt_document(s.receipt())
        )
    [record] = _warnings(caplog)
    assert "(config)" in record.getMessage() and "no A4 printer" in record.getMessage()


def test_a_real_socket_refused_is_one_warning_with_the_driver_traceback_at_debug(caplog):
    caplog.set_level(logging.DEBUG, logger="counter_app.documents")
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    printer = DocumentPrinter(
        Settings(workstation="CG-01", receipt_printer=address),
        transport_for=lambda _: network_transport("127.0.0.1", port, timeout=2),
    )
    with pytest.raises(PrintError) as failed:
        printer.print_receipt(receipt_document(s.receipt()))
    [record] = _warnings(caplog)
    assert "127.0.0.1" in record.getMessage() and failed.value.code in record.getMessage()
    driver = [r for r in caplog.records if r.name == LOGGERS[1] and r.levelno == logging.DEBUG]
    assert driver and driver[0].exc_info is not None
