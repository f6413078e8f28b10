"""The account view's 预存扣款 line and a supervisor's switch (by keyboard,
signed in as real logins): the state comes with the account screen, Alt+D
asks for the reason with the confirmation, the database records it (audited)
and the line follows; an empty reason changes nothing; a clerk sees the line
and no switch. Screenshot of the account view at 1024x700."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog
from sqlalchemy import text

from tests.support.screens import assert_nothing_clipped, save_shot, settle, shot_dirs
from tests.support.search_ui import open_first
from tests.support.waiting import CLICK_ANIMATION_MS

pytestmark = pytest.mark.usefixtures("town")


def _dialog(qtbot) -> QInputDialog:
    found: list[QInputDialog] = []

    def shown():
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QInputDialog) and w.isVisible()
        ]
        assert found

    qtbot.waitUntil(shown, timeout=5_000)
    return found[0]


def _alt_d(qtbot, window, panel) -> None:
    window.activateWindow()  # back from the dialog
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(panel, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)


def _setting(db, account_id: int):
    with db.engine.connect() as conn:
        return conn.execute(
            text("SELECT deduction, reason FROM account_channel_settings WHERE account_id = :a"),
            {"a": account_id},
        ).one_or_none()


def test_a_supervisor_turns_the_deduction_off_and_on(
    qtbot, town, make_search_window, login_as, tmp_path
):
    db, ids = town
    login, supervisor = login_as("supervisor")
    window = make_search_window(login, supervisor)
    window.resize(1024, 700)
    panel = open_first(qtbot, window)
    line = panel.deduction
    assert line.button.text() == "预存扣款：开(&D)" and not line.label.isVisible()
    assert line.button.isVisible() and line.button.isChecked()
    settle(qtbot, window)
    save_shot(window, "account_deduction_1024", shot_dirs(tmp_path))
    assert_nothing_clipped(window)

    # Alt+D: the confirmation asks for the reason; an empty one changes nothing
    _alt_d(qtbot, window, panel)
    dialog = _dialog(qtbot)
    assert "停用本户的预存扣款" in dialog.labelText()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "请填写原因" in panel.message_label.text(), timeout=5_000)
    assert _setting(db, ids["account"]) is None and line.button.isChecked()

    _alt_d(qtbot, window, panel)
    dialog = _dialog(qtbot)
    dialog.setTextValue("客户要求柜台交费")  # as an input method commits it
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "已停用预存扣款" in panel.message_label.text(), timeout=10_000)
    assert _setting(db, ids["account"]) == (False, "客户要求柜台交费")
    # the account is read again (one screen call): who changed it, when and why
    qtbot.waitUntil(lambda: "客户要求柜台交费" in line.button.toolTip(), timeout=10_000)
    assert line.button.text() == "预存扣款：本户已停用(&D)" and not line.button.isChecked()
    assert "恢复本户的预存扣款" in line.button.toolTip()
    with db.engine.connect() as conn:
        audited = conn.execute(
            text(
                "SELECT details::jsonb->>'enabled', details::jsonb->>'reason' FROM audit_events "
                "WHERE action = 'account.deduction' AND entity_id = :a"
            ),
            {"a": str(ids["account"])},
        ).all()
    assert audited == [("false", "客户要求柜台交费")]

    _alt_d(qtbot, window, panel)
    dialog = _dialog(qtbot)
    assert "恢复本户的预存扣款" in dialog.labelText()
    dialog.setTextValue("客户又要求扣款")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: line.button.text() == "预存扣款：开(&D)", timeout=10_000)
    assert line.button.isChecked() and _setting(db, ids["account"]) == (True, "客户又要求扣款")


def test_a_clerk_sees_the_state_but_no_switch(qtbot, town, make_search_window, login_as):
    db, ids = town
    boss, _ = login_as("supervisor")
    with boss.engine.connect() as conn:
        conn.execute(
            text("SELECT counter_set_account_deduction('W', :a, false, '代扣户')"),
            {"a": ids["account"]},
        )
        conn.commit()
    login, clerk = login_as("clerk")
    window = make_search_window(login, clerk)
    panel = open_first(qtbot, window)
    assert panel.deduction.label.text() == "预存扣款：本户已停用"
    assert panel.deduction.label.isVisible()
    assert "代扣户" in panel.deduction.label.toolTip()
    assert not panel.deduction.button.isVisible()
    # the hidden button's mnemonic does not click it, not even after its click animation
    with qtbot.assertNotEmitted(panel.deduction.button.clicked, wait=CLICK_ANIMATION_MS):
        qtbot.keyClick(panel, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible()
    ]
