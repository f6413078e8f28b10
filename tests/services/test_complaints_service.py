"""Complaints life cycle, versions, overdue and ticket numbers."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from counter_app.db.models import AuditEvent, Complaint
from counter_app.export.complaints import write_complaints_xlsx
from counter_app.services.audit import Actor
from counter_app.services.complaints import (
    ComplaintError,
    ComplaintFilter,
    ComplaintService,
    NewComplaint,
    StaleComplaint,
    is_overdue,
    ticket_prefix,
)
from tests.factories import make_account, make_clerk_row, make_reference

# 2026-11-24 00:30 in Shanghai = 16:30 UTC on 23 Nov
T0 = datetime(2026, 11, 23, 16, 30, tzinfo=UTC)


@pytest.fixture
def setup(db):
    with db.write() as s:
        make_reference(s)
        clerk = make_clerk_row(s)
        other = make_clerk_row(s, "clerk02")
        account = make_account(s)
        ids = clerk.id, other.id, account.id
    return ComplaintService(db), Actor("clerk01", "WS1", ids[0]), Actor("clerk02", "WS2", ids[1]), ids[2]


def _new(account_id=None, **kw):
    values = dict(
        complainant="张三", contact="13812345678", channel="counter", category="pressure",
        description="家中水压低，六楼几乎没水", account_id=account_id,
    )
    values.update(kw)
    return NewComplaint(**values)


def test_whole_life_cycle(setup, db):
    service, actor, _other, account_id = setup
    c = service.receive(_new(account_id, company_at_fault=True, apology_given=True), actor, now=T0)
    # ticket dated by the Shanghai day (already 24 Nov there)
    assert c.ticket_no == "TS202611240001"
    assert c.status == "open" and c.account_no == "01000001" and c.apology_given
    due = T0 + timedelta(days=2)
    c = service.forward(c.id, c.version, "管网维修", due, actor, note="请上门查看", now=T0)
    assert (c.status, c.department, c.due_at) == ("forwarded", "管网维修", due)
    c = service.follow_up(c.id, c.version, "已派维修员", actor, recall_on=date(2026, 11, 26),
                          now=T0 + timedelta(hours=1))
    assert c.recall_on == date(2026, 11, 26)
    c = service.resolve(c.id, c.version, "更换损坏阀门，水压恢复", actor, now=T0 + timedelta(days=1))
    assert c.status == "resolved" and c.recall_on is None
    replied = T0 + timedelta(days=1, hours=2)
    c = service.reply(c.id, c.version, "已电话告知处理结果并致歉", "hotline", actor,
                      replied_at=replied)
    assert c.status == "replied"
    c = service.close(c.id, c.version, "satisfied", actor)
    assert c.status == "closed" and c.satisfaction == "satisfied"
    assert [e.kind for e in c.events] == [
        "received", "forwarded", "follow_up", "resolved", "reply", "closed"
    ]
    reply = c.events[4]
    assert (reply.content, reply.channel, reply.at) == ("已电话告知处理结果并致歉", "hotline", replied)
    with pytest.raises(ComplaintError):
        service.close(c.id, c.version, "satisfied", actor)  # already closed
    c = service.reopen(c.id, c.version, "用户再次反映水压低", actor)
    assert c.status == "open" and c.version == 7
    with db.read() as s:
        actions = s.scalars(
            select(AuditEvent.action).where(AuditEvent.entity == "complaint").order_by(AuditEvent.id)
        ).all()
    assert actions == [
        "complaint.receive", "complaint.forwarded", "complaint.follow_up", "complaint.resolved",
        "complaint.reply", "complaint.closed", "complaint.reopened",
    ]


def test_stand_alone_complaint_and_daily_sequence(setup):
    service, actor, _other, _account = setup
    a = service.receive(_new(None, complainant="路人甲"), actor, now=T0)
    b = service.receive(_new(None, complainant="路人乙"), actor, now=T0 + timedelta(minutes=1))
    next_day = service.receive(_new(None), actor, now=T0 + timedelta(days=1))
    assert (a.ticket_no, b.ticket_no) == ("TS202611240001", "TS202611240002")
    assert next_day.ticket_no == "TS202611250001"
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
            service.receive(bad, actor, now=T0)
        assert info.value.field == field
    c = service.receive(_new(account_id), actor, now=T0)
    with pytest.raises(ComplaintError) as info:
        service.forward(c.id, c.version, "管网维修", T0 - timedelta(hours=1), actor, now=T0)
    assert info.value.field == "due_at"
    with db.read() as s:
        assert s.scalar(select(Complaint.version).where(Complaint.id == c.id)) == 1


def test_two_clerks_second_save_refused(setup, db):
    service, first, second, account_id = setup
    c = service.receive(_new(account_id), first, now=T0)
    # both loaded version 1
    service.follow_up(c.id, c.version, "第一位收费员的记录", first, now=T0)
    with pytest.raises(StaleComplaint):
        service.follow_up(c.id, c.version, "第二位收费员的记录", second, now=T0)
    with pytest.raises(StaleComplaint):
        service.resolve(c.id, c.version, "当场解决", second, now=T0)
    fresh = service.get(c.id)
    assert fresh.version == 2 and fresh.status == "open"
    assert [e.content for e in fresh.events if e.kind == "follow_up"] == ["第一位收费员的记录"]
    # reloading and saving again works
    assert service.follow_up(c.id, fresh.version, "第二位收费员的记录", second).version == 3


def test_overdue_across_days_and_time_zones(setup):
    service, actor, _other, account_id = setup
    c = service.receive(_new(account_id), actor, now=T0)
    # due 09:00 on 25 Nov in Shanghai = 01:00 UTC on 25 Nov, given in another zone
    due = datetime(2026, 11, 24, 20, 0, tzinfo=timezone(timedelta(hours=-5)))
    c = service.forward(c.id, c.version, "水质检测", due, actor, now=T0)
    assert c.due_at == datetime(2026, 11, 25, 1, 0, tzinfo=UTC)
    before = datetime(2026, 11, 25, 8, 59, tzinfo=timezone(timedelta(hours=8)))
    after = datetime(2026, 11, 25, 1, 1, tzinfo=UTC)
    assert not service.list(now=before)[0].overdue
    assert service.list(now=after)[0].overdue
    assert [r.id for r in service.list(ComplaintFilter(overdue_only=True), now=after)] == [c.id]
    assert service.list(ComplaintFilter(overdue_only=True), now=before) == ()
    # a closed complaint is never overdue
    assert not is_overdue("closed", c.due_at, after)
    assert is_overdue("replied", c.due_at, after)
    assert ticket_prefix(datetime(2026, 11, 24, 16, 0, tzinfo=UTC)) == "TS20261125"


def test_filters_counts_and_export(setup, tmp_path):
    service, actor, _other, account_id = setup
    a = service.receive(_new(account_id, category="water_quality"), actor, now=T0)
    service.receive(_new(None, category="billing"), actor, now=T0 - timedelta(days=40))
    service.forward(a.id, a.version, "水质检测", T0 + timedelta(hours=4), actor, now=T0)
    assert [r.category for r in service.list(ComplaintFilter(category="billing"))] == ["billing"]
    assert [r.id for r in service.list(ComplaintFilter(department="水质检测"))] == [a.id]
    assert [r.id for r in service.list(ComplaintFilter(status="forwarded"))] == [a.id]
    counts = service.monthly_counts(2026)
    assert counts == {(11, "water_quality"): 1, (10, "billing"): 1}
    path = tmp_path / "complaints.xlsx"
    write_complaints_xlsx(path, service.list(now=T0 + timedelta(days=1)))
    ws = load_workbook(path).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0][0] == "受理编号" and values[1][0] == a.ticket_no and values[1][9] == "是"
    assert len(values) == 3


def test_audit_details_name_the_change(setup, db):
    service, actor, _other, account_id = setup
    c = service.receive(_new(account_id), actor, now=T0)
    service.forward(c.id, c.version, "管网维修", T0 + timedelta(days=1), actor, now=T0)
    with db.read() as s:
        row = s.scalars(select(AuditEvent).where(AuditEvent.action == "complaint.forwarded")).one()
    details = json.loads(row.details)
    assert (row.clerk, row.workstation, details["department"]) == ("clerk01", "WS1", "管网维修")


def test_received_and_handled_in_one_transaction(setup):
    service, actor, _other, account_id = setup
    solved = service.receive(_new(account_id, resolution="当场解释阶梯水价"), actor, now=T0)
    assert solved.status == "resolved" and [e.kind for e in solved.events] == ["received", "resolved"]
    due = T0 + timedelta(days=1)
    sent = service.receive(_new(None, department="水质检测", due_at=due), actor, now=T0)
    assert (sent.status, sent.department, sent.due_at) == ("forwarded", "水质检测", due)
    with pytest.raises(ComplaintError):
        service.receive(_new(None, department="水质检测", due_at=T0), actor, now=T0)
    assert service.utility("HQ")[1] == "嘉祥营业厅"
