"""Data-correction requests (资料更正) on the complaints page: the clerk files one
from the keyboard, a supervisor approves it on their own workstation; an
approval that arrives after the record changed is refused with a message."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select, update

from counter_app.db.models import Account, AuditEvent
from counter_app.services.audit import Actor
from counter_app.services.complaints.corrections import CorrectionService
from counter_app.ui.style import ERROR_STYLE
from tests.support.keyboard import press_alt, type_text
from tests.support.screens import save_shot, shot_dirs


def _corrections_of(page, runner):
    page.tabs.setCurrentWidget(page.corrections_widget)
    runner.wait_idle()
    return page.corrections_widget


def _rows(widget) -> list[list[str]]:
    tree = widget.requests
    return [
        [tree.topLevelItem(r).text(c) for c in range(tree.columnCount())]
        for r in range(tree.topLevelItemCount())
    ]


def test_clerk_files_a_correction_and_a_supervisor_approves_it(
    qtbot, make_page, runner, filled, signed_in, tmp_path
):
    db, (_clerk, _boss, account_id) = filled
    clerk_page = make_page("clerk")
    clerk_page.open_account(account_id)
    runner.wait_idle()
    w = _corrections_of(clerk_page, runner)
    assert "01000001" in w.accountLabel.text() and w.fileButton.isEnabled()
    # a mobile number that is not one: the field is named, the entry kept
    w.fieldCombo.setFocus()
    qtbot.keyClick(w.fieldCombo, Qt.Key.Key_Down)  # 手机
    assert w.fieldCombo.currentData() == "mobile"
    qtbot.keyClick(w.fieldCombo, Qt.Key.Key_Tab)
    type_text(w.valueEdit, "12345")
    qtbot.keyClick(w.valueEdit, Qt.Key.Key_Return)
    assert w.evidenceEdit.hasFocus()
    qtbot.keyClick(w.evidenceEdit, Qt.Key.Key_Return)
    runner.wait_idle()
    assert "正确值：格式不符合" in w.messageLabel.text() and w.valueEdit.text() == "12345"
    assert CorrectionService(signed_in("clerk")[0]).pending() == ()
    # the address the customer shows on the property certificate
    w.fieldCombo.setCurrentIndex(w.fieldCombo.findData("address"))
    w.valueEdit.clear()
    type_text(w.valueEdit, "嘉祥街道建设路21号")
    type_text(w.evidenceEdit, "房产证")
    qtbot.keyClick(w.evidenceEdit, Qt.Key.Key_Return)
    runner.wait_idle()
    runner.wait_idle()
    assert "待审批" in w.messageLabel.text()
    assert (w.valueEdit.text(), w.evidenceEdit.text()) == ("", "")  # not filed twice
    assert _rows(w) == [
        [
            "01000001",
            "地址",
            "嘉祥街道建设路12号",
            "嘉祥街道建设路21号",
            "房产证",
            "待审批",
            "收费员",
            "",
        ]
    ]
    save_shot(w, "corrections_filed", shot_dirs(tmp_path, "complaints"))

    boss_page = make_page("supervisor", workstation="WS-09")
    b = _corrections_of(boss_page, runner)
    assert [r[3] for r in _rows(b)] == ["嘉祥街道建设路21号"] and b.approveButton.isVisible()
    type_text(b.noteEdit, "核实房产证无误")
    press_alt(qtbot, b, Qt.Key.Key_P, b.approveButton)  # 批准(&P)
    runner.wait_idle()
    runner.wait_idle()
    assert "已更正" in b.messageLabel.text() and _rows(b) == []  # nothing pending now
    with db.read() as s:
        account = s.get(Account, account_id)
        assert (account.address, account.version) == ("嘉祥街道建设路21号", 2)
        audit = s.execute(
            select(AuditEvent.action, AuditEvent.workstation)
            .where(AuditEvent.entity != "clerk")
            .order_by(AuditEvent.id)
        ).all()
    assert [tuple(a) for a in audit] == [
        ("correction.file", "WS-01"),
        ("correction.approve", "WS-09"),
        ("account.correct", "WS-09"),
    ]
    # back at the counter the clerk sees it is done and can tell the customer
    clerk_page.tabs.setCurrentWidget(clerk_page.form)
    w = _corrections_of(clerk_page, runner)
    assert [(r[5], r[7]) for r in _rows(w)] == [("已更正", "核实房产证无误")]


def test_approval_after_the_record_changed_is_refused_with_a_message(
    qtbot, make_page, runner, filled, signed_in, tmp_path
):
    db, (_clerk, _boss, account_id) = filled
    clerk_db, clerk = signed_in("clerk")
    service = CorrectionService(clerk_db)
    req = service.file(
        account_id,
        "address",
        "嘉祥街道建设路21号",
        "房产证",
        1,
        Actor(clerk.username, "WS-01", clerk.id),
    )
    boss_page = make_page("supervisor", workstation="WS-09")
    b = _corrections_of(boss_page, runner)
    assert [r[3] for r in _rows(b)] == ["嘉祥街道建设路21号"]
    with db.write() as s:  # the meter reader fixes the record meanwhile
        s.execute(
            update(Account).where(Account.id == account_id).values(meter_location="厨房", version=2)
        )
    b.requests.setFocus()
    press_alt(qtbot, b, Qt.Key.Key_P, b.approveButton)
    runner.wait_idle()
    assert "提交申请后用户资料已被修改" in b.messageLabel.text() and "驳回" in b.messageLabel.text()
    assert b.messageLabel.styleSheet() == ERROR_STYLE
    with db.read() as s:
        account = s.get(Account, account_id)
        assert (account.address, account.version) == ("嘉祥街道建设路12号", 2)
    assert service.get(req.id).status == "pending"
    save_shot(b, "corrections_refused", shot_dirs(tmp_path, "complaints"))
    # rejecting needs a note: said, nothing decided
    press_alt(qtbot, b, Qt.Key.Key_J, b.rejectButton)  # 驳回(&J)
    runner.wait_idle()
    assert "驳回时请填写说明" in b.messageLabel.text()
    assert service.get(req.id).status == "pending"


def test_a_proposed_id_number_is_masked_for_everyone_until_a_supervisor_reveals_it(
    qtbot, make_page, runner, filled, tmp_path
):
    db, (_clerk, _boss, account_id) = filled

    def audit() -> list[str]:
        with db.read() as s:
            return list(
                s.scalars(
                    select(AuditEvent.action)
                    .where(AuditEvent.entity != "clerk")
                    .order_by(AuditEvent.id)
                )
            )

    clerk_page = make_page("clerk")
    clerk_page.open_account(account_id)
    runner.wait_idle()
    w = _corrections_of(clerk_page, runner)
    assert not w.revealButton.isVisible()
    w.fieldCombo.setCurrentIndex(w.fieldCombo.findData("id_number"))
    type_text(w.valueEdit, "370829198506150011")
    type_text(w.evidenceEdit, "身份证")
    qtbot.keyClick(w.evidenceEdit, Qt.Key.Key_Return)
    runner.wait_idle()
    runner.wait_idle()
    assert "待审批" in w.messageLabel.text()
    assert [r[2:4] for r in _rows(w)] == [["370829********1234", "370829********0011"]]
    save_shot(w, "corrections_id_clerk", shot_dirs(tmp_path, "complaints"))

    boss_page = make_page("supervisor", workstation="WS-09")
    b = _corrections_of(boss_page, runner)
    # opening and reloading the list shows the mask and records nothing
    boss_page.tabs.setCurrentWidget(boss_page.form)
    b = _corrections_of(boss_page, runner)
    assert [r[2:4] for r in _rows(b)] == [["370829********1234", "370829********0011"]]
    assert audit() == ["correction.file"]
    assert b.revealButton.isVisible() and b.revealButton.isEnabled()
    save_shot(b, "corrections_id_supervisor", shot_dirs(tmp_path, "complaints"))
    b.requests.setFocus()
    qtbot.keyClick(b.requests, Qt.Key.Key_Tab)
    assert b.revealButton.hasFocus()  # next to the list, as on screen
    press_alt(qtbot, b, Qt.Key.Key_S, b.revealButton)  # 显示完整值(&S)
    runner.wait_idle()
    assert [r[2:4] for r in _rows(b)] == [["370829********1234", "370829198506150011"]]
    assert "审计" in b.messageLabel.text() and not b.revealButton.isEnabled()  # shown once
    assert audit() == ["correction.file", "correction.reveal"]
    save_shot(b, "corrections_id_revealed", shot_dirs(tmp_path, "complaints"))
    press_alt(qtbot, b, Qt.Key.Key_P, b.approveButton)
    runner.wait_idle()
    runner.wait_idle()
    with db.read() as s:
        assert s.get(Account, account_id).id_number == "370829198506150011"
    assert audit() == [
        "correction.file",
        "correction.reveal",
        "correction.approve",
        "account.correct",
    ]


def test_an_address_needs_no_reveal(qtbot, make_page, runner, filled, signed_in):
    db, (_clerk, _boss, account_id) = filled
    clerk_db, clerk = signed_in("clerk")
    CorrectionService(clerk_db).file(
        account_id,
        "address",
        "嘉祥街道建设路21号",
        "房产证",
        1,
        Actor(clerk.username, "WS-01", clerk.id),
    )
    b = _corrections_of(make_page("supervisor", workstation="WS-09"), runner)
    assert [r[3] for r in _rows(b)] == ["嘉祥街道建设路21号"]
    assert b.revealButton.isVisible() and not b.revealButton.isEnabled()
