"""Raw ESC/POS for receipt printers, with our own text encoder.
Design: docs/architecture.md ("Documents and printing")
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from counter_app.documents.model import (
    AmountInWords,
    Document,
    Field,
    KeyValues,
    Mark,
    Paper,
    Separator,
    SignatureBoxes,
    Spacer,
    Table,
    Text,
    Title,
)
from counter_app.documents.render import raster
from counter_app.documents.render.wrapping import fit_widths, wrap

__all__ = ["PROFILES", "EscposProfile", "display_width", "get_profile", "render_escpos"]

ESC, GS, FS, LF = b"\x1b", b"\x1d", b"\x1c", b"\n"
INIT = ESC + b"@"
CHINESE_ON = FS + b"&"
COLUMNS = {Paper.ROLL_58: 32, Paper.ROLL_80: 48}


@dataclass(frozen=True)
class EscposProfile:
    """What one printer model understands.

    ``encoding``: ``gbk`` or ``gb18030`` (GB18030 printers are sent 4-byte
    sequences for CJK Extension A; characters beyond the BMP always become
    image lines).  ``yen``: ``fullwidth`` writes ``￥12.00``; ``yuan`` writes
    ``12.00元``.  ``cut``: ``partial`` or ``full`` (``GS V`` function B, which
    feeds to the cutter first).  The drawer pulse goes to pin 2 (``pin=0``)
    or 5 (``pin=1``), on for ``2 * on`` ms, off for ``2 * off`` ms.
    """

    name: str
    encoding: Literal["gbk", "gb18030"] = "gb18030"
    yen: Literal["fullwidth", "yuan"] = "fullwidth"
    cut: Literal["partial", "full"] = "partial"
    drawer_pin: int = 0
    drawer_on: int = 25
    drawer_off: int = 250

    def printable(self, ch: str) -> bool:
        if ch in "\t\r\n" or ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or ord(ch) > 0xFFFF:
            return False
        try:
            ch.encode(self.encoding)
        except UnicodeEncodeError:
            return False
        return True

    def localize(self, text: str) -> str:
        """Currency as this printer writes it (before measuring or wrapping)."""
        text = text.replace("￥", "¥")
        if self.yen == "fullwidth":
            return text.replace("¥", "￥")
        return _YEN_AMOUNT.sub(lambda m: f"{m.group(1)}{m.group(2)}元", text).replace("¥", "元")

    @property
    def cut_command(self) -> bytes:
        return GS + b"V" + (b"B" if self.cut == "partial" else b"A") + b"\x00"

    @property
    def drawer_command(self) -> bytes:
        return ESC + b"p" + bytes((self.drawer_pin, self.drawer_on, self.drawer_off))


_YEN_AMOUNT = re.compile(r"(-?)¥\s?([0-9][0-9,]*(?:\.[0-9]+)?)")

PROFILES: dict[str, EscposProfile] = {
    p.name: p
    for p in (
        EscposProfile("default"),  # GB18030, ￥, partial cut
        EscposProfile("gb18030-yuan", yen="yuan"),
        EscposProfile("gbk", encoding="gbk"),
        EscposProfile("gbk-yuan", encoding="gbk", yen="yuan"),
        EscposProfile("gbk-fullcut", encoding="gbk", cut="full"),
    )
}


def get_profile(name: str) -> EscposProfile:
    """The profile named in ``Settings.escpos_profile``; ``KeyError`` if unknown."""
    try:
        return PROFILES[name]
    except KeyError:
        raise KeyError(f"unknown ESC/POS profile {name!r} (known: {', '.join(PROFILES)})") from None


def display_width(text: str, _size: float = 0) -> int:
    """Columns ``text`` takes: 1 per ASCII character, 2 per other."""
    return sum(raster.char_columns(ch) for ch in text)


@dataclass(frozen=True)
class _Line:
    text: str
    align: str = "left"
    bold: bool = False
    scale: int = 1


class _Writer:
    def __init__(self, profile: EscposProfile, columns: int):
        self.p, self.cols = profile, columns
        self.out = bytearray()

    def line(self, ln: _Line) -> None:
        if all(self.p.printable(ch) for ch in ln.text):
            self.text_line(ln)
        else:
            image = raster.render_line(
                ln.text, self.cols, align=ln.align, bold=ln.bold, scale=ln.scale
            )
            self.out += raster.gs_v0(image)

    def text_line(self, ln: _Line) -> None:
        align = {"left": 0, "center": 1, "right": 2}[ln.align]
        size = 0x11 if ln.scale == 2 else 0x00
        out = self.out
        out += ESC + b"a" + bytes((align,))
        if ln.bold:
            out += ESC + b"E\x01"
        if size:
            out += GS + b"!" + bytes((size,)) + FS + b"!\x0c"
        out += ln.text.encode(self.p.encoding) + LF
        if size:
            out += GS + b"!\x00" + FS + b"!\x00"
        if ln.bold:
            out += ESC + b"E\x00"
        if align:
            out += ESC + b"a\x00"


def _wrap(text: str, width: int) -> list[str]:
    return wrap(text, width, 0, display_width)


def _pad(text: str, width: int, align: str) -> str:
    free = max(0, width - display_width(text))
    if align == "right":
        return " " * free + text
    if align == "center":
        return " " * (free // 2) + text + " " * (free - free // 2)
    return text + " " * free


def _key_values(rows: tuple[Field, ...], cols: int, loc) -> Iterator[_Line]:
    labels = [loc(r.label) + "：" for r in rows]
    label_w = min(max(display_width(s) for s in labels), cols * 45 // 100)
    for label, row in zip(labels, rows, strict=True):
        label_lines = _wrap(label, label_w)
        values = _wrap(loc(row.value), cols - label_w)
        for i in range(max(len(label_lines), len(values))):
            left = _pad(label_lines[i] if i < len(label_lines) else "", label_w, "left")
            yield _Line((left + (values[i] if i < len(values) else "")).rstrip(), bold=row.bold)


def _table(block: Table, cols: int, loc) -> Iterator[_Line]:
    rows = [tuple(loc(c.header) for c in block.columns)] + [tuple(map(loc, r)) for r in block.rows]
    if block.totals:
        rows.append(tuple(map(loc, block.totals)))
    n = len(block.columns)
    room = cols - (n - 1)  # one blank column between cells
    natural = [max(display_width(r[i]) for r in rows) for i in range(n)]
    widths = [int(w) for w in fit_widths(natural, block, room, minimum=4)]
    widths[0] += room - sum(widths)  # rounding leftovers go to the first column
    aligns = [c.align for c in block.columns]

    def emit(cells: tuple[str, ...], bold: bool) -> Iterator[_Line]:
        wrapped = [_wrap(c, w) for c, w in zip(cells, widths, strict=True)]
        for i in range(max(len(w) for w in wrapped)):
            parts = [
                _pad(w[i] if i < len(w) else "", width, a)
                for w, width, a in zip(wrapped, widths, aligns, strict=True)
            ]
            yield _Line(" ".join(parts).rstrip(), bold=bold)

    yield _Line("-" * cols)
    yield from emit(rows[0], True)
    yield _Line("-" * cols)
    for row in rows[1 : len(rows) - (1 if block.totals else 0)]:
        yield from emit(row, False)
    if block.totals:
        yield _Line("-" * cols)
        yield from emit(rows[-1], True)


def _lines(document: Document, profile: EscposProfile, cols: int) -> Iterator[_Line]:
    loc = profile.localize
    for block in document.blocks:
        match block:
            case Title(text=t) | Mark(text=t):
                t = loc(t) if isinstance(block, Title) else f"【{loc(t)}】"
                double = display_width(t) * 2 <= cols
                for s in _wrap(t, cols // 2 if double else cols):
                    yield _Line(s, "center", True, 2 if double else 1)
            case Text(text=t, align=a, bold=b):
                for s in _wrap(loc(t), cols):
                    yield _Line(s, a, b)
            case KeyValues(rows=rows):
                yield from _key_values(rows, cols, loc)
            case Table():
                yield from _table(block, cols, loc)
            case Spacer(lines=n):
                for _ in range(max(1, round(n))):
                    yield _Line("")
            case Separator(style=style):
                yield _Line(("=" if style == "double" else "-") * cols)
            case AmountInWords():
                yield from _key_values((Field(block.label, block.words, bold=True),), cols, loc)
            case SignatureBoxes(boxes=boxes):
                for box in boxes:
                    label = loc(box.label) + "："
                    yield _Line("")
                    if box.kind == "fingerprint":
                        yield from (_Line(label), _Line(""), _Line(""))
                    else:
                        yield _Line(label + "_" * max(4, cols - display_width(label)))
            case _:
                raise TypeError(f"unknown block {block!r}")


def render_escpos(
    document: Document,
    profile: EscposProfile,
    *,
    open_drawer: bool = False,
    copies: int = 1,
) -> bytes:
    """The print job for a roll document: initialise, Chinese mode, an
    optional drawer pulse (first, so the drawer opens while printing), then
    each copy followed by a cut."""
    if document.paper not in COLUMNS:
        raise ValueError(f"ESC/POS prints roll documents, not {document.paper.name}")
    if not 1 <= copies <= 5:
        raise ValueError("copies must be 1..5")
    cols = COLUMNS[document.paper]
    writer = _Writer(profile, cols)
    writer.out += INIT + CHINESE_ON
    if open_drawer:
        writer.out += profile.drawer_command
    body_start = len(writer.out)
    for ln in _lines(document, profile, cols):
        writer.line(ln)
    body = bytes(writer.out[body_start:])
    del writer.out[body_start:]
    for _ in range(copies):
        writer.out += body + profile.cut_command
    return bytes(writer.out)
