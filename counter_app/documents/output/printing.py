"""Print documents where the workstation's settings say (ESC/POS or a system printer).
Design: docs/architecture.md ("Documents and printing")
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from counter_app.documents.model import Document, Field, KeyValues, Paper, Separator, Text, Title
from counter_app.documents.output.transports import PrintError, Transport, transport_from_uri
from counter_app.documents.render.escpos import get_profile, render_escpos
from counter_app.settings import Settings

__all__ = [
    "DocumentPrinter",
    "PrinterTarget",
    "SystemPrinter",
    "parse_printer",
    "printer_test_page",
]

ESCPOS_SCHEMES = ("tcp", "usb", "serial", "win32raw")

log = logging.getLogger(__name__)

#: ``print_document(document, printer_name, copies)`` of the Qt backend.
SystemPrinter = Callable[[Document, str, int], None]


@contextmanager
def _logged_failure(document: Document, printer: str) -> Iterator[None]:
    """Every failed print is in the log with what the printer (or its driver) said."""
    try:
        yield
    except PrintError as exc:
        log.warning(
            "printing %s %s on %r failed (%s): %s",
            document.kind,
            document.name,
            exc.printer or printer,
            exc.code,
            exc.message,
        )
        raise
    except Exception:
        log.exception("printing %s %s on %r failed", document.kind, document.name, printer)
        raise


@dataclass(frozen=True)
class PrinterTarget:
    kind: Literal["escpos", "system", "none"]
    address: str = ""


def parse_printer(setting: str) -> PrinterTarget:
    """``tcp://10.0.0.9`` -> ESC/POS; ``XP-80C`` -> system printer; ``""`` -> none."""
    text = setting.strip()
    if not text:
        return PrinterTarget("none")
    scheme = text.partition("://")[0].lower() if "://" in text else ""
    if scheme in ESCPOS_SCHEMES:
        return PrinterTarget("escpos", text)
    return PrinterTarget("system", text)


def printer_test_page(paper: Paper, settings: Settings | None = None) -> Document:
    """The printer settings page's test print: widths, currency, a rare character."""
    now = datetime.now(UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    cols = {Paper.ROLL_58: "32", Paper.ROLL_80: "48"}.get(paper, "A4")
    rows = [Field("时间", now), Field("纸宽", f"{paper.width_mm:g} mm（{cols}）")]
    if settings is not None:
        rows += [
            Field("工作站", settings.workstation),
            Field("打印机", settings.receipt_printer or "（未设置）"),
            Field("ESC/POS", settings.escpos_profile),
        ]
    blocks = (
        Title("打印测试"),
        KeyValues(tuple(rows)),
        Separator(),
        Text("中文：收费收据 壹佰贰拾叁元肆角伍分"),
        Text("金额：¥1,234.56"),
        Text("生僻字：㵘"),
        Text("1234567890" * 5),
        Separator("double"),
    )
    return Document("test_page", "打印测试", paper, blocks)


class DocumentPrinter:
    """Prints to the receipt printer and the A4 printer of one workstation.

    ``transport_for`` turns an ESC/POS address into a transport (tests pass
    a function returning a
    the recording transport of tests/support).
    """

    def __init__(
        self,
        settings: Settings,
        *,
        system_printer: SystemPrinter | None = None,
        transport_for: Callable[[str], Transport] = transport_from_uri,
    ):
        self.settings = settings
        self._system = system_printer
        self._transport_for = transport_for

    @property
    def receipt_paper(self) -> Paper:
        return Paper.roll(self.settings.paper_width_mm)

    def print_receipt(
        self, document: Document, *, cash: bool = False, copies: int | None = None
    ) -> None:
        """Print a roll document (receipt, reprint, reversal, slip, day-close,
        statement) ``copies`` times (default: ``receipt_copies``); the drawer
        opens when ``cash`` and the workstation's ``open_drawer_on_cash``
        (ESC/POS printers only)."""
        with _logged_failure(document, self.settings.receipt_printer):
            self._print_receipt(document, cash=cash, copies=copies)

    def _print_receipt(self, document: Document, *, cash: bool, copies: int | None) -> None:
        s = self.settings
        copies = s.receipt_copies if copies is None else copies
        target = parse_printer(s.receipt_printer)
        if target.kind == "none":
            raise PrintError("config", "no receipt printer is set for this workstation")
        if target.kind == "escpos":
            try:
                profile = get_profile(s.escpos_profile)
            except KeyError as exc:
                raise PrintError("config", str(exc), printer=target.address) from None
            data = render_escpos(
                document,
                profile,
                open_drawer=cash and s.open_drawer_on_cash,
                copies=copies,
            )
            self._transport_for(target.address).send(data)
        else:
            self._print_system(document, target.address, copies)

    def print_a4(self, document: Document, copies: int = 1) -> None:
        """Print an A4 document (statement, relief form) on the A4 printer."""
        with _logged_failure(document, self.settings.a4_printer):
            target = parse_printer(self.settings.a4_printer)
            if target.kind != "system":
                raise PrintError("config", "no A4 printer is set for this workstation")
            self._print_system(document, target.address, copies)

    def print(self, document: Document, *, cash: bool = False) -> None:
        """A4 documents to the A4 printer, roll documents to the receipt printer."""
        if document.paper is Paper.A4:
            self.print_a4(document)
        else:
            self.print_receipt(document, cash=cash)

    def test_print(self) -> None:
        """The settings page's test-print button (receipt printer)."""
        self.print_receipt(printer_test_page(self.receipt_paper, self.settings))

    def _print_system(self, document: Document, name: str, copies: int) -> None:
        if self._system is None:
            raise PrintError("unsupported", "system printers need the Qt backend", printer=name)
        self._system(document, name, copies)
