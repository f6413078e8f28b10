"""Lay a :class:`~counter_app.documents.model.Document` out into pages of drawing operations.
Design: docs/architecture.md ("Documents and printing")
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

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
from counter_app.documents.render import fonts
from counter_app.documents.render.wrapping import Measure, fit_widths, wrap

__all__ = [
    "Geometry",
    "LineOp",
    "Page",
    "RectOp",
    "TextOp",
    "geometry_for",
    "layout",
]

MM = 72 / 25.4


@dataclass(frozen=True)
class Geometry:
    width: float
    height: float | None  # None: a roll, fitted to the content
    margin_x: float
    margin_top: float
    margin_bottom: float
    size: float  # body text size, points
    title_size: float

    @property
    def content_width(self) -> float:
        return self.width - 2 * self.margin_x


def geometry_for(paper: Paper) -> Geometry:
    if paper is Paper.A4:
        return Geometry(210 * MM, 297 * MM, 20 * MM, 18 * MM, 18 * MM, 10.5, 18)
    if paper is Paper.ROLL_58:  # 48 mm printable (384 dots at 203 dpi)
        return Geometry(58 * MM, None, 5 * MM, 3 * MM, 6 * MM, 8.5, 12)
    return Geometry(80 * MM, None, 4 * MM, 3 * MM, 6 * MM, 9, 13)  # 72 mm printable


@dataclass(frozen=True)
class TextOp:
    x: float
    y: float  # baseline
    text: str
    size: float
    bold: bool = False


@dataclass(frozen=True)
class LineOp:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.5
    dashed: bool = False


@dataclass(frozen=True)
class RectOp:
    x: float
    y: float
    w: float
    h: float
    width: float = 0.6


Op = TextOp | LineOp | RectOp


@dataclass
class Page:
    width: float
    height: float
    ops: list[Op] = field(default_factory=list)


# ------------------------------------------------------------------- layout
class _Flow:
    def __init__(self, geometry: Geometry, measure: Measure, running_head: str = ""):
        self.g = geometry
        self.measure = measure
        self.running_head = running_head
        self.pages: list[Page] = []
        self.left = geometry.margin_x
        self.right = geometry.width - geometry.margin_x
        self.width = geometry.content_width
        self.new_page()

    # --- helpers
    def lh(self, size: float | None = None) -> float:
        return (size or self.g.size) * 1.45

    def new_page(self) -> None:
        self.pages.append(Page(self.g.width, self.g.height or 0.0))
        self.y = self.g.margin_top
        if len(self.pages) > 1 and self.running_head:
            size = self.g.size * 0.85
            self.text_line(self.left, self.y, self.running_head, size)
            self.y += self.lh(size) * 1.3

    @property
    def ops(self) -> list[Op]:
        return self.pages[-1].ops

    def ensure(self, height: float) -> bool:
        """Start a new page when ``height`` does not fit (A4 only)."""
        if self.g.height is None:
            return False
        if self.y + height <= self.g.height - self.g.margin_bottom or self.y <= self.g.margin_top:
            return False
        self.new_page()
        return True

    def text_line(self, x: float, top: float, s: str, size: float, bold: bool = False) -> None:
        if s:
            baseline = top + (self.lh(size) - size) / 2 + size * 0.86
            self.ops.append(TextOp(x, baseline, s, size, bold))

    def aligned(self, s: str, left: float, width: float, size: float, align: str) -> float:
        if align == "left":
            return left
        free = width - self.measure(s, size)
        return left + (free / 2 if align == "center" else free)

    def paragraph(self, text: str, size: float, align: str = "left", bold: bool = False) -> None:
        for line in wrap(text, self.width, size, self.measure):
            self.ensure(self.lh(size))
            self.text_line(
                self.aligned(line, self.left, self.width, size, align), self.y, line, size, bold
            )
            self.y += self.lh(size)

    # --- blocks
    def title(self, block: Title) -> None:
        self.paragraph(block.text, self.g.title_size, "center", bold=True)
        self.y += self.lh() * 0.2

    def mark(self, block: Mark) -> None:
        size = self.g.title_size
        lines = wrap(block.text, self.width - 12, size, self.measure)
        h = len(lines) * self.lh(size) + 4
        self.ensure(h + 4)
        w = max(self.measure(s, size) for s in lines) + 12
        x = self.left + (self.width - w) / 2
        self.ops.append(RectOp(x, self.y + 2, w, h, 1.2))
        top = self.y + 4
        for line in lines:
            self.text_line(self.aligned(line, x, w, size, "center"), top, line, size, True)
            top += self.lh(size)
        self.y += h + 6

    def text(self, block: Text) -> None:
        size = self.g.size * (0.85 if block.small else 1)
        self.paragraph(block.text, size, block.align, block.bold)

    def _pair(self, row: Field, width: float, label_w: float, pad: float) -> tuple:
        """Label lines, value lines and height of one pair in a cell ``width`` wide."""
        size = self.g.size
        label_lines = wrap(row.label + "：", label_w - 2 * pad, size, self.measure)
        value_lines = wrap(row.value, width - label_w - pad, size, self.measure)
        return label_lines, value_lines, max(len(label_lines), len(value_lines)) * self.lh()

    def key_values(self, block: KeyValues) -> None:
        size = self.g.size
        cols = max(1, block.columns)
        gap = 6 * MM if cols > 1 and not block.boxed else 0
        pad = 3 if block.boxed else 0
        cell_w = (self.width - gap * (cols - 1)) / cols
        widest = max((self.measure(r.label + "：", size) for r in block.rows), default=0)
        label_w = min(widest + 2 + 2 * pad, cell_w * 0.45)
        for start in range(0, len(block.rows), cols):
            chunk = block.rows[start : start + cols]
            laid = [self._pair(r, cell_w, label_w, pad) for r in chunk]
            row_h = max(h for *_, h in laid) + 2 * pad
            self.ensure(row_h)
            for i, (row, (labels, values, _)) in enumerate(zip(chunk, laid, strict=True)):
                x = self.left + i * (cell_w + gap)
                for n, s in enumerate(labels):
                    self.text_line(x + pad, self.y + pad + n * self.lh(), s, size)
                for n, s in enumerate(values):
                    self.text_line(x + label_w, self.y + pad + n * self.lh(), s, size, row.bold)
                if block.boxed:
                    self.ops.append(RectOp(x, self.y, cell_w, row_h, 0.6))
                    self.ops.append(
                        LineOp(x + label_w - pad, self.y, x + label_w - pad, self.y + row_h)
                    )
            self.y += row_h
        self.y += self.lh() * 0.15

    def _table_widths(self, block: Table) -> list[float]:
        size, pad = self.g.size, self._cell_pad()
        rows = (
            tuple(c.header for c in block.columns),
            *block.rows,
            *([block.totals] if block.totals else []),
        )
        natural = [
            max(self.measure(row[i], size) for row in rows) + 2 * pad + 0.5
            for i in range(len(block.columns))
        ]
        return fit_widths(natural, block, self.width, minimum=4 * self.g.size)

    def _cell_pad(self) -> float:
        return 4.0 if self.g.height else 1.0

    def _table_row(
        self, cells: Sequence[str], block: Table, widths: list[float], bold: bool
    ) -> None:
        size, pad = self.g.size, self._cell_pad()
        wrapped = [
            wrap(c, w - 2 * pad, size, self.measure) for c, w in zip(cells, widths, strict=True)
        ]
        h = max(len(w) for w in wrapped) * self.lh()
        if self.ensure(h) and not bold:
            self._table_header(block, widths)
        x = self.left
        for lines, w, col in zip(wrapped, widths, block.columns, strict=True):
            for n, s in enumerate(lines):
                sx = self.aligned(s, x + pad, w - 2 * pad, size, col.align)
                self.text_line(sx, self.y + n * self.lh(), s, size, bold)
            x += w
        self.y += h

    def _table_header(self, block: Table, widths: list[float]) -> None:
        self.ops.append(LineOp(self.left, self.y, self.right, self.y, 0.8))
        self._table_row([c.header for c in block.columns], block, widths, True)
        self.ops.append(LineOp(self.left, self.y, self.right, self.y, 0.5))

    def table(self, block: Table) -> None:
        widths = self._table_widths(block)
        self.ensure(self.lh() * 3)
        self._table_header(block, widths)
        for row in block.rows:
            self._table_row(row, block, widths, False)
        if block.totals:
            self.ensure(self.lh() * 1.2)
            self.ops.append(LineOp(self.left, self.y, self.right, self.y, 0.5))
            self._table_row(block.totals, block, widths, True)
        self.ops.append(LineOp(self.left, self.y, self.right, self.y, 0.8))
        self.y += self.lh() * 0.3

    def separator(self, block: Separator) -> None:
        mid = self.y + self.lh() * 0.3
        if block.style == "double":
            self.ops.append(LineOp(self.left, mid - 1, self.right, mid - 1, 0.5))
            self.ops.append(LineOp(self.left, mid + 1, self.right, mid + 1, 0.5))
        else:
            self.ops.append(LineOp(self.left, mid, self.right, mid, 0.5, block.style == "dashed"))
        self.y += self.lh() * 0.6

    def amount(self, block: AmountInWords) -> None:
        self.key_values(KeyValues((Field(block.label, block.words, bold=True),)))

    def signatures(self, block: SignatureBoxes) -> None:
        size = self.g.size
        if self.g.height is None:  # roll: a line to sign on per box
            for box in block.boxes:
                self.y += self.lh() * 0.8
                label = box.label + "："
                self.text_line(self.left, self.y, label, size)
                x = self.left + self.measure(label, size)
                self.ops.append(
                    LineOp(x, self.y + self.lh() * 0.85, self.right, self.y + self.lh() * 0.85)
                )
                self.y += self.lh() * 1.2
            return
        h, gap, finger_w = 32 * MM, 4 * MM, 30 * MM
        self.ensure(h + self.lh())
        self.y += self.lh() * 0.5
        n_finger = sum(b.kind == "fingerprint" for b in block.boxes)
        n_sign = len(block.boxes) - n_finger
        free = self.width - gap * (len(block.boxes) - 1) - n_finger * finger_w
        sign_w = free / n_sign if n_sign else 0
        x = self.left
        for box in block.boxes:
            w = finger_w if box.kind == "fingerprint" else sign_w
            self.ops.append(RectOp(x, self.y, w, h, 0.8))
            for n, s in enumerate(wrap(box.label, w - 6, size, self.measure)):
                self.text_line(x + 3, self.y + 2 + n * self.lh(), s, size)
            if box.dated and box.kind == "signature":
                date = "年    月    日"
                dx = x + w - 4 - self.measure(date, size)
                self.text_line(dx, self.y + h - self.lh() - 3, date, size)
            x += w + gap
        self.y += h + self.lh() * 0.5

    def block(self, block: object) -> None:
        match block:
            case Title():
                self.title(block)
            case Mark():
                self.mark(block)
            case Text():
                self.text(block)
            case KeyValues():
                self.key_values(block)
            case Table():
                self.table(block)
            case Spacer(lines=n):
                self.y += self.lh() * n
            case Separator():
                self.separator(block)
            case AmountInWords():
                self.amount(block)
            case SignatureBoxes():
                self.signatures(block)
            case _:
                raise TypeError(f"unknown block {block!r}")


def layout(document: Document, measure: Measure = fonts.string_width) -> list[Page]:
    """The pages of ``document``; a roll gives exactly one page."""
    g = geometry_for(document.paper)
    flow = _Flow(g, measure, document.running_head)
    for block in document.blocks:
        flow.block(block)
    if g.height is None:
        flow.pages[0].height = flow.y + g.margin_bottom
    elif len(flow.pages) > 1:
        small = g.size * 0.85
        for n, page in enumerate(flow.pages, 1):
            footer = f"第 {n} 页 / 共 {len(flow.pages)} 页"
            x = (g.width - measure(footer, small)) / 2
            page.ops.append(TextOp(x, g.height - g.margin_bottom / 2, footer, small))
    return flow.pages
