"""Correction requests and the consultation guide's customer facts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from counter_app.db.models import Account, AuditEvent
from counter_app.domain.consultation import search
from counter_app.services.audit import Actor
from counter_app.services.complaints.corrections import (
    AccountChanged,
    CorrectionError,
    CorrectionService,
    StaleCorrection,
)
from counter_app.services.complaints.guide import GuideService
from counter_app.services.complaints.outages import OutageService
from counter_app.services.complaints.service import ComplaintService, NewComplaint
from tests.support.builders import make_account, make_reference


@pytest.fixture
def ctx(db, login_as):
    """A clerk's and a supervisor's services, each signed in as a real login
    (the actions know their caller from the session)."""
    with db.write() as s:
        make_reference(s)
        account = make_account(s)
        neighbour = make_account(s, "01000002", name="李四", address="嘉祥街道建设路14号")
        ids = account.id, neighbour.id
    clerk_db, clerk = login_as("clerk")
    boss_db, boss = login_as("supervisor")
    return dict(
        service=CorrectionService(clerk_db),
        boss_service=CorrectionService(boss_db),
        clerk_db=clerk_db,
        boss_db=boss_db,
        clerk=clerk,
        boss=boss,
        clerk_actor=Actor(clerk.username, "WS1", clerk.id),
        boss_actor=Actor(boss.username, "WS9", boss.id),
        account_id=ids[0],
        neighbour_id=ids[1],
    )


def _actions(db) -> list[str]:
    with db.read() as s:
        return s.scalars(
            select(AuditEvent.action).where(AuditEvent.entity != "clerk").order_by(AuditEvent.id)
        ).all()


def test_approved_correction_is_applied_and_audited(ctx, db):
    svc = ctx["service"]
    req = svc.file(
        ctx["account_id"], "mobile", "139 0000 1111", "用户出示手机", 1, ctx["clerk_actor"]
    )
    assert req.status == "pending" and req.old_value == "138****5678"
    assert req.proposed_value == "139****1111"
    assert [p.id for p in svc.pending()] == [req.id]
    with pytest.raises(PermissionError):
        svc.approve(req.id, req.version, ctx["clerk"], ctx["clerk_actor"])
    done = ctx["boss_service"].approve(
        req.id, req.version, ctx["boss"], ctx["boss_actor"], "核实无误"
    )
    assert done.status == "approved" and done.decided_at is not None
    with db.read() as s:
        acc = s.get(Account, ctx["account_id"])
        assert (acc.mobile, acc.mobile_masked, acc.version) == ("13900001111", "139****1111", 2)
    assert _actions(db) == ["correction.file", "correction.approve", "account.correct"]
    assert svc.pending() == ()
    assert svc.for_account(ctx["account_id"])[0].status == "approved"  # the clerk can tell


def test_personal_value_is_kept_masked_and_revealed_to_the_supervisor_only(ctx, db):
    svc = ctx["service"]
    req = svc.file(
        ctx["account_id"], "id_number", "370829198506150011", "身份证", 1, ctx["clerk_actor"]
    )
    assert (req.old_value, req.proposed_value) == ("370829********1234", "370829********0011")
    # every list is masked, the supervisor's pending list too, and reading it writes nothing
    assert [v.proposed_value for v in svc.for_account(ctx["account_id"])] == ["370829********0011"]
    assert [v.proposed_value for v in svc.pending()] == ["370829********0011"]

    def audit():
        with db.read() as s:
            return [
                tuple(e)
                for e in s.execute(
                    select(
                        AuditEvent.action,
                        AuditEvent.clerk,
                        AuditEvent.entity_id,
                        AuditEvent.details,
                    )
                    .where(AuditEvent.entity != "clerk")
                    .order_by(AuditEvent.id)
                )
            ]

    assert [(a, c) for a, c, *_ in audit()] == [("correction.file", ctx["clerk"].username)]
    with pytest.raises(PermissionError):
        svc.reveal(req.id, ctx["clerk"], ctx["clerk_actor"])
    with pytest.raises(LookupError):
        ctx["boss_service"].reveal(req.id + 1000, ctx["boss"], ctx["boss_actor"])
    assert len(audit()) == 1  # refused: nothing shown, nothing written
    assert (
        ctx["boss_service"].reveal(req.id, ctx["boss"], ctx["boss_actor"]) == "370829198506150011"
    )
    events = audit()
    assert [(a, c, i) for a, c, i, _ in events[1:]] == [
        ("correction.reveal", ctx["boss"].username, str(req.id))
    ]
    ctx["boss_service"].approve(
        req.id, req.version, ctx["boss"], ctx["boss_actor"]
    )  # no reveal needed
    with db.read() as s:
        acc = s.get(Account, ctx["account_id"])
        assert (acc.id_number, acc.id_masked, acc.id_tail) == (
            "370829198506150011",
            "370829********0011",
            "150011",
        )
    events = audit()
    assert [a for a, *_ in events] == [
        "correction.file",
        "correction.reveal",
        "correction.approve",
        "account.correct",
    ]
    assert all("370829198506150011" not in details for *_, details in events)


def test_correction_after_the_record_changed_is_refused(ctx, db):
    svc = ctx["service"]
    req = svc.file(
        ctx["account_id"], "address", "嘉祥街道建设路21号", "房产证", 1, ctx["clerk_actor"]
    )
    with db.write() as s:  # someone else changes the account meanwhile
        s.execute(
            update(Account)
            .where(Account.id == ctx["account_id"])
            .values(meter_location="厨房", version=2)
        )
    with pytest.raises(AccountChanged):
        ctx["boss_service"].approve(req.id, req.version, ctx["boss"], ctx["boss_actor"])
    with db.read() as s:
        acc = s.get(Account, ctx["account_id"])
        assert (acc.address, acc.version) == ("嘉祥街道建设路12号", 2)
    assert _actions(db) == ["correction.file"]
    assert svc.get(req.id).status == "pending"
    # filing against a version already outdated is refused at once
    with pytest.raises(AccountChanged):
        svc.file(ctx["account_id"], "address", "建设路21号", "", 1, ctx["clerk_actor"])


def test_validation_rejection_and_stale_decision(ctx, db):
    svc = ctx["service"]
    for field, value, code in (
        ("mobile", "12345", "format"),
        ("id_number", "370829199001011235", "format"),
        ("address", " ", "empty"),
        ("name", "张三", "same"),
        ("balance", "1", "field"),
    ):
        with pytest.raises(CorrectionError) as info:
            svc.file(ctx["account_id"], field, value, "", 1, ctx["clerk_actor"])
        assert info.value.code == code
    req = svc.file(ctx["account_id"], "name", "张叁", "户口本", 1, ctx["clerk_actor"])
    done = ctx["boss_service"].reject(
        req.id, req.version, ctx["boss"], ctx["boss_actor"], "证件不符"
    )
    assert done.status == "rejected" and done.decision_note == "证件不符"
    with pytest.raises(StaleCorrection):
        ctx["boss_service"].approve(req.id, req.version, ctx["boss"], ctx["boss_actor"])
    with db.read() as s:
        assert s.get(Account, ctx["account_id"]).name == "张三"


def test_name_correction_updates_search_keys(ctx, db):
    svc = ctx["service"]
    req = svc.file(ctx["account_id"], "name", "李明", "身份证", 1, ctx["clerk_actor"])
    ctx["boss_service"].approve(req.id, req.version, ctx["boss"], ctx["boss_actor"])
    with db.read() as s:
        acc = s.get(Account, ctx["account_id"])
        assert (acc.name, acc.name_pinyin, acc.name_initials) == ("李明", "liming", "lm")


def test_guide_facts_show_outage_arrears_and_nearby_repair(ctx, db):
    now = datetime.now(UTC)
    outages = OutageService(ctx["boss_db"])
    with pytest.raises(PermissionError):
        outages.announce(
            "A01", now, now + timedelta(hours=6), "管网维修", ctx["clerk"], ctx["clerk_actor"]
        )
    outages.announce(
        "A01",
        now - timedelta(hours=1),
        now + timedelta(hours=6),
        "建设路爆管抢修",
        ctx["boss"],
        ctx["boss_actor"],
    )
    outages.announce(
        "A01",
        now - timedelta(days=2),
        now - timedelta(days=1),
        "已结束",
        ctx["boss"],
        ctx["boss_actor"],
    )
    ComplaintService(ctx["clerk_db"]).receive(
        NewComplaint("李四", "", "hotline", "pressure", "停水", account_id=ctx["neighbour_id"]),
        ctx["clerk_actor"],
    )
    facts = GuideService(ctx["clerk_db"]).facts(ctx["account_id"], now=now)
    assert [o.reason for o in facts.outages] == ["建设路爆管抢修"]
    assert facts.area_name == "城区一片" and str(facts.arrears) == "0.00"
    assert [n.address for n in facts.nearby] == ["嘉祥街道建设路14号"]


def test_consultation_search():
    assert search("")[0].key == "water_quality"
    assert [s.key for s in search("停水")][0] == "pressure"
    assert search("阳台 青苔")[0].key == "balcony"
    assert search("水价")[0].key == "price"
    assert search("不存在的问题") == ()
    # the topics of the counter's other procedures (seeds 000 and 001)
    assert search("户表改造")[0].key == "meter_retrofit"
    assert search("报装")[0].key == "new_connection"
    assert search("过户")[0].key == "transfer" and search("更名")[0].key == "transfer"
    assert search("销户")[0].key == "closing"
    assert search("换表")[0].key == "meter_change"
    relief = search("低保")[0]
    assert relief.key == "relief"
    assert any("低保证原件及复印件" in step for step in relief.steps)
    assert any("身份证复印件" in step for step in relief.steps)
    pressure = search("水压")[0]
    assert pressure.customer_checks and len(pressure.steps) == 6
