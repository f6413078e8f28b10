"""A page of the main window built the first time it is shown (or asked for).
Design: docs/architecture.md ("The UI")
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPage(QWidget):
    """Stands in the page stack for the page ``factory()`` makes.

    The page is made without a parent and then put in: made inside the shown
    window, a page that focuses one of its fields took the focus from the
    clerk's search box."""

    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None):
        super().__init__(parent)
        self._factory = factory
        self._page: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_built(self) -> bool:
        return self._page is not None

    @property
    def page(self) -> QWidget:
        if self._page is None:
            self._page = self._factory()
            self._layout.addWidget(self._page)
            self.setFocusProxy(self._page)
        return self._page

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self.page  # noqa: B018 - built on first show
        super().showEvent(event)


class PageBuilder(QObject):
    """Builds ``pages`` not yet built one at a time, each in its own turn of the
    event loop (typing and painting go on between two), starting ``delay_ms``
    after :meth:`start`; a page's polish (its style) is a turn of its own."""

    def __init__(self, pages: Sequence[LazyPage], parent: QObject, *, delay_ms: int = 300):
        super().__init__(parent)
        self._steps: list[Callable[[], object]] = []
        for lazy in pages:
            self._steps += _build_then_polish(lazy)
        self._delay = delay_ms
        self._started = False

    def start(self) -> None:
        if not self._started:
            self._started = True
            QTimer.singleShot(self._delay, self, self._next)

    @property
    def done(self) -> bool:
        return not self._steps

    def _next(self) -> None:
        if self._steps:
            self._steps.pop(0)()
        if self._steps:
            QTimer.singleShot(0, self, self._next)


def _build_then_polish(lazy: LazyPage) -> list[Callable[[], object]]:
    """The two steps of ``lazy``: build its page, then polish it."""
    return [lambda: lazy.page, lambda: lazy.page.ensurePolished()]
