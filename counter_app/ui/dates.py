"""One way every date edit of the app behaves (``configure_date_edit``).
Design: docs/architecture.md ("The UI")
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from counter_app.domain.dates import EARLIEST_DATE, latest_date

__all__ = ["configure_date_edit", "to_date"]

_TAB_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class _TabLeaves(QObject):
    """Tab/Shift+Tab move the focus on instead of to the next section."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QDateTimeEdit):
            key_event: QKeyEvent = event  # type: ignore[assignment]
            mods = key_event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
            if key_event.key() in _TAB_KEYS and mods == Qt.KeyboardModifier.NoModifier:
                watched.interpretText()  # keep what was typed in the current section
                forward = (
                    key_event.key() == Qt.Key.Key_Tab
                    and not key_event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                )
                QWidget.focusNextPrevChild(watched, forward)
                return True
        return False


def configure_date_edit(
    edit: QDateTimeEdit,
    *,
    display_format: str = "yyyy-MM-dd",
    today: date | None = None,
    earliest: date = EARLIEST_DATE,
) -> QDateTimeEdit:
    """Set up a QDateEdit or QDateTimeEdit (``display_format`` with HH:mm) of
    any form: calendar popup, ISO display, the date range (``earliest`` .. 10
    years after ``today``) and Tab leaving the edit. Returns ``edit``."""
    today = today or date.today()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(display_format)
    edit.setMinimumDateTime(QDateTime(_qdate(earliest), QTime(0, 0)))
    edit.setMaximumDateTime(QDateTime(_qdate(latest_date(today)), QTime(23, 59, 59)))
    edit.setCurrentSection(QDateTimeEdit.Section.YearSection)
    edit.installEventFilter(_TabLeaves(edit))
    return edit
