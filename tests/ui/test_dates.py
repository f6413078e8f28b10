"""Every date edit: Tab leaves it, the arrows walk its sections, and it holds
no date more than 10 years ahead (counter_app/ui/dates.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QLineEdit,
    QVBoxLayout,
)

from counter_app.domain.dates import latest_date, validity_problem
from counter_app.ui.dates import configure_date_edit

TODAY = date(2026, 11, 23)


_open: list[QDialog] = []


def dialog_with(qtbot, edit_type=QDateEdit, fmt="yyyy-MM-dd"):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    before = QLineEdit(dialog)  # the focus chain is the order of creation
    edit = configure_date_edit(edit_type(dialog), display_format=fmt, today=TODAY)
    after = QLineEdit(dialog)
    edit.setDate(QDate(2027, 3, 4))
    for widget in (before, edit, after):
        layout.addWidget(widget)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    _open[:] = [dialog]  # keep it alive until the next test
    return before, edit, after


def test_tab_leaves_the_date_and_arrows_walk_its_sections(qtbot):
    before, edit, after = dialog_with(qtbot)
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is edit
    assert edit.currentSection() == QDateTimeEdit.Section.YearSection
    for _ in range(5):  # past the year and its dash
        qtbot.keyClick(edit, Qt.Key.Key_Right)
    assert edit.currentSection() == QDateTimeEdit.Section.MonthSection
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after  # not the day section
    qtbot.keyClick(after, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is edit
    qtbot.keyClick(edit, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is before


def test_an_id_number_typed_after_the_date_does_not_go_into_it(qtbot):
    before, edit, after = dialog_with(qtbot)
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    qtbot.keyClicks(edit, "2030")  # the year typed, the month section current
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "370829198506150011")
    assert edit.date() == QDate(2030, 3, 4)
    assert after.text() == "370829198506150011"


def test_no_date_beyond_ten_years_can_be_typed(qtbot):
    before, edit, _ = dialog_with(qtbot, QDateTimeEdit, "yyyy-MM-dd HH:mm")
    assert edit.maximumDate() == QDate(2036, 11, 23)
    assert edit.minimumDate() == QDate(2000, 1, 1)
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    qtbot.keyClicks(edit, "3708")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.date().year() <= 2036


def test_validity_rule():
    assert latest_date(date(2028, 2, 29)) == date(2038, 2, 28)
    assert validity_problem(TODAY, date(2036, 11, 23), TODAY) is None
    assert validity_problem(TODAY, date(2036, 11, 24), TODAY) == ("end", "too_far")
    assert validity_problem(TODAY, date(3708, 11, 19), TODAY) == ("end", "too_far")
    assert validity_problem(TODAY, date(2026, 11, 22), TODAY) == ("end", "before_from")
    assert validity_problem(date(1999, 12, 31), TODAY, TODAY) == ("start", "too_early")
