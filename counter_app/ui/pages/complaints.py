"""Complaints (投诉); filled by the complaints issue."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from counter_app.ui.pages._placeholder import build_placeholder


class ComplaintsPage(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        build_placeholder(
            self,
            self.tr("Complaints"),
            self.tr(
                "Receive a complaint, resolve it on the spot or forward it to the "
                "responsible department with a due time, follow up, reply to the customer "
                "and close it."
            ),
            self.tr("This page arrives in a later release."),
        )
