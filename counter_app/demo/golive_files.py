"""Files as an old billing system (营业收费系统) exports them at go-live, for tests and benchmarks.
Design: docs/demo.md
"""

from __future__ import annotations

import csv
import random
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from counter_app.demo.addresses import address_for, meter_location, pick_area
from counter_app.demo.people import make_person
from counter_app.demo.rand import below, pick

__all__ = [
    "ACCOUNT_HEADERS",
    "BALANCE_HEADERS",
    "account_rows",
    "balance_rows",
    "write_csv",
    "write_xlsx",
]

ACCOUNT_HEADERS = (
    "用户号",
    "户名",
    "证件号码",
    "手机",
    "固定电话",
    "用水地址",
    "水表方位",
    "用户类型",
    "户数",
    "价格类别",
    "片区",
    "表册",
    "抄表周期",
    "表号",
    "口径",
    "表位数",
    "安装日期",
    "检定日期",
    "档案号",
    "档案柜号",
    "立户日期",
    "上次读数",
    "上次抄表日期",
)
BALANCE_HEADERS = ("用户号", "账期", "用水量", "金额", "应缴日期", "预存余额")
_DATE_FORMS = ("{:%Y-%m-%d}", "{d.year}/{d.month}/{d.day}", "{:%Y%m%d}")


def _date(rng: random.Random, day: date) -> str:
    form = pick(rng, _DATE_FORMS)
    return form.format(day, d=day)


def _old_id(id18: str) -> str:
    """The first-generation 15-digit number of an 18-character one born in the 1900s."""
    return id18[:6] + id18[8:17]


def account_rows(
    count: int,
    *,
    seed: int = 1,
    first: int = 1,
    area: str = "城区一片",
    category: str = "居民生活用水",
    last_read_on: date = date(2026, 10, 20),
) -> list[dict[str, str]]:
    """``count`` account rows (header -> text), account numbers from ``first``."""
    rng = random.Random(f"golive:{seed}")
    rows = []
    for n in range(first, first + count):
        person = make_person(rng, latest_birth_year=1999)
        where = address_for(rng, pick_area(rng))
        id_number = person.id_number
        if person.birth.year < 2000 and below(rng, 20) == 0:
            id_number = _old_id(id_number)
        installed = date(2005, 1, 1) + timedelta(days=below(rng, 6000))
        rows.append(
            {
                "用户号": f"{n:08d}",
                "户名": person.name,
                "证件号码": id_number,
                "手机": person.mobile or "",
                "固定电话": person.landline or "",
                "用水地址": where.text,
                "水表方位": meter_location(rng, where),
                "用户类型": "居民",
                "户数": "1",
                "价格类别": category,
                "片区": area,
                "表册": f"B{below(rng, 90) + 10:03d}",
                "抄表周期": "2",
                "表号": f"0{n:09d}",
                "口径": "20",
                "表位数": "5",
                "安装日期": _date(rng, installed),
                "检定日期": _date(rng, installed + timedelta(days=30)),
                "档案号": f"DA{n:08d}",
                "档案柜号": f"G{below(rng, 40) + 1:02d}",
                "立户日期": _date(rng, installed),
                "上次读数": str(below(rng, 90_000)),
                "上次抄表日期": _date(rng, last_read_on),
            }
        )
    return rows


def balance_rows(
    accounts: Sequence[dict[str, str]],
    *,
    seed: int = 1,
    periods: Sequence[str] = ("2026-08", "2026-10"),
) -> list[dict[str, str]]:
    """Unpaid bills for about a third of the accounts (one or two periods) and
    a prepayment for about a fifth (on its own row when it has no bill)."""
    rng = random.Random(f"golive-balances:{seed}")
    rows = []
    for a in accounts:
        unpaid = periods[: below(rng, 2) + 1] if below(rng, 3) == 0 else ()
        prepaid = Decimal(below(rng, 30_000)) / 100 if below(rng, 5) == 0 else None
        if prepaid == 0:
            prepaid = Decimal("0.01")
        for i, period in enumerate(unpaid):
            usage = below(rng, 30) + 1
            rows.append(
                {
                    "用户号": a["用户号"],
                    "账期": period,
                    "用水量": str(usage),
                    "金额": str(Decimal(usage * 345) / 100),
                    "应缴日期": f"{period}-28",
                    "预存余额": str(prepaid) if prepaid is not None and i == 0 else "",
                }
            )
        if not unpaid and prepaid is not None:
            rows.append(
                {
                    "用户号": a["用户号"],
                    "账期": "",
                    "用水量": "",
                    "金额": "",
                    "应缴日期": "",
                    "预存余额": str(prepaid),
                }
            )
    return rows


def write_csv(
    path: Path, headers: Sequence[str], rows: Sequence[dict[str, str]], *, encoding: str = "utf-8"
) -> Path:
    with open(path, "w", encoding=encoding, newline="") as f:
        out = csv.writer(f)
        out.writerow(headers)
        for r in rows:
            out.writerow([r.get(h, "") for h in headers])
    return path


def write_xlsx(path: Path, headers: Sequence[str], rows: Sequence[dict[str, object]]) -> Path:
    """Every value as the row has it: a str is a text cell (so an ID number
    keeps its digits), an int, float, date or formula string is what it is."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(list(headers))
    for r in rows:
        sheet.append([r.get(h) if r.get(h) != "" else None for h in headers])
    book.save(path)
    return path
