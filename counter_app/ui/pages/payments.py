"""Payments (收费); filled by the payments issue."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from counter_app.ui.pages._placeholder import build_placeholder


class PaymentsPage(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        build_placeholder(
            self,
            self.tr("Payments"),
            self.tr(
                "Take a payment in cash, WeChat, Alipay, bank card or from the prepayment "
                "balance, oldest bill first, and print the numbered receipt. Reprints and "
                "supervisor-approved reversals are made here too."
            ),
            self.tr("This page arrives in a later release."),
        )
