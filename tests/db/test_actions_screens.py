"""The screen functions and the two-step reveal of migration 0015, signed in
as real logins: each screen load is one statement and returns what the
client computed before (compared with the old client-side code on the same
data), and a full number never reaches a login unless its audit row is
committed."""

from __future__ import annotations

import uuid

import pytest
from psycopg.types.json import Jsonb
from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.domain.periods import Period
from counter_app.services.accounts.history import AccountHistory, select_bill_summaries
from counter_app.services.accounts.ledger import open_bills
from counter_app.services.accounts.search import AccountHit, SearchService
from counter_app.services.accounts.service import AccountNotFound, AccountService, RevealRefused
from counter_app.services.actions import ActionError, call
from counter_app.services.audit import Actor
from counter_app.services.payments.receipt_facts import AccountNotFoundError
from counter_app.services.payments.service import PaymentService
from tests.support import account_history, search_oracle, search_people
from tests.support.database import Statements

pytestmark = pytest.mark.postgres

QUERIES = (
    "张三",
    "三丰",
    "zs",
    "zhang",
    "0100",
    "01000001",
    "5678",
    "15002x",
    "meter:jx24",
    "院内表井",
    "幸福路12号",
    "张",
    "三",
    "王",
    "娜娜",
    "㵘",
    "幸福",
    "2单元",
    "马村",
    "13812345678",
    "0537-6812345",
    "6812345",
    search_people.ID_ZHANG,
    search_people.ID_X,
    "tel:5678",
    "id:1234",
    "no:0100",
    "",
    "%",
    "x" * 300,
    "单元楼道",
)


# ------------------------------------------------------------------- search


@pytest.fixture
def town(db):
    return db, search_people.populate(db)


@pytest.mark.parametrize("limit", [50, 2])
def test_search_returns_what_the_client_side_search_returned(town, login_as, limit):
    admin, _ = town
    clerk, _ = login_as("clerk")
    new, old = SearchService(clerk), search_oracle.SearchService(admin)
    found_something = 0
    for q in QUERIES:
        got, expected = new.search(q, limit=limit), old.search(q, limit=limit)
        assert got.hits == tuple(search_oracle_hits(expected)), q
        assert (got.kinds, got.hint, got.more) == (expected.kinds, expected.hint, expected.more), q
        found_something += bool(got.hits)
    assert found_something > 15


def search_oracle_hits(result):
    return (AccountHit(**vars(h)) for h in result.hits)


def test_a_search_is_one_statement(town, login_as):
    clerk, _ = login_as("clerk")
    service = SearchService(clerk)
    service.search("张")  # the pool's first connection asks the server a few things
    sent = Statements(clerk)
    for q in ("张三", "院内表井", "13812345678", "zs"):
        assert service.search(q).hits
    assert len(sent.sent) == 4 and all("counter_search" in s for s in sent.sent)


def test_search_shows_a_clerk_nothing_it_cannot_read(town, login_as):
    """counter_search runs with the caller's rights: the raw columns stay
    closed, and a term cannot smuggle SQL in (kinds are a closed list)."""
    clerk, _ = login_as("clerk")
    with pytest.raises(ActionError) as refused:
        call(
            clerk,
            "search",
            _terms(
                [
                    {
                        "kind": "mobile; DROP TABLE accounts",
                        "value": "1",
                        "values": ["1"],
                        "modes": ["exact"],
                    }
                ]
            ),
            10,
        )
    assert refused.value.code == "kind"
    with clerk.engine.connect() as conn, pytest.raises(DBAPIError, match="permission denied"):
        conn.execute(text("SELECT id FROM accounts WHERE mobile = '13812345678'"))


def _terms(value):
    return Jsonb(value)


# ------------------------------------------------------------------ account


@pytest.fixture
def books(db):
    return db, account_history.populate(db)


def test_account_screen_is_what_the_three_reads_returned(books, login_as):
    admin, ids = books
    clerk, _ = login_as("clerk")
    service = AccountService(clerk)
    service.screen(ids["account"])
    sent = Statements(clerk)
    screen = service.screen(ids["account"])
    assert len(sent.sent) == 1 and "counter_account_screen" in sent.sent[0]
    assert screen.view == service.account_view(ids["account"])
    with admin.read() as s:
        bills = select_bill_summaries(s, m.Bill.account_id == ids["account"])
        payments = AccountHistory._payments(s, ids["account"], None, None)
    assert screen.bills == bills and len(bills) >= 2
    assert screen.payments == payments and len(payments) >= 2
    assert any(p.reversed for p in payments) and screen.view.current_bill is not None
    with pytest.raises(AccountNotFound):
        service.screen(999_999)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2026-06", "2026-10"),
        ("2026-09", None),
        (None, "2026-08"),
        ("2027-01", "2027-03"),
    ],
)
def test_history_filter_is_one_call_returning_the_old_rows(books, login_as, start, end):
    admin, ids = books
    clerk, _ = login_as("clerk")
    page = AccountService(clerk).history(ids["account"], from_period=start, to_period=end)
    from_p = Period.parse(start) if start else None
    to_p = Period.parse(end) if end else None
    conditions = [m.Bill.account_id == ids["account"]]
    if from_p is not None:
        conditions.append(m.Bill.period >= str(from_p))
    if to_p is not None:
        conditions.append(m.Bill.period <= str(to_p))
    with admin.read() as s:
        assert page.bills == select_bill_summaries(s, *conditions)
        assert page.payments == AccountHistory._payments(s, ids["account"], from_p, to_p)
    with pytest.raises(ActionError) as refused:
        call(clerk, "account_history", ids["account"], "2026-13", None)
    assert (refused.value.code, refused.value.field) == ("period", "from_period")


def test_payment_form_account_is_one_call_with_the_open_bills(books, login_as):
    admin, ids = books
    clerk, _ = login_as("clerk")
    PaymentService(clerk).account_for_payment(account_id=ids["account"])
    sent = Statements(clerk)
    by_id = PaymentService(clerk).account_for_payment(account_id=ids["account"])
    assert len(sent.sent) == 1
    by_no = PaymentService(clerk).account_for_payment(account_no=f"  {by_id.account_no} ")
    assert by_id == by_no
    with admin.read() as s:
        assert by_id.bills == tuple(open_bills(s, ids["account"])) and by_id.bills
    with pytest.raises(AccountNotFoundError):
        PaymentService(clerk).account_for_payment(account_no="99999999")


# ------------------------------------------------------------------- reveal


def _reveal_rows(admin: Database) -> list[tuple]:
    with admin.engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT e.clerk, e.entity_id, e.details, r.used_at IS NOT NULL FROM audit_events e "
                "LEFT JOIN reveal_requests r ON r.audit_id = e.id "
                "WHERE e.action = 'account.reveal' ORDER BY e.id"
            )
        ).all()


def test_reveal_is_a_committed_request_then_the_value_once(books, login_as):
    admin, ids = books
    boss, who = login_as("supervisor")
    token = call(boss, "request_reveal", ids["account"], "mobile", "WS1")["token"]
    # committed before the value is asked for: another connection sees it
    assert _reveal_rows(admin) == [
        (who.username, str(ids["account"]), '{"field": "mobile"}', False)
    ]
    assert call(boss, "reveal_value", uuid.UUID(token)) == {"value": "13812345678"}
    assert _reveal_rows(admin)[0][3] is True
    with pytest.raises(ActionError) as again:
        call(boss, "reveal_value", uuid.UUID(token))
    assert again.value.code == "used"


def test_a_value_cannot_be_had_inside_a_transaction_that_rolls_back(books, login_as):
    """The raw SQL a supervisor could send to get the value with its audit row
    rolled back: request and value in one transaction (also in a savepoint)."""
    admin, ids = books
    boss, _ = login_as("supervisor")
    for savepoint in (False, True):
        with boss.engine.connect() as conn:
            if savepoint:
                conn.exec_driver_sql("SAVEPOINT s")
            token = conn.execute(
                text("SELECT counter_request_reveal(:id, 'id_number', 'WS1') ->> 'token'"),
                {"id": ids["account"]},
            ).scalar_one()
            if savepoint:
                conn.exec_driver_sql("RELEASE SAVEPOINT s")
            with pytest.raises(DBAPIError, match="uncommitted"):
                conn.execute(text("SELECT counter_reveal_value(CAST(:t AS uuid))"), {"t": token})
            conn.rollback()
    assert _reveal_rows(admin) == []


def test_reveal_refusals(books, login_as):
    admin, ids = books
    clerk, clerk_who = login_as("clerk")
    boss, _ = login_as("supervisor")
    other, _ = login_as("admin")
    # a clerk, whatever the app thinks it is, by the function itself
    with pytest.raises(ActionError) as refused:
        call(clerk, "request_reveal", ids["account"], "mobile", "WS1")
    assert refused.value.code == "role"
    pretend = type(clerk_who)(clerk_who.id, clerk_who.username, "x", "supervisor", "HQ")
    with pytest.raises(RevealRefused):
        AccountService(clerk).reveal(ids["account"], "mobile", pretend, Actor("x", "WS1"))
    # someone else's token, a made-up one, an expired one
    token = uuid.UUID(call(boss, "request_reveal", ids["account"], "mobile", "WS1")["token"])
    for db in (other, clerk):
        with pytest.raises(ActionError) as refused:
            call(db, "reveal_value", token)
        assert refused.value.code in ("no_request", "role")
    with pytest.raises(ActionError, match="no_request"):
        call(boss, "reveal_value", uuid.uuid4())
    with admin.engine.begin() as conn:
        conn.execute(text("UPDATE reveal_requests SET requested_at = now() - interval '3 min'"))
    with pytest.raises(ActionError, match="expired"):
        call(boss, "reveal_value", token)
    with pytest.raises(ActionError) as refused:
        call(boss, "request_reveal", ids["account"], "password_hash", "WS1")
    assert refused.value.code == "field"
    # the raw ways around: the table, the raw column, the old one-step function
    for sql in (
        "SELECT * FROM reveal_requests",
        "UPDATE reveal_requests SET used_at = NULL",
        "INSERT INTO reveal_requests (login, account_id, field, audit_id, requested_at) "
        "VALUES (current_user, 1, 'mobile', 1, now())",
        "SELECT mobile FROM accounts",
        "SELECT counter_reveal(1, 'mobile', 'WS1')",
    ):
        with boss.engine.connect() as conn, pytest.raises(DBAPIError, match="permission denied"):
            conn.execute(text(sql))


# --------------------------------------------------------------- round trips


def test_pre_ping_costs_a_round_trip_per_call(books, login_as):
    """Measured on the server: with log_statement=all the server reports
    every statement it runs to the client. A screen load through call() is
    one statement, plus the pool's pre-ping (psycopg's empty query ";", a
    round trip of its own) when the engine pings at checkout (SQLAlchemy's
    pool_pre_ping, counter_app/db/engine.py)."""
    admin, ids = books
    boss, who = login_as("supervisor")
    with admin.engine.begin() as conn:
        conn.exec_driver_sql(f"ALTER ROLE \"{who.username}\" SET log_statement = 'all'")
        conn.exec_driver_sql(f'ALTER ROLE "{who.username}" SET client_min_messages = log')
    seen: list[str] = []
    event.listen(
        boss.engine,
        "connect",
        lambda dbapi, _rec: dbapi.add_notice_handler(
            lambda diag: seen.append(diag.message_primary or "")
        ),
    )
    AccountService(boss).screen(ids["account"])
    seen.clear()
    AccountService(boss).screen(ids["account"])
    statements = [s for s in seen if s.startswith(("statement:", "execute"))]
    pings = [s for s in statements if s in ("statement: ;", "statement: SELECT 1")]
    assert len(statements) - len(pings) == 1, statements
    assert len(pings) == (1 if boss.engine.pool._pre_ping else 0), statements
