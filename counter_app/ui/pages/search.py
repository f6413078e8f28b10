"""Customer search (查询); filled by the search issue."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from counter_app.ui.pages._placeholder import build_placeholder


class SearchPage(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        build_placeholder(
            self,
            self.tr("Customer search"),
            self.tr(
                "Find a customer by account number, name, phone, ID number or meter "
                "location, and see the fee, usage, start and end meter readings, arrears "
                "and prepayment balance, with past payments by period."
            ),
            self.tr("This page arrives in a later release."),
        )
