"""Line breaking and table column widths, shared by every renderer.

Both take a ``measure(text, size)`` function: points with the bundled fonts
for PDF and Qt, printer columns for ESC/POS.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from counter_app.documents import fonts
from counter_app.documents.model import Table

__all__ = ["Measure", "fit_widths", "wrap"]

Measure = Callable[[str, float], float]

_TOKEN = re.compile(r"[A-Za-z0-9_.,:;!?%@#&+\-/()¥￥*'\"]+|\s+|.", re.S)
_NO_LINE_START = set("，。、：；！？）》」』】,.:;!?)%")


def wrap(text: str, width: float, size: float, measure: Measure = fonts.string_width) -> list[str]:
    """Greedy line breaking: CJK between any two characters, Latin words and
    numbers kept whole unless longer than a line, no line starting with a
    closing mark (it stays at the end of the previous line)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in _TOKEN.findall(paragraph):
            candidate = line + token
            if measure(candidate.rstrip(), size) <= width or not line.strip():
                line = candidate
            elif token.isspace():
                lines.append(line.rstrip())
                line = ""
            elif token[0] in _NO_LINE_START and len(token) == 1:
                line = candidate
            else:
                lines.append(line.rstrip())
                line = token
            while measure(line, size) > width and len(line) > 1:  # a word longer than a line
                cut = len(line) - 1
                while cut > 1 and measure(line[:cut], size) > width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line.rstrip())
    return lines


def fit_widths(natural: Sequence[float], table: Table, room: float, minimum: float) -> list[float]:
    """Column widths for a table ``room`` wide, from each column's natural
    width (its widest cell).  Room to spare is shared by weight.  When the
    natural widths do not fit, text (left-aligned) columns give way first,
    widest first, down to ``minimum``, and wrap; numbers stay whole as long
    as they can."""
    widths = list(natural)
    spare = room - sum(widths)
    if spare >= 0:
        total = sum(c.weight for c in table.columns)
        return [w + spare * c.weight / total for w, c in zip(widths, table.columns, strict=True)]
    text_cols = sorted(
        (i for i, c in enumerate(table.columns) if c.align == "left"), key=lambda i: -widths[i]
    )
    for i in text_cols:
        give = min(-spare, max(0.0, widths[i] - minimum))
        widths[i] -= give
        spare += give
        if spare >= 0:
            return widths
    return [w * room / sum(widths) for w in widths]
