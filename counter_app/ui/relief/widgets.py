"""The widgets of the relief page, built in code (a simple layout)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.ui.record_table import RecordTableView
from counter_app.ui.relief.models import PeriodTotalsModel, ReliefRegisterModel
from counter_app.ui.style import heading_label


class ReliefPageWidgets:
    """Holds the page's widgets as attributes (like a generated form)."""

    def __init__(self, page: QWidget):
        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(heading_label(QCoreApplication.translate("ReliefPage", "Low-income relief"), page))

        filters = QHBoxLayout()
        self.statusCombo = QComboBox(page)
        self.areaCombo = QComboBox(page)
        self.typeCombo = QComboBox(page)
        self.typeCombo.setMinimumContentsLength(14)
        self.expiringCheck = QCheckBox(QCoreApplication.translate("ReliefPage", "Expiring within 30 days"), page)
        self.searchButton = QPushButton(QCoreApplication.translate("ReliefPage", "Refresh (F5)"), page)
        for label, widget in ((QCoreApplication.translate("ReliefPage", "&Status"), self.statusCombo), (QCoreApplication.translate("ReliefPage", "&Area"), self.areaCombo),
                              (QCoreApplication.translate("ReliefPage", "Certi&ficate"), self.typeCombo)):
            caption = QLabel(label, page)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addWidget(self.expiringCheck)
        filters.addStretch(1)
        filters.addWidget(self.searchButton)
        layout.addLayout(filters)

        self.registerModel = ReliefRegisterModel(page)
        self.expiringModel = ReliefRegisterModel(page)
        self.totalsModel = PeriodTotalsModel(page)
        self.tabs = QTabWidget(page)
        # columns sized from the font, not from 100,000 rows
        self.registerView = RecordTableView(self.tabs, self.registerModel)
        self.expiringView = RecordTableView(self.tabs, self.expiringModel)
        self.tabs.addTab(self.registerView, QCoreApplication.translate("ReliefPage", "Register"))
        self.tabs.addTab(self.expiringView, QCoreApplication.translate("ReliefPage", "Expiring within 30 days"))

        totals_box = QWidget(page)
        totals_layout = QVBoxLayout(totals_box)
        totals_layout.setContentsMargins(0, 0, 0, 0)
        totals_layout.addWidget(QLabel(QCoreApplication.translate("ReliefPage", "Relief granted per bill period"), totals_box))
        self.totalsView = RecordTableView(totals_box, self.totalsModel)
        # four short columns that must all show beside the register
        self.totalsView.horizontalHeader().setStretchLastSection(False)
        self.totalsModel.modelReset.connect(self._fit_totals)
        totals_layout.addWidget(self.totalsView)

        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        splitter.addWidget(self.tabs)
        splitter.addWidget(totals_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 340])
        layout.addWidget(splitter, 1)

        self.countLabel = QLabel(page)
        layout.addWidget(self.countLabel)

        actions = QHBoxLayout()
        self.newButton = QPushButton(QCoreApplication.translate("ReliefPage", "&New application for this account"), page)
        self.printButton = QPushButton(QCoreApplication.translate("ReliefPage", "&Print form (Ctrl+P)"), page)
        self.exportButton = QPushButton(QCoreApplication.translate("ReliefPage", "E&xport to Excel"), page)
        self.reasonLabel = QLabel(QCoreApplication.translate("ReliefPage", "&Reason"), page)
        self.reasonEdit = QLineEdit(page)
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("ReliefPage", "Reason for rejecting or revoking"))
        self.reasonLabel.setBuddy(self.reasonEdit)
        self.approveButton = QPushButton(QCoreApplication.translate("ReliefPage", "Appro&ve"), page)
        self.rejectButton = QPushButton(QCoreApplication.translate("ReliefPage", "Re&ject"), page)
        self.revokeButton = QPushButton(QCoreApplication.translate("ReliefPage", "Rev&oke"), page)
        for widget in (self.newButton, self.printButton, self.exportButton):
            actions.addWidget(widget)
        actions.addStretch(1)
        for widget in (self.reasonLabel, self.reasonEdit, self.approveButton, self.rejectButton,
                       self.revokeButton):
            actions.addWidget(widget)
        self.reasonEdit.setMinimumWidth(220)
        layout.addLayout(actions)

        self.messageLabel = QLabel(page)
        self.messageLabel.setWordWrap(True)
        layout.addWidget(self.messageLabel)

    def _fit_totals(self) -> None:
        """The per-period totals are narrow: give them the width of their
        columns, so the amount never hides behind a scroll bar."""
        view = self.totalsView
        width = (view.horizontalHeader().length() + view.verticalScrollBar().sizeHint().width()
                 + 2 * view.frameWidth())
        view.setMinimumWidth(width)
