"""Excel export of the complaints list (投诉登记表)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from io import BytesIO
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from counter_app.services.complaints.service import CST, ComplaintRow

__all__ = ["HEADERS", "complaints_workbook", "write_complaints_xlsx"]

HEADERS = (
    "受理编号",
    "受理时间",
    "投诉人",
    "用户号",
    "类别",
    "状态",
    "处理部门",
    "答复时限",
    "回访日期",
    "超期",
)
OVERDUE_FILL = PatternFill("solid", fgColor="FFF4CCCC")


def _local(value: datetime | None) -> str:
    return value.astimezone(CST).strftime("%Y-%m-%d %H:%M") if value else ""


def complaints_workbook(
    rows: Iterable[ComplaintRow], label: Callable[[str, str], str] = lambda _k, code: code
) -> Workbook:
    """``label(kind, code)`` names a category or status (kind "category"/"status")."""
    wb = Workbook()
    ws = wb.active
    ws.title = "投诉登记"
    ws.append(HEADERS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in rows:
        ws.append(
            [
                r.ticket_no,
                _local(r.created_at),
                r.complainant,
                r.account_no,
                label("category", r.category),
                label("status", r.status),
                r.department,
                _local(r.due_at),
                r.recall_on.isoformat() if r.recall_on else "",
                "是" if r.overdue else "",
            ]
        )
        if r.overdue:
            for cell in ws[ws.max_row]:
                cell.fill = OVERDUE_FILL
    for col, width in zip("ABCDEFGHIJ", (16, 17, 12, 12, 12, 10, 12, 17, 12, 6), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    return wb


def write_complaints_xlsx(path: str | Path, rows: Iterable[ComplaintRow], label=None) -> None:
    wb = complaints_workbook(rows, label) if label else complaints_workbook(rows)
    buffer = BytesIO()
    wb.save(buffer)
    Path(path).write_bytes(buffer.getvalue())
