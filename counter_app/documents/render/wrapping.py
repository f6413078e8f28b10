"""Line breaking and table column widths, shared by every renderer.
Each takes a ``measure(text, size)``: points for PDF and Qt, printer columns for ESC/POS.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from counter_app.documents.model import Table
from counter_app.documents.render import fonts

__all__ = ["Measure", "fit_widths", "wrap"]

Measure = Callable[[str, float], float]

_TOKEN = re.compile(r"[A-Za-z0-9_.,:;!?%@#&+\-/()¥￥*'\"]+|\s+|.", re.S)
_NO_LINE_START = set("，。、：；！？）》」』】,.:;!?)%")


def wrap(text: str, width: float, size: float, measure: Measure = fonts.string_width) -> list[str]:
    """Greedy line breaking: CJK between any two characters, Latin words and
    numbers kept whole unless longer than a line.  A closing mark (，。）…)
    never starts a line: the character before it moves down with it."""
    lines: list[str] = []

    def fits(tokens: list[str]) -> bool:
        return measure("".join(tokens).rstrip(), size) <= width

    for paragraph in text.split("\n"):
        line: list[str] = []
        for token in _TOKEN.findall(paragraph):
            if fits([*line, token]) or not "".join(line).strip():
                line.append(token)
            elif token.isspace():
                lines.append("".join(line).rstrip())
                line = []
            elif token in _NO_LINE_START and len(line) > 1 and not line[-1].isspace():
                carried = line.pop()
                lines.append("".join(line).rstrip())
                line = [carried, token]
            else:
                lines.append("".join(line).rstrip())
                line = [token]
            if not fits(line) and len("".join(line)) > 1:  # a word longer than a line
                rest = "".join(line)
                while measure(rest, size) > width and len(rest) > 1:
                    cut = len(rest) - 1
                    while cut > 1 and measure(rest[:cut], size) > width:
                        cut -= 1
                    lines.append(rest[:cut])
                    rest = rest[cut:]
                line = [rest]
        lines.append("".join(line).rstrip())
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
