"""Bad input of the go-live imports (services/imports/files.py, shared by every
import): each kind in a generated 1,000-row file, refused with its exact
message naming the line and the column, and nothing written; what is only
an odd form (a BOM, GBK, empty rows, dates as text or Excel serial numbers,
15-digit ID numbers) goes through. Also counter-admin's report of them."""

from __future__ import annotations

import json
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from counter_app.cli import main
from counter_app.db import models as m
from counter_app.demo.golive_files import ACCOUNT_HEADERS, account_rows, write_csv, write_xlsx
from counter_app.services.imports.accounts import import_accounts
from counter_app.services.imports.files import ImportFileError, RowError
from tests.support.builders import make_reference

TODAY = date(2026, 12, 4)
N = 1000
BAD = 500  # the spoilt row's index: line 502


@pytest.fixture
def golive(db, login_batch):
    with db.write() as s:
        make_reference(s)
    batch, _name = login_batch()
    return batch


def _nothing_written(db) -> bool:
    with db.read() as s:
        return s.execute(select(func.count()).select_from(m.Account)).scalar_one() == 0


def _rows(**change) -> list[dict]:
    rows = account_rows(N, seed=21)
    rows[BAD].update(change)
    return rows


def _refused(db, golive, path) -> list[RowError]:
    report = import_accounts(golive, path, today=TODAY)
    assert _nothing_written(db)
    return list(report.errors)


# ---------------------------------------------------------------- the file


def test_a_missing_column_is_named(db, golive, tmp_path):
    headers = [h for h in ACCOUNT_HEADERS if h != "户名"]
    with pytest.raises(ImportFileError) as info:
        import_accounts(golive, write_csv(tmp_path / "a.csv", headers, _rows()), today=TODAY)
    assert str(info.value).startswith(
        "header (line 1): missing column(s) 缺少列: 户名. "
        "The columns are 列名应为: 用户号, 户名, 证件号码"
    )
    assert _nothing_written(db)


def test_a_wrong_column_name_is_named(db, golive, tmp_path):
    headers = ["用户编号" if h == "用户号" else h for h in ACCOUNT_HEADERS]
    rows = [dict(r, 用户编号=r["用户号"]) for r in _rows()]
    with pytest.raises(ImportFileError) as info:
        import_accounts(golive, write_csv(tmp_path / "a.csv", headers, rows), today=TODAY)
    assert str(info.value).startswith(
        "header (line 1): missing column(s) 缺少列: 用户号; "
        "unknown column(s) 无法识别的列: 用户编号. "
    )
    assert _nothing_written(db)


def test_a_utf8_bom_is_not_part_of_the_first_header(db, golive, tmp_path):
    path = write_csv(tmp_path / "a.csv", ACCOUNT_HEADERS, _rows(), encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert import_accounts(golive, path, today=TODAY).accounts == N


def test_neither_utf8_nor_gbk_is_refused(db, golive, tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes("用户号,户名\n".encode() + b"\xff\xff\x00\n")
    with pytest.raises(ImportFileError, match=r"neither UTF-8 nor GBK/GB18030 text"):
        import_accounts(golive, path, today=TODAY)


def test_empty_rows_are_skipped_not_errors(db, golive, tmp_path):
    path = write_csv(tmp_path / "a.csv", ACCOUNT_HEADERS, _rows())
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[10:10] = ["", ",,,,,", " , ,"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_accounts(golive, path, today=TODAY)
    assert (report.rows, report.accounts, report.errors) == (N, N, ())


# --------------------------------------------------------------- the cells


def test_a_merged_cell_is_refused(db, golive, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", ACCOUNT_HEADERS, _rows())
    book = load_workbook(path)
    book.active.merge_cells("F502:G502")  # 用水地址 and 水表方位 of line 502
    book.save(path)
    errors = _refused(db, golive, path)
    assert errors == [
        RowError(
            502, "水表方位", "a merged cell (F502:G502): unmerge it and fill each cell (合并单元格)"
        ),
        RowError(
            502, "用水地址", "a merged cell (F502:G502): unmerge it and fill each cell (合并单元格)"
        ),
    ]


def test_a_formula_cell_is_refused(db, golive, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", ACCOUNT_HEADERS, _rows(上次读数="=V501+10"))
    assert _refused(db, golive, path) == [
        RowError(502, "上次读数", "a formula (=V501+10): paste the values instead (公式)")
    ]


def test_an_id_number_as_a_float_in_csv_is_refused(db, golive, tmp_path):
    path = write_csv(tmp_path / "a.csv", ACCOUNT_HEADERS, _rows(证件号码="3.70829E+17"))
    assert _refused(db, golive, path) == [
        RowError(
            502,
            "证件号码",
            "3.70829E+17 is stored as a number: store it as text, digits and "
            "leading zeros are lost otherwise (请设置为文本格式)",
        )
    ]


def test_an_id_number_as_an_xlsx_number_is_refused(db, golive, tmp_path):
    path = write_xlsx(
        tmp_path / "a.xlsx", ACCOUNT_HEADERS, _rows(证件号码=370829196404054800, 用户号=501)
    )
    assert _refused(db, golive, path) == [
        RowError(
            502,
            "用户号",
            "501 is stored as a number: store it as text, digits and "
            "leading zeros are lost otherwise (请设置为文本格式)",
        ),
        RowError(
            502,
            "证件号码",
            "3.70829E+17 is stored as a number: store it as "
            "text, digits and leading zeros are lost otherwise "
            "(请设置为文本格式)",
        ),
    ]


def test_dates_as_text_in_three_forms_and_as_excel_serials_are_read(db, golive, tmp_path):
    rows = _rows()
    for r, text in zip(rows[:3], ("2019-05-03", "2019/5/3", "20190503"), strict=True):
        r["安装日期"] = text
    rows[3]["安装日期"] = 43588  # Excel's serial day number of 2019-05-03
    rows[4]["安装日期"] = date(2019, 5, 3)
    path = write_xlsx(tmp_path / "a.xlsx", ACCOUNT_HEADERS, rows)
    assert import_accounts(golive, path, today=TODAY).accounts == N
    with golive.read() as s:
        days = (
            s.execute(select(m.Meter.installed_on).order_by(m.Meter.meter_no).limit(5))
            .scalars()
            .all()
        )
    assert days == [date(2019, 5, 3)] * 5


def test_a_serial_number_in_csv_and_a_bad_date_are_refused(db, golive, tmp_path):
    rows = _rows(安装日期="43588")
    rows[BAD + 1]["检定日期"] = "2019-13-01"
    rows[BAD + 2]["立户日期"] = "2999-01-01"
    assert _refused(db, golive, write_csv(tmp_path / "a.csv", ACCOUNT_HEADERS, rows)) == [
        RowError(
            502,
            "安装日期",
            "43588 looks like an Excel serial day number: store the "
            "date as text, YYYY-MM-DD (日期请存为文本)",
        ),
        RowError(
            503,
            "检定日期",
            "'2019-13-01': not a date, use YYYY-MM-DD, YYYY/M/D or YYYYMMDD (日期格式)",
        ),
        RowError(504, "立户日期", "2999-01-01 is in the future"),
    ]


# -------------------------------------------------------------- the values


def test_an_id_number_with_a_wrong_check_digit_is_refused_and_15_digits_upgraded(
    db, golive, tmp_path
):
    rows = _rows(证件号码="370829199001011234")
    rows[BAD + 1]["证件号码"] = "3708291990010112"
    assert _refused(db, golive, write_csv(tmp_path / "a.csv", ACCOUNT_HEADERS, rows)) == [
        RowError(502, "证件号码", "the check digit is wrong (校验位错误)"),
        RowError(503, "证件号码", "15 or 18 characters (应为15或18位)"),
    ]
    rows = _rows(证件号码="370829900101123")
    assert (
        import_accounts(
            golive, write_csv(tmp_path / "b.csv", ACCOUNT_HEADERS, rows), today=TODAY
        ).accounts
        == N
    )
    with db.read() as s:
        masked = s.execute(
            select(m.Account.id_masked).where(m.Account.account_no == rows[BAD]["用户号"])
        ).scalar_one()
    assert masked == "370829********123X"  # 37082919900101123 + its check character


def test_phones_in_their_forms(db, golive, tmp_path):
    rows = _rows(手机="+86 138-1234-5678", 固定电话="05376812345")
    rows[BAD + 1]["手机"] = "0537-6812345"
    rows[BAD + 2]["固定电话"] = "12345"
    assert _refused(db, golive, write_csv(tmp_path / "a.csv", ACCOUNT_HEADERS, rows)) == [
        RowError(
            503,
            "手机",
            "'0537-6812345': not a mobile number, 11 digits from 13 to 19 "
            "(a fixed line goes in 固定电话)",
        ),
        RowError(504, "固定电话", "'12345': not a fixed-line number (0537-6812345 or 6812345)"),
    ]


def test_unknown_price_category_and_area_are_refused(db, golive, tmp_path):
    rows = _rows(价格类别="特种用水", 片区="城西")
    assert _refused(db, golive, write_csv(tmp_path / "a.csv", ACCOUNT_HEADERS, rows)) == [
        RowError(502, "价格类别", "unknown price category '特种用水'; known: RES"),
        RowError(502, "片区", "unknown area '城西'; known: A01"),
    ]


def test_the_same_account_meter_or_archive_number_twice_in_the_file(db, golive, tmp_path):
    rows = _rows()
    rows[BAD].update(用户号=rows[0]["用户号"], 档案号=rows[1]["档案号"])
    rows[BAD + 1]["表号"] = rows[2]["表号"]
    assert _refused(db, golive, write_csv(tmp_path / "a.csv", ACCOUNT_HEADERS, rows)) == [
        RowError(502, "档案号", "DA00000002 is also on line 3"),
        RowError(502, "用户号", "00000001 is also on line 2"),
        RowError(503, "表号", "0000000003 is also on line 4"),
    ]


# -------------------------------------------------------------- the command


def _cli(capsys, url: str, *args: str) -> tuple[int, str, str]:
    code = main(["--database-url", url, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_counter_admin_lists_the_rejected_rows_and_writes_nothing(db, golive, tmp_path, capsys):
    url = golive.engine.url.render_as_string(hide_password=False)
    bad = write_csv(tmp_path / "bad.csv", ACCOUNT_HEADERS, _rows(证件号码="370829199001011234"))
    code, out, _ = _cli(capsys, url, "import-accounts", str(bad))
    assert code == 1 and _nothing_written(db)
    assert out.splitlines() == [
        "line 502, 证件号码: the check digit is wrong (校验位错误)",
        "1000 rows checked, nothing written: 1 problem(s) (有错误, 未写入)",
    ]
    good = write_csv(tmp_path / "good.csv", ACCOUNT_HEADERS, _rows())
    code, out, _ = _cli(capsys, url, "import-accounts", str(good), "--dry-run")
    assert code == 0 and _nothing_written(db)
    assert "would create 1000 accounts" in out
    code, out, _ = _cli(capsys, url, "import-accounts", str(good), "--json")
    summary = json.loads(out)
    assert code == 0 and (
        summary["accounts"],
        summary["meters"],
        summary["readings"],
        summary["skipped"],
        summary["ok"],
    ) == (N, N, N, 0, True)
    code, out, _ = _cli(capsys, url, "import-accounts", str(good))
    assert code == 0 and out.splitlines() == [
        "good.csv was imported before: nothing written (已导入过, 未写入)",
        # a replay numbers what an interrupted run left unnumbered: here nothing
        "archive numbers: every account has one (档案号: 无需编号)",
    ]
