"""The relief form's 有效期起/止 by keyboard: Tab moves between the fields,
and a validity end before the start is refused by the form, naming the field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from tests.support.relief_form import TAB, _hall, open_form

pytestmark = pytest.mark.postgres


@pytest.fixture
def db(pg_db):
    return pg_db


def test_tab_leaves_the_dates_and_a_reversed_validity_is_refused(
    db, login_as, qtbot, runner, settings
):
    hall = _hall(db, login_as, qtbot, runner, settings, "clerk")
    dialog = open_form(hall, qtbot, hall.household)
    ui, focus = dialog.ui, QApplication.focusWidget
    ui.validFromEdit.setFocus()
    qtbot.waitUntil(ui.validFromEdit.hasFocus)
    assert ui.validToEdit.maximumDate() == QDate.currentDate().addYears(10)
    qtbot.keyClick(focus(), TAB)
    assert focus() is ui.validToEdit
    qtbot.keyClicks(focus(), "2001")  # year typed: month section current
    qtbot.keyClick(focus(), TAB)
    assert focus() is ui.holderNameEdit  # not the month, not the day
    qtbot.keyClicks(focus(), "370829198506150011")  # the next field gets the digits
    assert ui.holderNameEdit.text() == "370829198506150011"
    assert ui.validToEdit.date().year() == 2001
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    assert ui.errorLabel.text() == "有效期止：不能早于有效期起始日。"
    assert ui.validToEdit.hasFocus()  # where the mistake is; the input is kept
    assert ui.holderNameEdit.text() == "370829198506150011"
    assert runner.wait_idle(5_000) and dialog.isVisible()
