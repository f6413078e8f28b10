"""Refusals of the database's actions leave one log line each: the action, the
SQLSTATE, the code and the field, never the arguments nor the server's text."""

from __future__ import annotations

import logging

import pytest

from counter_app.services.actions import ActionError, call
from tests.support.builders import make_reference

LOGGER = "counter_app.services.actions"
SECRET = "110101199003078515"  # an ID number: personal data that must stay out of the log

REFUSER = """
CREATE FUNCTION counter_log_probe(p_state text, p_code text, p_field text, p_value text)
    RETURNS jsonb
    LANGUAGE plpgsql
    SET search_path = public, pg_temp
AS $$
BEGIN
    PERFORM counter_fail(p_state, p_code, p_field, 'refused ' || p_value);
    RETURN '{}'::jsonb;
END
$$;
"""


@pytest.fixture
def refuser(db):
    with db.write() as s:
        make_reference(s)  # the hall HQ that login_as signs clerks into
    raw = db.engine.raw_connection()
    try:
        raw.driver_connection.execute(REFUSER)
        raw.driver_connection.commit()
    finally:
        raw.close()
    return db


def _records(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == LOGGER]


@pytest.mark.parametrize(
    ("state", "code", "level"),
    [
        ("CT400", "format", logging.INFO),
        ("CT403", "role", logging.INFO),
        ("CT404", "no_account", logging.INFO),
        ("CT409", "stale", logging.WARNING),
        ("CT423", "shift_closed", logging.WARNING),
    ],
)
def test_each_refusal_is_logged_once_with_action_code_and_field(
    refuser, caplog, state, code, level
):
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    with pytest.raises(ActionError) as refused:
        call(refuser, "log_probe", state, code, "id_number", SECRET)
    assert refused.value.code == code and SECRET in refused.value.message  # the UI still has it
    [record] = _records(caplog)
    assert record.levelno == level
    line = record.getMessage()
    assert "log_probe" in line and state in line and code in line and "id_number" in line
    assert SECRET not in line and all(SECRET not in str(a) for a in record.args or ())
    assert record.exc_info is None


def test_a_refusal_without_a_field_says_so(refuser, caplog):
    caplog.set_level(logging.INFO, logger=LOGGER)
    with pytest.raises(ActionError):
        call(refuser, "log_probe", "CT400", "amount", "", "12.30")
    [record] = _records(caplog)
    assert "(field -)" in record.getMessage() and "12.30" not in record.getMessage()


def test_a_real_action_refusing_a_clerk_is_logged(refuser, login_as, caplog):
    caplog.set_level(logging.INFO, logger=LOGGER)
    clerk_db, _ = login_as("clerk")
    with pytest.raises(ActionError) as refused:
        call(clerk_db, "lookup_flags")
    assert refused.value.kind == "forbidden"
    [record] = _records(caplog)
    assert record.levelno == logging.INFO
    assert "lookup_flags" in record.getMessage() and "CT403" in record.getMessage()


def test_an_answer_logs_nothing(refuser, login_as, caplog):
    caplog.set_level(logging.DEBUG, logger=LOGGER)
    boss_db, _ = login_as("supervisor")
    call(boss_db, "lookup_flags")
    assert _records(caplog) == []
