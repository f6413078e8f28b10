"""The relief register (低保减免台账) as an Excel workbook (openpyxl, write-only).

Write-only mode streams rows to the file, so a 100,000-row register needs
little memory (see benchmarks/relief_export_bench.py). Account number and ID
number are text cells with the text format ``@`` (no leading zeros lost, no
scientific notation); money is ``0.00``; dates are real dates; the header is
frozen and filtered; a totals row closes the sheet. The ID number is the
masked one: the register is personal data kept at the counter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

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


def export_relief_register(
    rows: Iterable[Any],
    path: str | Path,
    *,
    title: str = "低保减免台账",
    on_progress: Callable[[int], None] | None = None,
) -> ExportResult:
    """Write ``rows`` (``ReliefRow``-like objects) to ``path`` (.xlsx)."""
    path = Path(path)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title)
    for index, column in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.freeze_panes = "A2"
    last = get_column_letter(len(COLUMNS))

    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    centre = Alignment(horizontal="center", vertical="center")
    header = []
    for column in COLUMNS:
        cell = WriteOnlyCell(ws, column.title)
        cell.font, cell.fill, cell.alignment = bold, fill, centre
        header.append(cell)
    ws.append(header)

    # Only the text-format and money cells are wrapped (a styled cell costs
    # about as much as writing it); plain values go in as they are.
    formats = [(i, c.number_format) for i, c in enumerate(COLUMNS) if c.number_format]
    getters = [c.value for c in COLUMNS]
    count = 0
    total = Decimal("0.00")
    for row in rows:
        values: list[object] = [get(row) for get in getters]
        for i, number_format in formats:
            cell = WriteOnlyCell(ws, values[i])
            cell.number_format = number_format
            values[i] = cell
        total += row.relief_total
        ws.append(values)
        count += 1
        if on_progress is not None and count % 5000 == 0:
            on_progress(count)
    ws.auto_filter.ref = f"A1:{last}{count + 1}"

    totals: list[object] = [None] * len(COLUMNS)
    totals[0] = WriteOnlyCell(ws, "合计")
    totals[1] = WriteOnlyCell(ws, f"{count} 户次")
    money = WriteOnlyCell(ws, total)
    money.number_format = MONEY
    totals[MONEY_INDEX] = money
    for i in (0, 1, MONEY_INDEX):
        totals[i].font = bold
    ws.append(totals)

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    wb.save(tmp)
    tmp.replace(path)  # never a half-written register under the real name
    return ExportResult(path, count, total)
