"""A supervisor's 催缴/停供 list from the search page (Ctrl+D): lists, exports
the Excel file, opens an account with Enter; a clerk has no such button."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from tests.support.clerks import CLERK, SUPERVISOR
from tests.support.late_fees import build_overdue, set_rule
from tests.support.screens import assert_nothing_clipped, save_shot, settle, shot_dirs


def test_supervisor_lists_exports_and_opens_an_account(
    qtbot, db, login_as, make_search_window, chinese_ui, tmp_path
):
    build_overdue(db, login_as, ((("100.00", 100),), (("30.00", 20),), (("80.00", 5),)))
    set_rule(login_as, suspend_days=60)
    window = make_search_window(db, SUPERVISOR)
    page = window.search_page
    qtbot.keyClick(page.search_box, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: (
            getattr(page, "dunning_dialog", None) is not None and page.dunning_dialog.isVisible()
        ),
        timeout=5_000,
    )
    dialog = page.dunning_dialog
    dialog.days_spin.setValue(15)
    dialog.load_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=10_000)
    assert "2 户" in dialog.status_label.text() and "¥130.00" in dialog.status_label.text()
    first = dialog.model.index(0, dialog.model.Columns.SUSPEND).data()
    assert first == "停供" and dialog.model.index(1, dialog.model.Columns.SUSPEND).data() == ""
    dialog.resize(1000, 500)
    settle(qtbot, dialog)
    save_shot(dialog, "dunning_list", shot_dirs(tmp_path))
    assert_nothing_clipped(dialog)
    out = tmp_path / "催缴.xlsx"
    dialog.save_to(out)
    qtbot.waitUntil(lambda: "已保存" in dialog.status_label.text(), timeout=10_000)
    assert load_workbook(out).active.max_row == 5
    # Enter on a row opens that account on the search page
    dialog.table.setFocus()
    dialog.table.selectRow(1)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.account_panel.view is not None, timeout=10_000)
    assert page.account_panel.view.account_no == "02000001"


def test_a_clerk_has_no_dunning_button(qtbot, db, login_as, make_search_window):
    build_overdue(db, login_as, ())
    window = make_search_window(db, CLERK)
    assert not window.search_page.dunning_button.isVisibleTo(window.search_page)
