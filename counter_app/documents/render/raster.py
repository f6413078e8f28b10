"""Image lines for ESC/POS: text the printer's encoding cannot print, drawn by Pillow.
Design: docs/architecture.md ("Documents and printing")
"""

from __future__ import annotations

import threading
from functools import cache

from PIL import Image, ImageDraw, ImageFont, ImageOps

from counter_app.documents.render import fonts

__all__ = ["CELL_DOTS", "LINE_DOTS", "gs_v0", "render_line"]

CELL_DOTS = 12  # one column of a 24-dot font
GLYPH_DOTS = 24
LINE_DOTS = 30  # the printer's default line spacing (ESC 2)
_draw_lock = threading.Lock()


@cache
def _font(key: str, size: int) -> ImageFont.FreeTypeFont:
    f = fonts.face(key)
    return ImageFont.truetype(str(f.path), size=size, index=f.subfont)


def char_columns(ch: str) -> int:
    """Columns a character takes on the printer: 1 for ASCII, 2 otherwise."""
    return 1 if ord(ch) < 0x80 else 2


def render_line(
    text: str,
    columns: int,
    *,
    align: str = "left",
    bold: bool = False,
    scale: int = 1,
) -> Image.Image:
    """A 1-bit image ``columns * 12`` dots wide, black text on white.

    ``scale=2`` draws double width and height (titles), as ``GS !`` would.
    """
    cell, glyph, line = CELL_DOTS * scale, GLYPH_DOTS * scale, LINE_DOTS * scale
    width = columns * CELL_DOTS
    used = sum(char_columns(ch) for ch in text) * cell
    x0 = 0 if align == "left" else max(0, (width - used) // (2 if align == "center" else 1))
    image = Image.new("L", (width, line), 255)
    draw = ImageDraw.Draw(image)
    x = x0
    top = (line - glyph) // 2
    with _draw_lock:
        for key, run in fonts.split_runs(text):
            font = _font(key, glyph)
            for ch in run:
                span = char_columns(ch) * cell
                if not ch.isspace():
                    # centre the glyph in its cell(s); the em box is the glyph size
                    cx = x + (span - font.getlength(ch)) / 2
                    for dx in (0, 1) if bold else (0,):
                        draw.text((cx + dx, top), ch, font=font, fill=0)
                x += span
    inverted = ImageOps.invert(image).point(lambda v: 255 if v >= 110 else 0)
    return inverted.convert("1", dither=Image.Dither.NONE)


def gs_v0(image: Image.Image) -> bytes:
    """``GS v 0`` raster bit image (m = 0): 1 bits print black.

    ``image`` is mode ``1`` with set bits for black (as :func:`render_line`
    returns); its width is padded to whole bytes.
    """
    width_bytes = (image.width + 7) // 8
    if image.width % 8:
        padded = Image.new("1", (width_bytes * 8, image.height), 0)
        padded.paste(image, (0, 0))
        image = padded
    data = image.tobytes()
    h = image.height
    return b"\x1dv0\x00" + bytes((width_bytes & 0xFF, width_bytes >> 8, h & 0xFF, h >> 8)) + data
