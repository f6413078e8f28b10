"""The money's actions (migration 0012) against what a clerk, a supervisor or
an administrator could send with psql and their own password instead.

Every attack runs as a real login (``login_as``) with raw SQL; each is
refused, and ``counter_books_check()`` finds nothing wrong afterwards.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import text

from counter_app.services.actions import ActionError, call
from counter_app.services.audit import Actor
from counter_app.services.payments.reversals import ReversalError, ReversalService
from counter_app.services.payments.service import PaymentError, PaymentService
from counter_app.services.payments.shifts import ShiftError, ShiftService
from tests.support.payments import books, build_utility, cash, request

D = Decimal


@pytest.fixture
def hall(db, login_as):
    """One account (bills 120.00 and 45.50), a clerk with an open shift who
    has taken one payment with a 20.00 deposit, a supervisor, an admin."""
    utility = build_utility(db, login_as, bills=("120.00", "45.50"))
    (account_id,) = utility.account_ids
    service = PaymentService(utility.clerk_db, series_code="HQ")
    paid = service.post(
        request(account_id, utility.shift_id, "120.00", cash("140.00")), utility.actor
    )
    return utility, service, paid


def _refused(database, *statements: str, params: dict | None = None) -> str:
    """Run ``statements`` in one transaction as ``database``'s login; the error text."""
    with database.engine.connect() as conn, pytest.raises(Exception) as refused:
        for statement in statements:
            conn.execute(text(statement), params or {})
        conn.commit()
    return str(refused.value)


def _balance(db, account_id) -> Decimal:
    with db.read() as s:
        return s.execute(
            text("SELECT prepayment_balance FROM accounts WHERE id = :a"), {"a": account_id}
        ).scalar_one()


# -- the attacks named by the issue -----------------------------------------------------------


def test_nobody_writes_the_prepayment_balance(db, hall, login_as):
    utility, _, paid = hall
    (account_id,) = utility.account_ids
    statement = f"UPDATE accounts SET prepayment_balance = 5000 WHERE id = {account_id}"
    assert "permission denied" in _refused(utility.clerk_db, statement)
    boss_db, _ = login_as("supervisor")
    assert "permission denied" in _refused(boss_db, statement)
    admin_db, _ = login_as("admin")
    assert "permission denied" in _refused(admin_db, statement)
    # the server's superuser passes every privilege: the deferred trigger
    # holds the balance to its ledger all the same
    assert "without its ledger" in _refused(db, statement)
    assert _balance(db, account_id) == paid.balance_after == D("20.00")
    assert books(db) == []


def test_a_cent_with_no_tender_cannot_mark_a_bill_paid(db, hall, login_as):
    utility, _, _ = hall
    (account_id,) = utility.account_ids
    with db.read() as s:
        bill_id = s.execute(text("SELECT id FROM bills WHERE amount = 45.50")).scalar_one()
    for who in (utility.clerk_db, login_as("supervisor")[0], login_as("admin")[0]):
        message = _refused(
            who,
            "INSERT INTO payments (client_uuid, content_hash, account_id, shift_id, clerk_id, "
            "workstation, series_code, receipt_no, amount, created_at) VALUES "
            f"('{uuid.uuid4()}', 'x', {account_id}, {utility.shift_id}, {utility.clerk.id}, 'WS1', "
            "'HQ', 2, 0.01, now())",
            f"INSERT INTO allocations (payment_id, bill_id, amount) "
            f"VALUES (currval('payments_id_seq'), {bill_id}, 120.00)",
        )
        assert "permission denied" in message
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM payments")).scalar_one() == 1
    assert books(db) == []


def test_a_supervisors_bare_reversal_insert_is_refused(db, hall, login_as):
    utility, _, paid = hall
    boss_db, boss = login_as("supervisor")
    message = _refused(
        boss_db,
        "INSERT INTO payment_reversals (payment_id, client_uuid, reason, clerk_id, supervisor_id, "
        f"shift_id, workstation, created_at) VALUES ({paid.payment_id}, '{uuid.uuid4()}', 'x', "
        f"{boss.id}, {boss.id}, {utility.shift_id}, 'WS9', now())",
    )
    assert "permission denied" in message
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM payment_reversals")).scalar_one() == 0
    assert books(db) == []


@pytest.mark.parametrize("new_next", ["next_no + 50", "1"])
def test_receipt_numbers_cannot_be_moved(db, hall, login_as, new_next):
    utility, service, paid = hall
    statement = f"UPDATE receipt_series SET next_no = {new_next} WHERE code = 'HQ'"
    assert "permission denied" in _refused(utility.clerk_db, statement)
    assert "permission denied" in _refused(login_as("supervisor")[0], statement)
    assert "permission denied" in _refused(login_as("admin")[0], statement)
    assert "gap or repeat" in _refused(db, statement)  # even the superuser
    after = service.post(
        request(utility.account_ids[0], utility.shift_id, "45.50", cash("45.50")), utility.actor
    )
    assert (paid.receipt_no, after.receipt_no) == (1, 2)
    assert books(db) == []


def test_nothing_is_written_in_another_clerks_name(db, hall, login_as):
    utility, _, _ = hall
    (account_id,) = utility.account_ids
    other_db, other = login_as("clerk")
    # the action: the other clerk on the first clerk's shift, post and close
    with pytest.raises(PaymentError) as refused:
        PaymentService(other_db, series_code="HQ").post(
            request(account_id, utility.shift_id, "45.50", cash("45.50")),
            Actor(utility.actor.username, "WS1", utility.clerk.id),
        )
    assert refused.value.field == "shift"
    with pytest.raises(ShiftError):
        ShiftService(other_db).close(utility.shift_id, utility.actor, cash_counts={D("100"): 3})
    # the raw rows
    assert "permission denied" in _refused(
        other_db,
        f"INSERT INTO shift_closes (shift_id, closed_at, expected_json, counted_json, "
        f"cash_variance, variance_reason) VALUES ({utility.shift_id}, now(), '{{}}', '{{}}', 0, '')",
    )
    assert "permission denied" in _refused(
        other_db,
        f"INSERT INTO shifts (clerk_id, hall_code, workstation, opened_at, opening_float) "
        f"VALUES ({utility.clerk.id}, 'HQ', 'WS1', now(), 0)",
    )
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM shift_closes")).scalar_one() == 0
        clerks = s.execute(
            text(
                "SELECT DISTINCT clerk FROM audit_events "
                "WHERE action LIKE 'payment.%' OR action LIKE 'shift.%'"
            )
        ).scalars()
        assert set(clerks) == {utility.clerk.username}
        assert other.username not in set(
            s.execute(
                text("SELECT c.username FROM payments p JOIN clerks c ON c.id = p.clerk_id")
            ).scalars()
        )
    assert books(db) == []


def test_a_back_dated_payment_is_refused_and_the_post_takes_the_servers_time(db, hall):
    utility, _, paid = hall
    (account_id,) = utility.account_ids
    message = _refused(
        utility.clerk_db,
        "INSERT INTO payments (client_uuid, content_hash, account_id, shift_id, clerk_id, "
        "workstation, series_code, receipt_no, amount, created_at) VALUES "
        f"('{uuid.uuid4()}', 'x', {account_id}, {utility.shift_id}, {utility.clerk.id}, 'WS1', "
        "'HQ', 2, 45.50, now() - interval '40 days')",
    )
    assert "permission denied" in message
    with db.read() as s:
        paid_at, audit_at, audit_clerk = s.execute(
            text(
                "SELECT p.created_at, a.at, a.clerk FROM payments p JOIN audit_events a "
                "ON a.entity = 'payment' AND a.entity_id = p.id::text AND a.action = 'payment.post' "
                "WHERE p.id = :id"
            ),
            {"id": paid.payment_id},
        ).one()
        assert s.execute(
            text("SELECT now() - :t < interval '5 minutes'"), {"t": paid_at}
        ).scalar_one()
    assert paid_at == audit_at and audit_clerk == utility.clerk.username
    assert books(db) == []


# -- the helpers, the other tables, the roles -----------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "SELECT counter_open_bills(1)",
        "SELECT counter_payment_facts(1, true)",
        "SELECT counter_payment_hash(1, 1, 1, '{}', '[]'::jsonb)",
        "SELECT counter_shift_totals(1)",
        "SELECT * FROM counter_books_check()",
        "INSERT INTO prepayment_ledger (account_id, kind, amount, balance_after, created_at) "
        "VALUES (1, 'deposit', 5000, 5000, now())",
        "INSERT INTO payment_tenders (payment_id, line_no, tender, amount, change_given, reference) "
        "VALUES (1, 9, 'cash', 100, 0, '')",
        "INSERT INTO receipt_reprints (payment_id, clerk_id, workstation, created_at) "
        "VALUES (1, 1, 'WS1', now())",
        "UPDATE payments SET amount = 1 WHERE id = 1",
        "DELETE FROM allocations",
    ],
)
def test_a_clerk_cannot_reach_around_the_actions(db, hall, statement):
    utility, _, _ = hall
    assert "permission denied" in _refused(utility.clerk_db, statement)
    assert books(db) == []


def test_a_clerk_cannot_reverse_even_with_the_action(db, hall):
    utility, _, paid = hall
    with pytest.raises(ActionError) as refused:
        call(
            utility.clerk_db,
            "reverse_payment",
            "WS1",
            paid.payment_id,
            str(uuid.uuid4()),
            "收错户",
            utility.shift_id,
        )
    assert refused.value.kind == "forbidden"  # EXECUTE is the supervisors' only
    with pytest.raises(ReversalError) as refused:
        ReversalService(utility.clerk_db).reverse(
            payment_id=paid.payment_id,
            reason="收错户",
            supervisor=replace(utility.clerk, role="supervisor"),  # it says so
            actor=utility.actor,
            shift_id=utility.shift_id,
            client_uuid=str(uuid.uuid4()),
        )
    assert refused.value.code == "supervisor"
    assert books(db) == []


def test_a_closed_shift_takes_nothing(db, hall):
    utility, service, paid = hall
    shifts = ShiftService(utility.clerk_db)
    closed = shifts.close(utility.shift_id, utility.actor, cash_counts={D("100"): 3, D("20"): 2})
    assert closed.cash_variance == D("0.00") and closed.expected["cash"] == D("140.00")
    with pytest.raises(PaymentError) as refused:
        service.post(
            request(utility.account_ids[0], utility.shift_id, "45.50", cash("45.50")), utility.actor
        )
    assert refused.value.field == "shift"
    with pytest.raises(ShiftError) as again:
        shifts.close(utility.shift_id, utility.actor, cash_counts={D("100"): 3, D("20"): 2})
    assert again.value.code == "closed"
    assert books(db) == []


# -- the checker itself finds what it is there for --------------------------------------------


def test_the_books_check_finds_a_broken_book(db, hall):
    """Triggers off (as the server's superuser only can): every invariant
    broken once, each named by counter_books_check()."""
    utility, _, paid = hall
    (account_id,) = utility.account_ids
    with db.engine.connect() as conn:
        conn.execute(text("SET session_replication_role = replica"))
        conn.execute(
            text("UPDATE accounts SET prepayment_balance = 5000 WHERE id = :a"), {"a": account_id}
        )
        conn.execute(text("UPDATE receipt_series SET next_no = 60"))
        conn.execute(
            text(
                "INSERT INTO payment_tenders (payment_id, line_no, tender, amount, "
                "change_given, reference) VALUES (:p, 9, 'cash', 1, 0, '')"
            ),
            {"p": paid.payment_id},
        )
        conn.commit()
    found = {name for name, _ in books(db)}
    assert {"prepayment_equals_ledger", "receipts_gapless", "tenders_equal_amount"} <= found


def test_the_books_hold_even_against_the_tables_owner(db, hall):
    """What a buggy action could write, written by the server's superuser
    with every privilege: the deferred triggers refuse it at COMMIT."""
    utility, _, paid = hall
    (account_id,) = utility.account_ids
    with db.read() as s:
        bill_id = s.execute(text("SELECT id FROM bills WHERE amount = 45.50")).scalar_one()
    payment = (
        "INSERT INTO payments (client_uuid, content_hash, account_id, shift_id, clerk_id, "
        "workstation, series_code, receipt_no, amount, created_at) VALUES "
        f"('{uuid.uuid4()}', 'x', {account_id}, {utility.shift_id}, {utility.clerk.id}, "
        "'WS1', 'HQ', 2, {amount}, now())"
    )
    tender = (
        "INSERT INTO payment_tenders (payment_id, line_no, tender, amount, change_given, "
        "reference) VALUES (currval('payments_id_seq'), 1, 'cash', {amount}, 0, '')"
    )
    allocation = (
        f"INSERT INTO allocations (payment_id, bill_id, amount) "
        f"VALUES (currval('payments_id_seq'), {bill_id}, {{amount}})"
    )
    series = "UPDATE receipt_series SET next_no = 3 WHERE code = 'HQ'"
    # a cent with no tender marking the bill paid
    assert "tenders do not add up" in _refused(
        db, payment.format(amount="0.01"), allocation.format(amount="45.50"), series
    )
    # a cent, tendered, allocated 45.50
    assert "allocated more than it brought" in _refused(
        db,
        payment.format(amount="0.01"),
        tender.format(amount="0.01"),
        allocation.format(amount="45.50"),
        series,
    )
    # 200.00 tendered, 200.00 on a 45.50 bill
    assert "allocated beyond its amount" in _refused(
        db,
        payment.format(amount="200.00"),
        tender.format(amount="200.00"),
        allocation.format(amount="200.00"),
        series,
    )
    # a prepayment ledger row that does not follow the balance
    assert "is not its ledger" in _refused(
        db,
        f"INSERT INTO prepayment_ledger (account_id, kind, amount, balance_after, created_at) "
        f"VALUES ({account_id}, 'deposit', 5000, 5020, now())",
    )
    assert _balance(db, account_id) == paid.balance_after
    assert books(db) == []


def test_a_credit_adjustment_lowers_what_the_payment_form_asks_and_the_post_takes(db, login_as):
    """A bill corrected by a credit (0016) asks for the rest only: the form
    shows it, a post of that rest pays it in full, the books hold."""
    from counter_app.services.tariffs.billing import adjust_bill
    from tests.support.payments import build_utility, cash, request

    utility = build_utility(db, login_as, bills=("30.00", "45.50"))
    (account_id,) = utility.account_ids
    boss_db, _ = login_as("supervisor")
    before = PaymentService(utility.clerk_db).account_for_payment(account_id=account_id)
    oldest = before.bills[0]
    adjust_bill(boss_db, oldest.bill_id, D("-10.00"), "表计故障，多计", workstation="WS-3")
    after = PaymentService(utility.clerk_db).account_for_payment(account_id=account_id)
    # the credit is no bill to pay of its own; the corrected bill asks 20.00
    assert [b.outstanding for b in after.bills] == [D("20.00"), D("45.50")]
    assert after.owed == before.owed - D("10.00")
    paid = PaymentService(utility.clerk_db, series_code="HQ").post(
        request(
            account_id,
            utility.shift_id,
            "20.00",
            cash("20.00"),
            bill_ids=(oldest.bill_id,),
            expected_owed=D("20.00"),
        ),
        utility.actor,
    )
    assert [(a.bill_id, a.amount) for a in paid.allocations] == [(oldest.bill_id, D("20.00"))]
    assert [
        b.bill_id
        for b in PaymentService(utility.clerk_db).account_for_payment(account_id=account_id).bills
    ] != [oldest.bill_id]
    assert books(db) == []
