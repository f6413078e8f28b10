"""The channel money of one day (渠道收款日报) as an Excel workbook.
Design: docs/architecture.md ("Exports")
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from counter_app.documents.fmt import tender_label
from counter_app.domain.money import sum_money
from counter_app.export.day_close import (
    HEADER_FILL,
    HEADER_FONT,
    MONEY_FORMAT,
    _fit_columns,
    _money,
    _table,
)
from counter_app.services.channels.service import ChannelDayReport

__all__ = ["CHANNEL_LABELS", "HEADERS", "write_channel_day_workbook"]

CHANNEL_LABELS = {"deduction": "预存扣款", "withholding": "银行代扣", "online": "网上缴费"}
HEADERS = (
    "渠道",
    "收费方式",
    "笔数",
    "金额",
    "冲抵欠费",
    "转入预存",
    "动用预存",
    "收据起",
    "收据止",
)


def channel_label(code: str) -> str:
    return CHANNEL_LABELS.get(code, code)


def write_channel_day_workbook(
    report: ChannelDayReport,
    path: str | Path,
    *,
    on_progress: Callable[[int, int], None] | None = None,
) -> Path:
    """``on_progress(rows done, rows in all)`` after each sheet; it may raise
    to cancel, and then no file is left at all."""
    progress = on_progress or (lambda _done, _total: None)
    rows = report.rows
    total_rows = len(rows) + 5
    progress(0, total_rows)
    wb = Workbook()
    ws = wb.active
    ws.title = "渠道收款"

    def total(field: str) -> Decimal:
        return _money(sum_money(getattr(r, field) for r in rows))

    _table(
        ws,
        list(HEADERS),
        [
            [
                channel_label(r.channel),
                tender_label(r.tender),
                r.payments,
                _money(r.amount),
                _money(r.to_bills),
                _money(r.to_prepayment),
                _money(r.prepayment_used),
                r.first_receipt,
                r.last_receipt,
            ]
            for r in rows
        ],
        {4, 5, 6, 7},
        [
            "合计",
            "",
            report.payments,
            total("amount"),
            total("to_bills"),
            total("to_prepayment"),
            total("prepayment_used"),
            "",
            "",
        ],
    )
    progress(len(rows), total_rows)

    info = wb.create_sheet("冲正与挂账")
    info.append(["项目", "笔数", "金额"])
    for cell in info[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    for label, count, amount in (
        ("日期", report.day.isoformat(), None),
        ("当日冲正的渠道收款", report.reversed_count, report.reversed_amount),
        ("当日挂账", report.suspense_received, report.suspense_received_amount),
        ("现未处理挂账", report.suspense_open, report.suspense_open_amount),
    ):
        info.append([label, count, None if amount is None else _money(amount)])
    for row in info.iter_rows(min_row=2):
        row[2].number_format = MONEY_FORMAT
    info.freeze_panes = "A2"
    _fit_columns(info, {3})
    progress(total_rows, total_rows)  # the last chance to cancel: saving is not

    target = Path(path)
    partial = target.with_name(f".{target.name}.partial")
    try:  # never leave a half-written workbook under the supervisor's name
        wb.save(partial)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target
