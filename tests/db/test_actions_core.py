"""The helpers every server-side action uses (migration 0011), through a
small action made for the test, signed in as real logins."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import text

from counter_app.services.actions import ActionError, call
from tests.support.builders import make_reference

PROBE = """
CREATE FUNCTION counter_probe(p_workstation text, p_amount numeric, p_role text)
    RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v clerks := counter_caller(p_role);
    v_amount numeric := counter_money(p_amount, 'amount', false);
BEGIN
    PERFORM counter_audit(p_workstation, 'probe', 'clerk', v.id::text,
                          jsonb_build_object('amount', v_amount));
    RETURN jsonb_build_object('clerk', v.username, 'hall', v.hall_code, 'amount', v_amount,
                              'at', now());
END
$$;
ALTER FUNCTION counter_probe(text, numeric, text) OWNER TO counter_owner;
REVOKE ALL ON FUNCTION counter_probe(text, numeric, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION counter_probe(text, numeric, text) TO counter_clerk;
"""


@pytest.fixture
def probe(db):
    with db.write() as s:
        make_reference(s)
    raw = db.engine.raw_connection()
    try:
        raw.driver_connection.execute(PROBE)
        raw.driver_connection.commit()
    finally:
        raw.close()
    return db


def test_an_action_knows_its_caller_from_the_session_not_from_arguments(probe, login_as):
    clerk_db, clerk = login_as("clerk")
    result = call(clerk_db, "probe", "WS-07", Decimal("12.30"), "clerk")
    assert result["clerk"] == clerk.username and result["hall"] == "HQ"
    assert result["amount"] == Decimal("12.30") and isinstance(result["amount"], Decimal)
    with probe.read() as s:
        row = s.execute(
            text(
                "SELECT clerk, workstation, action, details FROM audit_events "
                "WHERE action = 'probe'"
            )
        ).one()
    assert row.clerk == clerk.username and row.workstation == "WS-07"
    assert json.loads(row.details) == {"amount": 12.30}


def test_a_clerk_is_refused_what_needs_a_supervisor(probe, login_as):
    clerk_db, _ = login_as("clerk")
    with pytest.raises(ActionError) as refused:
        call(clerk_db, "probe", "WS-07", Decimal("1.00"), "supervisor")
    assert refused.value.kind == "forbidden" and refused.value.code == "role"
    boss_db, boss = login_as("supervisor")
    assert call(boss_db, "probe", "WS-07", Decimal("1.00"), "supervisor")["clerk"] == boss.username


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        (Decimal("1.005"), "decimals"),
        (Decimal("-1"), "negative"),
        (Decimal("0"), "negative"),
        (Decimal("NaN"), "amount"),
    ],
)
def test_money_is_checked_in_the_database_naming_the_field(probe, login_as, amount, code):
    clerk_db, _ = login_as("clerk")
    with pytest.raises(ActionError) as refused:
        call(clerk_db, "probe", "WS-07", amount, "clerk")
    assert refused.value.field in ("amount", "")
    assert refused.value.code == code


def test_a_float_never_reaches_an_action(probe, login_as):
    clerk_db, _ = login_as("clerk")
    with pytest.raises(TypeError):
        call(clerk_db, "probe", "WS-07", 1.5, "clerk")


def test_the_helpers_cannot_be_called_by_a_login(probe, login_as):
    """Forging an audit row or a refusal through the helpers themselves."""
    clerk_db, _ = login_as("clerk")
    for statement in (
        "SELECT counter_audit('WS', 'payment.post', 'payment', '1', '{}'::jsonb)",
        "SELECT counter_caller('clerk')",
        "SELECT counter_money(1, 'x', true)",
    ):
        with clerk_db.engine.connect() as conn, pytest.raises(Exception) as refused:
            conn.execute(text(statement))
        assert "permission denied" in str(refused.value)


def test_one_statement_is_one_transaction(probe, login_as):
    """Sent in autocommit: the audit row is there for everyone once the call
    returns, with no COMMIT of the client's."""
    clerk_db, _ = login_as("clerk")
    call(clerk_db, "probe", "WS-01", Decimal("2.00"), "clerk")
    with probe.read() as s:
        assert (
            s.execute(text("SELECT count(*) FROM audit_events WHERE action = 'probe'")).scalar_one()
            == 1
        )
