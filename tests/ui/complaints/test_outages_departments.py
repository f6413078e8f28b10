"""Announced outages and the department list on the complaints page: kept by
supervisors / administrators from the keyboard, read by clerks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox
from sqlalchemy import select

from counter_app.db.models import AuditEvent
from counter_app.services.audit import Actor
from counter_app.services.auth import ClerkIdentity
from counter_app.services.complaints.outages import OutageService
from counter_app.services.complaints.service import (
    CATEGORIES,
    CHANNELS,
    DEFAULT_DEPARTMENTS,
    ComplaintService,
)
from counter_app.ui.complaints import labels
from counter_app.ui.complaints.form import SHANGHAI
from tests.support.keyboard import press_alt, type_text
from tests.support.screens import save_shot, shot_dirs


@pytest.fixture
def answer_yes(monkeypatch):
    """The confirmation box answered Yes (it is modal); the questions asked."""
    asked: list[str] = []

    def _question(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", _question)
    return asked


def _add_row(qtbot, editor, name: str) -> None:
    """Alt+A, type the name, Enter (the delegate commits it a moment later)."""
    press_alt(qtbot, editor, Qt.Key.Key_A, editor.addButton)  # 添加(&A)
    type_text(QApplication.focusWidget(), name)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            editor.names.state() == QAbstractItemView.State.NoState and "" not in editor.values()
        )
    )


def _open_tab(page, widget, runner) -> None:
    page.tabs.setCurrentWidget(widget)
    runner.wait_idle()


def _boss(signed_in) -> tuple[OutageService, ClerkIdentity, Actor]:
    """The outage service of the supervisor's real login."""
    login, boss = signed_in("supervisor")
    return OutageService(login), boss, Actor(boss.username, "WS", boss.id)


def _actions(db) -> list[str]:
    with db.read() as s:
        return s.scalars(
            select(AuditEvent.action).where(AuditEvent.entity != "clerk").order_by(AuditEvent.id)
        ).all()


def test_supervisor_announces_and_ends_an_outage_by_keyboard(
    qtbot, make_page, runner, filled, answer_yes, signed_in, tmp_path
):
    db, _ids = filled
    page = make_page("supervisor")
    outages = page.outages
    _open_tab(page, outages, runner)
    assert outages.ui.emptyLabel.isVisible() and outages.ui.form.isVisible()
    assert outages.ui.areaCombo.currentData() == "A01" and outages.ui.areaCombo.hasFocus()
    # Ctrl+S with no reason: named, nothing written, focus on the reason
    qtbot.keyClick(outages.ui.areaCombo, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "停水原因" in outages.ui.messageLabel.text() and outages.ui.reasonEdit.hasFocus()
    type_text(outages.ui.reasonEdit, "建设路爆管抢修")
    qtbot.keyClick(outages.ui.reasonEdit, Qt.Key.Key_Return)
    runner.wait_idle()
    runner.wait_idle()
    assert "已发布" in outages.ui.messageLabel.text()
    assert outages.ui.outages.topLevelItemCount() == 1 and not outages.ui.emptyLabel.isVisible()
    row = outages.ui.outages.topLevelItem(0)
    assert [row.text(i) for i in (0, 3, 4, 5)] == ["城区一片", "停水中", "收费员", "建设路爆管抢修"]
    assert outages.ui.reasonEdit.text() == ""
    # the guide of the customers of that area shows it
    assert [o.reason for o in OutageService(signed_in("clerk")[0]).active("A01")] == [
        "建设路爆管抢修"
    ]
    save_shot(page, "outages", shot_dirs(tmp_path, "complaints"))

    assert outages.ui.endButton.isEnabled()
    press_alt(qtbot, outages, Qt.Key.Key_E, outages.ui.endButton)  # 立即结束(&E)
    runner.wait_idle()
    runner.wait_idle()
    assert "建设路爆管抢修" not in answer_yes[0] and "城区一片" in answer_yes[0]
    assert "已结束" in outages.ui.messageLabel.text()
    assert (
        outages.ui.outages.topLevelItemCount() == 0
        and OutageService(signed_in("clerk")[0]).active() == ()
    )
    assert _actions(db) == ["outage.announce", "outage.end"]


def test_refused_period_keeps_the_entry_and_upcoming_one_is_withdrawn(
    qtbot, make_page, runner, filled, answer_yes, signed_in
):
    db, _ids = filled
    service, boss, actor = _boss(signed_in)
    now = datetime.now(UTC)
    service.announce(
        "A01", now + timedelta(days=1), now + timedelta(days=1, hours=6), "水厂检修", boss, actor
    )
    page = make_page("supervisor")
    outages = page.outages
    _open_tab(page, outages, runner)
    assert outages.ui.outages.topLevelItem(0).text(3) == "未开始"
    assert not outages.ui.endButton.isEnabled()  # not started: only withdrawn
    type_text(outages.ui.reasonEdit, "管网改造")
    start = QDateTime.currentDateTime().toTimeZone(SHANGHAI).addDays(2)
    outages.ui.fromEdit.setDateTime(start)
    outages.ui.toEdit.setDateTime(start.addSecs(-3600))
    qtbot.keyClick(outages.ui.reasonEdit, Qt.Key.Key_Return)
    runner.wait_idle()
    assert "结束时间" in outages.ui.messageLabel.text() and outages.ui.toEdit.hasFocus()
    assert outages.ui.reasonEdit.text() == "管网改造"  # nothing typed is lost
    assert len(OutageService(signed_in("clerk")[0]).active()) == 1

    outages.ui.outages.setFocus()
    press_alt(qtbot, outages, Qt.Key.Key_W, outages.ui.withdrawButton)  # 撤销公告(&W)
    runner.wait_idle()
    runner.wait_idle()
    assert (
        "已撤销" in outages.ui.messageLabel.text()
        and OutageService(signed_in("clerk")[0]).active() == ()
    )


def test_clerk_reads_outages_but_keeps_neither_them_nor_departments(
    make_page, runner, filled, signed_in, tmp_path
):
    service, boss, actor = _boss(signed_in)
    now = datetime.now(UTC)
    service.announce(
        "A01", now - timedelta(hours=1), now + timedelta(hours=3), "建设路爆管抢修", boss, actor
    )
    page = make_page("clerk")
    _open_tab(page, page.outages, runner)
    assert page.outages.ui.outages.topLevelItem(0).text(5) == "建设路爆管抢修"
    for hidden in (page.outages.ui.form, page.outages.ui.endButton, page.outages.ui.withdrawButton):
        assert not hidden.isVisible()
    assert page.departments is None
    save_shot(page, "outages_clerk", shot_dirs(tmp_path, "complaints"))
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())][-1] == "停水公告(&U)"


def test_administrator_edits_the_department_list(qtbot, make_page, runner, filled, tmp_path):
    db, _ids = filled
    page = make_page("admin")
    editor = page.departments
    _open_tab(page, editor, runner)
    assert editor.values() == list(DEFAULT_DEPARTMENTS) and editor.names.hasFocus()
    editor.names.setCurrentRow(1)  # 管网维修
    _add_row(qtbot, editor, "二次供水")
    assert editor.values()[2] == "二次供水"
    # Esc on a new row leaves no empty row behind
    press_alt(qtbot, editor, Qt.Key.Key_A, editor.addButton)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: "" not in editor.values())
    assert len(editor.values()) == 6
    # a duplicate is refused: named, selected, nothing stored, the edits kept
    _add_row(qtbot, editor, "抄表")
    assert editor.values()[3:5] == ["抄表", "抄表"]
    qtbot.keyClick(editor.names, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    runner.wait_idle()
    assert "“抄表”在列表中重复" in editor.messageLabel.text()
    assert editor.names.currentItem().text() == "抄表" and editor.names.currentRow() == 4
    assert ComplaintService(db).departments() == DEFAULT_DEPARTMENTS
    press_alt(qtbot, editor, Qt.Key.Key_D, editor.deleteButton)  # 删除(&D)
    qtbot.keyClick(editor.names, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    runner.wait_idle()
    wanted = ("水质检测", "管网维修", "二次供水", "抄表", "营业", "客服热线")
    assert ComplaintService(db).departments() == wanted
    assert "已保存" in editor.messageLabel.text()
    # the forward choices of the form follow at once
    combo = page.form.ui.departmentCombo
    assert tuple(combo.itemText(i) for i in range(combo.count())) == wanted
    assert _actions(db) == ["setting.change"]
    save_shot(page, "departments", shot_dirs(tmp_path, "complaints"))


def test_department_list_saved_meanwhile_is_not_overwritten_silently(
    qtbot, make_page, runner, filled, signed_in
):
    db, _ids = filled
    page = make_page("admin")
    editor = page.departments
    _open_tab(page, editor, runner)
    other_db, other = signed_in("supervisor")  # a supervisor saves first
    ComplaintService(other_db).set_departments(
        ["营业", "客服热线"], DEFAULT_DEPARTMENTS, other, Actor(other.username, "WS-02", other.id)
    )
    editor.names.item(0).setText("水质检测中心")
    qtbot.keyClick(editor.names, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    runner.wait_idle()
    runner.wait_idle()
    assert (
        "没有保存" in editor.messageLabel.text() and "营业、客服热线" in editor.messageLabel.text()
    )
    assert editor.values()[0] == "水质检测中心"  # kept
    assert ComplaintService(db).departments() == ("营业", "客服热线")
    qtbot.keyClick(editor.names, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # knowingly
    runner.wait_idle()
    assert ComplaintService(db).departments()[0] == "水质检测中心"


def test_supervisor_keeps_the_department_list(qtbot, make_page, runner, filled):
    """Supervisors edit the list (through its action, that setting only)."""
    db, _ids = filled
    page = make_page("supervisor")
    editor = page.departments
    _open_tab(page, editor, runner)
    assert editor.values() == list(DEFAULT_DEPARTMENTS)
    assert editor.saveButton.isVisible() and editor.addButton.isVisible()
    assert editor.names.item(0).flags() & Qt.ItemFlag.ItemIsEditable
    editor.names.item(0).setText("水质检测中心")
    qtbot.keyClick(editor.names, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    runner.wait_idle()
    assert ComplaintService(db).departments()[0] == "水质检测中心"


def test_labels_name_exactly_the_service_codes():
    assert set(labels.channel_names()) == set(CHANNELS)
    assert set(labels.category_names()) == set(CATEGORIES)
