"""One "account changed" notification for every view that shows an account.
Design: docs/architecture.md ("The UI")
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget


class AccountEvents(QObject):
    """``changed(account_id)``: a money or case action on the account succeeded."""

    changed = Signal(int)


class AccountWatch(QObject):
    """Keeps ``widget``'s figures fresh: when ``shows(account_id)`` is true for
    a changed account, ``refresh()`` runs now if ``widget`` is visible, else
    the next time it is shown."""

    def __init__(
        self,
        widget: QWidget,
        events: AccountEvents,
        shows: Callable[[int], bool],
        refresh: Callable[[], None],
    ):
        super().__init__(widget)
        self._widget = widget
        self._shows = shows
        self._refresh = refresh
        self.stale = False
        events.changed.connect(self._changed)
        widget.installEventFilter(self)

    def _changed(self, account_id: int) -> None:
        if not self._shows(account_id):
            return
        if self._widget.isVisible():
            self.stale = False
            self._refresh()
        else:
            self.stale = True

    def forget(self) -> None:
        """What was stale is no longer shown (the view was cleared)."""
        self.stale = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._widget and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self._refresh()
        return False
