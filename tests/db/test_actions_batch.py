"""The batch and administration actions (migration 0016), signed in as real
logins: billing and imports as a login of counter_batch, halls and clerks'
rows as an admin, adjustments as a supervisor; and the raw SQL each of them
could send instead, refused."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.services.accounts.ledger import arrears, open_bills
from counter_app.services.actions import ActionError, call
from counter_app.services.installation.batch import jsonb
from counter_app.services.installation.halls import HallError, create_hall
from counter_app.services.tariffs.billing import adjust_bill, bill_period
from tests.support.builders import make_clerk_row, make_payment
from tests.support.database import _payload

D = Decimal


def _bill_of(db: Database, account_id: int, period: str) -> m.Bill:
    with db.read() as s:
        bill = s.execute(
            select(m.Bill).where(
                m.Bill.account_id == account_id,
                m.Bill.period == period,
                m.Bill.adjusts_bill_id.is_(None),
            )
        ).scalar_one()
        s.expunge(bill)
        return bill


@pytest.fixture
def paid_bill(utility) -> m.Bill:
    """The 2026-02 bill (12 m³: 25.20 + 11.40 + 4.80 = 41.40), paid in full."""
    assert bill_period(utility.batch, "2026-02").billed == 1
    bill = _bill_of(utility.db, utility.account_id, "2026-02")
    with utility.db.write() as s:
        account = s.get(m.Account, utility.account_id)
        payment = make_payment(s, account, make_clerk_row(s, "payer"), str(bill.amount))
        s.add(m.Allocation(payment_id=payment.id, bill_id=bill.id, amount=bill.amount))
    return bill


def _refused(db: Database, statement: str) -> str:
    with pytest.raises(DBAPIError) as info, db.engine.begin() as conn:
        conn.execute(text(statement))
    return str(info.value.orig)


def _count(db: Database, table: str) -> int:
    with db.read() as s:
        return s.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


# ------------------------------------------------------------------ billing


def test_billing_is_one_action_of_the_batch_login_attributed_by_the_database(utility):
    report = bill_period(utility.batch, "2026-02")
    assert (report.billed, report.total_amount) == (1, D("41.40"))
    bill = _bill_of(utility.db, utility.account_id, "2026-02")
    assert (bill.start_reading, bill.end_reading, bill.usage, bill.amount) == (
        0,
        12,
        12,
        D("41.40"),
    )
    with utility.db.read() as s:
        audit = s.execute(
            text("SELECT clerk, entity_id, details FROM audit_events WHERE action = 'billing.run'")
        ).one()
    assert audit.clerk == utility.batch_name and audit.entity_id == "2026-02"
    assert json.loads(audit.details) == {"billed": 1, "total": 41.40}


def test_the_payload_sent_by_the_service_is_what_the_action_accepts(utility):
    """The hand-made payload of these tests is the one the service sends."""
    result = call(utility.batch, "issue_bills", "2026-02", jsonb(_payload(utility)))
    assert (result["billed"], result["total"]) == (1, D("41.40"))


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"amount": D("41.41")}, "sum", "bills[0].amount"),
        ({"amount": D("41.405")}, "decimals", "bills[0].amount"),
        ({"tariff_id": 999}, "tariff", "bills[0].tariff_id"),
        ({"reading_id": 999}, "reading", "bills[0].reading_id"),
        ({"due_on": date(2026, 2, 1)}, "dates", "bills[0]"),
    ],
)
def test_a_bill_that_does_not_hold_together_is_refused_whole(utility, changes, code, field):
    with pytest.raises(ActionError) as refused:
        call(utility.batch, "issue_bills", "2026-02", jsonb(_payload(utility, **changes)))
    assert (refused.value.code, refused.value.field) == (code, field)
    assert _count(utility.db, "bills") == 0 and _count(utility.db, "bill_lines") == 0


@pytest.mark.parametrize(
    ("line_change", "reason"),
    [
        ({"amount": D("25.205")}, "two decimals"),
        ({"unit_price": D("0.01"), "amount": D("0.12")}, "tariff's price"),
        ({"amount": D("2.52")}, "volume times"),
        ({"volume": 1, "amount": D("2.10")}, "whole usage"),
        ({"kind": "bonus"}, "charge or a relief"),
    ],
)
def test_lines_are_checked_against_the_tariff_and_the_reading(utility, line_change, reason):
    payload = _payload(utility)
    payload[0]["lines"][0].update(line_change)
    payload[0]["amount"] = sum(line["amount"] for line in payload[0]["lines"])
    with pytest.raises(ActionError) as refused:
        call(utility.batch, "issue_bills", "2026-02", jsonb(payload))
    assert refused.value.code in ("lines", "decimals") and reason in refused.value.message
    assert _count(utility.db, "bills") == 0


def test_a_billed_period_is_not_issued_again(utility):
    bill_period(utility.batch, "2026-02")
    with pytest.raises(ActionError) as refused:
        call(utility.batch, "issue_bills", "2026-02", jsonb(_payload(utility)))
    assert (refused.value.kind, refused.value.code) == ("conflict", "already_billed")
    assert _count(utility.db, "bills") == 1
    again = bill_period(utility.batch, "2026-02")
    assert (again.billed, again.already_billed) == (0, 1)


# ---------------------------------------------------------- immutable bills


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE bills SET amount = 0",
        "UPDATE bill_lines SET amount = 0",
        "DELETE FROM bills",
        "DELETE FROM bill_lines",
        "INSERT INTO bill_lines (bill_id, line_no, kind, component, volume, unit_price, amount,"
        " label) SELECT id, 9, 'relief', 'basic', 0, 0, -41.40, 'x' FROM bills",
        "TRUNCATE bills CASCADE",
    ],
)
def test_an_admin_login_cannot_touch_a_paid_bill(paid_bill, login_as, statement):
    admin_db, _ = login_as("admin")
    assert "permission denied" in _refused(admin_db, statement)
    assert _bill_of(admin_db, paid_bill.account_id, "2026-02").amount == D("41.40")


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE bills SET amount = 0",
        "UPDATE bill_lines SET amount = 0",
        "DELETE FROM bill_lines",
        "TRUNCATE bill_lines",
    ],
)
def test_the_owner_is_refused_by_the_trigger_too(paid_bill, utility, statement):
    assert "append-only" in _refused(utility.db, statement)
    assert _bill_of(utility.db, utility.account_id, "2026-02").amount == D("41.40")


# ------------------------------------------------------------- adjustments


def test_a_correction_is_a_credit_bill_linked_and_approved(paid_bill, utility, login_as):
    boss_db, boss = login_as("supervisor")
    made = adjust_bill(boss_db, paid_bill.id, D("-10.00"), " 表计故障，多计 ", workstation="WS-3")
    assert (made.adjusts_bill_id, made.amount, made.reason, made.approved_by, made.net) == (
        paid_bill.id,
        D("-10.00"),
        "表计故障，多计",
        boss.username,
        D("31.40"),
    )
    with utility.db.read() as s:
        row = s.get(m.Bill, made.bill_id)
        assert (row.adjusts_bill_id, row.approved_by, row.amount, row.period) == (
            paid_bill.id,
            boss.id,
            D("-10.00"),
            "2026-02",
        )
        lines = s.execute(
            select(m.BillLine.kind, m.BillLine.amount).where(m.BillLine.bill_id == made.bill_id)
        ).all()
        assert [tuple(line) for line in lines] == [("adjust", D("-10.00"))]
        audit = s.execute(
            text("SELECT clerk, workstation FROM audit_events WHERE action = 'bill.adjust'")
        ).one()
    assert tuple(audit) == (boss.username, "WS-3")
    assert _bill_of(utility.db, utility.account_id, "2026-02").amount == D("41.40")


def test_the_ledger_counts_a_credit_on_the_bill_it_corrects(utility, login_as):
    bill_period(utility.batch, "2026-02")
    bill = _bill_of(utility.db, utility.account_id, "2026-02")
    boss_db, _ = login_as("supervisor")
    adjust_bill(boss_db, bill.id, D("-11.40"), "污水费误收", workstation="WS")
    with utility.db.read() as s:
        [open_bill] = open_bills(s, utility.account_id)
        assert (open_bill.bill_id, open_bill.amount, open_bill.outstanding) == (
            bill.id,
            D("41.40"),
            D("30.00"),
        )
        assert arrears(s, [utility.account_id]) == {utility.account_id: D("30.00")}
    debit = adjust_bill(boss_db, bill.id, D("5.00"), "补收", workstation="WS")
    with utility.db.read() as s:
        assert [(b.bill_id, b.outstanding) for b in open_bills(s, utility.account_id)] == [
            (bill.id, D("30.00")),
            (debit.bill_id, D("5.00")),
        ]
        assert arrears(s, [utility.account_id]) == {utility.account_id: D("35.00")}


def test_a_credit_on_a_paid_bill_leaves_nothing_owed(paid_bill, utility, login_as):
    boss_db, _ = login_as("supervisor")
    adjust_bill(boss_db, paid_bill.id, D("-10.00"), "多计", workstation="WS")
    with utility.db.read() as s:
        assert open_bills(s, utility.account_id) == []
        assert arrears(s, [utility.account_id]) == {utility.account_id: D("0.00")}


@pytest.mark.parametrize(
    ("amount", "reason", "code"),
    [
        (D("-41.41"), "多计", "over_credit"),
        (D("0"), "多计", "negative"),
        (D("-1.005"), "多计", "decimals"),
        (D("-1.00"), "   ", "reason"),
    ],
)
def test_adjustments_are_refused_when_they_do_not_hold(
    paid_bill, login_as, amount, reason, code, utility
):
    boss_db, _ = login_as("supervisor")
    with pytest.raises(ActionError) as refused:
        call(boss_db, "adjust_bill", paid_bill.id, amount, reason, "WS")
    assert refused.value.code == code
    assert _count(utility.db, "bills") == 1


def test_a_clerk_cannot_adjust_nor_adjust_an_adjustment(paid_bill, login_as):
    clerk_db, _ = login_as("clerk")
    with pytest.raises(ActionError) as refused:
        adjust_bill(clerk_db, paid_bill.id, D("-1.00"), "x", workstation="WS")
    assert refused.value.code in ("role", "privilege")
    admin_db, _ = login_as("admin")
    made = adjust_bill(admin_db, paid_bill.id, D("-1.00"), "x", workstation="WS")
    with pytest.raises(ActionError) as refused:
        adjust_bill(admin_db, made.bill_id, D("-1.00"), "x", workstation="WS")
    assert refused.value.code == "adjustment"


# ------------------------------------------------------------ who may call


@pytest.mark.parametrize("role", ["clerk", "admin"])
def test_clerks_and_admins_cannot_call_the_batch_actions(utility, login_as, role):
    login, _ = login_as(role)
    for statement in (
        "SELECT counter_issue_bills('2026-02', '[]'::jsonb)",
        f"SELECT counter_import_readings('{'a' * 64}', 'f.csv', '[]'::jsonb)",
    ):
        assert "permission denied" in _refused(login, statement)


def test_the_batch_login_cannot_call_clerk_actions_nor_write_tables(utility):
    for statement in (
        "SELECT counter_adjust_bill(1, -1, 'x', 'WS')",
        "SELECT counter_create_hall('H2', 'x', '', '', 'WS')",
        "SELECT counter_save_clerk('someone', 'x', 'clerk', 'HQ', 'WS')",
        "SELECT counter_audit('WS', 'billing.run', 'period', '2026-02', '{}'::jsonb)",
        "INSERT INTO readings (account_id, meter_id, period, read_on, previous_reading, reading,"
        " usage, rolled_over, flags, source, created_at) VALUES (1, 1, '2026-04', '2026-04-20',"
        " 12, 20, 8, false, '', 'x', now())",
        "UPDATE readings SET reading = 0",
        "INSERT INTO bills (account_id, period, tariff_id, period_start, period_end,"
        " start_reading, end_reading, usage, amount, due_on, created_at) VALUES (1, '2026-04', 1,"
        " '2026-03-01', '2026-04-20', 0, 0, 0, 0, '2026-05-20', now())",
        "INSERT INTO reading_imports VALUES ('" + "b" * 64 + "', 'x', 0, 'me', now())",
        "SELECT id_number FROM accounts",
    ):
        assert "permission denied" in _refused(utility.batch, statement), statement


def test_a_login_without_a_clerks_row_is_refused_by_clerk_actions(utility):
    """Clerk actions check the clerks table: a batch login has no row there."""
    from counter_app.services.installation.clerks import ensure_login

    # even granted a clerk group, a login without a clerks row is refused
    ensure_login(utility.db, utility.batch_name, None, "counter_supervisor")
    with pytest.raises(ActionError) as refused:
        call(utility.batch, "adjust_bill", 1, D("-1.00"), "x", "WS")
    assert refused.value.code == "not_a_clerk"


# --------------------------------------------------------------- readings


def test_the_same_readings_file_is_posted_once(utility):
    rows = [
        dict(
            line=2,
            account_id=utility.account_id,
            meter_id=utility.meter_id,
            period="2026-04",
            read_on=date(2026, 4, 20),
            previous_reading=12,
            reading=30,
            usage=18,
            rolled_over=False,
            flags="",
        )
    ]
    first = call(utility.batch, "import_readings", "c" * 64, "r.csv", jsonb(rows))
    assert (first["written"], first["replayed"]) == (1, False)
    again = call(utility.batch, "import_readings", "c" * 64, "r.csv", jsonb(rows))
    assert (again["written"], again["replayed"], again["first_written"]) == (0, True, 1)
    # the same rows under another name (a copy of the file, edited): refused
    with pytest.raises(ActionError) as refused:
        call(utility.batch, "import_readings", "d" * 64, "copy.csv", jsonb(rows))
    assert (refused.value.code, refused.value.field) == ("already_read", "rows[line 2].period")
    with utility.db.read() as s:
        assert s.execute(select(func.count()).select_from(m.Reading)).scalar_one() == 2
        audit = (
            s.execute(text("SELECT clerk FROM audit_events WHERE action = 'readings.import'"))
            .scalars()
            .all()
        )
    assert audit == [utility.batch_name]


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"usage": 17}, "usage"),
        ({"previous_reading": 0, "usage": 30}, "stale"),
        ({"reading": 100000, "usage": 99988}, "reading"),
        ({"read_on": date(2026, 2, 1)}, "read_on"),
        ({"meter_id": 999}, "meter"),
    ],
)
def test_a_reading_that_does_not_follow_the_meter_is_refused(utility, change, code):
    row = (
        dict(
            line=2,
            account_id=utility.account_id,
            meter_id=utility.meter_id,
            period="2026-04",
            read_on=date(2026, 4, 20),
            previous_reading=12,
            reading=30,
            usage=18,
            rolled_over=False,
            flags="",
        )
        | change
    )
    with pytest.raises(ActionError) as refused:
        call(utility.batch, "import_readings", "e" * 64, "r.csv", jsonb([row]))
    assert refused.value.code == code
    assert _count(utility.db, "readings") == 1 and _count(utility.db, "reading_imports") == 0


# --------------------------------------------------------- administration


def test_an_admin_login_creates_a_hall_through_the_action_only(utility, login_as):
    admin_db, admin = login_as("admin")
    made = create_hall(
        admin_db, code="JX02", name="北关营业厅", receipt_prefix="bg", workstation="WS-9"
    )
    assert (made.code, made.receipt_prefix) == ("JX02", "BG")
    with utility.db.read() as s:
        assert (
            s.execute(
                text("SELECT clerk FROM audit_events WHERE action = 'hall.create'")
            ).scalar_one()
            == admin.username
        )
    with pytest.raises(HallError) as refused:
        create_hall(admin_db, code="JX02", name="again")
    assert refused.value.field == "code" and "exists already" in str(refused.value)
    for statement in (
        "INSERT INTO halls (code, name, address) VALUES ('H9', 'x', '')",
        "INSERT INTO receipt_series (code, hall_code, prefix, next_no) VALUES ('H9', 'HQ', '', 1)",
        "UPDATE clerks SET role = 'admin'",
        "INSERT INTO clerks (username, display_name, role, hall_code, active, created_at)"
        " VALUES ('ghost', 'x', 'admin', 'HQ', true, now())",
        "INSERT INTO tariff_rates (tariff_id, component, tier_no, unit_price) VALUES (1, 'x', 1, 0)",
    ):
        assert "permission denied" in _refused(admin_db, statement), statement
    clerk_db, _ = login_as("clerk")
    with pytest.raises(HallError):
        create_hall(clerk_db, code="JX03", name="x")


def test_a_clerks_row_needs_a_login_of_its_group(utility, login_as):
    admin_db, _ = login_as("admin")
    clerk_db, clerk = login_as("clerk")
    # promoting a clerk in the table alone: the login is not in counter_admin
    with pytest.raises(ActionError) as refused:
        call(admin_db, "save_clerk", clerk.username, "x", "admin", "HQ", "WS")
    assert refused.value.code == "login"
    renamed = call(admin_db, "save_clerk", clerk.username, "王丽", "clerk", "HQ", "WS")
    assert (renamed["action"], renamed["display_name"]) == ("clerk.update", "王丽")
    with pytest.raises(ActionError) as refused:
        call(clerk_db, "save_clerk", clerk.username, "x", "clerk", "HQ", "WS")
    assert refused.value.code in ("role", "privilege")
