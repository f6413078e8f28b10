"""催缴 / 停供名单 (supervisors, Ctrl+D on the search page): overdue accounts of an area and book.
Rules: docs/rules/late_fees.md
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counter_app.documents.fmt import yen as money_text
from counter_app.export.dunning import write_dunning_xlsx
from counter_app.services.payments.late_fees import DunningList, DunningRow, LateFeeError
from counter_app.ui import style
from counter_app.ui.context import Workplace
from counter_app.ui.errors import explain
from counter_app.ui.record_model import RECORD_ROLE, RecordTableModel
from counter_app.ui.record_table import RecordTableView
from counter_app.ui.style import ERROR_STYLE

DUNNING_KEY = "search.dunning"
_RED = QColor(style.ERROR)


class DunningModel(RecordTableModel[DunningRow]):
    class Columns(IntEnum):
        AREA = 0
        BOOK = 1
        ACCOUNT_NO = 2
        NAME = 3
        ADDRESS = 4
        PHONE = 5
        OVERDUE = 6
        DAYS = 7
        SUSPEND = 8

    RIGHT_ALIGNED = frozenset({Columns.OVERDUE, Columns.DAYS})
    WIDTH_SAMPLES = (
        "城区一片",
        "B01",
        "01000001",
        "欧阳某某",
        "嘉祥街道建设路12号",
        "138****5678",
        "¥12,345.67",
        "9999",
        "停供",
    )

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("Dunning", "Area"),
            QCoreApplication.translate("Dunning", "Book"),
            QCoreApplication.translate("Dunning", "Account no."),
            QCoreApplication.translate("Dunning", "Name"),
            QCoreApplication.translate("Dunning", "Address"),
            QCoreApplication.translate("Dunning", "Phone"),
            QCoreApplication.translate("Dunning", "Overdue"),
            QCoreApplication.translate("Dunning", "Days"),
            QCoreApplication.translate("Dunning", "Suspend"),
        ]

    def display(self, row: DunningRow, column: DunningModel.Columns) -> str:
        c = self.Columns
        texts: dict[int, str] = {
            c.AREA: row.area_name,
            c.BOOK: row.book_no,
            c.ACCOUNT_NO: row.account_no,
            c.NAME: row.name,
            c.ADDRESS: row.address,
            c.PHONE: row.mobile_masked or row.landline_masked,
            c.OVERDUE: money_text(row.overdue),
            c.DAYS: str(row.days_overdue),
            c.SUSPEND: QCoreApplication.translate("Dunning", "Suspend") if row.suspend else "",
        }
        return texts[column]

    def sort_key(self, row: DunningRow, column: DunningModel.Columns) -> Any:
        if column is self.Columns.OVERDUE:
            return row.overdue
        if column is self.Columns.DAYS:
            return row.days_overdue
        return super().sort_key(row, column)

    def colour(self, row: DunningRow, column: DunningModel.Columns) -> QColor | None:
        return _RED if row.suspend else None


class DunningDialog(QDialog):
    """``open_account(account_id)``: the supervisor chose a row (Enter)."""

    open_account = Signal(int)

    def __init__(self, workplace: Workplace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workplace = workplace
        self.listing: DunningList | None = None
        self.setWindowTitle(self.tr("Dunning and suspension lists"))
        filters = QHBoxLayout()
        self.days_spin = QSpinBox(self)
        self.days_spin.setObjectName("daysSpin")
        self.days_spin.setRange(0, 3650)
        self.days_spin.setValue(30)
        self.area_edit = QLineEdit(self)
        self.area_edit.setObjectName("areaEdit")
        self.area_edit.setPlaceholderText(self.tr("all"))
        self.book_edit = QLineEdit(self)
        self.book_edit.setObjectName("bookEdit")
        self.book_edit.setPlaceholderText(self.tr("all"))
        self.suspension_box = QCheckBox(self.tr("&Suspension list only"), self)
        for text, widget in (
            (self.tr("Overdue more than (&days)"), self.days_spin),
            (self.tr("&Area"), self.area_edit),
            (self.tr("&Book"), self.book_edit),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addWidget(self.suspension_box)
        self.load_button = QPushButton(self.tr("&List"), self)
        self.export_button = QPushButton(self.tr("&Export to Excel"), self)
        self.export_button.setEnabled(False)
        filters.addWidget(self.load_button)
        filters.addWidget(self.export_button)
        filters.addStretch(1)
        self.model = DunningModel(self)
        self.table = RecordTableView(
            self, self.model, name="dunningTable", stretch=DunningModel.Columns.ADDRESS
        )
        self.status_label = QLabel(self)
        self.status_label.setObjectName("dunningStatus")
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        self.load_button.clicked.connect(self.load)
        self.export_button.clicked.connect(self.export)
        self.table.activated.connect(self._activated)
        self.load_button.setDefault(True)
        self.resize(980, 560)

    def load(self) -> None:
        self.status_label.setText(self.tr("Reading the list…"))
        self.workplace.runner.submit(
            lambda: self.workplace.services.late_fees.dunning_list(
                days=self.days_spin.value(),
                area=self.area_edit.text().strip() or None,
                book=self.book_edit.text().strip() or None,
                suspension=self.suspension_box.isChecked(),
            ),
            on_done=self._loaded,
            on_error=self._failed,
            key=DUNNING_KEY,
        )

    def _loaded(self, listing: DunningList) -> None:
        self.listing = listing
        self.model.set_rows(listing.rows)
        self.export_button.setEnabled(bool(listing.rows))
        self.status_label.setStyleSheet("")
        self.status_label.setText(
            self.tr("{n} accounts, overdue in all {total} (as of {day})").format(
                n=len(listing.rows), total=money_text(listing.total), day=listing.as_of.isoformat()
            )
        )
        if listing.rows:
            self.table.setFocus()
            self.table.selectRow(0)

    def _failed(self, error: BaseException) -> None:
        self.status_label.setStyleSheet(ERROR_STYLE)
        if isinstance(error, LateFeeError) and error.field == "area":
            self.status_label.setText(self.tr("Area: no such area."))
            self.area_edit.setFocus()
            self.area_edit.selectAll()
        else:
            self.status_label.setText(explain(error))

    def export(self) -> None:
        if self.listing is None:
            return
        kind = "停供名单" if self.listing.suspension else "催缴名单"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to Excel"),
            f"{kind}_{self.listing.as_of.isoformat()}.xlsx",
            "Excel (*.xlsx)",
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        listing = self.listing
        self.workplace.runner.submit(
            write_dunning_xlsx,
            path,
            listing,
            on_done=lambda p: self.status_label.setText(self.tr("Saved {0}").format(p)),
            on_error=self._failed,
        )

    def _activated(self, index) -> None:
        row = index.data(RECORD_ROLE)
        if row is not None:
            self.open_account.emit(row.account_id)
            self.accept()
