"""Sign-in in one call (migration 0028, services/auth.py): login() and
verify() refuse the same logins for the same reasons, from one
``counter_whoami()``; verify() opens no engine; counter_whoami() tells a
login about itself only."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from counter_app.db import engine as engine_module
from counter_app.db.engine import (
    WORKSTATION_TCP,
    Database,
    connection_parameters,
    make_engine,
    with_credentials,
)
from counter_app.db.installation import installation_role
from counter_app.db.migrate import head_revision
from counter_app.services.auth import (
    WORKSTATION_STATEMENT_TIMEOUT_MS,
    Authenticator,
    LoginError,
    LoginFailure,
)
from counter_app.services.installation.clerks import create_clerk
from tests.support.builders import make_reference
from tests.support.database import _password_checked_by_server
from tests.support.logins import LOGIN_PASSWORD

pytestmark = pytest.mark.postgres


@pytest.fixture
def hall(db):
    with db.write() as s:
        make_reference(s)
    return db


def _failures(url, username: str, password: str = LOGIN_PASSWORD) -> tuple:
    """(login's failure, verify's failure, verify's message) for these credentials."""
    auth = Authenticator(url)
    outcomes = []
    for attempt in (
        lambda: auth.login(username, password).database.dispose(),
        lambda: auth.verify(username, password, role="clerk"),
    ):
        try:
            attempt()
            outcomes.append(None)
        except LoginError as exc:
            outcomes.append(exc)
    login, verify = outcomes
    assert (login and login.failure) == (verify and verify.failure), (login, verify)
    return (login and login.failure), (verify and verify.failure), str(verify or "")


def _admin_sql(db: Database, *statements: str) -> None:
    with db.engine.connect() as conn:
        for statement in statements:
            conn.execute(text(statement))
        conn.commit()


def test_both_sign_a_clerk_in_with_the_same_identity(hall, login_as, db_url):
    _, who = login_as("supervisor")
    auth = Authenticator(db_url)
    result = auth.login(who.username, LOGIN_PASSWORD)
    try:
        assert result.clerk == who
    finally:
        result.database.dispose()
    assert auth.verify(who.username, LOGIN_PASSWORD, role="supervisor") == who
    with pytest.raises(LoginError) as info:
        auth.verify(who.username, LOGIN_PASSWORD, role="admin")
    assert info.value.failure is LoginFailure.INSUFFICIENT_ROLE


def test_a_wrong_password(hall, login_as, db_url):
    if not _password_checked_by_server(hall):
        pytest.fail(
            "pg_hba.conf must ask counter_clerk members for a password: run tools/setup-postgres.sh"
        )
    _, who = login_as("supervisor")
    assert _failures(db_url, who.username, "wrong-pw")[0] is LoginFailure.BAD_CREDENTIALS
    assert _failures(db_url, "nobody_here", "x")[0] is LoginFailure.BAD_CREDENTIALS


def test_an_unreachable_server():
    assert (
        _failures("postgresql://127.0.0.1:1/counter", "someone", "pw")[0]
        is LoginFailure.UNREACHABLE
    )


def test_an_inactive_clerk(hall, login_as, db_url):
    _, who = login_as("supervisor")
    _admin_sql(hall, f"UPDATE clerks SET active = false WHERE username = '{who.username}'")
    assert _failures(db_url, who.username)[0] is LoginFailure.INACTIVE


def test_a_login_that_is_not_a_clerk(hall, login_batch, db_url):
    _, batch = login_batch()  # in counter_batch and the installation, no clerks row
    assert _failures(db_url, batch)[0] is LoginFailure.NOT_A_CLERK


def test_a_clerk_row_without_its_group(hall, login_as, db_url):
    _, who = login_as("clerk")
    _admin_sql(hall, f'REVOKE counter_clerk FROM "{who.username}"')
    assert _failures(db_url, who.username)[0] is LoginFailure.NOT_A_CLERK
    # a login in the clerks' group with no row is not a clerk either
    _admin_sql(
        hall,
        f'GRANT counter_clerk TO "{who.username}"',
        f"DELETE FROM clerks WHERE username = '{who.username}'",
    )
    assert _failures(db_url, who.username)[0] is LoginFailure.NOT_A_CLERK


def test_a_login_outside_this_installation(hall, login_as, db_url):
    """CONNECT granted by mistake to a clerk that is not in the installation
    role: refused at sign-in (before 0028 only its first action refused it)."""
    _, who = login_as("clerk")
    role = installation_role(hall.engine.url.database)
    _admin_sql(
        hall,
        f'REVOKE "{role}" FROM "{who.username}"',
        f'GRANT CONNECT ON DATABASE "{hall.engine.url.database}" TO "{who.username}"',
    )
    failure, _, message = _failures(db_url, who.username)
    assert failure is LoginFailure.NOT_A_CLERK and "installation" in message


def test_a_clerk_of_another_installation(hall, login_as, pg_server):
    """Database B on the same server: A's clerk has no CONNECT there; both
    refuse it the same way, and never as a signed-in clerk."""
    _, who = login_as("supervisor")
    name = pg_server.create(template=pg_server.migrated_template())
    try:
        b = Database.from_url(pg_server.url_for(name))
        with b.write() as s:
            make_reference(s)
        b_clerk = f"t_b_{uuid.uuid4().hex[:8]}"  # B's first clerk sets up B's installation
        create_clerk(
            b,
            username=b_clerk,
            display_name="乙",
            role="clerk",
            hall_code="HQ",
            password=LOGIN_PASSWORD,
        )
        b.dispose()
        failure, _, message = _failures(pg_server.url_for(name), who.username)
        # the server refuses the connection ("no CONNECT privilege"): told as not a
        # clerk of this database, not as a network fault
        assert failure is LoginFailure.NOT_A_CLERK and "CONNECT" in message
    finally:
        with pg_server.engine.connect() as conn:
            conn.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
            conn.execute(text(f'DROP ROLE IF EXISTS "{b_clerk}"'))
            conn.execute(text(f'DROP ROLE IF EXISTS "{installation_role(name)}"'))


def test_a_schema_too_new(hall, login_as, db_url):
    _, who = login_as("supervisor")
    _admin_sql(hall, "UPDATE alembic_version SET version_num = '9999_future'")
    failure, _, message = _failures(db_url, who.username)
    assert failure is LoginFailure.SCHEMA_TOO_NEW
    assert "9999_future is newer than this app knows" in message
    # a newer schema that dropped counter_whoami(): the same
    _admin_sql(hall, "DROP FUNCTION counter_whoami()")
    assert _failures(db_url, who.username)[0] is LoginFailure.SCHEMA_TOO_NEW


def test_a_schema_too_old(hall, login_as, db_url):
    _, who = login_as("supervisor")
    _admin_sql(hall, "UPDATE alembic_version SET version_num = '0025_hardening'")
    failure, _, message = _failures(db_url, who.username)
    assert failure is LoginFailure.SCHEMA_MISSING
    assert f"schema is at 0025_hardening, this app needs {head_revision()}" in message
    # before 0028 there was no counter_whoami(): the revision is read instead
    _admin_sql(hall, "DROP FUNCTION counter_whoami()")
    failure, _, message = _failures(db_url, who.username)
    assert failure is LoginFailure.SCHEMA_MISSING and "schema is at 0025_hardening" in message


def test_no_schema_at_all(hall, login_as, empty_db_url):
    _, who = login_as("clerk")  # a login of the server; the empty database lets anyone in
    failure, _, message = _failures(make_url(empty_db_url), who.username)
    assert failure is LoginFailure.SCHEMA_MISSING and "no Counter schema" in message


def test_verify_builds_no_engine(hall, login_as, db_url, monkeypatch):
    _, who = login_as("supervisor")

    def no_engine(*_args, **_kwargs):
        raise AssertionError("verify() must not build an engine")

    monkeypatch.setattr(engine_module, "create_engine", no_engine)
    assert Authenticator(db_url).verify(who.username, LOGIN_PASSWORD, role="supervisor") == who


def test_the_one_connection_has_the_engines_parameters(hall, login_as, db_url):
    _, who = login_as("clerk")
    url = with_credentials(db_url, who.username, LOGIN_PASSWORD)
    conn = engine_module.connect_once(url, statement_timeout_ms=WORKSTATION_STATEMENT_TIMEOUT_MS)
    try:
        assert conn.autocommit
        assert conn.execute("SHOW statement_timeout").fetchone()[0] == "20s"
        assert conn.execute("SHOW lock_timeout").fetchone()[0] == "10s"
        assert conn.execute("SHOW application_name").fetchone()[0] == "counter"
        assert conn.info.get_parameters()["keepalives_idle"] == "5"
    finally:
        conn.close()
    # a server on another machine: TLS verify-full with the engine's keepalives
    remote, args = connection_parameters(
        "postgresql://c@db.example.org/counter", statement_timeout_ms=1000
    )
    assert remote.query["sslmode"] == "verify-full"
    assert WORKSTATION_TCP.items() <= args.items()
    engine = make_engine("postgresql://c@db.example.org/counter", statement_timeout_ms=1000)
    assert engine.url == remote
    engine.dispose()


def test_whoami_tells_a_login_about_itself_only(hall, login_as):
    """Raw SQL as a clerk: no argument names another clerk, a role switch does
    not change whom it reports on, and no password hash comes back."""
    login, who = login_as("clerk")
    _, other = login_as("admin")
    url = login.engine.url
    with psycopg.connect(
        url.set(drivername="postgresql").render_as_string(hide_password=False), autocommit=True
    ) as conn:
        me = conn.execute("SELECT counter_whoami()").fetchone()[0]
        assert me["login"] == who.username and me["clerk"]["id"] == who.id
        assert me["in_installation"] and me["clerk"]["in_group"]
        assert me["revision"] == head_revision()
        assert set(me["clerk"]) == {
            "id",
            "username",
            "display_name",
            "role",
            "hall_code",
            "active",
            "in_group",
        }
        assert other.username not in str(me) and "argon2" not in str(me)
        with pytest.raises(psycopg.errors.UndefinedFunction):
            conn.execute("SELECT counter_whoami(%s)", (other.username,))
        conn.execute("SET ROLE counter_clerk")  # current_user changes, session_user does not
        assert conn.execute("SELECT counter_whoami()").fetchone()[0] == me
        conn.execute("RESET ROLE")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f'SET SESSION AUTHORIZATION "{other.username}"')
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f'SET ROLE "{other.username}"')


def test_whoami_is_for_the_clerks_groups_only(hall, login_batch):
    login, _ = login_batch()
    url = login.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT counter_whoami()")
