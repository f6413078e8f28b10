"""Complaint texts are bounded and the contact is a phone: by the form
(maxLength, a message naming the field, the input kept), the service and
PostgreSQL (CHECK constraints of migration 0009, NOT VALID)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from counter_app.services.audit import Actor
from counter_app.services.complaints.service import ComplaintError, ComplaintService, NewComplaint
from tests.support.keyboard import type_text

pytestmark = pytest.mark.postgres


def save(qtbot, form, runner):
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    runner.wait_idle()


def test_form_refuses_a_contact_that_is_no_phone_and_keeps_the_input(qtbot, page, runner):
    form = page.form
    assert form.ui.complainantEdit.maxLength() == 40 and form.ui.contactEdit.maxLength() == 20
    type_text(form.ui.complainantEdit, "路人甲")
    form.ui.contactEdit.setFocus()
    qtbot.keyClicks(form.ui.contactEdit, "abc")
    type_text(form.ui.descriptionEdit, "水压低")
    save(qtbot, form, runner)
    assert form.ui.errorLabel.text() == "联系电话：请输入手机号（11 位）或固定电话。"
    assert form.ui.contactEdit.hasFocus() and form.ui.contactEdit.text() == "abc"
    assert form.ui.descriptionEdit.toPlainText() == "水压低"
    assert page.transport.jobs == []
    form.ui.complainantEdit.setFocus()
    qtbot.keyClick(form.ui.complainantEdit, Qt.Key.Key_End)
    qtbot.keyClicks(form.ui.complainantEdit, "x" * 1000)
    assert len(form.ui.complainantEdit.text()) == 40  # maxLength: the rest never arrives
    type_text(form.ui.descriptionEdit, "很" * 600)
    form.ui.contactEdit.selectAll()
    qtbot.keyClicks(form.ui.contactEdit, "0537-6812345")
    save(qtbot, form, runner)
    assert form.ui.errorLabel.text() == "投诉内容：过长，最多 500 个字符。"
    assert form.ui.descriptionEdit.hasFocus() and page.transport.jobs == []


def test_service_and_database_refuse_long_texts_and_bad_contacts(filled, signed_in):
    db, _ids = filled
    login, clerk = signed_in("clerk")
    service = ComplaintService(login)
    actor = Actor(clerk.username, "WS-01", clerk.id)
    cases = [
        (NewComplaint("名" * 41, "", "counter", "pressure", "水压低"), "too_long", "complainant"),
        (NewComplaint("张三", "abc", "counter", "pressure", "水压低"), "phone", "contact"),
        (NewComplaint("张三", "1" * 21, "counter", "pressure", "水压低"), "too_long", "contact"),
        (NewComplaint("张三", "", "counter", "pressure", "长" * 501), "too_long", "description"),
        (
            NewComplaint("张三", "", "counter", "pressure", "水压低", resolution="长" * 501),
            "too_long",
            "resolution",
        ),
    ]
    for new, code, field in cases:
        with pytest.raises(ComplaintError) as info:
            service.receive(new, actor)
        assert (info.value.code, info.value.field) == (code, field)
    ok = service.receive(
        NewComplaint("张三", "0537 681 2345", "counter", "pressure", "水压低"), actor
    )
    with db.read() as s:
        stored = s.execute(
            text("SELECT contact FROM complaints WHERE id = :i"), {"i": ok.id}
        ).scalar_one()
    assert stored == "05376812345"  # normalised
    for column, value in (
        ("contact", "abc"),
        ("complainant", "名" * 41),
        ("description", "长" * 501),
    ):
        with pytest.raises(IntegrityError, match="ck_complaints_"), db.write() as s:
            s.execute(
                text(f"UPDATE complaints SET {column} = :v WHERE id = :i"), {"v": value, "i": ok.id}
            )
