"""import-readings: every row validated, rejects reported by line, all or nothing."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from counter_app.db import models as m
from counter_app.services.imports.readings import ImportFileError, import_readings
from tests.support.builders import make_account, make_reference

TODAY = date(2026, 11, 23)


@pytest.fixture
def accounts(db):
    with db.write() as s:
        make_reference(s)
        for n, (no, digits) in enumerate((("01000001", 5), ("01000002", 4)), start=1):
            a = make_account(s, no)
            s.add(m.Meter(account_id=a.id, meter_no=f"M{n}", dial_digits=digits))
        s.flush()
        a1 = s.execute(select(m.Account.id).where(m.Account.account_no == "01000001")).scalar_one()
        meter = s.execute(select(m.Meter.id).where(m.Meter.meter_no == "M1")).scalar_one()
        s.add(
            m.Reading(
                account_id=a1,
                meter_id=meter,
                period="2026-08",
                read_on=date(2026, 8, 20),
                previous_reading=0,
                reading=1200,
                usage=1200,
            )
        )
    return db


@pytest.fixture
def batch(login_batch):
    """Imports run as a login of counter_batch."""
    return login_batch()[0]


def _count(db) -> int:
    with db.read() as s:
        return s.execute(select(func.count()).select_from(m.Reading)).scalar_one()


def _csv(tmp_path, text: str, encoding: str = "utf-8"):
    path = tmp_path / "readings.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_good_csv_is_written(accounts, tmp_path, batch):
    path = _csv(
        tmp_path,
        "用户号,表号,抄表期间,抄表日期,本期读数\n"
        "01000001,M1,2026-10,2026-10-20,1225\n"
        "01000002,,2026-10,2026-10-21,９９\n",  # full-width digits from an IME
    )
    report = import_readings(batch, path, today=TODAY)
    assert report.ok and report.written == 2
    with accounts.read() as s:
        usage = (
            s.execute(
                select(m.Reading.usage).where(m.Reading.period == "2026-10").order_by(m.Reading.id)
            )
            .scalars()
            .all()
        )
    assert usage == [25, 99]


def test_gb18030_csv_from_excel_is_read(accounts, tmp_path, batch):
    path = _csv(
        tmp_path, "用户号,抄表期间,抄表日期,本期读数\n01000002,2026-10,2026/10/21,5\n", "gb18030"
    )
    assert import_readings(batch, path, today=TODAY).written == 1


def test_bad_rows_are_reported_by_line_and_nothing_is_written(accounts, tmp_path, batch):
    path = _csv(
        tmp_path,
        "用户号,表号,抄表期间,抄表日期,本期读数\n"
        "01000001,M1,2026-10,2026-10-20,1225\n"  # 2: fine
        "09999999,,2026-10,2026-10-20,5\n"  # 3: no such account
        "01000002,,2026-13,2026-10-20,5\n"  # 4: bad period
        "01000002,,2026-10,2026-10-20,-5\n"  # 5: negative
        "01000002,,2026-10,2026-10-20,1.5\n"  # 6: not whole
        "01000001,M1,2026-10,2026-10-20,1226\n"  # 7: duplicate of line 2
        "01000002,M1,2026-10,2026-10-20,5\n"  # 8: meter of another account
        "01000002,,2026-10,2027-01-01,5\n"  # 9: future date
        "01000002,,,2026-10-20,5\n",  # 10: empty period
    )
    before = _count(accounts)
    report = import_readings(batch, path, today=TODAY)
    assert not report.ok and report.written == 0
    assert [(e.line, e.field) for e in report.errors] == [
        (3, "account_no"),
        (4, "period"),
        (5, "reading"),
        (6, "reading"),
        (7, "period"),
        (8, "meter_no"),
        (9, "read_on"),
        (10, "period"),
    ]
    assert _count(accounts) == before


def test_lower_reading_is_refused_unless_rollover(accounts, tmp_path, batch):
    path = _csv(
        tmp_path, "用户号,表号,抄表期间,抄表日期,本期读数\n01000001,M1,2026-10,2026-10-20,1100\n"
    )
    report = import_readings(batch, path, today=TODAY)
    assert [(e.line, e.field) for e in report.errors] == [(2, "reading")]
    assert "lower" in report.errors[0].message


def test_xlsx_with_excel_dates(accounts, tmp_path, batch):
    book = Workbook()
    sheet = book.active
    sheet.append(["account_no", "meter_no", "period", "read_on", "reading"])
    sheet.append(["01000001", "M1", "2026-10", date(2026, 10, 20), 1230])
    sheet.append([1000002, None, "2026-10", date(2026, 10, 20), 40])  # number-typed account no
    path = tmp_path / "r.xlsx"
    book.save(path)
    report = import_readings(batch, path, today=TODAY)
    assert [(e.line, e.field) for e in report.errors] == [(3, "account_no")]


def test_dry_run_writes_nothing(accounts, tmp_path, batch):
    path = _csv(tmp_path, "用户号,抄表期间,抄表日期,本期读数\n01000002,2026-10,2026-10-21,5\n")
    before = _count(accounts)
    report = import_readings(batch, path, dry_run=True, today=TODAY)
    assert report.ok and report.written == 0 and _count(accounts) == before


@pytest.mark.parametrize(
    ("name", "content", "match"),
    [
        ("r.csv", b"", "empty"),
        ("r.csv", "户名,地址\n张三,x\n".encode(), "missing column"),
        ("r.txt", b"x", "unsupported"),
        ("r.xlsx", b"not a zip", "cannot open"),
    ],
)
def test_unreadable_files_are_refused_whole(accounts, tmp_path, name, content, match, batch):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=match):
        import_readings(batch, path, today=TODAY)


def test_the_same_file_twice_posts_nothing_new(accounts, batch, tmp_path):
    path = _csv(tmp_path, "用户号,抄表期间,抄表日期,本期读数\n01000002,2026-10,2026-10-21,5\n")
    first = import_readings(batch, path, today=TODAY)
    assert first.written == 1 and not first.replayed
    before = _count(accounts)
    again = import_readings(batch, path, today=TODAY)
    assert again.replayed and again.written == 0 and again.ok
    assert _count(accounts) == before


def test_a_row_the_database_refuses_is_reported_by_its_line(accounts, batch, tmp_path):
    """Another import wrote the meter's reading between the check and the
    write: the database's own check names the line, and nothing is written."""
    from counter_app.services.imports import readings as ri

    path = _csv(
        tmp_path, "用户号,表号,抄表期间,抄表日期,本期读数\n01000001,M1,2026-10,2026-10-20,1225\n"
    )
    rows = ri._rows_from_file(path)
    other = tmp_path / "other.csv"
    other.write_text(
        "用户号,表号,抄表期间,抄表日期,本期读数\n01000001,M1,2026-09,2026-09-20,1210\n"
    )
    # validated first (as the service does), then someone else's import lands
    with accounts.read() as s:
        v = ri._Validator(s, TODAY)
        assert all(v.parse(r) for r in rows)
        v.resolve_meters(rows)
        v.check_sequence(rows[0])
    assert import_readings(batch, other, today=TODAY).written == 1
    before = _count(accounts)
    from counter_app.services.actions import ActionError, call

    with pytest.raises(ActionError) as refused:
        call(
            batch,
            "import_readings",
            "a" * 64,
            "readings.csv",
            ri.jsonb([ri._payload(r) for r in rows]),
        )
    assert (refused.value.code, refused.value.field) == ("stale", "rows[line 2].reading")
    assert ri._refused_row(refused.value) == ri.RowError(2, "reading", refused.value.message)
    assert _count(accounts) == before
