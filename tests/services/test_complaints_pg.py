"""Complaints, correction requests and outages under real PostgreSQL logins:
what a clerk (member of counter_clerk) and a supervisor may do, proven by the
database's own privileges, and the event and audit logs stay append-only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from counter_app.db.engine import Database
from counter_app.services.audit import Actor
from counter_app.services.auth import ClerkIdentity
from counter_app.services.complaints.corrections import CorrectionService
from counter_app.services.complaints.outages import OutageService
from counter_app.services.complaints.service import (
    DEFAULT_DEPARTMENTS,
    ComplaintService,
    NewComplaint,
)
from tests.support.builders import make_account, make_reference

pytestmark = pytest.mark.postgres


@pytest.fixture
def db(pg_db):  # login_as (tests/conftest.py) signs in to this database
    with pg_db.write() as s:
        make_reference(s)
        make_account(s)
    return pg_db


@pytest.fixture
def account_id(db) -> int:
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT id FROM accounts")).scalar_one()


def _actor(who: ClerkIdentity) -> Actor:
    return Actor(who.username, "WS-PG", who.id)


def _refused(login: Database, sql: str, **params) -> str:
    with pytest.raises(DBAPIError) as info:
        with login.engine.begin() as conn:
            conn.execute(text(sql), params)
    return str(info.value.orig)


def _denied(login: Database, sql: str, **params) -> None:
    assert "permission denied" in _refused(login, sql, **params)


def test_clerk_files_and_follows_up_a_complaint(login_as, account_id):
    clerk_db, clerk = login_as("clerk")
    service, actor = ComplaintService(clerk_db), _actor(clerk)
    c = service.receive(
        NewComplaint(
            "张三", "13812345678", "counter", "pressure", "六楼没水", account_id=account_id
        ),
        actor,
    )
    assert c.account_no == "01000001" and c.ticket_no.startswith("TS")
    due = datetime.now(UTC) + timedelta(days=1)
    c = service.forward(c.id, c.version, "管网维修", due, actor, note="请上门")
    c = service.follow_up(c.id, c.version, "已派维修员", actor)
    c = service.resolve(c.id, c.version, "阀门已更换", actor)
    c = service.reply(c.id, c.version, "已电话告知", "hotline", actor)
    c = service.close(c.id, c.version, "satisfied", actor)
    c = service.reopen(c.id, c.version, "再次没水", actor)
    assert c.status == "open" and len(c.events) == 7
    assert service.list()[0].id == c.id and service.departments() == DEFAULT_DEPARTMENTS
    # what the clerk may not touch: the facts as received, deleting, the log
    _denied(clerk_db, "UPDATE complaints SET description = 'x'")
    _denied(clerk_db, "UPDATE complaints SET ticket_no = 'x'")
    _denied(clerk_db, "DELETE FROM complaints")
    _denied(clerk_db, "UPDATE complaint_events SET content = 'x'")
    _denied(clerk_db, "DELETE FROM complaint_events")


def test_clerk_files_a_correction_but_cannot_decide_or_apply_it(login_as, account_id):
    clerk_db, clerk = login_as("clerk")
    req = CorrectionService(clerk_db).file(
        account_id, "address", "嘉祥街道建设路21号", "房产证", 1, _actor(clerk)
    )
    assert req.status == "pending" and req.requested_by == "测试"
    # the service refuses a clerk; the database refuses too, whatever the app says
    posing = ClerkIdentity(clerk.id, clerk.username, clerk.display_name, "supervisor", "HQ")
    with pytest.raises(PermissionError, match="permission denied"):
        CorrectionService(clerk_db).approve(req.id, req.version, posing, _actor(clerk))
    _denied(clerk_db, "UPDATE correction_requests SET status = 'approved'")
    _denied(clerk_db, "UPDATE correction_requests SET proposed_value = 'x'")
    _denied(clerk_db, "UPDATE accounts SET address = 'x'")
    _denied(clerk_db, "DELETE FROM correction_requests")
    assert CorrectionService(clerk_db).get(req.id).status == "pending"


def test_supervisor_approves_and_rejects_corrections(login_as, account_id, db):
    clerk_db, clerk = login_as("clerk")
    sup_db, sup = login_as("supervisor")
    filed = CorrectionService(clerk_db)
    for_address = filed.file(
        account_id, "address", "嘉祥街道建设路21号", "房产证", 1, _actor(clerk)
    )
    done = CorrectionService(sup_db).approve(
        for_address.id, for_address.version, sup, _actor(sup), "核实无误"
    )
    assert done.status == "approved" and done.decided_by == "测试"
    for_name = filed.file(account_id, "name", "张叁", "户口本", 2, _actor(clerk))
    rejected = CorrectionService(sup_db).reject(
        for_name.id, for_name.version, sup, _actor(sup), "证件不符"
    )
    assert rejected.status == "rejected"
    with db.engine.connect() as conn:
        row = conn.execute(text("SELECT name, address, version FROM accounts")).one()
    assert tuple(row) == ("张三", "嘉祥街道建设路21号", 2)
    # a decision stays a decision: the request's facts are not the supervisor's to edit
    _denied(sup_db, "UPDATE correction_requests SET proposed_value = 'x'")
    _denied(sup_db, "DELETE FROM correction_requests")


def test_a_proposed_id_number_is_read_in_full_through_the_reveal_action_only(
    login_as, account_id, db
):
    clerk_db, clerk = login_as("clerk")
    sup_db, sup = login_as("supervisor")
    filed = CorrectionService(clerk_db).file(
        account_id, "id_number", "370829198506150011", "身份证", 1, _actor(clerk)
    )
    assert filed.proposed_value == "370829********0011"
    # the clerk wrote the raw value but cannot read it back, not even their own
    _denied(clerk_db, "SELECT proposed_value FROM correction_requests")
    _denied(clerk_db, "SELECT * FROM correction_requests WHERE id = :i", i=filed.id)
    [mine] = CorrectionService(clerk_db).for_account(account_id)
    assert mine.proposed_value == "370829********0011"
    assert CorrectionService(clerk_db).pending()[0].proposed_value == "370829********0011"
    # the service refuses a clerk's reveal; the database too, whatever the app says
    with pytest.raises(PermissionError):
        CorrectionService(clerk_db).reveal(filed.id, clerk, _actor(clerk))
    posing = ClerkIdentity(clerk.id, clerk.username, clerk.display_name, "supervisor", "HQ")
    with pytest.raises(PermissionError, match="permission denied"):
        CorrectionService(clerk_db).reveal(filed.id, posing, _actor(clerk))
    # the supervisor's list is masked too; one value in full when asked, audited once
    [listed] = CorrectionService(sup_db).pending()
    assert (listed.id, listed.proposed_value) == (filed.id, "370829********0011")
    assert CorrectionService(sup_db).reveal(filed.id, sup, _actor(sup)) == "370829198506150011"
    _denied(sup_db, "SELECT proposed_value FROM correction_requests")  # not by the column
    done = CorrectionService(sup_db).approve(filed.id, filed.version, sup, _actor(sup))
    assert done.status == "approved" and done.proposed_value == "370829********0011"
    with db.engine.connect() as conn:
        row = conn.execute(
            text("SELECT id_number, id_masked, id_tail, version FROM accounts")
        ).one()
        actions = (
            conn.execute(
                text("SELECT action FROM audit_events WHERE entity <> 'clerk' ORDER BY id")
            )
            .scalars()
            .all()
        )
    assert tuple(row) == ("370829198506150011", "370829********0011", "150011", 2)
    assert actions == [
        "correction.file",
        "correction.reveal",
        "correction.approve",
        "account.correct",
    ]
    _denied(clerk_db, "SELECT id_number FROM accounts")


def test_clerk_reads_outages_supervisor_keeps_them(login_as):
    clerk_db, clerk = login_as("clerk")
    sup_db, sup = login_as("supervisor")
    now = datetime.now(UTC)
    posing = ClerkIdentity(clerk.id, clerk.username, clerk.display_name, "supervisor", "HQ")
    with pytest.raises(PermissionError, match="permission denied"):
        OutageService(clerk_db).announce(
            "A01", now, now + timedelta(hours=4), "抢修", posing, _actor(clerk)
        )
    sup_service = OutageService(sup_db)
    running = sup_service.announce(
        "A01",
        now - timedelta(hours=1),
        now + timedelta(hours=4),
        "建设路爆管抢修",
        sup,
        _actor(sup),
    )
    later = sup_service.announce(
        "A01",
        now + timedelta(days=1),
        now + timedelta(days=1, hours=6),
        "水厂检修",
        sup,
        _actor(sup),
    )
    assert [o.id for o in OutageService(clerk_db).active()] == [running.id, later.id]
    _denied(clerk_db, "UPDATE outages SET cancelled = true")
    with pytest.raises(PermissionError, match="permission denied"):
        OutageService(clerk_db).cancel(later.id, posing, _actor(clerk))
    sup_service.end(running.id, sup, _actor(sup))
    sup_service.cancel(later.id, sup, _actor(sup))
    assert OutageService(clerk_db).active() == ()
    _denied(sup_db, "DELETE FROM outages")  # history: ended or withdrawn, never removed


@pytest.mark.parametrize("role", ["clerk", "supervisor", "admin"])
def test_complaint_log_and_audit_stay_append_only(login_as, account_id, role, db):
    login, who = login_as(role)
    ComplaintService(login).receive(
        NewComplaint("张三", "", "counter", "billing", "水费高", account_id=account_id), _actor(who)
    )
    for table in ("complaint_events", "audit_events"):
        _denied(
            login,
            f"UPDATE {table} SET created_at = created_at"
            if table == "complaint_events"
            else f"UPDATE {table} SET action = 'x'",
        )
        _denied(login, f"DELETE FROM {table}")
        _denied(login, f"TRUNCATE {table}")
        # the owner (superuser here) passes the privileges but not the triggers
        assert "append-only" in _refused(db, f"DELETE FROM {table}")


def test_the_department_list_is_written_through_its_action_only(login_as):
    sup_db, _sup = login_as("supervisor")
    admin_db, admin = login_as("admin")
    _denied(
        sup_db, "INSERT INTO utility_settings (key, value) VALUES ('complaint_departments', 'x')"
    )
    service = ComplaintService(admin_db)
    saved = service.set_departments(
        ["水质检测", "二次供水"], DEFAULT_DEPARTMENTS, admin, _actor(admin)
    )
    assert ComplaintService(sup_db).departments() == saved
    _denied(sup_db, "UPDATE utility_settings SET value = 'x' WHERE key = 'complaint_departments'")
