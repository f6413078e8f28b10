"""What Qt does not tell about a CUPS queue: whether it accepts jobs.
Design: docs/architecture.md ("Documents and printing")
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from functools import cache

__all__ = ["queue_accepting"]

log = logging.getLogger(__name__)


class _Option(ctypes.Structure):
    _fields_ = [("name", ctypes.c_char_p), ("value", ctypes.c_char_p)]


class _Dest(ctypes.Structure):
    _fields_ = [
        ("name", ctypes.c_char_p),
        ("instance", ctypes.c_char_p),
        ("is_default", ctypes.c_int),
        ("num_options", ctypes.c_int),
        ("options", ctypes.POINTER(_Option)),
    ]


@cache
def _libcups() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("cups")
    if not name:
        return None
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        log.debug("cannot load %s", name, exc_info=True)
        return None
    lib.cupsGetNamedDest.restype = ctypes.POINTER(_Dest)
    lib.cupsGetNamedDest.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p]
    lib.cupsGetOption.restype = ctypes.c_char_p
    lib.cupsGetOption.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(_Option)]
    lib.cupsFreeDests.restype = None
    lib.cupsFreeDests.argtypes = [ctypes.c_int, ctypes.POINTER(_Dest)]
    return lib


def queue_accepting(name: str) -> bool | None:
    """``True``/``False`` for a CUPS queue's ``printer-is-accepting-jobs``;
    ``None`` when there is no libcups, no such queue, or no answer."""
    lib = _libcups()
    if lib is None:
        return None
    dest = lib.cupsGetNamedDest(None, name.encode(), None)
    if not dest:
        return None
    try:
        d = dest.contents
        value = lib.cupsGetOption(b"printer-is-accepting-jobs", d.num_options, d.options)
    finally:
        lib.cupsFreeDests(1, dest)
    if value is None:
        return None
    return value.decode().lower() in ("true", "1", "yes")
