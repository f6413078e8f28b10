"""The complaints list: filters, overdue rows highlighted, monthly counts, export."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.services.complaints.service import CATEGORIES, ComplaintFilter, ComplaintRow
from counter_app.ui import style
from counter_app.ui.complaints import labels
from counter_app.ui.flow_layout import flow_row
from counter_app.ui.record_model import RECORD_ROLE, RecordTableModel
from counter_app.ui.record_table import RecordTableView

__all__ = ["RECORD_ROLE", "ComplaintListWidget", "ComplaintTableModel", "Columns"]
OVERDUE_BRUSH = QBrush(QColor(style.OVERDUE_BACKGROUND))


class ComplaintColumns(IntEnum):
    TICKET = 0
    RECEIVED = 1
    COMPLAINANT = 2
    ACCOUNT = 3
    CATEGORY = 4
    STATUS = 5
    DEPARTMENT = 6
    DUE = 7
    RECALL = 8


Columns = ComplaintColumns  # the name the model and the tests use


class ComplaintTableModel(RecordTableModel[ComplaintRow]):
    Columns = ComplaintColumns
    SORTABLE = True
    WIDTH_SAMPLES = (
        "TS20261020001",
        "2026-10-20 14:30",
        "欧阳某某",
        "01000001",
        "水质问题",
        "已转部门",
        "供水管网部",
        "2026-10-22 14:30",
        "2026-10-25",
    )

    def headers(self) -> list[str]:
        return [
            self.tr("Ticket"),
            self.tr("Received"),
            self.tr("Complainant"),
            self.tr("Account"),
            self.tr("Category"),
            self.tr("Status"),
            self.tr("Department"),
            self.tr("Due"),
            self.tr("Recall on"),
        ]

    def background(self, row: ComplaintRow, column: ComplaintColumns) -> QBrush | None:
        return OVERDUE_BRUSH if row.overdue else None

    def tooltip(self, row: ComplaintRow, column: ComplaintColumns) -> str | None:
        return self.tr("Overdue: the due time has passed") if row.overdue else None

    def sort_key(self, row: ComplaintRow, column: ComplaintColumns) -> Any:
        if column is ComplaintColumns.RECEIVED:
            return row.created_at
        if column is ComplaintColumns.DUE:
            return row.due_at
        if column is ComplaintColumns.RECALL:
            return row.recall_on
        return super().sort_key(row, column)

    def display(self, row: ComplaintRow, column: ComplaintColumns) -> str:
        # called for every cell on each paint and resize: only the asked column is worked out
        if column is ComplaintColumns.TICKET:
            return row.ticket_no
        if column is ComplaintColumns.RECEIVED:
            return labels.local(row.created_at)
        if column is ComplaintColumns.COMPLAINANT:
            return row.complainant
        if column is ComplaintColumns.ACCOUNT:
            return row.account_no
        if column is ComplaintColumns.CATEGORY:
            return labels.name(labels.category_names(), row.category)
        if column is ComplaintColumns.STATUS:
            return labels.name(labels.status_names(), row.status)
        if column is ComplaintColumns.DEPARTMENT:
            return row.department
        if column is ComplaintColumns.DUE:
            due = labels.local(row.due_at)
            return due + " " + self.tr("(overdue)") if row.overdue else due
        return labels.day(row.recall_on)


class ComplaintListWidget(QWidget):
    """Asks the page for rows (``refresh_requested``) and opens one (``opened``)."""

    refresh_requested = Signal(object)  # ComplaintFilter
    export_requested = Signal()
    opened = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.statusCombo = QComboBox(self)
        self.statusCombo.addItem(self.tr("Not closed"), "unclosed")
        self.statusCombo.addItem(self.tr("All"), None)
        for code, text in labels.status_names().items():
            self.statusCombo.addItem(text, code)
        self.categoryCombo = QComboBox(self)
        self.categoryCombo.addItem(self.tr("All categories"), None)
        for code in CATEGORIES:
            self.categoryCombo.addItem(labels.category_names()[code], code)
        self.departmentCombo = QComboBox(self)
        self.departmentCombo.addItem(self.tr("All departments"), None)
        self.overdueCheck = QCheckBox(self.tr("&Overdue only"), self)
        self.refreshButton = QPushButton(self.tr("Refresh (F5)"), self)
        self.refreshButton.setShortcut("F5")
        self.exportButton = QPushButton(self.tr("&Export to Excel"), self)
        self.model = ComplaintTableModel(self)
        self.table = RecordTableView(self, self.model)
        self.table.activated.connect(self._activated)
        self.summaryLabel = QLabel(self)
        self.countsTable = QTableWidget(self)
        self.countsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.countsTable.setMaximumHeight(190)

        for combo in (self.statusCombo, self.categoryCombo, self.departmentCombo):
            combo.currentIndexChanged.connect(self.refresh)
        self.overdueCheck.toggled.connect(self.refresh)
        self.refreshButton.clicked.connect(self.refresh)
        self.exportButton.clicked.connect(self.export_requested)

        # wraps onto a second line when 1024 px (or English, or a wide font) run out
        filters = flow_row(
            self,
            [
                [QLabel(self.tr("Status:"), self), self.statusCombo],
                [QLabel(self.tr("Category:"), self), self.categoryCombo],
                [QLabel(self.tr("Department:"), self), self.departmentCombo],
                [self.overdueCheck],
                [self.refreshButton, self.exportButton],
            ],
        )
        layout = QVBoxLayout(self)
        layout.addWidget(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summaryLabel)
        layout.addWidget(QLabel(self.tr("Complaints per category and month:"), self))
        layout.addWidget(self.countsTable)
        self.setFocusProxy(self.table)

    def set_departments(self, names: tuple[str, ...]) -> None:
        self.departmentCombo.blockSignals(True)
        while self.departmentCombo.count() > 1:
            self.departmentCombo.removeItem(1)
        for name in names:
            self.departmentCombo.addItem(name, name)
        self.departmentCombo.blockSignals(False)

    def current_filter(self) -> ComplaintFilter:
        return ComplaintFilter(
            status=self.statusCombo.currentData(),
            category=self.categoryCombo.currentData(),
            department=self.departmentCombo.currentData(),
            overdue_only=self.overdueCheck.isChecked(),
        )

    def refresh(self) -> None:
        self.refresh_requested.emit(self.current_filter())

    def set_rows(self, rows: tuple[ComplaintRow, ...]) -> None:
        self.model.set_rows(rows)
        overdue = sum(r.overdue for r in rows)
        self.summaryLabel.setText(
            self.tr("{n} complaints, {o} overdue").format(n=len(rows), o=overdue)
        )
        if rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def set_counts(self, year: int, counts: dict[tuple[int, str], int]) -> None:
        months = sorted({month for month, _ in counts}) or [datetime.now(labels.CST).month]
        cats = [c for c in CATEGORIES] + sorted({c for _, c in counts if c not in CATEGORIES})
        names = labels.category_names()
        self.countsTable.setRowCount(len(months))
        self.countsTable.setColumnCount(len(cats) + 1)
        self.countsTable.setHorizontalHeaderLabels(
            [labels.name(names, c) for c in cats] + [self.tr("Total")]
        )
        self.countsTable.setVerticalHeaderLabels([f"{year}-{m:02d}" for m in months])
        for r, month in enumerate(months):
            total = 0
            for c, cat in enumerate(cats):
                n = counts.get((month, cat), 0)
                total += n
                self.countsTable.setItem(r, c, QTableWidgetItem(str(n) if n else ""))
            self.countsTable.setItem(r, len(cats), QTableWidgetItem(str(total)))
        self.countsTable.resizeColumnsToContents()

    def _activated(self, index: QModelIndex) -> None:
        row = index.data(RECORD_ROLE)
        if row is not None:
            self.opened.emit(row.id)
