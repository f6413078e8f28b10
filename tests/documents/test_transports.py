"""Transports and the workstation printer: real sockets on 127.0.0.1 for the
network printer, the recording transport where no device can exist."""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Iterator

import pytest

from counter_app.documents import (
    Paper,
    PrintError,
    get_profile,
    receipt_document,
    render_escpos,
    statement_document,
    transport_from_uri,
)
from counter_app.documents.output.printing import DocumentPrinter, parse_printer
from counter_app.documents.output.transports import network_transport
from counter_app.settings import Settings
from tests.support import documents as s
from tests.support.transports import RecordingTransport


class PrinterServer:
    """A raw-TCP 'printer' on 127.0.0.1: collects what each connection sends."""

    def __init__(self, mode: str = "read"):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(10)
        self.port = self.sock.getsockname()[1]
        self.mode = mode
        self.received: list[bytes] = []
        self.release = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        try:
            conn, _ = self.sock.accept()
        except OSError:
            return
        with conn:
            if self.mode == "reset":  # accept, then slam the door (RST)
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                return
            if self.mode == "stall":  # accept and never read
                self.release.wait(10)
                return
            chunks = []
            while data := conn.recv(65536):
                chunks.append(data)
            self.received.append(b"".join(chunks))

    def close(self) -> None:
        self.release.set()
        self.sock.close()
        self.thread.join(timeout=10)


@pytest.fixture
def server() -> Iterator[PrinterServer]:
    srv = PrinterServer()
    yield srv
    srv.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def job() -> bytes:
    return render_escpos(receipt_document(s.mixed_receipt(), Paper.ROLL_80), get_profile("gbk"))


def test_network_printer_receives_the_exact_bytes(server):
    data = job()
    transport_from_uri(f"tcp://127.0.0.1:{server.port}").send(data)
    server.thread.join(timeout=10)
    assert server.received == [data]


def test_network_printer_offline_is_a_print_error():
    with pytest.raises(PrintError) as info:
        network_transport("127.0.0.1", free_port(), timeout=2).send(job())
    assert info.value.code == "offline"
    assert "127.0.0.1" in info.value.printer


def test_network_printer_dropping_the_connection_refuses_the_job():
    srv = PrinterServer("reset")
    try:
        with pytest.raises(PrintError) as info:
            network_transport("127.0.0.1", srv.port, timeout=5).send(b"\x1b@" + b"x" * 8_000_000)
        assert info.value.code in ("refused", "offline")
    finally:
        srv.close()


def test_network_printer_that_stops_reading_times_out():
    srv = PrinterServer("stall")
    try:
        with pytest.raises(PrintError) as info:
            network_transport("127.0.0.1", srv.port, timeout=0.5).send(b"x" * 64_000_000)
        assert info.value.code == "timeout"
    finally:
        srv.close()


@pytest.mark.parametrize(
    ("uri", "description"),
    [
        ("tcp://10.0.0.9", "tcp://10.0.0.9:9100"),
        ("tcp://printer.local:9101", "tcp://printer.local:9101"),
        ("usb://0416:5011", "usb://0416:5011"),
        ("serial://COM3?baudrate=19200", "serial://COM3"),
        ("serial:///dev/ttyUSB0", "serial:///dev/ttyUSB0"),
        ("win32raw://XP-80C", "win32raw://XP-80C"),
    ],
)
def test_transport_addresses(uri, description):
    assert transport_from_uri(uri).description == description


@pytest.mark.parametrize("uri", ["", "XP-80C", "tcp://", "usb://zz:01", "lpt://1", "tcp://h:99999"])
def test_bad_addresses_are_config_errors(uri):
    with pytest.raises(PrintError) as info:
        transport_from_uri(uri)
    assert info.value.code == "config"


def test_windows_raw_queue_is_unsupported_elsewhere():
    if socket.gethostname() and __import__("sys").platform == "win32":
        pytest.skip("on Windows the queue may exist")
    with pytest.raises(PrintError) as info:
        transport_from_uri("win32raw://XP-80C").send(b"x")
    assert info.value.code == "unsupported"


def test_usb_printer_that_is_not_there_is_a_print_error():
    with pytest.raises(PrintError) as info:
        transport_from_uri("usb://0416:5011").send(b"x")
    assert info.value.code in ("offline", "unsupported")  # no device, or no pyusb here


def test_print_error_codes_are_checked():
    with pytest.raises(ValueError):
        PrintError("on_fire", "no")


# --------------------------------------------------------- DocumentPrinter
def settings(**changes) -> Settings:
    base = dict(workstation="CG-WIN-03", receipt_printer="tcp://10.1.2.3", escpos_profile="gbk")
    return Settings(**{**base, **changes})


def recording_printer(**changes) -> tuple[DocumentPrinter, RecordingTransport, list[str]]:
    recorder, addresses = RecordingTransport(), []

    def transport_for(address: str) -> RecordingTransport:
        addresses.append(address)
        return recorder

    return DocumentPrinter(settings(**changes), transport_for=transport_for), recorder, addresses


def test_receipt_goes_to_the_escpos_printer_with_copies_and_drawer_on_cash():
    printer, recorder, addresses = recording_printer(receipt_copies=2, paper_width_mm=58)
    document = receipt_document(s.receipt(), printer.receipt_paper)
    printer.print_receipt(document, cash=True)
    assert addresses == ["tcp://10.1.2.3"]
    data = recorder.jobs[0]
    assert data == render_escpos(document, get_profile("gbk"), open_drawer=True, copies=2)
    printer.print_receipt(document, cash=False)
    assert b"\x1bp" not in recorder.jobs[1]


def test_drawer_stays_shut_when_the_workstation_says_so():
    printer, recorder, _ = recording_printer(open_drawer_on_cash=False)
    printer.print_receipt(receipt_document(s.receipt(), Paper.ROLL_80), cash=True)
    assert b"\x1bp" not in recorder.jobs[0]


def test_offline_printer_raises_print_error_for_the_ui():
    offline = RecordingTransport(error=PrintError("offline", "no answer", printer="tcp://10.1.2.3"))
    printer = DocumentPrinter(settings(), transport_for=lambda _: offline)
    with pytest.raises(PrintError) as info:
        printer.print_receipt(receipt_document(s.receipt()))
    assert info.value.code == "offline" and offline.jobs == []


def test_missing_settings_are_config_errors():
    with pytest.raises(PrintError, match="no receipt printer"):
        DocumentPrinter(settings(receipt_printer="")).print_receipt(receipt_document(s.receipt()))
    with pytest.raises(PrintError, match="unknown ESC/POS profile"):
        recording_printer(escpos_profile="nope")[0].print_receipt(receipt_document(s.receipt()))
    with pytest.raises(PrintError, match="no A4 printer"):
        DocumentPrinter(settings()).print_a4(statement_document(s.statement(2)))


def test_system_printers_go_through_the_backend_passed_in():
    calls = []
    printer = DocumentPrinter(
        settings(receipt_printer="XP-80C", a4_printer="HP LaserJet", receipt_copies=2),
        system_printer=lambda doc, name, copies: calls.append((doc.kind, name, copies)),
    )
    printer.print(receipt_document(s.receipt()))
    printer.print(statement_document(s.statement(2)))
    assert calls == [("receipt", "XP-80C", 2), ("statement", "HP LaserJet", 1)]
    with pytest.raises(PrintError) as info:
        DocumentPrinter(settings(receipt_printer="XP-80C")).print_receipt(
            receipt_document(s.receipt())
        )
    assert info.value.code == "unsupported"


def test_test_print_button(server):
    printer = DocumentPrinter(settings(receipt_printer=f"tcp://127.0.0.1:{server.port}"))
    printer.test_print()
    server.thread.join(timeout=10)
    assert "打印测试".encode("gbk") in server.received[0]
    assert b"\x1dv0" in server.received[0]  # 㵘 in GBK: an image line


def test_parse_printer():
    assert parse_printer("").kind == "none"
    assert parse_printer("tcp://10.0.0.9:9100").kind == "escpos"
    assert parse_printer("USB://0416:5011").kind == "escpos"
    assert parse_printer("XP-80C").kind == "system"
    assert parse_printer(r"\\server\Receipt").kind == "system"
