"""Getting ESC/POS bytes to a receipt printer, and what goes wrong (:class:`PrintError`).
Design: docs/architecture.md ("Documents and printing")
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from typing import Any, Protocol
from urllib.parse import parse_qs, unquote, urlsplit

from counter_app.domain.errors import CounterError

__all__ = [
    "PRINT_ERROR_CODES",
    "EscposLibTransport",
    "PrintError",
    "Transport",
    "network_transport",
    "serial_transport",
    "transport_from_uri",
    "usb_transport",
    "win32raw_transport",
]

log = logging.getLogger(__name__)

PRINT_ERROR_CODES = frozenset(
    {
        "offline",  # cannot reach the printer: no answer, refused, not plugged in
        "timeout",  # it stopped answering in the middle of the job
        "refused",  # it (or the print system) took the connection but refused the job
        "not_found",  # no such printer / queue is installed
        "config",  # the printer setting cannot be understood
        "unsupported",  # this transport cannot work on this machine (library, OS)
    }
)


class PrintError(CounterError):
    """A document could not be printed.  ``code`` is one of
    :data:`PRINT_ERROR_CODES`; ``printer`` names the target."""

    def __init__(self, code: str, message: str, *, printer: str = ""):
        if code not in PRINT_ERROR_CODES:
            raise ValueError(f"unknown PrintError code {code!r}")
        super().__init__(code, message, kind="not_found" if code == "not_found" else None)
        self.message = message
        self.printer = printer

    def __str__(self) -> str:
        return f"{self.code}: {self.message}" + (f" ({self.printer})" if self.printer else "")


class Transport(Protocol):
    description: str

    def send(self, data: bytes) -> None:
        """Deliver one whole job or raise :class:`PrintError`."""


def _classify(exc: BaseException) -> str:
    """Map an exception from python-escpos, sockets, pyusb or pyserial to a code."""
    from escpos import exceptions as escpos_exc

    if isinstance(exc, TimeoutError | socket.timeout):
        return "timeout"
    if isinstance(exc, escpos_exc.DeviceNotFoundError | escpos_exc.USBNotFoundError):
        text = str(exc).lower()
        return "timeout" if "timed out" in text else "offline"
    if isinstance(exc, ConnectionRefusedError | socket.gaierror):
        return "offline"
    if isinstance(exc, ConnectionError | BrokenPipeError):
        return "refused"
    if isinstance(exc, RuntimeError) and "dependenc" in str(exc).lower():
        return "unsupported"
    if type(exc).__name__ in ("USBError", "USBTimeoutError"):
        return "timeout" if "timeout" in type(exc).__name__.lower() else "refused"
    if type(exc).__name__ == "SerialException":
        return "offline"
    if isinstance(exc, OSError):
        return "offline"
    return "refused"


class EscposLibTransport:
    """One python-escpos printer object per job: open, ``_raw``, close."""

    def __init__(self, factory: Callable[[], Any], description: str):
        self._factory = factory
        self.description = description

    def send(self, data: bytes) -> None:
        try:
            printer = self._factory()
        except PrintError as exc:
            raise PrintError(exc.code, exc.message, printer=self.description) from None
        except ImportError as exc:
            raise PrintError("unsupported", str(exc), printer=self.description) from exc
        try:
            printer.open()
            printer._raw(bytes(data))
        except PrintError:
            raise
        except Exception as exc:  # every driver error becomes a PrintError
            code = _classify(exc)
            # the WARNING with the document is printing.py's; here the driver's traceback
            log.debug("printing to %s failed (%s)", self.description, code, exc_info=True)
            raise PrintError(
                code, str(exc) or type(exc).__name__, printer=self.description
            ) from exc
        finally:
            try:
                printer.close()
            except Exception:  # closing a dead connection must not hide the real error
                log.debug("closing %s failed", self.description, exc_info=True)


def network_transport(host: str, port: int = 9100, timeout: float = 10.0) -> EscposLibTransport:
    """A network receipt printer (raw TCP, usually port 9100)."""

    def make():
        from escpos.printer import Network

        return Network(host, port=port, timeout=timeout)

    return EscposLibTransport(make, f"tcp://{host}:{port}")


def usb_transport(vendor_id: int, product_id: int, timeout: int = 5000) -> EscposLibTransport:
    """A USB receipt printer (needs pyusb and libusb)."""

    def make():
        from escpos.printer import Usb

        if not Usb.is_usable():
            raise PrintError("unsupported", "USB printers need pyusb and libusb")
        return Usb(vendor_id, product_id, timeout=timeout)

    return EscposLibTransport(make, f"usb://{vendor_id:04x}:{product_id:04x}")


def serial_transport(device: str, baudrate: int = 9600, timeout: float = 5.0) -> EscposLibTransport:
    """A serial receipt printer (``COM3``, ``/dev/ttyUSB0``; needs pyserial)."""

    def make():
        from escpos.printer import Serial

        if not Serial.is_usable():
            raise PrintError("unsupported", "serial printers need pyserial")
        return Serial(devfile=device, baudrate=baudrate, timeout=timeout)

    return EscposLibTransport(make, f"serial://{device}")


def win32raw_transport(printer_name: str) -> EscposLibTransport:
    """A Windows print queue fed raw bytes (needs pywin32, Windows only)."""

    def make():
        from escpos.printer import Win32Raw

        if not Win32Raw.is_usable():
            raise PrintError("unsupported", "raw Windows queues need Windows and pywin32")
        return Win32Raw(printer_name)

    return EscposLibTransport(make, f"win32raw://{printer_name}")


def _int(text: str, what: str, base: int = 10) -> int:
    try:
        return int(text, base)
    except ValueError:
        raise PrintError("config", f"{what} {text!r} is not a number") from None


def transport_from_uri(uri: str) -> EscposLibTransport:
    """A transport from a receipt-printer setting:

    ``tcp://192.168.1.50:9100`` (port optional), ``usb://0416:5011``
    (hexadecimal vendor:product), ``serial://COM3?baudrate=19200`` or
    ``serial:///dev/ttyUSB0``, ``win32raw://XP-80C`` (the Windows queue name).
    Raises :class:`PrintError` ``config`` for anything else.
    """
    parts = urlsplit(uri.strip())
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    scheme = parts.scheme.lower()
    if scheme == "tcp" and parts.hostname:
        try:
            port = parts.port or 9100
        except ValueError:
            raise PrintError("config", f"bad port in {uri!r}") from None
        timeout = float(query.get("timeout", 10))
        return network_transport(parts.hostname, port, timeout)
    if scheme == "usb" and parts.netloc:
        vendor, _, product = parts.netloc.partition(":")
        return usb_transport(_int(vendor, "USB vendor id", 16), _int(product, "USB product id", 16))
    if scheme == "serial" and (parts.netloc or parts.path):
        device = unquote(parts.netloc + parts.path)
        return serial_transport(device, _int(query.get("baudrate", "9600"), "baud rate"))
    if scheme == "win32raw" and (parts.netloc or parts.path):
        return win32raw_transport(unquote(parts.netloc + parts.path))
    raise PrintError("config", f"not a receipt printer address: {uri!r}", printer=uri)
