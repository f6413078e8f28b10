"""Low-income relief (低保减免); filled by the relief issue."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from counter_app.ui.pages._placeholder import build_placeholder


class ReliefPage(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        build_placeholder(
            self,
            self.tr("Low-income relief"),
            self.tr(
                "Register low-income relief applications: certificate, ID copy, account, "
                "relief item and contact. The register can be exported to Excel."
            ),
            self.tr("This page arrives in a later release."),
        )
