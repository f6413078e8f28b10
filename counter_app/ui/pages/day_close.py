"""Day close (日结); filled by the shifts issue."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from counter_app.ui.pages._placeholder import build_placeholder


class DayClosePage(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        build_placeholder(
            self,
            self.tr("Day close"),
            self.tr(
                "Close the day: expected and counted amounts per tender, the variance, "
                "and the locked day-close report."
            ),
            self.tr("This page arrives in a later release."),
        )
