"""Excel export of the dunning (催缴) and suspension (停供) lists for the
meter readers: one sheet, grouped by area (片区) and reader book (表册),
phones masked, a total row reconciled to the cent."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from counter_app.domain.money import sum_money
from counter_app.services.payments.late_fees import DunningList

__all__ = ["HEADERS", "dunning_workbook", "write_dunning_xlsx"]

HEADERS = (
    "片区",
    "抄表员",
    "表册",
    "用户号",
    "户名",
    "地址",
    "手机",
    "固话",
    "逾期欠费(元)",
    "逾期笔数",
    "最早应缴日",
    "逾期天数",
    "停供",
)
WIDTHS = (12, 10, 8, 12, 10, 30, 13, 14, 13, 8, 12, 8, 6)
SUSPEND_FILL = PatternFill("solid", fgColor="FFF4CCCC")
MONEY_FORMAT = "#,##0.00"


def dunning_workbook(listing: DunningList) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = "停供名单" if listing.suspension else "催缴名单"
    title = "停供名单" if listing.suspension else "催缴名单"
    ws.append(
        [
            f"{title}　截至 {listing.as_of.isoformat()}　逾期超过 {listing.days} 天"
            + (f"　片区 {listing.area}" if listing.area else "")
            + (f"　表册 {listing.book}" if listing.book else "")
        ]
    )
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(list(HEADERS))
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for r in listing.rows:
        ws.append(
            [
                f"{r.area_code} {r.area_name}",
                r.meter_reader,
                r.book_no,
                r.account_no,
                r.name,
                r.address,
                r.mobile_masked,
                r.landline_masked,
                r.overdue,
                r.overdue_bills,
                r.oldest_due.isoformat(),
                r.days_overdue,
                "是" if r.suspend else "",
            ]
        )
        ws.cell(ws.max_row, 9).number_format = MONEY_FORMAT
        if r.suspend:
            for cell in ws[ws.max_row]:
                cell.fill = SUSPEND_FILL
    total = sum_money(r.overdue for r in listing.rows)
    ws.append(["合计", "", "", f"{len(listing.rows)} 户", "", "", "", "", total])
    ws.cell(ws.max_row, 9).number_format = MONEY_FORMAT
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for i, width in enumerate(WIDTHS):
        ws.column_dimensions[chr(ord("A") + i)].width = width
    ws.freeze_panes = "A3"
    return wb


def write_dunning_xlsx(path: str | Path, listing: DunningList) -> Path:
    buffer = BytesIO()
    dunning_workbook(listing).save(buffer)
    target = Path(path)
    target.write_bytes(buffer.getvalue())
    return target
