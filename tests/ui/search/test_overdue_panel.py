"""The account view and the search results say 本期应缴 apart from 逾期欠费
with the days, the late fee and the 停供 warning; screenshot at 1024x700."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.support.clerks import SUPERVISOR
from tests.support.late_fees import build_overdue, set_rule
from tests.support.screens import assert_nothing_clipped, save_shot, settle, shot_dirs


def test_the_account_view_splits_current_from_overdue(
    qtbot, db, login_as, make_search_window, chinese_ui, tmp_path
):
    build_overdue(db, login_as, ((("30.00", 40), ("20.00", 1), ("10.00", 0)),))
    set_rule(login_as, rate="0.001", suspend_days=30)
    window = make_search_window(db, SUPERVISOR)
    window.resize(1024, 700)
    page = window.search_page
    qtbot.keyClicks(page.search_box, "02000000")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    overdue = page.model.index(0, page.model.Columns.OVERDUE).data()
    assert "50.00" in overdue and "40天" in overdue
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    panel = page.account_panel
    qtbot.waitUntil(lambda: panel.view is not None, timeout=10_000)
    text = panel.dues_label.text()
    assert "本期应缴 ¥10.00" in text and "逾期欠费 ¥50.00（逾期40天）" in text
    assert "违约金 ¥1.22" in text  # 30 x 0.001 x 40 + 20 x 0.001 x 1
    assert panel.suspension_label.isVisible() and "停供" in panel.suspension_label.text()
    settle(qtbot, window)
    save_shot(window, "account_view_overdue", shot_dirs(tmp_path))
    assert_nothing_clipped(window)
    assert page.dunning_button.isVisibleTo(page.results_panel)  # a supervisor's list
