"""Announced outages (停水公告): announce, end early, withdraw."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from counter_app.db.models import AuditEvent, Outage
from counter_app.services.audit import Actor
from counter_app.services.auth import ClerkIdentity
from counter_app.services.outages import OutageError, OutageService
from tests.factories import make_clerk_row, make_reference

NOW = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


@pytest.fixture
def ctx(db):
    with db.write() as s:
        make_reference(s)
        clerk = make_clerk_row(s)
        boss = make_clerk_row(s, "boss01", role="supervisor")
        ids = clerk.id, boss.id
    return (
        OutageService(db),
        ClerkIdentity(ids[0], "clerk01", "收费员", "clerk", "HQ"),
        ClerkIdentity(ids[1], "boss01", "收费员", "supervisor", "HQ"),
        Actor("boss01", "WS9", ids[1]),
    )


def test_end_a_running_outage_and_withdraw_an_upcoming_one(ctx, db):
    service, _clerk, boss, actor = ctx
    running = service.announce("A01", NOW - timedelta(hours=2), NOW + timedelta(hours=6),
                               "建设路爆管抢修", boss, actor)
    upcoming = service.announce("A01", NOW + timedelta(days=1), NOW + timedelta(days=1, hours=8),
                                "水厂检修", boss, actor)
    listed = service.active(now=NOW)
    assert [o.id for o in listed] == [running.id, upcoming.id]
    assert listed[0].announced_by == "收费员" and listed[0].area_name == "城区一片"
    assert listed[0].started(NOW) and not listed[1].started(NOW)

    with pytest.raises(OutageError) as info:  # what has not started cannot end early
        service.end(upcoming.id, boss, actor, now=NOW)
    assert info.value.code == "state"
    service.end(running.id, boss, actor, now=NOW)
    service.cancel(upcoming.id, boss, actor, now=NOW)
    assert service.active(now=NOW) == ()
    # the history stays: the running one now ends when the supply came back
    with db.read() as s:
        rows = {o.id: o for o in s.scalars(select(Outage))}
        events = s.execute(select(AuditEvent.action, AuditEvent.entity_id, AuditEvent.details)
                           .order_by(AuditEvent.id)).all()
    assert rows[running.id].ends_at == NOW and not rows[running.id].cancelled
    assert rows[upcoming.id].cancelled
    assert [(a, int(e)) for a, e, _d in events] == [
        ("outage.announce", running.id), ("outage.announce", upcoming.id),
        ("outage.end", running.id), ("outage.cancel", upcoming.id),
    ]
    assert json.loads(events[2].details) == {"ends_at": NOW.isoformat()}


def test_only_active_outages_change_and_only_supervisors_change_them(ctx, db):
    service, clerk, boss, actor = ctx
    view = service.announce("A01", NOW - timedelta(hours=1), NOW + timedelta(hours=1), "抢修",
                            boss, actor)
    for change in (service.end, service.cancel):
        with pytest.raises(PermissionError):
            change(view.id, clerk, Actor("clerk01", "WS1", clerk.id), now=NOW)
    over = NOW + timedelta(hours=2)
    for change in (service.end, service.cancel):
        with pytest.raises(OutageError) as info:  # already over
            change(view.id, boss, actor, now=over)
        assert info.value.code == "state"
    service.cancel(view.id, boss, actor, now=NOW)
    with pytest.raises(OutageError):  # withdrawn twice
        service.cancel(view.id, boss, actor, now=NOW)
    with pytest.raises(OutageError):
        service.cancel(view.id + 100, boss, actor, now=NOW)  # no such outage
    with db.read() as s:
        actions = s.scalars(select(AuditEvent.action)).all()
    assert actions == ["outage.announce", "outage.cancel"]  # refusals write nothing
