"""Announced outages (停水公告): announce, end early, withdraw."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from counter_app.db.models import AuditEvent, Outage
from counter_app.services.audit import Actor
from counter_app.services.complaints.outages import OutageError, OutageService
from tests.support.builders import make_reference


@pytest.fixture
def ctx(db, login_as):
    """A supervisor's service (a real login: the actions know their caller,
    and the time of an end is the server's)."""
    with db.write() as s:
        make_reference(s)
    _clerk_db, clerk = login_as("clerk")
    boss_db, boss = login_as("supervisor")
    return OutageService(boss_db), clerk, boss, Actor(boss.username, "WS9", boss.id)


def _audit(db):
    with db.read() as s:
        return s.execute(
            select(AuditEvent.action, AuditEvent.entity_id, AuditEvent.details)
            .where(AuditEvent.entity == "outage")
            .order_by(AuditEvent.id)
        ).all()


def test_end_a_running_outage_and_withdraw_an_upcoming_one(ctx, db):
    service, _clerk, boss, actor = ctx
    NOW = datetime.now(UTC)
    running = service.announce(
        "A01", NOW - timedelta(hours=2), NOW + timedelta(hours=6), "建设路爆管抢修", boss, actor
    )
    upcoming = service.announce(
        "A01", NOW + timedelta(days=1), NOW + timedelta(days=1, hours=8), "水厂检修", boss, actor
    )
    listed = service.active(now=NOW)
    assert [o.id for o in listed] == [running.id, upcoming.id]
    assert listed[0].announced_by == "测试" and listed[0].area_name == "城区一片"
    assert listed[0].started(NOW) and not listed[1].started(NOW)

    with pytest.raises(OutageError) as info:  # what has not started cannot end early
        service.end(upcoming.id, boss, actor)
    assert info.value.code == "state"
    service.end(running.id, boss, actor)
    ended = datetime.now(UTC)
    service.cancel(upcoming.id, boss, actor)
    assert service.active() == ()
    # the history stays: the running one now ends when the supply came back
    with db.read() as s:
        rows = {o.id: o for o in s.scalars(select(Outage))}
    events = _audit(db)
    # the server's clock ended it, between our two readings of ours
    assert NOW <= rows[running.id].ends_at <= ended and not rows[running.id].cancelled
    assert rows[upcoming.id].cancelled
    assert [(a, int(e)) for a, e, _d in events] == [
        ("outage.announce", running.id),
        ("outage.announce", upcoming.id),
        ("outage.end", running.id),
        ("outage.cancel", upcoming.id),
    ]
    assert (
        datetime.fromisoformat(json.loads(events[2].details)["ends_at"]) == rows[running.id].ends_at
    )


def test_only_active_outages_change_and_only_supervisors_change_them(ctx, db):
    service, clerk, boss, actor = ctx
    now = datetime.now(UTC)
    view = service.announce(
        "A01", now - timedelta(hours=1), now + timedelta(hours=1), "抢修", boss, actor
    )
    over = service.announce(
        "A01", now - timedelta(hours=3), now - timedelta(hours=2), "旧的", boss, actor
    )
    for change in (service.end, service.cancel):
        with pytest.raises(PermissionError):
            change(view.id, clerk, Actor(clerk.username, "WS1", clerk.id))
    for change in (service.end, service.cancel):
        with pytest.raises(OutageError) as info:  # already over
            change(over.id, boss, actor)
        assert info.value.code == "state"
    service.cancel(view.id, boss, actor)
    with pytest.raises(OutageError):  # withdrawn twice
        service.cancel(view.id, boss, actor)
    with pytest.raises(OutageError):
        service.cancel(view.id + 100, boss, actor)  # no such outage
    actions = [a for a, _e, _d in _audit(db)]
    assert actions == [
        "outage.announce",
        "outage.announce",
        "outage.cancel",
    ]  # refusals write nothing
