"""The bundled fonts and per-character fallback, shared by every renderer.
Design: docs/architecture.md ("Documents and printing")
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from counter_app.resources import FONT_FILE, resource_path

__all__ = [
    "FALLBACK",
    "FALLBACK_FONT_FILE",
    "PRIMARY",
    "FontFace",
    "coverage",
    "face",
    "register_reportlab_fonts",
    "split_runs",
    "string_width",
    "warm_up",
]

FALLBACK_FONT_FILE = "fonts/DroidSansFallbackFull.ttf"

PRIMARY = "CounterCJK"
FALLBACK = "CounterCJKFallback"


@dataclass(frozen=True)
class FontFace:
    """A bundled font: our key, file, subfont index and family name."""

    key: str
    path: Path
    subfont: int
    family: str


_FACES = {
    PRIMARY: (FONT_FILE, 0, "WenQuanYi Micro Hei"),
    FALLBACK: (FALLBACK_FONT_FILE, 0, "Droid Sans Fallback"),
}
_lock = threading.RLock()


def face(key: str) -> FontFace:
    relative, subfont, family = _FACES[key]
    return FontFace(key, resource_path(relative), subfont, family)


@cache
def _cmap(key: str) -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register_reportlab_fonts()
    return frozenset(pdfmetrics.getFont(key).face.charToGlyph)


def coverage(key: str) -> frozenset[int]:
    """Code points the font ``key`` has a glyph for."""
    with _lock:
        return _cmap(key)


@cache
def _font_for(ch: str) -> str:
    cp = ord(ch)
    if cp in coverage(PRIMARY) or cp < 0x20:
        return PRIMARY
    if cp in coverage(FALLBACK):
        return FALLBACK
    return PRIMARY  # neither has it: the primary's .notdef box shows something is missing


def split_runs(text: str) -> list[tuple[str, str]]:
    """``"张㵘明"`` -> ``[("CounterCJK", "张"), ("CounterCJKFallback", "㵘"),
    ("CounterCJK", "明")]``: maximal runs drawn with one font."""
    runs: list[tuple[str, str]] = []
    start = 0
    current = None
    for i, ch in enumerate(text):
        key = _font_for(ch)
        if key != current:
            if current is not None and i > start:
                runs.append((current, text[start:i]))
            current, start = key, i
    if current is not None:
        runs.append((current, text[start:]))
    return runs


_registered = False


def register_reportlab_fonts() -> None:
    """Register both fonts with ReportLab (idempotent, thread-safe)."""
    global _registered
    if _registered:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    with _lock:
        if _registered:
            return
        for key in (PRIMARY, FALLBACK):
            f = face(key)
            pdfmetrics.registerFont(TTFont(key, str(f.path), subfontIndex=f.subfont))
        _registered = True


def warm_up() -> None:
    """Load both fonts and their character maps now (about a second, once per
    process), e.g. in a worker at start-up, so the first receipt is fast."""
    register_reportlab_fonts()
    coverage(PRIMARY)
    coverage(FALLBACK)


def string_width(text: str, size: float) -> float:
    """Width of ``text`` in points at ``size`` points, with the fallback."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_reportlab_fonts()
    return sum(stringWidth(run, key, size) for key, run in split_runs(text))
