"""A page of the main window built the first time it is shown (or asked for).

Building every page at sign-in froze the login window for 1-2 s; the clerk
starts on the search page, so the others wait until the clerk goes there.
"""

from __future__ import annotations

from collections.abc import Callable

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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_built(self) -> bool:
        return self._page is not None

    @property
    def page(self) -> QWidget:
        if self._page is None:
            self._page = self._factory()
            self.layout().addWidget(self._page)
            self.setFocusProxy(self._page)
        return self._page

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self.page  # noqa: B018 - built on first show
        super().showEvent(event)
