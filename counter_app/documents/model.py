"""The layout model every renderer understands (PDF, Qt printer, ESC/POS).
Design: docs/architecture.md ("Documents and printing")
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from counter_app.domain.money import amount_in_words

__all__ = [
    "AmountInWords",
    "Block",
    "Column",
    "Document",
    "Field",
    "KeyValues",
    "Mark",
    "Paper",
    "Separator",
    "SignatureBox",
    "SignatureBoxes",
    "Spacer",
    "Table",
    "Text",
    "Title",
]

Align = Literal["left", "center", "right"]


class Paper(enum.Enum):
    """Paper a document is laid out for: A4 sheets or a thermal roll."""

    A4 = "a4"
    ROLL_58 = "roll58"
    ROLL_80 = "roll80"

    @property
    def is_roll(self) -> bool:
        return self is not Paper.A4

    @property
    def width_mm(self) -> float:
        return {"a4": 210.0, "roll58": 58.0, "roll80": 80.0}[self.value]

    @classmethod
    def roll(cls, width_mm: int) -> Paper:
        """The roll for ``Settings.paper_width_mm`` (58 or 80)."""
        if width_mm == 58:
            return cls.ROLL_58
        if width_mm == 80:
            return cls.ROLL_80
        raise ValueError(f"no roll paper {width_mm} mm wide (58 or 80)")


@dataclass(frozen=True)
class Title:
    """The document's heading, centred and large."""

    text: str


@dataclass(frozen=True)
class Mark:
    """A boxed stamp such as ``补打（第2次）`` or ``冲正``, centred and large."""

    text: str


@dataclass(frozen=True)
class Text:
    """A paragraph, wrapped to the width."""

    text: str
    align: Align = "left"
    bold: bool = False
    small: bool = False


@dataclass(frozen=True)
class Field:
    """One ``label：value`` row; the value wraps under itself."""

    label: str
    value: str
    bold: bool = False


@dataclass(frozen=True)
class KeyValues:
    """Label/value rows.  On A4, ``columns=2`` puts two pairs on a line and
    ``boxed`` draws the rows as a ruled grid (forms)."""

    rows: tuple[Field, ...]
    columns: int = 1
    boxed: bool = False


@dataclass(frozen=True)
class Column:
    """A table column: header, relative width and alignment."""

    header: str
    weight: float = 1.0
    align: Align = "left"


@dataclass(frozen=True)
class Table:
    """Rows of cells under a header, with an optional totals row.  A cell too
    long for its column wraps within it.  On A4 the header is repeated on
    every page the table runs onto."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    totals: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        n = len(self.columns)
        for row in (*self.rows, *((self.totals,) if self.totals else ())):
            if len(row) != n:
                raise ValueError(f"table row {row!r} has {len(row)} cells, expected {n}")


@dataclass(frozen=True)
class Spacer:
    """Vertical space, in text lines."""

    lines: float = 1.0


@dataclass(frozen=True)
class Separator:
    """A horizontal rule across the width."""

    style: Literal["dashed", "solid", "double"] = "dashed"


@dataclass(frozen=True)
class AmountInWords:
    """``大写金额：壹佰贰拾叁元肆角伍分`` for a non-negative amount."""

    amount: Decimal
    label: str = "大写金额"

    @property
    def words(self) -> str:
        return amount_in_words(self.amount)

    @property
    def text(self) -> str:
        return f"{self.label}：{self.words}"


@dataclass(frozen=True)
class SignatureBox:
    """A box to sign (with a date line) or to press a fingerprint into."""

    label: str
    kind: Literal["signature", "fingerprint"] = "signature"
    dated: bool = True


@dataclass(frozen=True)
class SignatureBoxes:
    """Boxes side by side on A4; signature lines on a roll."""

    boxes: tuple[SignatureBox, ...]


Block = (
    Title | Mark | Text | KeyValues | Table | Spacer | Separator | AmountInWords | SignatureBoxes
)


@dataclass(frozen=True)
class Document:
    """One printable document.

    ``kind`` names the layout (``receipt``, ``statement``, ...), ``name`` is
    the print job's title (e.g. the receipt number).  ``running_head`` is
    printed atop every A4 page after the first (whose document it is).
    """

    kind: str
    name: str
    paper: Paper
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    running_head: str = ""

    def strings(self) -> Iterator[str]:
        """Every string the document prints, in order (tests and search)."""
        for block in self.blocks:
            match block:
                case Title(text=t) | Mark(text=t) | Text(text=t):
                    yield t
                case KeyValues(rows=rows):
                    for row in rows:
                        yield row.label
                        yield row.value
                case Table(columns=columns, rows=rows, totals=totals):
                    yield from (c.header for c in columns)
                    for row in (*rows, *((totals,) if totals else ())):
                        yield from row
                case AmountInWords():
                    yield block.text
                case SignatureBoxes(boxes=boxes):
                    yield from (b.label for b in boxes)
