"""Full bank account numbers (migration 0029): the batch gets them only
through a committed audit row and a one-time token; a BEGIN ... ROLLBACK
around the request gets nothing; clerks and supervisors are refused."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from counter_app.services.actions import ActionError, call
from counter_app.services.channels.withholding_files import export_withholding
from tests.support import withholding as withholding_fixtures
from tests.support.payments import books
from tests.support.withholding import NUMBERS, _sign_all, numbers_audits

hall = withholding_fixtures.hall  # the fixture


def test_the_export_leaves_an_audit_row_naming_the_agreements(hall, tmp_path):
    agreements = _sign_all(hall)
    report = export_withholding(
        hall.batch, "ABC", "2026-11", tmp_path / "abc.txt", today=date(2026, 12, 4)
    )
    assert report.count == 3
    assert NUMBERS["01000002"].encode() in (tmp_path / "abc.txt").read_bytes()
    [audit] = numbers_audits(hall.db)
    assert audit["count"] == 3 and audit["batch_no"] == "ABC202611001"
    assert sorted(audit["agreements"]) == sorted(a.id for a in agreements.values())
    assert not any(n in json.dumps(audit) for n in NUMBERS.values())
    with hall.db.read() as s:
        used = s.execute(
            text("SELECT login, used_at IS NOT NULL FROM withholding_number_requests")
        ).one()
    assert tuple(used) == (hall.batch_name, True)
    assert books(hall.db) == []


def test_the_due_list_is_masked(hall):
    _sign_all(hall)
    due = call(hall.batch, "withholding_due", "ABC", "2026-11")
    dumped = json.dumps(due, default=str)
    assert not any(n in dumped for n in NUMBERS.values())
    assert {i["bank_account_masked"] for i in due["items"]} >= {"6228***********8901"}
    assert numbers_audits(hall.db) == []


def test_a_rolled_back_request_gets_no_number(hall):
    """The batch password from psql: BEGIN; request; numbers; ROLLBACK."""
    _sign_all(hall)
    with hall.batch.engine.connect() as conn:
        token = conn.execute(
            text("SELECT counter_request_withholding_numbers('ABC', '2026-11')->>'token'")
        ).scalar_one()
        with pytest.raises(DBAPIError) as refused:
            conn.execute(text("SELECT counter_withholding_numbers(CAST(:t AS uuid))"), {"t": token})
        assert "uncommitted" in str(refused.value.orig)
        conn.rollback()
    assert numbers_audits(hall.db) == []
    with hall.db.read() as s:
        assert s.execute(text("SELECT count(*) FROM withholding_number_requests")).scalar_one() == 0


def test_a_token_serves_once_its_own_login_within_two_minutes(hall, login_batch):
    _sign_all(hall)
    other, _ = login_batch()
    token = call(hall.batch, "request_withholding_numbers", "ABC", "2026-11")["token"]
    with pytest.raises(ActionError) as stranger:
        call(other, "withholding_numbers", token)
    assert stranger.value.code == "no_request"
    numbers = call(hall.batch, "withholding_numbers", token)["numbers"]
    assert sorted(numbers.values()) == sorted(
        NUMBERS[a] for a in ("01000001", "01000002", "01000003")
    )
    with pytest.raises(ActionError) as again:
        call(hall.batch, "withholding_numbers", token)
    assert again.value.code == "used"
    late = call(hall.batch, "request_withholding_numbers", "ABC", "2026-11")["token"]
    with hall.db.write() as s:
        s.execute(
            text(
                "UPDATE withholding_number_requests SET requested_at = requested_at "
                "- interval '3 minutes' WHERE token = :t"
            ),
            {"t": late},
        )
    with pytest.raises(ActionError) as expired:
        call(hall.batch, "withholding_numbers", late)
    assert expired.value.code == "expired"
    assert [a["count"] for a in numbers_audits(hall.db)] == [3, 3]


def test_clerks_and_supervisors_are_refused_every_door(hall, login_as):
    _sign_all(hall)
    supervisor, _ = login_as("supervisor")
    token = call(hall.batch, "request_withholding_numbers", "ABC", "2026-11")["token"]
    for login in (hall.clerk, supervisor):
        for statement in (
            "SELECT counter_withholding_due('ABC', '2026-11')",
            "SELECT counter_request_withholding_numbers('ABC', '2026-11')",
            f"SELECT counter_withholding_numbers('{token}')",
            "SELECT * FROM withholding_number_requests",
            "SELECT counter_withholding_due_rows('ABC', '2026-11')",
        ):
            with pytest.raises(DBAPIError) as refused, login.engine.begin() as conn:
                conn.execute(text(statement))
            assert getattr(refused.value.orig, "sqlstate", "") == "42501", statement
    # the batch reads the requests only through the actions
    with pytest.raises(DBAPIError), hall.batch.engine.begin() as conn:
        conn.execute(text("SELECT * FROM withholding_number_requests"))
    assert books(hall.db) == []
