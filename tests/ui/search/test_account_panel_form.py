"""The account panel as a Designer form (ui/search_account_panel.ui): Tab walks
the actions in order, and the captions keep to one line where there is room."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from counter_app.ui.search.account_panel import FIELDS
from tests.support.clerks import SUPERVISOR
from tests.support.language import ui_language
from tests.support.screens import settle
from tests.support.search_ui import open_first

pytestmark = pytest.mark.postgres


def test_tab_walks_from_the_filter_through_the_actions(qtbot, town, make_search_window):
    db, _ = town
    window = make_search_window(db, SUPERVISOR)  # every button shown
    panel = open_first(qtbot, window)
    ui = panel.ui
    expected = [
        ui.payButton,
        ui.reliefButton,
        ui.complaintButton,
        ui.statementButton,
        ui.revealButton,
        ui.withholdingButton,
        ui.backButton,
        ui.basisButton,
        ui.archiveButton,
        panel.deduction.button,
        panel.history.filter_button,
        panel.history.adjust_button,
    ]
    panel.history.to_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.history.to_edit)
    walked = []
    for _ in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    assert walked == expected, [w.objectName() or w.text() for w in walked]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_captions_take_one_line_at_1024(qtbot, qapp, town, make_search_window, language):
    db, _ = town
    with ui_language(qapp, language):
        window = make_search_window(db)
        window.resize(1024, 700)
        panel = open_first(qtbot, window)
        settle(qtbot, window)
        captions = [getattr(panel.ui, f"{key}Caption") for key in FIELDS]
        assert all(c.text().endswith(("：", ":")) for c in captions)
        taller = [c.text() for c in captions if c.height() >= 2 * c.fontMetrics().lineSpacing()]
        assert taller == []
