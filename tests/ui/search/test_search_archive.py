"""The account panel's archive line (档案号 … 柜号 …) and a supervisor's
Archive file… action; the search by archive number."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog
from sqlalchemy import text

from tests.support.search_ui import open_first, page_of

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


def test_a_clerk_sees_the_line_but_not_the_action(qtbot, town, make_search_window, login_as):
    db, ids = town
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE accounts SET archive_no = 'A01-2019-00007', "
                "cabinet_no = '3号柜' WHERE id = :a"
            ),
            {"a": ids["account"]},
        )
    login, clerk = login_as("clerk")
    window = make_search_window(login, clerk)
    panel = open_first(qtbot, window)
    assert panel.archive_label.text() == "档案号：A01-2019-00007　柜号：3号柜"
    assert not panel.archive_button.isVisible()
    # the search finds the account by its archive number
    page = page_of(window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    panel = open_first(qtbot, window, "a01-2019-00007")
    assert panel.view.account_id == ids["account"] and page.account_panel is panel


def test_a_supervisor_numbers_the_file_then_moves_it(qtbot, town, make_search_window, login_as):
    db, ids = town
    login, supervisor = login_as("supervisor")
    window = make_search_window(login, supervisor)
    panel = open_first(qtbot, window)
    assert panel.archive_label.text() == "档案号：未编号　柜号：无"
    assert panel.archive_button.isVisible() and panel.archive_button.isEnabled()
    with db.engine.connect() as conn:
        opened = conn.execute(
            text("SELECT opened_on FROM accounts WHERE id = :a"), {"a": ids["account"]}
        ).scalar_one()
    year = opened.year if opened else datetime.now(ZoneInfo("Asia/Shanghai")).year
    qtbot.keyClick(panel, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    dialog = _dialog(qtbot)
    dialog.setTextValue("7号柜")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "已登记" in panel.message_label.text(), timeout=10_000)
    with db.engine.connect() as conn:
        number, cabinet = conn.execute(
            text("SELECT archive_no, cabinet_no FROM accounts WHERE id = :a"), {"a": ids["account"]}
        ).one()
    assert (number, cabinet) == (f"A01-{year}-00001", "7号柜")
    assert panel.archive_label.text() == f"档案号：{number}　柜号：7号柜"
    # moved: the number stays
    panel.archive_button.click()
    dialog = _dialog(qtbot)
    assert dialog.textValue() == "7号柜"
    dialog.setTextValue("X" * 17)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "1 至 16" in panel.message_label.text(), timeout=10_000)
    panel.archive_button.click()
    dialog = _dialog(qtbot)
    dialog.setTextValue("9号柜")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: panel.archive_label.text() == f"档案号：{number}　柜号：9号柜", timeout=10_000
    )
