"""The department list of forwarded complaints (utility_settings
``complaint_departments``): validated, audited, a concurrent save refused."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from counter_app.db.models import AuditEvent, UtilitySetting
from counter_app.services.audit import Actor
from counter_app.services.auth import ClerkIdentity
from counter_app.services.complaints.service import (
    DEFAULT_DEPARTMENTS,
    ComplaintService,
    DepartmentError,
)
from tests.support.builders import make_reference


@pytest.fixture
def ctx(db, login_as):
    with db.write() as s:
        make_reference(s)
    admin_db, admin = login_as("admin")  # a real login: the action knows its caller
    return ComplaintService(admin_db), admin, Actor(admin.username, "WS9", admin.id)


def _audit(db) -> list[tuple[str, str, dict]]:
    with db.read() as s:
        rows = s.execute(
            select(AuditEvent.action, AuditEvent.entity_id, AuditEvent.details)
            .where(AuditEvent.entity != "clerk")
            .order_by(AuditEvent.id)
        ).all()
    return [(a, e, json.loads(d)) for a, e, d in rows]


def test_default_list_then_saved_list_audited(ctx, db):
    service, admin, actor = ctx
    assert service.departments() == DEFAULT_DEPARTMENTS
    saved = service.set_departments(
        ["水质检测", " 管网  维修 ", "二次供水"], DEFAULT_DEPARTMENTS, admin, actor
    )
    assert saved == ("水质检测", "管网 维修", "二次供水") == service.departments()
    with db.read() as s:
        assert (
            s.get(UtilitySetting, "complaint_departments").value == "水质检测\n管网 维修\n二次供水"
        )
    assert _audit(db) == [
        (
            "setting.change",
            "complaint_departments",
            {"old": list(DEFAULT_DEPARTMENTS), "new": list(saved)},
        )
    ]
    # saving the same list again writes nothing
    assert service.set_departments(list(saved), saved, admin, actor) == saved
    assert len(_audit(db)) == 1
    # a second change updates the row
    service.set_departments(["水质检测"], saved, admin, actor)
    assert service.departments() == ("水质检测",)


@pytest.mark.parametrize(
    ("names", "code", "name"),
    [
        (["水质检测", "  "], "required", ""),
        (["水质检测", "抄表", "抄表 "], "duplicate", "抄表"),
        (["Hotline", "hotline"], "duplicate", "hotline"),
        (["维" * 41], "too_long", "维" * 41),
        ([], "empty_list", ""),
    ],
)
def test_refused_lists_write_nothing(ctx, db, names, code, name):
    service, admin, actor = ctx
    with pytest.raises(DepartmentError) as info:
        service.set_departments(names, DEFAULT_DEPARTMENTS, admin, actor)
    assert (info.value.code, info.value.name, info.value.field) == (code, name, "department")
    assert service.departments() == DEFAULT_DEPARTMENTS and _audit(db) == []


def test_only_a_supervisor_and_not_over_someone_elses_save(ctx, db):
    service, admin, actor = ctx
    for role in ("clerk",):
        who = ClerkIdentity(admin.id, "x", "x", role, "HQ")
        with pytest.raises(PermissionError):
            service.set_departments(["抄表"], DEFAULT_DEPARTMENTS, who, actor)
    first = service.set_departments(["抄表", "营业"], DEFAULT_DEPARTMENTS, admin, actor)
    with pytest.raises(DepartmentError) as info:  # loaded before the first save
        service.set_departments(["水质检测"], DEFAULT_DEPARTMENTS, admin, actor)
    assert info.value.code == "stale"
    assert service.departments() == first and len(_audit(db)) == 1
