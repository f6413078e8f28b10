"""Work-arounds for defects of the installed Qt binding.

PySide6 6.12.0: ``SignalInstance.emit()`` returns ``True`` without a new
reference, so every ``.emit()`` from Python drops one reference to the
``True`` singleton. After a few thousand emits (a clerk's morning: every
database request emits several signals) CPython 3.11 aborts with "Fatal
Python error: bool_dealloc: deallocating True or False". 6.11.3 is fine.

Until the dependency excludes the broken release, :func:`protect_bool_singletons`
detects the leak with a probe and, only then, gives ``True`` and ``False`` a
reserve of references so large that they behave like the immortal objects
they are on Python 3.12+. Call it once at start, before any signal is emitted.
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

RESERVE = 1 << 40  # ~10^12 emits
_PROBE_EMITS = 16
_protected = False


class _Probe(QObject):
    pinged = Signal()


def emit_drops_bool_reference() -> bool:
    """True when ``Signal.emit()`` loses a reference to ``True`` (the defect)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBE_EMITS):
        probe.pinged.emit()
    lost = before - sys.getrefcount(True)
    probe.deleteLater()
    return lost >= _PROBE_EMITS // 2


def _refcount_cell(obj: object) -> ctypes.c_ssize_t | None:
    """The object's reference count field, when the layout is the plain one."""
    if hasattr(sys, "getobjects"):  # Py_TRACE_REFS builds put list links first
        return None
    cell = ctypes.c_ssize_t.from_address(id(obj))
    # sys.getrefcount counts its own argument once
    return cell if cell.value == sys.getrefcount(obj) - 1 else None


def protect_bool_singletons() -> bool:
    """Keep the emit defect from ever freeing ``True``/``False``; True if applied."""
    global _protected
    if _protected:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False  # bools are immortal there
    if not emit_drops_bool_reference():
        return False
    cells = [(_refcount_cell(True), True), (_refcount_cell(False), False)]
    if any(cell is None for cell, _ in cells):
        log.error(
            "PySide6 %s loses references to True on every emit and this Python's "
            "object layout is unknown; the application may abort after long use",
            PYSIDE_VERSION,
        )
        return False
    for cell, _obj in cells:
        cell.value += RESERVE
    _protected = True
    log.warning(
        "PySide6 %s loses a reference to True on every Signal.emit(); "
        "True/False were given a reserve of references (use another PySide6 release)",
        PYSIDE_VERSION,
    )
    return True
