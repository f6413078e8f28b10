"""Reveal and the account view under real clerk logins."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from counter_app.db.engine import Database
from counter_app.services.accounts.service import AccountService, RevealRefused
from counter_app.services.audit import Actor
from tests.support.account_history import populate

pytestmark = pytest.mark.postgres


@pytest.fixture
def town(pg_db):
    return pg_db, populate(pg_db)


@pytest.fixture
def db(pg_db):  # login_as (tests/conftest.py) signs in to this database
    return pg_db


def _reveal_events(db: Database) -> list[tuple]:
    with db.engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT clerk, workstation, entity_id, details FROM audit_events "
                "WHERE action = 'account.reveal' ORDER BY id"
            )
        ).all()


def test_supervisor_login_reveals_through_the_function_and_is_audited(town, login_as):
    admin, ids = town
    db, sup = login_as("supervisor")
    with pytest.raises(DBAPIError, match="permission denied"):
        with db.engine.connect() as conn:
            conn.execute(text("SELECT mobile FROM accounts"))
    actor = Actor(sup.username, "JX01-W02", sup.id)
    value = AccountService(db).reveal(ids["account"], "mobile", sup, actor)
    assert value == "13812345678"
    ((clerk, workstation, entity_id, details),) = _reveal_events(admin)
    assert (clerk, workstation, entity_id) == (sup.username, "JX01-W02", str(ids["account"]))
    assert json.loads(details) == {"field": "mobile"}


def test_admin_login_may_reveal(town, login_as):
    admin, ids = town
    db, who = login_as("admin")
    assert (
        AccountService(db).reveal(ids["account"], "id_number", who, Actor(who.username, "WS9"))
        == "370829199001011234"
    )
    assert len(_reveal_events(admin)) == 1


def test_clerk_login_is_refused_by_the_service_and_by_the_function(town, login_as):
    admin, ids = town
    db, clerk = login_as("clerk")
    with pytest.raises(RevealRefused):
        AccountService(db).reveal(ids["account"], "mobile", clerk, Actor(clerk.username, "WS1"))
    # a clerk who claims to be a supervisor in the app is still refused by the database
    pretend = type(clerk)(clerk.id, clerk.username, clerk.display_name, "supervisor", "HQ")
    with pytest.raises(RevealRefused, match="needs a supervisor"):
        AccountService(db).reveal(ids["account"], "mobile", pretend, Actor(clerk.username, "WS1"))
    # the old one-step function is no longer a login's to call
    with pytest.raises(DBAPIError, match="permission denied"):
        with db.engine.begin() as conn:
            conn.execute(
                text("SELECT counter_reveal(:id, 'id_number', 'WS1')"), {"id": ids["account"]}
            )
    assert _reveal_events(admin) == []


def test_clerk_login_sees_the_same_account_view(town, login_as):
    admin, ids = town
    db, _ = login_as("clerk")
    as_clerk, as_admin = AccountService(db), AccountService(admin)
    account = ids["account"]
    assert as_clerk.account_view(account) == as_admin.account_view(account)
    assert as_clerk.bills(account) == as_admin.bills(account)
    assert as_clerk.bill_lines(ids["oct"]) == as_admin.bill_lines(ids["oct"])
    assert as_clerk.payments(account) == as_admin.payments(account)
    assert as_clerk.statement(account, "2026-01", "2026-12") == as_admin.statement(
        account, "2026-01", "2026-12"
    )
