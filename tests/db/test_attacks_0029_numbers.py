"""The attacker's review of migration 0029 (and 0030, what it found open),
the full bank account numbers: every login (clerk, supervisor, admin, batch)
used from psql by someone who wants them, through a savepoint, a rolled-back
or forged token, a replay, two redemptions at once, an injection, the tables,
the audit row or a shadow function. Each attack is refused; the books are
clean afterwards. The locks and the catalogue are in
test_attacks_0029_locks.py, the downgrade attacks in
test_attacks_0029_downgrade.py (they rebuild the schema)."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from counter_app.services.actions import ActionError, call
from tests.support import withholding as withholding_fixtures
from tests.support.database import refused_state
from tests.support.logins import GROUP_ROLES
from tests.support.payments import books
from tests.support.withholding import NUMBERS, _sign_all, numbers_audits

hall = withholding_fixtures.hall  # the fixture


def _request(login) -> str:
    return call(login, "request_withholding_numbers", "ABC", "2026-11")["token"]


# ----------------------------------------------------------- full bank numbers


def test_a_token_requested_in_a_savepoint_is_uncommitted(hall):
    """A subtransaction (SAVEPOINT, RELEASE) is still the caller's open
    transaction: the numbers wait for a real commit."""
    _sign_all(hall)
    with hall.batch.engine.connect() as conn:
        conn.exec_driver_sql("SAVEPOINT s")
        token = conn.execute(
            text("SELECT counter_request_withholding_numbers('ABC', '2026-11')->>'token'")
        ).scalar_one()
        conn.exec_driver_sql("RELEASE SAVEPOINT s")
        with pytest.raises(DBAPIError) as refused:
            conn.execute(text("SELECT counter_withholding_numbers(CAST(:t AS uuid))"), {"t": token})
        assert "uncommitted" in str(refused.value.orig)
        conn.rollback()
    # a DO block's exception handler is a subtransaction too
    with hall.batch.engine.connect() as conn:
        with pytest.raises(DBAPIError) as refused:
            conn.exec_driver_sql("""
                DO $$
                DECLARE t uuid;
                BEGIN
                    t := (counter_request_withholding_numbers('ABC', '2026-11')->>'token')::uuid;
                    BEGIN
                        PERFORM counter_withholding_numbers(t);
                    EXCEPTION WHEN division_by_zero THEN NULL;
                    END;
                END $$""")
        assert "uncommitted" in str(refused.value.orig)
        conn.rollback()
    assert numbers_audits(hall.db) == []


def test_a_token_of_a_rolled_back_request_or_a_forged_one_is_nothing(hall):
    _sign_all(hall)
    with hall.batch.engine.connect() as conn:
        token = conn.execute(
            text("SELECT counter_request_withholding_numbers('ABC', '2026-11')->>'token'")
        ).scalar_one()
        conn.rollback()
    for forged in (token, "00000000-0000-0000-0000-000000000000", None):
        with pytest.raises(ActionError) as refused:
            call(hall.batch, "withholding_numbers", forged)
        assert refused.value.code == "no_request"
    assert books(hall.db) == []


def test_a_replay_after_a_rolled_back_use_gives_nothing_the_audit_row_does_not_name(hall):
    """BEGIN; numbers(token); ROLLBACK undoes the 'used' mark (nothing in a
    transaction survives its rollback): the same numbers can be read again
    within the two minutes, but only those of the one committed audit row,
    and never after a committed use."""
    agreements = _sign_all(hall)
    token = _request(hall.batch)
    with hall.batch.engine.connect() as conn:
        first = conn.execute(
            text("SELECT counter_withholding_numbers(CAST(:t AS uuid))"), {"t": token}
        ).scalar_one()["numbers"]
        conn.rollback()
    again = call(hall.batch, "withholding_numbers", token)["numbers"]
    assert again == first
    assert {int(i) for i in again} == {a.id for a in agreements.values()}
    [audit] = numbers_audits(hall.db)
    assert sorted(audit["agreements"]) == sorted(int(i) for i in again)
    with pytest.raises(ActionError) as used:
        call(hall.batch, "withholding_numbers", token)
    assert used.value.code == "used"


def test_two_redemptions_at_once_give_the_numbers_once(hall, login_batch):
    """Two connections of the same login race on one token: the row lock
    makes the second see the first's use."""
    _sign_all(hall)
    token = _request(hall.batch)
    results: list[object] = []
    with hall.batch.engine.connect() as first:
        got = first.execute(
            text("SELECT counter_withholding_numbers(CAST(:t AS uuid))"), {"t": token}
        ).scalar_one()
        assert got["numbers"]

        def second() -> None:
            try:
                results.append(call(hall.batch, "withholding_numbers", token))
            except ActionError as refused:
                results.append(refused.code)

        racer = threading.Thread(target=second)
        racer.start()
        racer.join(timeout=1)
        assert racer.is_alive()  # waiting on the first's row lock
        first.commit()
    racer.join(timeout=30)
    assert results == ["used"]


def test_no_number_of_an_agreement_outside_the_request(hall):
    """An agreement signed after the request, or cancelled before the use,
    is not handed out; the due list never shows a full number."""
    agreements = _sign_all(hall)
    token = _request(hall.batch)
    cancelled = agreements["01000003"]
    call(hall.clerk, "cancel_withholding", "WS1", cancelled.id, cancelled.version, "客户要求")
    _sign_all(hall, accounts=("01000004",))
    numbers = call(hall.batch, "withholding_numbers", token)["numbers"]
    assert set(numbers.values()) == {NUMBERS["01000001"], NUMBERS["01000002"]}
    assert books(hall.db) == []


def test_the_two_minutes_count_from_the_request_not_from_its_commit(hall):
    """A request held open for three minutes is expired when committed."""
    _sign_all(hall)
    with hall.batch.engine.connect() as conn:
        token = conn.execute(
            text("SELECT counter_request_withholding_numbers('ABC', '2026-11')->>'token'")
        ).scalar_one()
        conn.commit()
    with hall.db.write() as s:  # what three minutes of waiting would look like
        s.execute(
            text(
                "UPDATE withholding_number_requests SET requested_at = requested_at "
                "- interval '2 minutes 1 second' WHERE token = :t"
            ),
            {"t": token},
        )
    with pytest.raises(ActionError) as expired:
        call(hall.batch, "withholding_numbers", token)
    assert expired.value.code == "expired"


def test_injection_through_bank_and_period_isrefused_state(hall):
    _sign_all(hall)
    for bank, period in (
        ("ABC' OR '1'='1", "2026-11"),
        ("ABC", "2026-11' OR '1'='1"),
        ("ABC", "2026-11\n"),
        ("abc", "2026-11"),
        (None, "2026-11"),
        ("ABC", None),
        ("ABC%", "2026-11"),
        ("ABC", "2026-1_"),
    ):
        for action in ("request_withholding_numbers", "withholding_due"):
            with pytest.raises(ActionError) as refused:
                call(hall.batch, action, bank, period)
            assert refused.value.code in ("period", "bank"), (bank, period)
    assert numbers_audits(hall.db) == []
    assert books(hall.db) == []


def test_no_login_reads_a_number_from_the_tables_or_the_audit_row(hall, login_as):
    _sign_all(hall)
    supervisor, _ = login_as("supervisor")
    admin, _ = login_as("admin")
    token = _request(hall.batch)
    for login in (hall.clerk, supervisor, admin, hall.batch):
        for statement in (
            "SELECT * FROM withholding_number_requests",
            "SELECT token FROM withholding_number_requests",
            "SELECT bank_account FROM withholding_agreements",
            f"SELECT counter_withholding_numbers('{token}')",
            "SELECT counter_mask_bank_account('x')",
        ):
            if login is hall.batch and token in statement:
                continue  # its own token: the audited door
            assert refused_state(login, statement) == "42501", statement
        # whatever of the audit row a login may read carries no full number
        try:
            with login.engine.begin() as conn:
                rows = (
                    conn.execute(text("SELECT to_jsonb(e)::text FROM audit_events e"))
                    .scalars()
                    .all()
                )
        except DBAPIError:
            rows = []
        assert not any(n in row for row in rows for n in NUMBERS.values())
    assert books(hall.db) == []


def test_a_shadow_in_pg_temp_or_public_changes_nothing(hall, login_as):
    """search_path tricks: no login may create in public (nor any schema
    the definers search); a temporary table named like the request table
    or the lock table is never what the definers read."""
    supervisor, _ = login_as("supervisor")
    admin, _ = login_as("admin")
    for login in (hall.clerk, supervisor, admin, hall.batch):
        assert refused_state(login, "CREATE TABLE public.counter_locks_x (a int)") == "42501"
        assert (
            refused_state(
                login,
                "CREATE FUNCTION public.cardinality(bigint[]) RETURNS int "
                "LANGUAGE sql AS 'SELECT 99'",
            )
            == "42501"
        )
    with hall.db.read() as s:
        creators = (
            s.execute(
                text(
                    "SELECT r.rolname FROM pg_roles r WHERE NOT r.rolsuper "
                    "AND r.rolname NOT IN ('counter_owner', 'pg_database_owner', current_user) "
                    "AND has_schema_privilege(r.oid, 'public', 'CREATE')"
                )
            )
            .scalars()
            .all()
        )
        assert creators == []
        assert not s.execute(
            text("SELECT has_schema_privilege('public', 'public', 'CREATE')")
        ).scalar_one()
        # the database's owner (who may create in public) is no login of the app
        assert not any(
            s.execute(
                text(
                    "SELECT pg_has_role(g, d.datdba, 'MEMBER') "
                    "FROM pg_database d, unnest(CAST(:g AS text[])) g "
                    "WHERE d.datname = current_database()"
                ),
                {"g": list(GROUP_ROLES)},
            ).scalars()
        )
    _sign_all(hall)
    with hall.batch.engine.connect() as conn:
        try:
            conn.exec_driver_sql(
                "CREATE TEMP TABLE withholding_number_requests (token uuid, login text, "
                "bank_code text, period text, agreement_ids bigint[], audit_id bigint, "
                "requested_at timestamptz, used_at timestamptz)"
            )
            conn.exec_driver_sql("CREATE TEMP TABLE counter_locks (name text, key text)")
        except DBAPIError:  # no TEMP privilege: nothing to shadow with
            conn.rollback()
        else:
            token = conn.execute(
                text("SELECT counter_request_withholding_numbers('ABC', '2026-11')->>'token'")
            ).scalar_one()
            assert (
                conn.exec_driver_sql(
                    "SELECT count(*) FROM pg_temp.withholding_number_requests"
                ).scalar_one()
                == 0
            )
            conn.commit()
            numbers = conn.execute(
                text("SELECT counter_withholding_numbers(CAST(:t AS uuid))"), {"t": token}
            ).scalar_one()["numbers"]
            assert len(numbers) == 3
            conn.commit()
    assert len(numbers_audits(hall.db)) <= 1
    assert books(hall.db) == []
