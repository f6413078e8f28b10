"""The day-close report (日结单) as an Excel workbook (openpyxl).
Design: docs/architecture.md ("Exports")
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from counter_app.documents.fmt import tender_label
from counter_app.domain.localtime import SHANGHAI
from counter_app.services.payments.day_close_document import tender_rows
from counter_app.services.payments.shifts import DayCloseReport

__all__ = ["write_day_close_workbook"]

MONEY_FORMAT = "0.00"
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
TOTAL_FONT = Font(bold=True)


def _local(moment) -> str:
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M:%S") if moment else ""


def _table(
    ws: Worksheet, headers: list[str], rows: list[list], money_cols: set[int], totals: list
) -> None:
    ws.append(headers)
    for cell in ws[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center")
    for row in [*rows, totals]:
        ws.append(row)
    for cells in ws.iter_rows(min_row=2):
        for cell in cells:
            if cell.column in money_cols and cell.value is not None:
                cell.number_format = MONEY_FORMAT
    for cell in ws[ws.max_row]:
        cell.font = TOTAL_FONT
    ws.freeze_panes = "A2"
    _fit_columns(ws, money_cols)


def _fit_columns(ws: Worksheet, money_cols: set[int] = frozenset()) -> None:
    for col in ws.columns:
        width = 12 if col[0].column in money_cols else 8
        for cell in col:
            text = str(cell.value if cell.value is not None else "")
            # CJK characters take two columns
            width = max(width, sum(2 if ord(ch) > 0x2E80 else 1 for ch in text) + 2)
        ws.column_dimensions[get_column_letter(col[0].column)].width = min(width, 60)


def _money(value: Decimal) -> Decimal:
    """openpyxl writes a Decimal as a number cell with its exact digits."""
    return value.quantize(Decimal("0.01"))


def write_day_close_workbook(
    report: DayCloseReport,
    path: str | Path,
    *,
    on_progress: Callable[[int, int], None] | None = None,
) -> Path:
    """The report as an .xlsx at ``path``, written under a temporary name and
    renamed last. ``on_progress(rows done, rows in all)`` is called after each
    sheet; it may raise to cancel, and then no file is left at all."""
    s = report.summary
    report_progress = on_progress or (lambda _done, _total: None)
    wb = Workbook()
    ws = wb.active
    ws.title = "日结汇总"
    rows = tender_rows(report)
    facts = [
        ("单位", report.utility_name),
        ("营业厅", report.hall_name),
        ("收费员", f"{s.clerk_name}（{s.clerk_username}）"),
        ("工作站", s.workstation),
        ("开班时间", _local(s.totals.opened_at)),
        ("结账时间", _local(s.closed_at)),
        ("备用金", _money(s.totals.opening_float)),
        ("交费笔数", s.totals.payments),
        ("冲正笔数", s.totals.reversals),
        ("冲正金额", _money(report.reversal_amount)),
        ("其中违约金", _money(s.totals.late_fees)),
        (
            "收据号段",
            f"{report.first_receipt} 至 {report.last_receipt}" if report.first_receipt else "",
        ),
        ("现金差额", _money(s.cash_variance) if s.cash_variance is not None else None),
        ("差额原因", s.variance_reason),
    ]
    total_rows = len(rows) + len(report.counts) + len(facts)
    report_progress(0, total_rows)
    _table(
        ws,
        ["收费方式", "应收", "实点", "差额"],
        [
            [tender_label(r.method), _money(r.expected), _money(r.counted), _money(r.variance)]
            for r in rows
        ],
        {2, 3, 4},
        [
            "合计",
            _money(sum((r.expected for r in rows), Decimal())),
            _money(sum((r.counted for r in rows), Decimal())),
            _money(sum((r.variance for r in rows), Decimal())),
        ],
    )

    report_progress(len(rows), total_rows)
    counts = wb.create_sheet("点钞明细")
    _table(
        counts,
        ["面额", "张数", "金额"],
        [[_money(d), n, _money(d * n)] for d, n in report.counts],
        {1, 3},
        [
            "合计",
            sum(n for _, n in report.counts),
            _money(sum((d * n for d, n in report.counts), Decimal())),
        ],
    )

    report_progress(len(rows) + len(report.counts), total_rows)
    info = wb.create_sheet("班次信息")
    info.append(["项目", "内容"])
    for cell in info[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    for key, value in facts:
        info.append([key, value])
    for row in info.iter_rows(min_row=2):
        if row[0].value in ("备用金", "冲正金额", "现金差额"):
            row[1].number_format = MONEY_FORMAT
    info.freeze_panes = "A2"
    _fit_columns(info)
    report_progress(total_rows, total_rows)  # the last chance to cancel: saving is not

    target = Path(path)
    partial = target.with_name(f".{target.name}.partial")
    try:  # never leave a half-written workbook under the clerk's name
        wb.save(partial)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target
