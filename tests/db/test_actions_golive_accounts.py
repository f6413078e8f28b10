"""Going live, the accounts (migration 0020): a generated 1,000-row file in
each format (CSV UTF-8, CSV GBK, XLSX) imported by a real batch login, the
search keys as for any account, re-import and dry run writing nothing, the
database's own refusals, and the raw SQL a clerk or a batch login could
send instead."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select, text

from counter_app.db import models as m
from counter_app.demo.golive_files import ACCOUNT_HEADERS, account_rows, write_csv, write_xlsx
from counter_app.domain.idnumber import upgrade_15_to_18
from counter_app.domain.masking import mask_id_number, mask_phone
from counter_app.domain.pinyin import name_keys
from counter_app.services.actions import ActionError, call
from counter_app.services.imports.accounts import import_accounts
from counter_app.services.imports.readings import import_readings
from counter_app.services.installation.batch import jsonb
from tests.support.builders import make_reference

TODAY = date(2026, 12, 4)


@pytest.fixture
def golive(db, login_batch):
    with db.write() as s:
        make_reference(s)
    batch, _name = login_batch()
    return batch


def _gbk(row: dict[str, str]) -> bool:
    try:
        "".join(row.values()).encode("gbk")
    except UnicodeEncodeError:
        return False
    return True


def _counts(db) -> tuple[int, int, int, int]:
    with db.read() as s:
        return tuple(
            s.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (m.Account, m.Meter, m.Reading, m.GoliveImport)
        )


@pytest.mark.parametrize("kind", ["csv-utf8", "csv-gbk", "xlsx"])
def test_a_thousand_accounts_in_each_format_import_once(db, golive, tmp_path, kind):
    rows = account_rows(1000, seed=7)
    if kind == "csv-gbk":  # names GBK has (the rarest characters are GB18030's only)
        rows = [r for r in account_rows(1100, seed=7) if _gbk(r)][:1000]
    if kind == "xlsx":
        path = write_xlsx(tmp_path / "accounts.xlsx", ACCOUNT_HEADERS, rows)
    else:
        path = write_csv(
            tmp_path / "accounts.csv",
            ACCOUNT_HEADERS,
            rows,
            encoding="gbk" if kind == "csv-gbk" else "utf-8-sig",
        )
    report = import_accounts(golive, path, today=TODAY)
    assert report.errors == ()
    assert (report.rows, report.accounts, report.meters, report.readings, report.skipped) == (
        1000,
        1000,
        1000,
        1000,
        0,
    )
    assert _counts(db) == (1000, 1000, 1000, 1)

    again = import_accounts(golive, path, today=TODAY)
    assert again.replayed and again.accounts == 0 and _counts(db) == (1000, 1000, 1000, 1)

    # the search keys are built as for any account; leading zeros survive
    first = rows[0]
    with db.read() as s:
        a = s.execute(select(m.Account).where(m.Account.account_no == "00000001")).scalar_one()
        meter = s.execute(select(m.Meter).where(m.Meter.account_id == a.id)).scalar_one()
        reading = s.execute(select(m.Reading).where(m.Reading.meter_id == meter.id)).scalar_one()
    expected_id = first["证件号码"]
    if len(expected_id) == 15:
        expected_id = upgrade_15_to_18(expected_id)
    assert (a.name, a.id_number, a.id_masked, a.id_tail) == (
        first["户名"],
        expected_id,
        mask_id_number(expected_id),
        expected_id[-6:],
    )
    assert (a.name_pinyin, a.name_initials) == name_keys(first["户名"])
    assert a.mobile_masked == mask_phone(first["手机"] or None)
    assert a.landline_masked == mask_phone(first["固定电话"] or None)
    assert (a.archive_no, a.cabinet_no, meter.meter_no) == (
        "DA00000001",
        first["档案柜号"],
        "0000000001",
    )
    assert (reading.reading, reading.usage, reading.source, reading.period) == (
        int(first["上次读数"]),
        0,
        "opening",
        "2026-10",
    )


def test_the_first_real_reading_follows_the_imported_last_reading(db, golive, tmp_path):
    rows = account_rows(3, seed=3)
    import_accounts(golive, write_csv(tmp_path / "a.csv", ACCOUNT_HEADERS, rows), today=TODAY)
    last = int(rows[0]["上次读数"])
    readings = write_csv(
        tmp_path / "r.csv",
        ("用户号", "表号", "抄表期间", "抄表日期", "本期读数"),
        [
            {
                "用户号": "00000001",
                "表号": "0000000001",
                "抄表期间": "2026-12",
                "抄表日期": "2026-12-01",
                "本期读数": str(last + 17),
            }
        ],
    )
    report = import_readings(golive, readings, today=TODAY)
    assert report.errors == () and report.written == 1
    with db.read() as s:
        new = s.execute(select(m.Reading).where(m.Reading.period == "2026-12")).scalar_one()
    assert (new.previous_reading, new.usage) == (last, 17)


def test_dry_run_writes_nothing_and_a_changed_file_skips_what_is_there(db, golive, tmp_path):
    rows = account_rows(20, seed=5)
    path = write_csv(tmp_path / "a.csv", ACCOUNT_HEADERS, rows[:10])
    dry = import_accounts(golive, path, dry_run=True, today=TODAY)
    assert dry.dry_run and dry.accounts == 10 and _counts(db) == (0, 0, 0, 0)
    assert import_accounts(golive, path, today=TODAY).accounts == 10
    # the whole file later (another hash): the first ten are skipped by 用户号
    bigger = write_csv(tmp_path / "b.csv", ACCOUNT_HEADERS, rows)
    report = import_accounts(golive, bigger, today=TODAY)
    assert (report.accounts, report.skipped, report.replayed) == (10, 10, False)
    assert _counts(db) == (20, 20, 20, 2)


def test_the_same_account_number_with_another_meter_is_refused(db, golive, tmp_path):
    rows = account_rows(2, seed=5)
    import_accounts(golive, write_csv(tmp_path / "a.csv", ACCOUNT_HEADERS, rows), today=TODAY)
    rows[1]["表号"] = "X999"
    report = import_accounts(
        golive, write_csv(tmp_path / "b.csv", ACCOUNT_HEADERS, rows), today=TODAY
    )
    assert [(e.line, e.column) for e in report.errors] == [(3, "用户号")]
    assert "another meter" in report.errors[0].message
    assert _counts(db) == (2, 2, 2, 1)


# ------------------------------------------------------------ the database


def _payload(**change) -> list[dict]:
    row = dict(
        line=2,
        account_no="00000001",
        name="张三",
        name_pinyin="zhangsan",
        name_initials="zs",
        id_number="37082919900101123X",
        mobile="13812345678",
        landline=None,
        address="建设路1号",
        meter_location="",
        account_type="household",
        households_total=None,
        price_category="RES",
        area_code="A01",
        book_no="B1",
        read_cycle_months=2,
        meter_no="M1",
        caliber_mm=20,
        dial_digits=5,
        installed_on=None,
        verified_on=None,
        archive_no=None,
        cabinet_no="",
        opened_on=None,
        last_reading=100,
        last_read_on="2026-10-20",
    )
    row.update(change)
    return [row]


HASH = "a" * 64


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (dict(id_number="370829199001011234"), "rows[line 2].id_number"),
        (dict(id_number="370829900101123"), "rows[line 2].id_number"),  # 15 digits: upgrade first
        (dict(mobile="1381234567"), "rows[line 2].mobile"),
        (dict(price_category="NOPE"), "rows[line 2].price_category"),
        (dict(area_code="Z9"), "rows[line 2].area_code"),
        (dict(last_reading=100000), "rows[line 2].last_reading"),
        (dict(installed_on="2019-02-30"), "rows[line 2].installed_on"),
        (dict(last_read_on="2999-01-01"), "rows[line 2].last_read_on"),
    ],
)
def test_the_database_checks_every_row_again(db, golive, change, field):
    with pytest.raises(ActionError) as info:
        call(golive, "import_accounts", HASH, "a.csv", jsonb(_payload(**change)))
    assert info.value.field == field
    assert _counts(db) == (0, 0, 0, 0)


def test_the_database_refuses_a_duplicate_inside_the_file(db, golive):
    rows = _payload() + [dict(_payload()[0], line=3, meter_no="M2")]
    with pytest.raises(ActionError) as info:
        call(golive, "import_accounts", HASH, "a.csv", jsonb(rows))
    assert (info.value.code, info.value.field) == ("duplicate", "rows[line 3].account_no")
    assert _counts(db) == (0, 0, 0, 0)


def test_a_forged_mask_cannot_be_sent_the_server_masks(db, golive):
    rows = _payload(id_masked="37082919900101123X", mobile_masked="13812345678")
    call(golive, "import_accounts", HASH, "a.csv", jsonb(rows))
    with db.read() as s:
        a = s.execute(select(m.Account)).scalar_one()
    assert (a.id_masked, a.mobile_masked) == ("370829********123X", "138****5678")


# ------------------------------------------------------- raw SQL, refused


def test_a_clerk_cannot_import_nor_write_the_tables(db, golive, login_as):
    clerk, _who = login_as("admin")
    with pytest.raises(ActionError) as info:
        call(clerk, "import_accounts", HASH, "a.csv", jsonb(_payload()))
    assert info.value.kind == "forbidden"
    for statement in (
        "INSERT INTO accounts (account_no, name, address, account_type, price_category, "
        "area_code) VALUES ('9', 'x', 'y', 'household', 'RES', 'A01')",
        "INSERT INTO golive_imports VALUES ('accounts', repeat('b', 64), 'x', 1, '{}', 'me', "
        "now())",
        "SELECT counter_text_date('2020-01-01')",
    ):
        with pytest.raises(Exception, match="permission denied"), clerk.engine.begin() as conn:
            conn.execute(text(statement))
    assert _counts(db) == (0, 0, 0, 0)


def test_a_batch_login_cannot_write_the_tables_directly(db, golive):
    for statement in (
        "INSERT INTO accounts (account_no, name, address, account_type, price_category, "
        "area_code) VALUES ('9', 'x', 'y', 'household', 'RES', 'A01')",
        "INSERT INTO meters (account_id, meter_no) VALUES (1, 'M9')",
        "INSERT INTO golive_imports VALUES ('accounts', repeat('b', 64), 'x', 1, '{}', 'me', "
        "now())",
        "UPDATE accounts SET archive_no = 'X'",
    ):
        with pytest.raises(Exception, match="permission denied"), golive.engine.begin() as conn:
            conn.execute(text(statement))
    assert _counts(db) == (0, 0, 0, 0)


def test_the_import_is_audited_as_one_batch(db, golive, tmp_path):
    path = write_csv(tmp_path / "a.csv", ACCOUNT_HEADERS, account_rows(5))
    import_accounts(golive, path, today=TODAY)
    with db.read() as s:
        events = (
            s.execute(select(m.AuditEvent).where(m.AuditEvent.action == "golive.accounts"))
            .scalars()
            .all()
        )
    assert len(events) == 1 and events[0].entity_id == "a.csv"
    assert '"accounts": 5' in events[0].details
