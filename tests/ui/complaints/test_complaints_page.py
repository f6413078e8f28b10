"""Complaints page driven by the keyboard: save, slip printed, stale save refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from sqlalchemy import text

from counter_app.services.audit import Actor
from counter_app.services.complaints.outages import OutageService
from counter_app.services.complaints.service import ComplaintService, NewComplaint
from counter_app.ui.style import ERROR_STYLE, OK_STYLE
from tests.support.keyboard import type_text
from tests.support.screens import save_shot, shot_dirs


def test_fill_and_save_by_keyboard_prints_slip(qtbot, page, runner, filled, tmp_path):
    _db, (_c, _b, account_id) = filled
    page.open_account(account_id)
    runner.wait_idle()
    form = page.form
    assert form.ui.complainantEdit.text() == "张三"
    assert form.ui.descriptionEdit.hasFocus()
    type_text(form.ui.descriptionEdit, "自来水发黄，放水几分钟后仍浑浊")
    qtbot.keyClick(form.ui.descriptionEdit, Qt.Key.Key_Backtab)
    qtbot.keyClick(form.ui.categoryCombo, Qt.Key.Key_Backtab)
    qtbot.keyClick(form.ui.channelCombo, Qt.Key.Key_Backtab)
    assert form.ui.contactEdit.hasFocus()
    qtbot.keyClicks(form.ui.contactEdit, "13812345678")
    form.ui.descriptionEdit.setFocus()
    qtbot.keyClick(form.ui.descriptionEdit, Qt.Key.Key_Tab)
    assert form.ui.faultCheck.hasFocus()
    qtbot.keyClick(form.ui.faultCheck, Qt.Key.Key_Space)
    assert form.ui.apologyCheck.isChecked()
    form.ui.forwardRadio.setFocus()
    qtbot.keyClick(form.ui.forwardRadio, Qt.Key.Key_Space)
    save_shot(page, "form", shot_dirs(tmp_path, "complaints"))
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    runner.wait_idle()
    qtbot.waitUntil(lambda: bool(page.last_printed))
    runner.wait_idle()
    assert page.last_printed.startswith("TS")
    data = page.transport.data.decode("gb18030", errors="replace")
    assert "投诉受理单" in data and page.last_printed in data
    assert "已转 水质检测 处理" in data and "自来水发黄" in data
    assert "138****5678" in data and "13812345678" not in data


def test_empty_description_is_named_and_text_kept(qtbot, page, runner):
    form = page.form
    type_text(form.ui.complainantEdit, "路人甲")
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    runner.wait_idle()
    assert "投诉内容" in form.ui.errorLabel.text()
    assert form.ui.complainantEdit.text() == "路人甲" and form.ui.descriptionEdit.hasFocus()
    assert page.transport.jobs == []


def test_second_clerk_save_refused_text_kept(qtbot, page, runner, filled, signed_in):
    _db, (_c, _b, account_id) = filled
    other_db, other = signed_in("supervisor")  # someone else at another desk
    service = ComplaintService(other_db)
    c = service.receive(
        NewComplaint("张三", "", "counter", "pressure", "水压低", account_id=account_id),
        Actor(other.username, "WS", other.id),
    )
    page.open_complaint(c.id)
    runner.wait_idle()
    detail = page.detail
    assert detail.view.id == c.id
    # someone else saves first
    service.follow_up(
        c.id, c.version, "另一位收费员已联系用户", Actor(other.username, "WS2", other.id)
    )
    detail.textEdit.setFocus()
    type_text(detail.textEdit, "我的跟进记录")
    qtbot.keyClick(detail.textEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    runner.wait_idle()
    runner.wait_idle()
    assert "没有保存" in detail.errorLabel.text() or "NOT saved" in detail.errorLabel.text()
    assert detail.textEdit.toPlainText() == "我的跟进记录"
    assert detail.view.version == 2  # reloaded
    qtbot.keyClick(detail.textEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    runner.wait_idle()
    assert [e.content for e in service.get(c.id).events if e.kind == "follow_up"] == [
        "另一位收费员已联系用户",
        "我的跟进记录",
    ]


def test_list_overdue_and_guide_screenshots(qtbot, page, runner, filled, signed_in, tmp_path):
    db, (_c, _b, account_id) = filled
    clerk_db, clerk = signed_in("clerk")
    service = ComplaintService(clerk_db)
    actor = Actor(clerk.username, "WS", clerk.id)
    now = datetime.now(UTC)
    late = service.receive(
        NewComplaint(
            "李四",
            "13900001111",
            "hotline",
            "water_quality",
            "水中有细小黑色颗粒",
            account_id=account_id,
        ),
        actor,
    )
    service.forward(late.id, late.version, "水质检测", now + timedelta(days=1), actor)
    with db.engine.begin() as conn:  # received three days ago, due two days ago
        conn.execute(
            text(
                "UPDATE complaints SET created_at = now() - interval '3 days', "
                "due_at = now() - interval '2 days' WHERE id = :i"
            ),
            {"i": late.id},
        )
    service.receive(NewComplaint("王五", "", "counter", "billing", "本期水费比以往高很多"), actor)
    boss_db, boss = signed_in("supervisor")
    OutageService(boss_db).announce(
        "A01",
        now - timedelta(hours=1),
        now + timedelta(hours=5),
        "建设路管网抢修停水",
        boss,
        Actor(boss.username, "WS", boss.id),
    )
    page.tabs.setCurrentIndex(1)
    runner.wait_idle()
    rows = page.list.model.rows
    assert [r.overdue for r in rows] == [False, True]
    page.detail.show_complaint(service.get(late.id))
    save_shot(page, "list", shot_dirs(tmp_path, "complaints"))
    page.open_account(account_id)
    runner.wait_idle()
    page.tabs.setCurrentIndex(2)
    type_text(page.guide.searchEdit, "停水")
    runner.wait_idle()
    assert page.guide.current_script().key == "pressure"
    assert "建设路管网抢修停水" in page.guide.factsText.toPlainText()
    save_shot(page, "guide", shot_dirs(tmp_path, "complaints"))
    page.tabs.setCurrentIndex(3)
    runner.wait_idle()
    save_shot(page, "corrections", shot_dirs(tmp_path, "complaints"))


def test_second_ctrl_s_after_save_stores_nothing_more(qtbot, page, runner, filled, signed_in):
    _db, (_c, _b, account_id) = filled
    page.open_account(account_id)
    runner.wait_idle()
    form = page.form
    type_text(form.ui.descriptionEdit, "水表不走字")
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    runner.wait_idle()
    qtbot.waitUntil(lambda: bool(page.last_printed))
    assert OK_STYLE in form.ui.errorLabel.styleSheet()
    # a fresh form for the same customer: pressing Ctrl+S again is refused, in red
    assert form.account_id == account_id and form.ui.complainantEdit.text() == "张三"
    assert form.ui.descriptionEdit.toPlainText() == ""
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    runner.wait_idle()
    assert "投诉内容" in form.ui.errorLabel.text()
    assert ERROR_STYLE in form.ui.errorLabel.styleSheet()
    assert len(ComplaintService(signed_in("clerk")[0]).list()) == 1
    assert len(page.transport.jobs) == 1


def test_guide_reads_customer_facts_once_not_per_keystroke(qtbot, page, runner, filled):
    _db, (_c, _b, account_id) = filled
    calls: list[int] = []
    facts = page.guide_service.facts
    page.guide_service.facts = lambda account, **kw: calls.append(account) or facts(account, **kw)
    page.open_account(account_id)
    runner.wait_idle()
    page.tabs.setCurrentWidget(page.guide)
    runner.wait_idle()
    assert calls == [account_id]
    type_text(page.guide.searchEdit, "停水没水")
    for _ in range(3):
        qtbot.keyClick(page.guide.scriptList, Qt.Key.Key_Down)
    runner.wait_idle()
    assert calls == [account_id]
    assert "01000001" in page.guide.factsText.toPlainText()


def test_contact_is_masked_and_a_supervisor_shows_it(qtbot, make_page, runner, filled, signed_in):
    """Migration 0025: the detail shows the masked phone; the button is a
    supervisor's only and shows the full number after the audited reveal."""
    _db, (_c, _b, account_id) = filled
    clerk_db, clerk = signed_in("clerk")
    c = ComplaintService(clerk_db).receive(
        NewComplaint("张三", "13812345678", "counter", "pressure", "水压低", account_id=account_id),
        Actor(clerk.username, "WS", clerk.id),
    )
    clerk_page = make_page("clerk")
    clerk_page.open_complaint(c.id)
    runner.wait_idle()
    assert "138****5678" in clerk_page.detail.headerLabel.text()
    assert "13812345678" not in clerk_page.detail.headerLabel.text()
    assert clerk_page.detail.revealButton.isHidden()
    boss_page = make_page("supervisor", workstation="WS-02")
    boss_page.open_complaint(c.id)
    runner.wait_idle()
    assert not boss_page.detail.revealButton.isHidden()
    boss_page.detail.revealButton.click()
    runner.wait_idle()
    assert boss_page.detail.contactLabel.text() == "13812345678"
