from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import text

from counter_app.services.auth import Authenticator, LoginError, LoginFailure
from counter_app.services.installation.clerks import ClerkError, create_clerk
from tests.support.builders import make_reference
from tests.support.database import _password_checked_by_server


@pytest.fixture
def clerk_name(db, request):
    name = f"t_clerk_{uuid.uuid4().hex[:8]}"
    yield name
    server = request.getfixturevalue("pg_server")
    db.dispose()
    with server.engine.connect() as conn:
        conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))


@pytest.fixture
def with_clerk(db, clerk_name):
    with db.write() as s:
        make_reference(s)
    create_clerk(
        db,
        username=clerk_name,
        display_name="李收费",
        role="clerk",
        hall_code="HQ",
        password="right-pw",
    )
    return db, clerk_name


def test_login_with_the_right_password(with_clerk, db_url):
    db, name = with_clerk
    result = Authenticator(db_url).login(name, "right-pw")
    try:
        assert result.clerk.username == name
        assert result.clerk.display_name == "李收费"
        assert result.clerk.role == "clerk"
        assert not result.clerk.has_role("supervisor")
    finally:
        result.database.dispose()


def test_a_workstation_login_bounds_every_statement(with_clerk, db_url):
    from counter_app.services.auth import WORKSTATION_STATEMENT_TIMEOUT_MS

    db, name = with_clerk
    result = Authenticator(db_url).login(name, "right-pw")
    try:
        with result.database.read() as s:
            shown = s.execute(text("SHOW statement_timeout")).scalar_one()
            # a dead VPN line cannot hold an account row for long
            assert s.execute(text("SHOW lock_timeout")).scalar_one() == "10s"
            assert s.execute(text("SHOW idle_in_transaction_session_timeout")).scalar_one() == "15s"
            assert s.execute(text("SHOW tcp_user_timeout")).scalar_one() == "10000"
        assert shown == f"{WORKSTATION_STATEMENT_TIMEOUT_MS // 1000}s"
    finally:
        result.database.dispose()


def test_wrong_password_says_so(with_clerk, db_url):
    db, name = with_clerk
    if not _password_checked_by_server(db):
        if os.environ.get("COUNTER_REQUIRE_PG") == "1":
            pytest.fail(
                "pg_hba.conf must ask counter_clerk members for a password: run tools/setup-postgres.sh"
            )
        pytest.skip("this PostgreSQL trusts every login; run tools/setup-postgres.sh")
    with pytest.raises(LoginError) as info:
        Authenticator(db_url).login(name, "wrong-pw")
    assert info.value.failure is LoginFailure.BAD_CREDENTIALS


def test_unknown_clerk_is_refused(with_clerk, db_url):
    db, _ = with_clerk
    if not _password_checked_by_server(db):
        pytest.skip("trust authentication: any role name that exists logs in")
    with pytest.raises(LoginError) as info:
        Authenticator(db_url).login("nobody_here", "x")
    assert info.value.failure is LoginFailure.BAD_CREDENTIALS


def test_empty_credentials_are_refused_before_connecting():
    with pytest.raises(LoginError) as info:
        Authenticator("postgresql://127.0.0.1:1/counter").login("  ", "")
    assert info.value.failure is LoginFailure.BAD_CREDENTIALS


def test_unreachable_server_says_so():
    with pytest.raises(LoginError) as info:
        Authenticator("postgresql://127.0.0.1:1/counter").login("someone", "pw")
    assert info.value.failure is LoginFailure.UNREACHABLE


def test_newer_schema_is_refused_at_login(with_clerk, db_url):
    db, name = with_clerk
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(LoginError) as info:
        Authenticator(db_url).login(name, "right-pw")
    assert info.value.failure is LoginFailure.SCHEMA_TOO_NEW


def test_supervisor_check_refuses_a_clerk(with_clerk, db_url):
    _, name = with_clerk
    with pytest.raises(LoginError) as info:
        Authenticator(db_url).verify(name, "right-pw", role="supervisor")
    assert info.value.failure is LoginFailure.INSUFFICIENT_ROLE


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [
        ("username", {"username": "Bad Name"}),
        ("username", {"username": "counter_x"}),
        ("role", {"role": "boss"}),
        ("password", {"password": "12"}),
        ("display_name", {"display_name": " "}),
        ("hall", {"hall_code": "NOPE"}),
    ],
)
def test_create_clerk_names_the_bad_field(db, field, kwargs):
    with db.write() as s:
        make_reference(s)
    args = dict(
        username="goodname", display_name="王", role="clerk", hall_code="HQ", password="abcd"
    )
    args.update(kwargs)
    with pytest.raises(ClerkError) as info:
        create_clerk(db, **args)
    assert info.value.field == field
