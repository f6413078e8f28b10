"""The cases area's actions (migration 0014) signed in as real logins: the
use case through the service, the refusals, and the raw SQL a clerk,
supervisor or administrator could send instead — each refused."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError

from counter_app.db.engine import Database
from counter_app.services.actions import ActionError, call
from counter_app.services.audit import Actor
from counter_app.services.auth import ClerkIdentity
from counter_app.services.complaints.corrections import AccountChanged, CorrectionService
from counter_app.services.complaints.outages import OutageError, OutageService
from counter_app.services.complaints.service import (
    DEFAULT_DEPARTMENTS,
    ComplaintError,
    ComplaintFilter,
    ComplaintService,
    DepartmentError,
    NewComplaint,
    StaleComplaint,
)
from tests.support.builders import make_account, make_reference


@pytest.fixture
def db(pg_db):  # login_as signs in to this database
    with pg_db.write() as s:
        make_reference(s)
        make_account(s)
    return pg_db


@pytest.fixture
def account_id(db) -> int:
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT id FROM accounts")).scalar_one()


def _actor(who: ClerkIdentity, workstation: str = "WS-07") -> Actor:
    return Actor(who.username, workstation, who.id)


def _denied(login: Database, sql: str, **params) -> None:
    with pytest.raises(DBAPIError) as info, login.engine.begin() as conn:
        conn.execute(text(sql), params)
    assert "permission denied" in str(info.value.orig)


def _one(db: Database, sql: str, **params):
    with db.engine.connect() as conn:
        return conn.execute(text(sql), params).one()


def _new(account_id=None, **kw) -> NewComplaint:
    values = dict(
        complainant="张三",
        contact="13812345678",
        channel="counter",
        category="pressure",
        description="六楼没水",
        account_id=account_id,
    )
    values.update(kw)
    return NewComplaint(**values)


# ----------------------------------------------------------------- complaints


def test_a_complaint_is_received_by_the_server_clerk_time_and_ticket(db, login_as, account_id):
    clerk_db, clerk = login_as("clerk")
    before = datetime.now(UTC)
    c = ComplaintService(clerk_db).receive(
        _new(account_id, company_at_fault=True, apology_given=True), _actor(clerk)
    )
    after = datetime.now(UTC)
    shanghai_day = (before + timedelta(hours=8)).strftime("%Y%m%d")
    assert c.ticket_no in (
        f"TS{shanghai_day}0001",
        "TS" + (after + timedelta(hours=8)).strftime("%Y%m%d") + "0001",
    )
    assert c.status == "open" and c.account_no == "01000001" and c.clerk == "测试"
    assert before - timedelta(seconds=5) <= c.created_at <= after + timedelta(seconds=5)
    assert [(e.kind, e.content, e.clerk) for e in c.events] == [("received", "已致歉", "测试")]
    row = _one(
        db,
        "SELECT clerk, workstation, details FROM audit_events WHERE action = 'complaint.receive'",
    )
    assert (row.clerk, row.workstation) == (clerk.username, "WS-07")
    assert json.loads(row.details)["ticket"] == c.ticket_no
    second = ComplaintService(clerk_db).receive(_new(None), _actor(clerk))
    assert int(second.ticket_no[-4:]) == int(c.ticket_no[-4:]) + 1


def test_the_ticket_is_dated_by_the_shanghai_day(db):
    with db.engine.connect() as conn:  # the helper, as the owner would run it
        late = conn.execute(
            text("SELECT counter_complaint_ticket('2026-11-23 16:30+00')")
        ).scalar_one()
    assert late == "TS202611240001"


def test_each_step_writes_its_event_and_bumps_the_version(db, login_as, account_id):
    clerk_db, clerk = login_as("clerk")
    other_db, other = login_as("clerk")
    service, actor = ComplaintService(clerk_db), _actor(clerk)
    c = service.receive(_new(account_id), actor)
    due = datetime.now(UTC) + timedelta(days=2)
    c = service.forward(c.id, c.version, "管网维修", due, actor, note="请上门")
    assert (c.status, c.department, c.version) == ("forwarded", "管网维修", 2)
    assert abs(c.due_at - due) < timedelta(milliseconds=1)
    # the other clerk loaded version 2 too; the first saves, the second is stale
    service.follow_up(c.id, c.version, "已派维修员", actor)
    with pytest.raises(StaleComplaint):
        ComplaintService(other_db).follow_up(c.id, c.version, "我的记录", _actor(other))
    c = service.get(c.id)
    c = service.resolve(c.id, c.version, "阀门已更换", actor)
    c = ComplaintService(other_db).reply(c.id, c.version, "已电话告知", "hotline", _actor(other))
    with pytest.raises(ComplaintError) as refused:
        service.forward(c.id, c.version, "营业", due, actor)
    assert (refused.value.code, refused.value.field) == ("state", "replied")
    c = service.close(c.id, c.version, "satisfied", actor)
    assert (c.status, c.satisfaction, c.version) == ("closed", "satisfied", 6)
    assert [(e.kind, e.clerk) for e in c.events] == [
        ("received", "测试"),
        ("forwarded", "测试"),
        ("follow_up", "测试"),
        ("resolved", "测试"),
        ("reply", "测试"),
        ("closed", "测试"),
    ]
    assert c.events[1].content == "管网维修：请上门" and c.events[4].channel == "hotline"
    with db.engine.connect() as conn:
        clerks = conn.execute(
            text(
                "SELECT e.kind, k.username FROM complaint_events e JOIN clerks k ON k.id = e.clerk_id "
                "ORDER BY e.id"
            )
        ).all()
        audit = conn.execute(
            text("SELECT action, clerk FROM audit_events WHERE entity = 'complaint' ORDER BY id")
        ).all()
    assert dict(clerks)["reply"] == other.username and dict(clerks)["closed"] == clerk.username
    assert [a for a, _ in audit] == [
        "complaint.receive",
        "complaint.forwarded",
        "complaint.follow_up",
        "complaint.resolved",
        "complaint.reply",
        "complaint.closed",
    ]
    assert dict(audit)["complaint.reply"] == other.username


def test_the_database_refuses_what_the_form_would(db, login_as, account_id):
    clerk_db, clerk = login_as("clerk")
    ws = "WS-07"
    for values, code, field in (
        ({"complainant": "x" * 41}, "too_long", "complainant"),
        ({"contact": "abc"}, "phone", "contact"),
        ({"description": " "}, "required", "description"),
        ({"channel": "fax"}, "choice", "channel"),
        ({"apology_given": True}, "apology_without_fault", "apology_given"),
        ({"department": "营业", "due_at": "2020-01-01T00:00:00+00:00"}, "due_in_past", "due_at"),
        ({"account_id": account_id + 100}, "unknown_account", "account"),
    ):
        new = {
            "complainant": "张三",
            "contact": "",
            "channel": "counter",
            "category": "billing",
            "description": "水费高",
            **values,
        }
        with pytest.raises(ActionError) as refused:
            call(clerk_db, "receive_complaint", ws, json.dumps(new))
        assert (refused.value.code, refused.value.field) == (code, field)
    assert _one(db, "SELECT count(*) FROM complaints")[0] == 0
    # through the service the same refusal, as the error class the form maps
    c = ComplaintService(clerk_db).receive(_new(account_id), _actor(clerk))
    with pytest.raises(ActionError) as refused:
        call(
            clerk_db,
            "forward_complaint",
            ws,
            c.id,
            c.version,
            "营业",
            datetime.now(UTC) - timedelta(hours=1),
            "",
        )
    assert refused.value.field == "due_at"


def test_raw_writes_to_complaints_are_refused(db, login_as, account_id):
    """Closed with no event and no version change, an event in another
    clerk's name or back-dated, a complaint without a ticket of the server's."""
    clerk_db, clerk = login_as("clerk")
    other_db, other = login_as("clerk")
    c = ComplaintService(other_db).receive(_new(account_id), _actor(other))
    for login in (clerk_db, login_as("supervisor")[0], login_as("admin")[0]):
        _denied(login, "UPDATE complaints SET status = 'closed'")
        _denied(login, "UPDATE complaints SET status = 'closed', version = version + 1")
        _denied(
            login,
            "INSERT INTO complaint_events (complaint_id, kind, content, channel, "
            "clerk_id, created_at) VALUES (:c, 'closed', '', '', :k, now())",
            c=c.id,
            k=other.id,
        )
        _denied(
            login,
            "INSERT INTO complaint_events (complaint_id, kind, content, channel, "
            "clerk_id, created_at) VALUES (:c, 'reply', 'x', 'hotline', :k, "
            "now() - interval '3 days')",
            c=c.id,
            k=clerk.id,
        )
        _denied(
            login,
            "INSERT INTO complaints (ticket_no, complainant, contact, channel, "
            "category, description, status, created_by) VALUES ('TS1', 'x', '', "
            "'counter', 'billing', 'x', 'closed', :k)",
            k=clerk.id,
        )
    for helper in ("SELECT counter_complaint_ticket(now())", "SELECT counter_complaint_json(1)"):
        _denied(clerk_db, helper)
    fresh = ComplaintService(clerk_db).get(c.id)
    assert (fresh.status, fresh.version, len(fresh.events)) == ("open", 1, 1)


def test_the_list_screen_is_one_call_with_the_monthly_counts(db, login_as, account_id):
    clerk_db, clerk = login_as("clerk")
    service = ComplaintService(clerk_db)
    a = service.receive(_new(account_id, category="water_quality"), _actor(clerk))
    service.receive(_new(None, category="billing"), _actor(clerk))
    due = datetime.now(UTC) + timedelta(hours=4)
    service.forward(a.id, a.version, "水质检测", due, _actor(clerk))
    with db.engine.connect() as conn:  # an old complaint, as the demo or an import has them
        conn.execute(
            text(
                "UPDATE complaints SET created_at = created_at - interval '400 days' "
                "WHERE category = 'billing'"
            )
        )
        conn.commit()
    year = datetime.now(UTC).astimezone(__import__("zoneinfo").ZoneInfo("Asia/Shanghai")).year
    month = datetime.now(UTC).astimezone(__import__("zoneinfo").ZoneInfo("Asia/Shanghai")).month
    rows, counts = service.screen(ComplaintFilter(status="unclosed"), year)
    assert [r.id for r in rows] == [a.id, a.id + 1]
    assert counts == {(month, "water_quality"): 1}
    later = due + timedelta(minutes=1)
    assert [r.id for r in service.list(ComplaintFilter(overdue_only=True), now=later)] == [a.id]
    assert service.list(ComplaintFilter(overdue_only=True)) == ()
    assert [r.id for r in service.list(ComplaintFilter(department="水质检测"))] == [a.id]
    assert [r.id for r in service.list(ComplaintFilter(account_id=account_id))] == [a.id]


def test_supervisors_keep_the_department_list_through_its_action_only(db, login_as):
    clerk_db, clerk = login_as("clerk")
    sup_db, sup = login_as("supervisor")
    posing = ClerkIdentity(clerk.id, clerk.username, clerk.display_name, "supervisor", "HQ")
    with pytest.raises(PermissionError):
        ComplaintService(clerk_db).set_departments(
            ["营业"], DEFAULT_DEPARTMENTS, posing, _actor(clerk)
        )
    saved = ComplaintService(sup_db).set_departments(
        ["水质检测", "二次 供水"], DEFAULT_DEPARTMENTS, sup, _actor(sup)
    )
    assert saved == ("水质检测", "二次 供水") and ComplaintService(clerk_db).departments() == saved
    with pytest.raises(DepartmentError) as stale:
        ComplaintService(sup_db).set_departments(["营业"], DEFAULT_DEPARTMENTS, sup, _actor(sup))
    assert stale.value.code == "stale"
    with pytest.raises(ActionError) as refused:
        call(
            sup_db,
            "set_complaint_departments",
            "WS",
            ["营业", "营业 "],
            list(saved),
            list(DEFAULT_DEPARTMENTS),
        )
    assert (refused.value.code, refused.value.field) == ("duplicate", "营业")
    for sql in (
        "UPDATE utility_settings SET value = 'x' WHERE key = 'complaint_departments'",
        "UPDATE utility_settings SET value = 'x' WHERE key = 'utility_name'",
        "INSERT INTO utility_settings (key, value) VALUES ('x', 'y')",
    ):
        _denied(sup_db, sql)
    row = _one(db, "SELECT clerk, details FROM audit_events WHERE action = 'setting.change'")
    assert row.clerk == sup.username
    assert json.loads(row.details) == {
        "old": list(DEFAULT_DEPARTMENTS),
        "new": ["水质检测", "二次 供水"],
    }


# ----------------------------------------------------------------- corrections


def test_a_clerk_files_a_supervisor_applies_the_raw_value_server_side(db, login_as, account_id):
    clerk_db, clerk = login_as("clerk")
    sup_db, sup = login_as("supervisor")
    filed = CorrectionService(clerk_db).file(
        account_id, "id_number", "370829198506150011", "身份证", 1, _actor(clerk)
    )
    assert (filed.old_value, filed.proposed_value) == ("370829********1234", "370829********0011")
    # the raw value: readable by no app role
    for login in (clerk_db, sup_db, login_as("admin")[0]):
        _denied(login, "SELECT proposed_value FROM correction_requests")
    # a clerk approving: refused by the action, and raw
    with pytest.raises(ActionError) as refused:
        call(clerk_db, "approve_correction", "WS", filed.id, filed.version, "", "", "")
    assert refused.value.kind == "forbidden"  # no EXECUTE for a clerk
    _denied(clerk_db, "UPDATE correction_requests SET status = 'approved'")
    _denied(clerk_db, "UPDATE accounts SET name = '李四'")
    _denied(
        clerk_db,
        "INSERT INTO correction_requests (account_id, field, old_value, "
        "proposed_value, proposed_masked, account_version, status, requested_by) "
        "VALUES (:a, 'name', '', 'x', 'x', 1, 'approved', :k)",
        a=account_id,
        k=clerk.id,
    )
    # a supervisor outside the action
    _denied(sup_db, "UPDATE accounts SET id_number = '370829198506150011'")
    _denied(sup_db, "UPDATE accounts SET name = '李四', version = version + 1")
    _denied(sup_db, "UPDATE correction_requests SET status = 'approved', decided_by = :k", k=sup.id)
    assert CorrectionService(sup_db).reveal(filed.id, sup, _actor(sup)) == "370829198506150011"
    done = CorrectionService(sup_db).approve(filed.id, filed.version, sup, _actor(sup), "核实")
    assert (done.status, done.decided_by, done.proposed_value) == (
        "approved",
        "测试",
        "370829********0011",
    )
    row = _one(db, "SELECT id_number, id_masked, id_tail, version FROM accounts")
    assert tuple(row) == ("370829198506150011", "370829********0011", "150011", 2)
    audit = _one(
        db,
        "SELECT array_agg(action ORDER BY id) AS a, array_agg(DISTINCT clerk) AS k "
        "FROM audit_events WHERE entity <> 'clerk'",
    )
    assert audit.a == [
        "correction.file",
        "correction.reveal",
        "correction.approve",
        "account.correct",
    ]
    assert sorted(audit.k) == sorted([clerk.username, sup.username])


def test_a_name_correction_and_an_account_changed_meanwhile(db, login_as, account_id):
    clerk_db, clerk = login_as("clerk")
    sup_db, sup = login_as("supervisor")
    service = CorrectionService(clerk_db)
    name = service.file(account_id, "name", "张 叁", "户口本", 1, _actor(clerk))
    phone = service.file(account_id, "mobile", "139 0000 1111", "手机", 1, _actor(clerk))
    assert (phone.old_value, phone.proposed_value) == ("138****5678", "139****1111")
    [listed, _phone] = sorted(CorrectionService(sup_db).pending(), key=lambda v: v.id)
    sent: list[str] = []
    event.listen(sup_db.engine, "before_cursor_execute", lambda *a: sent.append(a[2]))
    CorrectionService(sup_db).approve(name.id, name.version, sup, _actor(sup), shown=listed)
    assert len(sent) == 1 and "counter_approve_correction" in sent[0]  # one round trip
    row = _one(db, "SELECT name, name_pinyin, name_initials, version FROM accounts")
    assert (row.name, row.version) == ("张 叁", 2) and row.name_initials.lower().startswith("z")
    with pytest.raises(AccountChanged):  # filed against version 1
        CorrectionService(sup_db).approve(phone.id, phone.version, sup, _actor(sup))
    assert _one(db, "SELECT mobile FROM accounts")[0] == "13812345678"
    rejected = CorrectionService(sup_db).reject(phone.id, phone.version, sup, _actor(sup), "过期")
    assert rejected.status == "rejected"


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("id_number", "370829198506150012", "format"),  # check digit
        ("mobile", "23812345678", "format"),
        ("address", "x" * 201, "too_long"),
        ("name", "张三", "same"),
        ("status", "closed", "field"),
    ],
)
def test_the_database_checks_a_proposed_value(db, login_as, account_id, field, value, code):
    clerk_db, _clerk = login_as("clerk")
    with pytest.raises(ActionError) as refused:
        call(clerk_db, "file_correction", "WS", account_id, field, value, "", 1)
    assert refused.value.code == code
    assert _one(db, "SELECT count(*) FROM correction_requests")[0] == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id_number", "370829198506150011"),
        ("id_number", "370829850615001"),
        ("mobile", "13912345678"),
        ("landline", "05376812345"),
        ("landline", "01062345678"),
        ("landline", "6812345"),
        ("address", "建设路21号"),
    ],
)
def test_the_database_masks_as_the_domain_does(db, field, value):
    from counter_app.domain.masking import mask_field

    with db.engine.connect() as conn:  # the helper, as the owner runs it
        masked = conn.execute(
            text("SELECT counter_mask_value(:f, :v)"), {"f": field, "v": value}
        ).scalar_one()
    assert masked == mask_field(field, value)


# ------------------------------------------------------------------ outages


def test_outages_are_kept_by_supervisors_through_actions(db, login_as):
    clerk_db, clerk = login_as("clerk")
    sup_db, sup = login_as("supervisor")
    now = datetime.now(UTC)
    with pytest.raises(ActionError) as refused:
        call(clerk_db, "announce_outage", "WS", "A01", now, now + timedelta(hours=2), "抢修")
    assert refused.value.kind == "forbidden"  # no EXECUTE for a clerk
    service = OutageService(sup_db)
    running = service.announce(
        "A01",
        now - timedelta(hours=1),
        now + timedelta(hours=4),
        "建设路爆管抢修",
        sup,
        _actor(sup),
    )
    later = service.announce(
        "A01",
        now + timedelta(days=1),
        now + timedelta(days=1, hours=6),
        "水厂检修",
        sup,
        _actor(sup),
    )
    assert running.announced_by == "测试"
    areas, active = OutageService(clerk_db).screen()  # the screen: one call
    assert areas == (("A01", "城区一片"),) and [o.id for o in active] == [running.id, later.id]
    assert OutageService(clerk_db).active(now=now + timedelta(days=2)) == ()
    with pytest.raises(OutageError) as state:
        service.end(later.id, sup, _actor(sup))  # not started: withdraw it instead
    assert state.value.code == "state"
    with pytest.raises(OutageError):
        service.announce("A99", now, now + timedelta(hours=1), "x", sup, _actor(sup))
    for login in (clerk_db, sup_db):
        _denied(login, "UPDATE outages SET cancelled = true")
        _denied(login, "UPDATE outages SET ends_at = now() - interval '1 day'")
        _denied(
            login,
            "INSERT INTO outages (area_code, starts_at, ends_at, reason, cancelled, "
            "created_by) VALUES ('A01', now(), now() + interval '1 hour', 'x', false, "
            ":k)",
            k=clerk.id,
        )
    service.end(running.id, sup, _actor(sup))
    service.cancel(later.id, sup, _actor(sup))
    assert OutageService(clerk_db).active() == ()
    with pytest.raises(OutageError):
        service.cancel(later.id, sup, _actor(sup))
    with db.engine.connect() as conn:
        actions = conn.execute(
            text(
                "SELECT action, clerk, workstation FROM audit_events "
                "WHERE entity = 'outage' ORDER BY id"
            )
        ).all()
    assert [a for a, _, _ in actions] == [
        "outage.announce",
        "outage.announce",
        "outage.end",
        "outage.cancel",
    ]
    assert {(k, w) for _, k, w in actions} == {(sup.username, "WS-07")}
