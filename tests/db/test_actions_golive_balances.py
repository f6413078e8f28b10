"""Going live, the opening balances (migration 0020): unpaid bills as opening
bills, prepayments as opening ledger rows, the totals of the file and of the
database side by side and to the cent, re-import a no-op, the books clean,
and the raw SQL a clerk or a batch login could send instead."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text

from counter_app.db import models as m
from counter_app.demo.golive_files import (
    ACCOUNT_HEADERS,
    BALANCE_HEADERS,
    account_rows,
    balance_rows,
    write_csv,
    write_xlsx,
)
from counter_app.services.accounts.ledger import open_bills
from counter_app.services.actions import ActionError, call
from counter_app.services.imports.accounts import import_accounts
from counter_app.services.imports.balances import Totals, import_balances
from counter_app.services.installation.batch import jsonb
from counter_app.services.tariffs.service import save_tariff
from tests.support.builders import RES, make_reference

TODAY = date(2026, 12, 4)
HASH = "c" * 64


@pytest.fixture
def accounts(db, login_batch, tmp_path):
    """1,000 imported accounts; (batch login, their rows)."""
    with db.write() as s:
        make_reference(s)
        save_tariff(s, RES)
    batch, _name = login_batch()
    rows = account_rows(1000, seed=11)
    report = import_accounts(
        batch, write_csv(tmp_path / "accounts.csv", ACCOUNT_HEADERS, rows), today=TODAY
    )
    assert report.accounts == 1000
    return batch, rows


def _books(db) -> list:
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT * FROM counter_books_check()")).all()


def _db_totals(db) -> tuple[int, Decimal, Decimal]:
    with db.read() as s:
        bills = s.execute(select(func.count(), func.coalesce(func.sum(m.Bill.amount), 0))).one()
        prepaid = s.execute(
            select(func.coalesce(func.sum(m.Account.prepayment_balance), 0))
        ).scalar_one()
    return bills[0], Decimal(bills[1]), Decimal(prepaid)


@pytest.mark.parametrize("kind", ["csv-utf8", "csv-gbk", "xlsx"])
def test_balances_carry_over_and_the_totals_agree_to_the_cent(db, accounts, tmp_path, kind):
    batch, rows = accounts
    balances = balance_rows(rows, seed=3)
    path = (
        write_xlsx(tmp_path / "b.xlsx", BALANCE_HEADERS, balances)
        if kind == "xlsx"
        else write_csv(
            tmp_path / "b.csv",
            BALANCE_HEADERS,
            balances,
            encoding="gbk" if kind == "csv-gbk" else "utf-8",
        )
    )
    expected_bills = [b for b in balances if b["账期"]]
    expected = Totals(
        len(expected_bills),
        sum((Decimal(b["金额"]) for b in expected_bills), Decimal("0.00")),
        sum((Decimal(b["预存余额"]) for b in balances if b["预存余额"]), Decimal("0.00")),
    )
    report = import_balances(batch, path, today=TODAY)
    assert report.errors == () and report.ok and report.agree
    assert report.file_totals == expected == report.database_totals
    assert report.bills_written == expected.bills > 200
    assert _db_totals(db) == (expected.bills, expected.bills_amount, expected.prepayment)
    assert _books(db) == []

    # an opening bill is a bill like any other: open, one 'opening' line
    first = expected_bills[0]
    with db.read() as s:
        account = s.execute(
            select(m.Account).where(m.Account.account_no == first["用户号"])
        ).scalar_one()
        lines = (
            s.execute(
                select(m.BillLine)
                .join(m.Bill, m.Bill.id == m.BillLine.bill_id)
                .where(m.Bill.account_id == account.id)
            )
            .scalars()
            .all()
        )
        owed = open_bills(s, account.id)
    assert {line.kind for line in lines} == {"opening"}
    assert Decimal(first["金额"]) in [b.outstanding for b in owed]

    # re-import: nothing new, the same totals
    again = import_balances(batch, path, today=TODAY)
    assert again.replayed and again.database_totals == expected
    assert _db_totals(db) == (expected.bills, expected.bills_amount, expected.prepayment)
    with db.read() as s:
        audits = s.execute(
            select(func.count())
            .select_from(m.AuditEvent)
            .where(m.AuditEvent.action == "golive.balances")
        ).scalar_one()
    assert audits == 1


def test_dry_run_writes_nothing(db, accounts, tmp_path):
    batch, rows = accounts
    path = write_csv(tmp_path / "b.csv", BALANCE_HEADERS, balance_rows(rows))
    report = import_balances(batch, path, dry_run=True, today=TODAY)
    assert report.ok and report.dry_run and report.database_totals is None
    assert report.file_totals.bills > 0
    assert _db_totals(db) == (0, Decimal(0), Decimal(0))


def test_a_changed_file_skips_what_is_there_and_refuses_another_amount(db, accounts, tmp_path):
    batch, rows = accounts
    first = [
        {
            "用户号": "00000001",
            "账期": "2026-10",
            "用水量": "10",
            "金额": "34.50",
            "应缴日期": "2026-10-28",
            "预存余额": "12.00",
        }
    ]
    assert (
        import_balances(
            batch, write_csv(tmp_path / "1.csv", BALANCE_HEADERS, first), today=TODAY
        ).bills_written
        == 1
    )
    more = first + [
        {
            "用户号": "00000002",
            "账期": "2026-10",
            "用水量": "1",
            "金额": "3.45",
            "应缴日期": "2026-10-28",
            "预存余额": "",
        }
    ]
    report = import_balances(
        batch, write_csv(tmp_path / "2.csv", BALANCE_HEADERS, more), today=TODAY
    )
    assert (report.bills_written, report.prepayments_written, report.skipped) == (1, 0, 2)
    assert report.agree
    other = [dict(first[0], 金额="40.00")]
    report = import_balances(
        batch, write_csv(tmp_path / "3.csv", BALANCE_HEADERS, other), today=TODAY
    )
    assert [(e.line, e.column) for e in report.errors] == [(2, "账期")]
    assert _db_totals(db) == (2, Decimal("37.95"), Decimal("12.00"))
    assert _books(db) == []


def test_unknown_account_and_bad_rows_name_line_and_column(db, accounts, tmp_path):
    batch, _rows = accounts
    bad = [
        {
            "用户号": "99999999",
            "账期": "2026-10",
            "用水量": "1",
            "金额": "3.45",
            "应缴日期": "2026-10-28",
        },
        {
            "用户号": "00000003",
            "账期": "2026-13",
            "用水量": "1",
            "金额": "3.456",
            "应缴日期": "2026-10-28",
        },
        {"用户号": "00000004", "账期": "", "金额": "", "预存余额": ""},
        {
            "用户号": "00000005",
            "账期": "2026-10",
            "金额": "1.00",
            "应缴日期": "2026-10-28",
            "预存余额": "5",
        },
        {
            "用户号": "00000005",
            "账期": "2026-09",
            "金额": "1.00",
            "应缴日期": "2026-09-28",
            "预存余额": "6",
        },
    ]
    report = import_balances(
        batch, write_csv(tmp_path / "b.csv", BALANCE_HEADERS, bad), today=TODAY
    )
    assert [(e.line, e.column) for e in report.errors] == [
        (2, "用户号"),
        (3, "账期"),
        (3, "金额"),
        (4, "金额"),
        (6, "预存余额"),
    ]
    assert (
        report.errors[0].message == "no account 99999999: import the accounts first "
        "(import-accounts)"
    )
    assert _db_totals(db) == (0, Decimal(0), Decimal(0))


# ------------------------------------------------------- raw SQL, refused


def _bill(**change) -> list[dict]:
    row = dict(
        line=2,
        account_no="00000001",
        period="2026-10",
        usage=10,
        amount="34.50",
        due_on="2026-10-28",
    )
    row.update(change)
    return [row]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (dict(amount="-5.00"), "rows[line 2].amount"),
        (dict(amount="1.005"), "rows[line 2].amount"),
        (dict(period="2999-01"), "rows[line 2].period"),
        (dict(account_no="nobody"), "rows[line 2].account_no"),
        (dict(due_on="2026-02-30"), "rows[line 2].due_on"),
    ],
)
def test_the_database_checks_every_bill_again(db, accounts, change, field):
    batch, _rows = accounts
    with pytest.raises(ActionError) as info:
        call(batch, "import_balances", HASH, "b.csv", jsonb(_bill(**change)), jsonb([]))
    assert info.value.field == field
    assert _db_totals(db) == (0, Decimal(0), Decimal(0))


def test_a_forged_prepayment_is_refused(db, accounts):
    batch, _rows = accounts
    for amount in ("-10.00", "0", "1e3"):
        with pytest.raises(ActionError) as info:
            call(
                batch,
                "import_balances",
                HASH,
                "b.csv",
                jsonb([]),
                jsonb([dict(line=2, account_no="00000001", amount=amount)]),
            )
        assert info.value.field == "rows[line 2].prepayment"
    assert _db_totals(db) == (0, Decimal(0), Decimal(0)) and _books(db) == []


def test_a_clerk_cannot_import_balances_nor_write_bills_or_the_ledger(db, accounts, login_as):
    clerk, _who = login_as("supervisor")
    with pytest.raises(ActionError) as info:
        call(clerk, "import_balances", HASH, "b.csv", jsonb(_bill()), jsonb([]))
    assert info.value.kind == "forbidden"
    for statement in (
        "INSERT INTO bills (account_id, period, tariff_id, period_start, period_end, "
        "start_reading, end_reading, usage, amount, due_on) SELECT id, '2026-10', 1, "
        "'2026-10-01', '2026-10-31', 0, 0, 0, 10, '2026-10-28' FROM accounts LIMIT 1",
        "INSERT INTO prepayment_ledger (account_id, kind, amount, balance_after) "
        "SELECT id, 'opening', 10, 10 FROM accounts LIMIT 1",
        "UPDATE accounts SET prepayment_balance = 10",
    ):
        with pytest.raises(Exception, match="permission denied"), clerk.engine.begin() as conn:
            conn.execute(text(statement))
    assert _db_totals(db) == (0, Decimal(0), Decimal(0)) and _books(db) == []


def test_a_batch_login_cannot_forge_opening_rows_outside_the_action(db, accounts):
    batch, _rows = accounts
    for statement in (
        "INSERT INTO bills (account_id, period, tariff_id, period_start, period_end, "
        "start_reading, end_reading, usage, amount, due_on) SELECT id, '2026-10', 1, "
        "'2026-10-01', '2026-10-31', 0, 0, 0, 10, '2026-10-28' FROM accounts LIMIT 1",
        "INSERT INTO bill_lines (bill_id, line_no, kind, component, volume, unit_price, amount, "
        "label) VALUES (1, 1, 'opening', 'opening', 0, 0, 10, 'x')",
        "INSERT INTO prepayment_ledger (account_id, kind, amount, balance_after) "
        "SELECT id, 'opening', 10, 10 FROM accounts LIMIT 1",
        "UPDATE accounts SET prepayment_balance = 10",
        "INSERT INTO golive_imports VALUES ('balances', repeat('d', 64), 'x', 1, '{}', 'me', "
        "now())",
    ):
        with pytest.raises(Exception, match="permission denied"), batch.engine.begin() as conn:
            conn.execute(text(statement))
    # nor through the internal helper a trigger or another action uses
    with pytest.raises(Exception, match="permission denied"), batch.engine.begin() as conn:
        conn.execute(text("SELECT counter_text_date('2026-01-01')"))
    assert _db_totals(db) == (0, Decimal(0), Decimal(0)) and _books(db) == []


def test_counter_admin_prints_the_totals_side_by_side(db, accounts, tmp_path, capsys):
    from counter_app.cli import main

    batch, _rows = accounts
    rows = [
        {
            "用户号": "00000001",
            "账期": "2026-10",
            "用水量": "10",
            "金额": "34.50",
            "应缴日期": "2026/10/28",
            "预存余额": "12.30",
        },
        {
            "用户号": "00000002",
            "账期": "202609",
            "用水量": "2",
            "金额": "6.90",
            "应缴日期": "20260928",
            "预存余额": "",
        },
    ]
    path = write_csv(tmp_path / "期初.csv", BALANCE_HEADERS, rows, encoding="gbk")
    url = batch.engine.url.render_as_string(hide_password=False)
    assert main(["--database-url", url, "import-balances", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].split() == ["opening", "bills", "期初账单", "2", "2"]
    assert out[2].split() == ["bills", "amount", "欠费金额", "41.40", "41.40"]
    assert out[3].split() == ["prepayment", "预存余额", "12.30", "12.30"]
    assert out[4] == (
        "2 rows: 2 opening bills, 1 prepayments written; 0 skipped as already "
        "present; totals agree (一致)"
    )
    assert main(["--database-url", url, "import-balances", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "期初.csv was imported before: nothing written (已导入过, 未写入)"
    )
    assert _books(db) == []
