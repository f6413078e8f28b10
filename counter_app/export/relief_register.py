"""The relief register (低保减免台账) as an Excel workbook (openpyxl, write-only).
Design: docs/architecture.md ("Exports"); rules: docs/rules/relief.md
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from copy import copy
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.xml import LXML

from counter_app.domain.money import ZERO

__all__ = ["COLUMNS", "STATUS_LABELS", "ExportResult", "export_relief_register"]

STATUS_LABELS = {
    "pending": "待审批",
    "approved": "已批准",
    "rejected": "已驳回",
    "revoked": "已撤销",
    "expired": "已过期",
}
TEXT = "@"
MONEY = "0.00"
DATE = "yyyy-mm-dd"
PROGRESS_EVERY = 500  # rows between two on_progress calls
EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01 for every date after 1900-02-28


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # in characters; a Chinese character counts about 2
    value: Callable[[Any], object]
    number_format: str | None = None


def _households(n: int | None) -> object:
    return n  # None: no cell is written at all (cheaper than an empty one)


COLUMNS: tuple[Column, ...] = (
    Column("用户号", 12, lambda r: r.account_no, TEXT),
    Column("户名", 18, lambda r: r.account_name),
    Column("片区", 8, lambda r: r.area_code),
    Column("用水地址", 32, lambda r: r.address),
    Column("持证人", 10, lambda r: r.holder_name),
    Column("身份证号", 21, lambda r: r.holder_id_masked, TEXT),
    Column("联系电话", 14, lambda r: r.contact_phone_masked, TEXT),
    Column("证件类型", 30, lambda r: r.certificate_type),
    Column("证件编号", 26, lambda r: r.certificate_no),
    Column("发证机关", 18, lambda r: r.issuing_office),
    Column("有效期起", 12, lambda r: r.valid_from),  # dates get yyyy-mm-dd by themselves
    Column("有效期止", 12, lambda r: r.valid_to),
    Column("低保户数", 10, lambda r: _households(r.low_income_households)),
    Column("总户数", 8, lambda r: _households(r.total_households)),
    Column("状态", 8, lambda r: STATUS_LABELS.get(r.display_status, r.display_status)),
    Column("申请日期", 12, lambda r: r.applied_on),
    Column("起始账期", 10, lambda r: r.effective_period),
    Column("累计减免(元)", 14, lambda r: r.relief_total, MONEY),
)
MONEY_INDEX = len(COLUMNS) - 1


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    relief_total: Decimal


_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


class _FastRows:
    """Rows of the write-only sheet as whole lxml ``<row>`` elements.

    openpyxl's write-only append builds a Cell per value and serialises each
    through nested ``xf.element`` contexts (about 20 µs a cell). Here each
    row is formatted as one XML string, parsed by libxml2 into a ``<row>``
    element (one C call instead of three SubElement calls per cell) and
    handed to the same incremental writer; it writes the XML openpyxl
    writes itself: inline strings (``t="inlineStr"``, as openpyxl's lxml
    writer does), numbers, dates as serial numbers, the workbook's own style
    ids. Text is escaped and stripped of characters XML cannot hold.
    """

    def __init__(self, ws):
        from lxml.etree import fromstring

        self.fromstring = fromstring
        self.letters = [get_column_letter(i) for i in range(1, len(COLUMNS) + 1)]
        ws._get_writer()  # noqa: SLF001 - write-only internals, see class docstring
        # append() now hands our element straight to the incremental writer
        ws._values_to_row = lambda values, _idx: values[0]  # noqa: SLF001
        ws._writer.write_row = lambda xf, row, _idx: xf.write(row)  # noqa: SLF001
        self.ws = ws
        self.index = 0

    def append(self, values: list[object], styles: list[int | None]) -> None:
        self.index += 1
        n = str(self.index)
        parts = [f'<row r="{n}">']
        add = parts.append
        for letter, value, style in zip(self.letters, values, styles, strict=True):
            if value is None:
                continue
            ref = f'<c r="{letter}{n}" s="{style}"' if style else f'<c r="{letter}{n}"'
            if isinstance(value, str):
                text = ILLEGAL_CHARACTERS_RE.sub("", value).translate(_ESCAPE)
                space = ' xml:space="preserve"' if value != value.strip() else ""
                add(f'{ref} t="inlineStr"><is><t{space}>{text}</t></is></c>')
            elif isinstance(value, date):
                add(f"{ref}><v>{(value - EPOCH).days}</v></c>")
            else:
                add(f"{ref}><v>{value}</v></c>")
        add("</row>")
        self.ws.append((self.fromstring("".join(parts)),))


def _style_id(ws, value: object, **style) -> int:
    cell = WriteOnlyCell(ws, value)
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell.style_id


def export_relief_register(
    rows: Iterable[Any],
    path: str | Path,
    *,
    title: str = "低保减免台账",
    fast: bool = LXML,
    on_progress: Callable[[int], None] | None = None,
) -> ExportResult:
    """Write ``rows`` (``ReliefRow``-like objects) to ``path`` (.xlsx).

    ``fast`` (default when lxml is installed) writes whole rows as lxml
    elements; ``fast=False`` goes through openpyxl's own cell writer (same
    content; the tests compare both). ``on_progress(rows_written)`` is called
    every few hundred rows and once at the end; an exception it raises (a
    cancel) stops the export and leaves no file, neither the register nor a
    temporary one.
    """
    path = Path(path)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title)
    for index, column in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.freeze_panes = "A2"
    # printed: landscape, all 18 columns on the page's width, the header on every page
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    bold = Font(bold=True)
    header_style = _style_id(
        ws,
        "",
        font=bold,
        fill=PatternFill("solid", fgColor="DDEBF7"),
        alignment=Alignment(horizontal="center", vertical="center"),
    )
    formats = {
        TEXT: _style_id(ws, "", number_format=TEXT),
        MONEY: _style_id(ws, 0, number_format=MONEY),
        None: None,
    }
    date_style = _style_id(ws, date(2000, 1, 1), number_format=DATE)
    bold_style = _style_id(ws, "", font=bold)
    bold_money = _style_id(ws, 0, font=bold, number_format=MONEY)
    row_styles = [formats[c.number_format] for c in COLUMNS]
    getters = [c.value for c in COLUMNS]

    writer = _FastRows(ws) if fast else _PlainRows(ws)
    writer.append([c.title for c in COLUMNS], [header_style] * len(COLUMNS))
    count = 0
    total = ZERO
    try:
        for row in rows:
            values = [get(row) for get in getters]
            styles = [
                date_style if isinstance(v, date) else s
                for v, s in zip(values, row_styles, strict=True)
            ]
            writer.append(values, styles)
            total += row.relief_total
            count += 1
            if on_progress is not None and count % PROGRESS_EVERY == 0:
                on_progress(count)  # may raise to cancel: then no file at all
        if on_progress is not None:
            on_progress(count)  # the last chance to cancel: saving is not cancelled
    except BaseException:
        _discard(ws)
        raise
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{count + 1}"
    totals: list[object] = [None] * len(COLUMNS)
    totals[0], totals[1], totals[MONEY_INDEX] = "合计", f"{count} 户次", total
    totals_styles: list[int | None] = [None] * len(COLUMNS)
    totals_styles[0] = totals_styles[1] = bold_style
    totals_styles[MONEY_INDEX] = bold_money
    writer.append(totals, totals_styles)

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    try:
        wb.save(tmp)
        tmp.replace(path)  # never a half-written register under the real name
    finally:
        tmp.unlink(missing_ok=True)
    return ExportResult(path, count, total)


def _discard(ws) -> None:
    """Close and delete the sheet's streaming temporary file (a cancelled export)."""
    writer = getattr(ws, "_writer", None)
    if writer is None:
        return
    try:
        ws.close()  # ends the row generator and the stream before the file goes
    except Exception:  # noqa: BLE001, S110 - the file goes anyway
        pass
    Path(writer.out).unlink(missing_ok=True)


class _PlainRows:
    """openpyxl's own cell writer (slower; used without lxml)."""

    def __init__(self, ws):
        self.ws = ws
        self.styles = ws.parent._cell_styles  # noqa: SLF001

    def append(self, values: list[object], styles: list[int | None]) -> None:
        cells: list[object] = []
        for value, style in zip(values, styles, strict=True):
            if value is None or not style:
                cells.append(value)
                continue
            cell = WriteOnlyCell(self.ws, value)
            cell._style = copy(self.styles[style])  # noqa: SLF001
            cells.append(cell)
        self.ws.append(cells)
