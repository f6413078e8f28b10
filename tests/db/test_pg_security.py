"""Privileges and append-only triggers, tried for real."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from counter_app.db.engine import Database
from tests.support.builders import make_account, make_clerk_row, make_payment, make_reference

pytestmark = pytest.mark.postgres


@pytest.fixture
def seeded(pg_db):
    with pg_db.write() as s:
        make_reference(s)
        account = make_account(s)
        clerk = make_clerk_row(s, "seedclerk")
        make_payment(s, account, clerk)
    return pg_db


@pytest.fixture
def db(seeded):  # login_as (tests/conftest.py) signs in to this database
    return seeded


def _refused(db: Database, sql: str) -> str:
    with pytest.raises(DBAPIError) as info:
        with db.engine.begin() as conn:
            conn.execute(text(sql))
    return str(info.value.orig)


POSTED = ["payments", "payment_tenders", "prepayment_ledger", "audit_events"]


@pytest.mark.parametrize("role", ["clerk", "supervisor", "admin"])
def test_no_role_can_change_posted_money(login_as, role):
    db, _ = login_as(role)
    assert "permission denied" in _refused(db, "UPDATE payments SET amount = 1")
    assert "permission denied" in _refused(db, "DELETE FROM payments")
    assert "permission denied" in _refused(db, "TRUNCATE payments")
    for table in POSTED:
        assert "permission denied" in _refused(db, f"DELETE FROM {table}")


def test_owner_is_refused_by_triggers(seeded):
    # the administrator running migrations (superuser here) bypasses privileges,
    # but not the append-only triggers
    assert "append-only" in _refused(seeded, "UPDATE payments SET amount = 1")
    assert "append-only" in _refused(seeded, "DELETE FROM payment_tenders")
    assert "append-only" in _refused(seeded, "TRUNCATE audit_events CASCADE")


def test_clerk_cannot_read_raw_personal_data(login_as):
    db, _ = login_as("clerk")
    assert "permission denied" in _refused(db, "SELECT id_number FROM accounts")
    assert "permission denied" in _refused(db, "SELECT mobile FROM accounts")
    with db.engine.connect() as conn:
        masked = conn.execute(text("SELECT id_masked, mobile_masked FROM accounts")).one()
    assert masked == ("370829********1234", "138****5678")


def test_a_clerk_writes_no_table_not_even_the_audit_log(login_as):
    """Posting is the database's action now: the clerk's own login may not
    lock-and-update an account, forge an audit row or edit a bill."""
    db, _ = login_as("clerk")
    assert "permission denied" in _refused(db, "UPDATE bills SET amount = 0")
    assert "permission denied" in _refused(db, "UPDATE accounts SET name = 'x'")
    assert "permission denied" in _refused(db, "UPDATE accounts SET version = version + 1")
    assert "permission denied" in _refused(db, "SELECT id FROM accounts FOR UPDATE")
    assert "permission denied" in _refused(
        db,
        "INSERT INTO audit_events (at, clerk, workstation, action, entity, entity_id, details)"
        " VALUES (now() - interval '30 days', 'someone_else', 'WS', 'payment.post', 'payment',"
        " '1', '{}')",
    )
    assert "permission denied" in _refused(db, "SELECT nextval('payments_id_seq')")


def test_tables_belong_to_the_owner_role(pg_db):
    with pg_db.engine.connect() as conn:
        owners = set(
            conn.execute(
                text("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")
            ).scalars()
        )
    assert owners == {"counter_owner"}
