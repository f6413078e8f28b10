"""The relief register workbook read back by openpyxl and by LibreOffice."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from counter_app.export.relief_register import COLUMNS, export_relief_register
from counter_app.services.relief.queries import ReliefRow

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
REQUIRE_LIBREOFFICE = os.environ.get("COUNTER_REQUIRE_LIBREOFFICE") == "1"


def row(i: int, **kw) -> ReliefRow:
    values = dict(
        id=i,
        account_id=i,
        account_no=f"{i:08d}",
        account_name="建设路小区" if i % 2 else "张三",
        address="嘉祥街道建设路12号",
        area_code="A01",
        account_type="household",
        certificate_type="城镇居民最低生活保障证",
        certificate_no=f"嘉民低保字〔2026〕{i:05d}号",
        issuing_office="嘉祥县民政局",
        valid_from=date(2026, 1, 1),
        valid_to=date(2027, 12, 31),
        holder_name="张三",
        holder_id_masked="370829********001X",
        contact_phone_masked="138****5678",
        materials=("证件原件",),
        low_income_households=None,
        total_households=None,
        notes="",
        status="approved",
        display_status="approved",
        applied_on=date(2026, 3, 10),
        effective_period="2026-06",
        revoked_reason="",
        version=2,
        relief_total=Decimal("10.05"),
        filed_by="王丽",
        decided_by="李主管",
    )
    values.update(kw)
    return ReliefRow(**values)


ROWS = [
    row(1),
    row(
        2,
        account_no="00012345",
        account_type="collective",
        low_income_households=5,
        total_households=12,
        relief_total=Decimal("0.58"),
        display_status="expired",
    ),
    row(
        3,
        relief_total=Decimal("0.00"),
        status="pending",
        display_status="pending",
        effective_period=None,
        contact_phone_masked="0537-****345",
        decided_by="",
    ),
]


@pytest.fixture(params=[True, False], ids=["lxml-rows", "openpyxl-cells"])
def workbook_path(tmp_path, request):
    path = tmp_path / "台账.xlsx"
    result = export_relief_register(ROWS, path, fast=request.param)
    assert (result.rows, result.relief_total) == (3, Decimal("10.63"))
    assert not list(tmp_path.glob("*.part"))
    return path


def test_read_back_with_openpyxl(workbook_path):
    wb = load_workbook(workbook_path)
    ws = wb.active
    assert ws.title == "低保减免台账"
    assert ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    assert header == [c.title for c in COLUMNS]
    account = ws["A3"]
    assert account.value == "00012345" and account.data_type == "s" and account.number_format == "@"
    id_col = header.index("身份证号") + 1
    assert ws.cell(2, id_col).value == "370829********001X"
    assert ws.cell(2, id_col).number_format == "@"
    phone = ws.cell(4, header.index("联系电话") + 1)
    assert (phone.value, phone.number_format) == ("0537-****345", "@")
    money_col = header.index("累计减免(元)") + 1
    money = ws.cell(3, money_col)
    assert money.value == pytest.approx(0.58) and money.number_format == "0.00"
    valid_to = ws.cell(2, header.index("有效期止") + 1)
    assert valid_to.value.date() == date(2027, 12, 31) and valid_to.number_format == "yyyy-mm-dd"
    assert ws["A1"].font.bold and ws.cell(5, money_col).font.bold
    assert ws.cell(3, header.index("状态") + 1).value == "已过期"
    assert ws.cell(3, header.index("低保户数") + 1).value == 5
    assert ws.cell(2, header.index("低保户数") + 1).value is None
    totals = [c.value for c in ws[5]]
    assert totals[0] == "合计" and totals[1] == "3 户次"
    assert totals[money_col - 1] == pytest.approx(10.63)
    assert ws.max_row == 5
    assert ws.auto_filter.ref == "A1:R4"
    # readable Chinese columns: wider than their titles (2 units per character)
    for index, column in enumerate(COLUMNS, start=1):
        width = ws.column_dimensions[ws.cell(1, index).column_letter].width
        assert width >= 2 * len(column.title) or width >= 8, column.title


@pytest.mark.skipif(
    SOFFICE is None and not REQUIRE_LIBREOFFICE,
    reason="LibreOffice (soffice) not installed; bash tools/setup-libreoffice.sh",
)
def test_libreoffice_converts_it_to_csv(workbook_path, tmp_path):
    assert SOFFICE, "COUNTER_REQUIRE_LIBREOFFICE=1 but soffice is missing"
    out = tmp_path / "csv"
    profile = tmp_path / "lo-profile"
    done = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(out),
            str(workbook_path),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    [converted] = list(out.glob("*.csv"))
    with converted.open(encoding="utf-8") as fh:
        lines = list(csv.reader(fh))
    assert lines[0] == [c.title for c in COLUMNS]
    assert lines[1][0] == "00000001"
    assert lines[2][0] == "00012345"  # text kept its leading zeros
    assert lines[2][5] == "370829********001X"
    assert lines[3][6] == "0537-****345"
    money = [c.title for c in COLUMNS].index("累计减免(元)")
    assert [line[money] for line in lines[1:]] == ["10.05", "0.58", "0.00", "10.63"]
    assert lines[4][0] == "合计"
    assert lines[1][11] == "2027-12-31"


def test_markup_spaces_and_control_characters_survive_the_row_writer(tmp_path):
    """The fast writer formats XML text itself: &, <, > are escaped, leading
    and trailing spaces kept, characters XML cannot hold dropped; the plain
    openpyxl writer gives the same cells (it refuses control characters, so
    they are only in the fast writer's row)."""
    odd = dict(account_name=" 王&<五> ", address="建设路 <12> & 13号 ", notes="")
    fast_path, plain_path = tmp_path / "fast.xlsx", tmp_path / "plain.xlsx"
    export_relief_register([row(1, **odd, issuing_office="民政局\x01\x1f")], fast_path, fast=True)
    export_relief_register([row(1, **odd, issuing_office="民政局")], plain_path, fast=False)
    fast = [list(r) for r in load_workbook(fast_path).active.iter_rows(values_only=True)]
    plain = [list(r) for r in load_workbook(plain_path).active.iter_rows(values_only=True)]
    assert fast == plain
    titles = [c.title for c in COLUMNS]
    data = dict(zip(titles, fast[1], strict=True))
    assert data["户名"] == " 王&<五> "
    assert data["用水地址"] == "建设路 <12> & 13号 "
    assert data["发证机关"] == "民政局"


def test_prints_landscape_on_the_page_width_with_the_header_on_every_page(workbook_path):
    ws = load_workbook(workbook_path).active
    setup = ws.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == (
        "landscape",
        9,
        1,
        0,
    )
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$1:$1"
