"""A supervisor's approval at a clerk's workstation (``Authenticator.act_as``):
one psycopg connection as the supervisor's own login (the server checks the
password), the action on it, closed; no engine, no identity query, no schema
check. The action's caller check is what refuses a login that is no
supervisor, and the raw SQL a clerk could send instead is refused too."""

from __future__ import annotations

import uuid

import psycopg
import pytest
from sqlalchemy import func, select, text

from counter_app.db import engine as engine_module
from counter_app.db import models as m
from counter_app.db.engine import Database, OneConnection
from counter_app.services.auth import Authenticator, LoginError, LoginFailure
from counter_app.services.payments.reversals import ReversalError, ReversalService
from counter_app.services.payments.service import PaymentService
from tests.support.database import _password_checked_by_server
from tests.support.logins import LOGIN_PASSWORD
from tests.support.payments import build_utility, cash, request

pytestmark = pytest.mark.postgres


class CountingConnection(OneConnection):
    """The default one connection, counting the statements sent on it."""

    sent: list[str]

    def first(self, sql, args=()):
        self.sent.append(sql)
        return super().first(sql, args)


@pytest.fixture
def paid(db, login_as, db_url):
    """A clerk's posted payment in an open shift, and an Authenticator whose
    one connections count their statements and are kept for the test to look at."""
    (account_id,), actor, shift_id, clerk_db, _ = build_utility(db, login_as)
    payment = PaymentService(clerk_db, series_code="HQ").post(
        request(account_id, shift_id, "30.00", cash("50.00")), actor
    )
    opened: list[CountingConnection] = []

    def connect(url):
        conn = CountingConnection(engine_module.connect_once(url, statement_timeout_ms=20_000))
        conn.sent = []
        opened.append(conn)
        return conn

    auth = Authenticator(db_url, connection_factory=connect)
    return auth, opened, payment, actor, shift_id


def _reverse(auth: Authenticator, username: str, password: str, payment, actor, shift_id):
    """What the reversal dialog sends (ui/payments/reversal_dialog.py), with no
    identity known beforehand: the database decides who approves."""
    return auth.act_as(
        username,
        password,
        lambda database: ReversalService(database).reverse(
            payment_id=payment.payment_id,
            reason="收错户",
            actor=actor,
            shift_id=shift_id,
            client_uuid=str(uuid.uuid4()),
        ),
    )


def _written(db: Database) -> tuple[int, int, int]:
    with db.read() as s:
        return tuple(
            s.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (m.PaymentReversal, m.AuditEvent, m.PrepaymentEntry)
        )


def test_a_supervisor_approves_a_reversal_in_one_statement(db, login_as, paid, monkeypatch):
    auth, opened, payment, actor, shift_id = paid
    _, boss = login_as("supervisor")

    def no_engine(*_args, **_kwargs):
        raise AssertionError("an approval must not build an engine")

    monkeypatch.setattr(engine_module, "create_engine", no_engine)
    reversal = _reverse(auth, boss.username, LOGIN_PASSWORD, payment, actor, shift_id)
    assert reversal.payment_id == payment.payment_id and not reversal.replayed
    # the handshake, then one statement (the action): no whoami, no schema check
    [conn] = opened
    assert conn.sent == ["SELECT counter_reverse_payment(%s, %s, %s, %s, %s)"]
    assert conn.connection.closed
    monkeypatch.undo()
    with db.read() as s:
        row = s.execute(select(m.PaymentReversal)).scalar_one()
        assert row.supervisor_id == boss.id and row.payment_id == payment.payment_id
        assert row.clerk_id == actor.clerk_id


def test_a_wrong_password_is_refused_as_a_sign_in_is(db, login_as, paid, db_url):
    if not _password_checked_by_server(db):
        pytest.fail(
            "pg_hba.conf must ask counter_clerk members for a password: run tools/setup-postgres.sh"
        )
    auth, opened, payment, actor, shift_id = paid
    _, boss = login_as("supervisor")
    before = _written(db)
    for username, password in ((boss.username, "wrong-pw"), ("nobody_here", "x")):
        with pytest.raises(LoginError) as approving:
            _reverse(auth, username, password, payment, actor, shift_id)
        with pytest.raises(LoginError) as signing_in:
            Authenticator(db_url).login(username, password)
        # the same failure, hence the same message in the dialog (sign_in_text)
        assert approving.value.failure is signing_in.value.failure is LoginFailure.BAD_CREDENTIALS
    assert opened == [] and _written(db) == before
    with pytest.raises(LoginError) as info:
        _reverse(
            Authenticator("postgresql://127.0.0.1:1/counter"),
            boss.username,
            LOGIN_PASSWORD,
            payment,
            actor,
            shift_id,
        )
    assert info.value.failure is LoginFailure.UNREACHABLE


def test_a_clerks_credentials_as_supervisor_are_refused_by_the_server(db, login_as, paid):
    auth, opened, payment, actor, shift_id = paid
    _, clerk = login_as("clerk")
    before = _written(db)
    with pytest.raises(ReversalError) as info:
        _reverse(auth, clerk.username, LOGIN_PASSWORD, payment, actor, shift_id)
    assert info.value.code == "supervisor"
    # refused by the server: the action was sent (nothing checked it on the client)
    [conn] = opened
    assert conn.sent == ["SELECT counter_reverse_payment(%s, %s, %s, %s, %s)"]
    assert conn.connection.closed and _written(db) == before


def test_a_login_that_is_no_clerk_here_is_a_refused_sign_in(db, login_as, login_batch, paid):
    """An inactive supervisor or a login with no clerks row: the action's
    caller check refuses it; the dialog says so as for a refused sign-in."""
    auth, _, payment, actor, shift_id = paid
    _, batch = login_batch()
    _, boss = login_as("supervisor")
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE clerks SET active = false WHERE id = :id"), {"id": boss.id})
    before = _written(db)
    for username in (batch, boss.username):
        with pytest.raises((LoginError, ReversalError)) as info:
            _reverse(auth, username, LOGIN_PASSWORD, payment, actor, shift_id)
        if username == boss.username:
            assert info.value.failure is LoginFailure.NOT_A_CLERK
        else:  # no EXECUTE (not in counter_supervisor): not a supervisor
            assert info.value.code == "supervisor"
    assert _written(db) == before


def test_the_raw_sql_a_clerk_could_send_instead_is_refused(db, login_as, paid):
    """A clerk on their own login calls the reversal action (or writes the
    row): no EXECUTE, no table privilege, no supervisor role to switch to; and
    even with EXECUTE granted by mistake the function's caller check refuses."""
    _, _, payment, actor, shift_id = paid
    clerk_db, clerk = login_as("clerk")
    url = clerk_db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    args = ("WS1", payment.payment_id, str(uuid.uuid4()), "收错户", shift_id)
    sql = "SELECT counter_reverse_payment(%s, %s, %s, %s, %s)"
    before = _written(db)
    with psycopg.connect(url, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(sql, args)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SET ROLE counter_supervisor")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO payment_reversals (payment_id, client_uuid, reason, "
                "clerk_id, supervisor_id, shift_id, workstation) "
                "VALUES (%s, %s, 'x', %s, %s, %s, 'WS1')",
                (payment.payment_id, str(uuid.uuid4()), clerk.id, clerk.id, shift_id),
            )
        with db.engine.begin() as admin:
            admin.execute(
                text(
                    "GRANT EXECUTE ON FUNCTION counter_reverse_payment(text, bigint, text, text, "
                    f'bigint) TO "{clerk.username}"'
                )
            )
        with pytest.raises(psycopg.Error) as info:
            conn.execute(sql, args)
        assert info.value.sqlstate == "CT403" and info.value.diag.message_primary == "role"
    assert _written(db) == before
