"""Locks no login can hold (migration 0029): a clerk who takes every key the
actions used to lock with pg_advisory_lock() from psql, and keeps it, blocks
no one: billing, the imports, the withholding files, the complaint tickets
and the tills still run. The rows of ``counter_locks`` cannot be locked nor
the helper called by any login."""

from __future__ import annotations

import json
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from counter_app.services.actions import ActionError, call
from counter_app.services.channels.withholding_files import export_withholding
from counter_app.services.installation.batch import jsonb
from tests.support import withholding as withholding_fixtures
from tests.support.waiting import patient
from tests.support.withholding import _sign_all

hall = withholding_fixtures.hall  # the fixture
D = Decimal

# what still takes an advisory lock: the counter payment's client UUID (made
# by the client, unknown before the call); the channel references, statement
# files, tariff categories and relief certificates lock rows since 0030
# (tests/db/test_attacks_0029_locks.py)
ADVISORY_LEFT = {"counter_post_payment"}


def _denied(database, statement: str) -> None:
    with pytest.raises(DBAPIError) as info, database.engine.begin() as conn:
        conn.execute(text(statement))
    assert getattr(info.value.orig, "sqlstate", "") == "42501", statement


def test_only_the_unguessable_advisory_locks_are_left(db):
    with db.read() as s:
        names = set(
            s.execute(
                text(
                    "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                    "WHERE n.nspname = 'public' AND p.prosrc LIKE '%pg_advisory%'"
                )
            ).scalars()
        )
        lockers = set(
            s.execute(
                text(
                    "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                    "WHERE n.nspname = 'public' AND p.prosrc LIKE '%counter_lock(%'"
                )
            ).scalars()
        )
    assert names == ADVISORY_LEFT
    assert lockers == {
        "counter_open_shift_of",
        "counter_open_shift",
        "counter_complaint_ticket",
        "counter_set_complaint_departments",
        "counter_issue_bills_only",
        "counter_import_readings",
        "counter_assign_archive_numbers",
        "counter_import_accounts",
        "counter_import_balances",
        "counter_export_withholding",
        "counter_import_withholding",
        "counter_file_relief",
        "counter_save_tariff",
        "counter_post_channel_payment",
        "counter_resolve_suspense",
        "counter_import_online",
    }


def test_no_login_can_lock_a_lock_row_nor_call_the_helper(hall, login_as):
    supervisor, _ = login_as("supervisor")
    admin, _ = login_as("admin")
    for login in (hall.clerk, supervisor, admin, hall.batch):
        for clause in ("FOR UPDATE", "FOR NO KEY UPDATE", "FOR SHARE", "FOR KEY SHARE"):
            _denied(login, f"SELECT 1 FROM counter_locks {clause}")
        for mode in ("ACCESS SHARE", "ROW SHARE", "SHARE", "ACCESS EXCLUSIVE"):
            _denied(login, f"LOCK TABLE counter_locks IN {mode} MODE")
        for statement in (
            "SELECT counter_lock('import_readings')",
            "SELECT counter_lock('issue_bills', '2026-11')",
            "TRUNCATE counter_locks",
            "DELETE FROM counter_locks",
            "INSERT INTO counter_locks (name, key) VALUES ('x', 'y')",
        ):
            _denied(login, statement)


def test_a_clerk_holding_every_old_key_blocks_neither_the_batch_nor_a_till(
    hall, login_as, tmp_path: Path
):
    attacker, _ = login_as("clerk")
    _sign_all(hall)  # three agreements at ABC owing for 2026-11
    patient(hall.db, hall.who.username, hall.batch_name)
    hall.clerk.engine.dispose()
    hall.batch.engine.dispose()
    shift = call(hall.clerk, "open_shift", "WS1", D("0"))["shift_id"]
    keys = [
        "hashtext('counter_import_readings')",
        "hashtext('counter_issue_bills'), hashtext('2026-12')",
        "hashtext('counter_export_withholding'), hashtext('ABC')",
        "hashtext('counter_import_withholding'), hashtext('ABC')",
        "hashtext('counter_complaint_ticket')",
        "hashtext('counter_complaint_departments')",
        "hashtext('counter_golive_import')",
        "hashtext('counter_assign_archive_numbers')",
        f"7301, {shift}",
        f"7303, {hall.who.id}",
    ]
    with attacker.engine.connect() as held:  # the attacker's psql, left open
        for key in keys:
            assert held.execute(text(f"SELECT pg_try_advisory_lock({key})")).scalar_one(), key
        held.commit()  # session locks outlive the transaction
        # a till: posting on the shift, receiving a complaint, closing
        posted = call(
            hall.clerk,
            "post_payment",
            "WS1",
            str(uuid.uuid4()),
            hall.accounts["01000004"],
            shift,
            None,
            D("25.20"),
            [],
            None,
            jsonb([{"tender": "cash", "amount": "25.20"}]),
        )
        assert posted["receipt_no"]
        complaint = call(
            hall.clerk,
            "receive_complaint",
            "WS1",
            json.dumps(
                {
                    "complainant": "张三",
                    "contact": "",
                    "channel": "counter",
                    "category": "billing",
                    "description": "水费高",
                }
            ),
        )
        assert complaint["ticket_no"].startswith("TS")
        # the batch: the withholding request file, billing, the imports
        report = export_withholding(hall.batch, "ABC", "2026-11", tmp_path / "abc.txt")
        assert report.count == 3
        outcomes = []
        for name, *args in (
            ("issue_bills", "2026-12", jsonb([{"reading_id": 0, "amount": "1.00"}])),
            ("import_readings", "a" * 64, "r.csv", jsonb([])),
            ("import_accounts", "b" * 64, "a.csv", jsonb([])),
            ("import_balances", "c" * 64, "b.csv", jsonb([]), jsonb([])),
            ("assign_archive_numbers", "WS1", None),
        ):
            try:
                outcomes.append(call(hall.batch, name, *args))
            except ActionError as refused:  # refused on its merits: past the lock
                outcomes.append(refused.code)
        assert len(outcomes) == 5
        with pytest.raises(ActionError):  # a clerk may not close another's till
            call(attacker, "close_shift", "WS1", shift, jsonb([]), None)
        # the attacker still holds every key: the calls above did not wait for them
        assert held.execute(
            text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = "
                "pg_backend_pid() AND granted"
            )
        ).scalar_one() == len(keys)
    with hall.db.read() as s:
        assert s.execute(text("SELECT * FROM counter_books_check()")).all() == []


def test_the_lock_row_still_serialises_the_actions(hall, login_batch):
    """The replacement is a lock: a second batch waits for the first's
    transaction (here: the archive numbering held open)."""
    other, other_name = login_batch()
    patient(hall.db, other_name)
    with hall.batch.engine.connect() as first:
        first.exec_driver_sql("SELECT counter_assign_archive_numbers('WS1', NULL)")
        with pytest.raises(DBAPIError) as waited:
            call(other, "assign_archive_numbers", "WS2", None)
        assert getattr(waited.value.orig, "sqlstate", "") == "55P03"  # lock_timeout
        first.rollback()
    assert call(other, "assign_archive_numbers", "WS2", None)
