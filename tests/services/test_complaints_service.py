"""Complaints life cycle, versions, overdue and ticket numbers."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update

from counter_app.db.models import AuditEvent, Complaint
from counter_app.export.complaints import write_complaints_xlsx
from counter_app.services.audit import Actor
from counter_app.services.complaints.service import (
    CST,
    ComplaintError,
    ComplaintFilter,
    ComplaintService,
    NewComplaint,
    StaleComplaint,
    is_overdue,
    ticket_prefix,
)
from tests.support.builders import make_account, make_reference


@pytest.fixture
def setup(db, login_as):
    """The first clerk's service and actor, the second clerk's (service,
    actor), the account: real logins, the actions know their caller and the
    time is the server's."""
    with db.write() as s:
        make_reference(s)
        account_id = make_account(s).id
    first_db, first = login_as("clerk")
    second_db, second = login_as("clerk")
    return (
        ComplaintService(first_db),
        Actor(first.username, "WS1", first.id),
        (ComplaintService(second_db), Actor(second.username, "WS2", second.id)),
        account_id,
    )


def _new(account_id=None, **kw):
    values = dict(
        complainant="张三",
        contact="13812345678",
        channel="counter",
        category="pressure",
        description="家中水压低，六楼几乎没水",
        account_id=account_id,
    )
    values.update(kw)
    return NewComplaint(**values)


def test_whole_life_cycle(setup, db):
    service, actor, _other, account_id = setup
    T0 = datetime.now(UTC)
    c = service.receive(_new(account_id, company_at_fault=True, apology_given=True), actor)
    # ticket dated by the Shanghai day (the Shanghai dating itself: tests/db/test_actions_cases)
    assert c.ticket_no in (ticket_prefix(T0) + "0001", ticket_prefix(datetime.now(UTC)) + "0001")
    assert c.status == "open" and c.account_no == "01000001" and c.apology_given
    due = T0 + timedelta(days=2)
    c = service.forward(c.id, c.version, "管网维修", due, actor, note="请上门查看")
    assert (c.status, c.department, c.due_at) == ("forwarded", "管网维修", due)
    recall = T0.date() + timedelta(days=2)
    c = service.follow_up(c.id, c.version, "已派维修员", actor, recall_on=recall)
    assert c.recall_on == recall
    c = service.resolve(c.id, c.version, "更换损坏阀门，水压恢复", actor)
    assert c.status == "resolved" and c.recall_on is None
    c = service.reply(c.id, c.version, "已电话告知处理结果并致歉", "hotline", actor)
    replied = datetime.now(UTC)
    assert c.status == "replied"
    c = service.close(c.id, c.version, "satisfied", actor)
    assert c.status == "closed" and c.satisfaction == "satisfied"
    assert [e.kind for e in c.events] == [
        "received",
        "forwarded",
        "follow_up",
        "resolved",
        "reply",
        "closed",
    ]
    reply = c.events[4]
    # the event's time is the server's clock, never the client's
    assert (reply.content, reply.channel) == ("已电话告知处理结果并致歉", "hotline")
    assert T0 - timedelta(seconds=5) <= reply.at <= replied + timedelta(seconds=5)
    with pytest.raises(ComplaintError):
        service.close(c.id, c.version, "satisfied", actor)  # already closed
    c = service.reopen(c.id, c.version, "用户再次反映水压低", actor)
    assert c.status == "open" and c.version == 7
    with db.read() as s:
        actions = s.scalars(
            select(AuditEvent.action)
            .where(AuditEvent.entity == "complaint")
            .order_by(AuditEvent.id)
        ).all()
    assert actions == [
        "complaint.receive",
        "complaint.forwarded",
        "complaint.follow_up",
        "complaint.resolved",
        "complaint.reply",
        "complaint.closed",
        "complaint.reopened",
    ]


def test_stand_alone_complaint_and_daily_sequence(setup):
    service, actor, _other, _account = setup
    a = service.receive(_new(None, complainant="路人甲"), actor)
    b = service.receive(_new(None, complainant="路人乙"), actor)
    assert a.ticket_no[:10] == b.ticket_no[:10] == ticket_prefix(a.created_at)
    assert (a.ticket_no[-4:], b.ticket_no[-4:]) == ("0001", "0002")
    assert a.account_id is None and a.account_no == ""


def test_refused_input_writes_nothing(setup, db):
    service, actor, _other, account_id = setup
    for bad, field in (
        (_new(account_id, complainant=" "), "complainant"),
        (_new(account_id, description=""), "description"),
        (_new(account_id, channel="fax"), "channel"),
        (_new(account_id, apology_given=True), "apology_given"),
    ):
        with pytest.raises(ComplaintError) as info:
            service.receive(bad, actor)
        assert info.value.field == field
    c = service.receive(_new(account_id), actor)
    with pytest.raises(ComplaintError) as info:
        service.forward(c.id, c.version, "管网维修", datetime.now(UTC) - timedelta(hours=1), actor)
    assert info.value.field == "due_at"
    with db.read() as s:
        assert s.scalar(select(Complaint.version).where(Complaint.id == c.id)) == 1


def test_two_clerks_second_save_refused(setup, db):
    service, first, (other, second), account_id = setup
    c = service.receive(_new(account_id), first)
    # both loaded version 1
    service.follow_up(c.id, c.version, "第一位收费员的记录", first)
    with pytest.raises(StaleComplaint):
        other.follow_up(c.id, c.version, "第二位收费员的记录", second)
    with pytest.raises(StaleComplaint):
        other.resolve(c.id, c.version, "当场解决", second)
    fresh = service.get(c.id)
    assert fresh.version == 2 and fresh.status == "open"
    assert [e.content for e in fresh.events if e.kind == "follow_up"] == ["第一位收费员的记录"]
    # reloading and saving again works
    assert other.follow_up(c.id, fresh.version, "第二位收费员的记录", second).version == 3


def test_overdue_across_days_and_time_zones(setup):
    service, actor, _other, account_id = setup
    c = service.receive(_new(account_id), actor)
    # due tomorrow 09:00 in Shanghai, given in another zone, kept in UTC
    tomorrow = datetime.now(UTC).date() + timedelta(days=2)
    due_utc = datetime(tomorrow.year, tomorrow.month, tomorrow.day, 1, 0, tzinfo=UTC)
    due = due_utc.astimezone(timezone(timedelta(hours=-5)))
    c = service.forward(c.id, c.version, "水质检测", due, actor)
    assert c.due_at == due_utc and c.due_at.tzinfo == UTC
    before = (due_utc - timedelta(minutes=1)).astimezone(timezone(timedelta(hours=8)))
    after = due_utc + timedelta(minutes=1)
    assert not service.list(now=before)[0].overdue
    assert service.list(now=after)[0].overdue
    assert [r.id for r in service.list(ComplaintFilter(overdue_only=True), now=after)] == [c.id]
    assert service.list(ComplaintFilter(overdue_only=True), now=before) == ()
    # a closed complaint is never overdue
    assert not is_overdue("closed", c.due_at, after)
    assert is_overdue("replied", c.due_at, after)
    assert ticket_prefix(datetime(2026, 11, 24, 16, 0, tzinfo=UTC)) == "TS20261125"


def test_filters_counts_and_export(setup, db, tmp_path):
    service, actor, _other, account_id = setup
    T0 = datetime.now(UTC)
    a = service.receive(_new(account_id, category="water_quality"), actor)
    old = service.receive(_new(None, category="billing"), actor)
    with db.engine.begin() as conn:  # received 40 days ago (as an import would have it)
        conn.execute(
            update(Complaint)
            .where(Complaint.id == old.id)
            .values(created_at=T0 - timedelta(days=40))
        )
    service.forward(a.id, a.version, "水质检测", T0 + timedelta(hours=4), actor)
    assert [r.category for r in service.list(ComplaintFilter(category="billing"))] == ["billing"]
    assert [r.id for r in service.list(ComplaintFilter(department="水质检测"))] == [a.id]
    assert [r.id for r in service.list(ComplaintFilter(status="forwarded"))] == [a.id]
    now_cst, old_cst = T0.astimezone(CST), (T0 - timedelta(days=40)).astimezone(CST)
    counts = service.monthly_counts(now_cst.year)
    expected = {(now_cst.month, "water_quality"): 1}
    if old_cst.year == now_cst.year:
        expected[(old_cst.month, "billing")] = 1
    assert counts == expected
    path = tmp_path / "complaints.xlsx"
    write_complaints_xlsx(path, service.list(now=T0 + timedelta(days=1)))
    ws = load_workbook(path).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0][0] == "受理编号" and values[1][0] == a.ticket_no and values[1][9] == "是"
    assert len(values) == 3


def test_audit_details_name_the_change(setup, db):
    service, actor, _other, account_id = setup
    c = service.receive(_new(account_id), actor)
    service.forward(c.id, c.version, "管网维修", datetime.now(UTC) + timedelta(days=1), actor)
    with db.read() as s:
        row = s.scalars(select(AuditEvent).where(AuditEvent.action == "complaint.forwarded")).one()
    details = json.loads(row.details)
    assert (row.clerk, row.workstation, details["department"]) == (
        actor.username,
        "WS1",
        "管网维修",
    )


def test_received_and_handled_in_one_transaction(setup):
    service, actor, _other, account_id = setup
    T0 = datetime.now(UTC)
    solved = service.receive(_new(account_id, resolution="当场解释阶梯水价"), actor)
    assert solved.status == "resolved" and [e.kind for e in solved.events] == [
        "received",
        "resolved",
    ]
    due = T0 + timedelta(days=1)
    sent = service.receive(_new(None, department="水质检测", due_at=due), actor)
    assert (sent.status, sent.department, sent.due_at) == ("forwarded", "水质检测", due)
    with pytest.raises(ComplaintError):
        service.receive(_new(None, department="水质检测", due_at=T0), actor)
    assert service.utility("HQ")[1] == "嘉祥营业厅"
