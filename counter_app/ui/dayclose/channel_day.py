"""The channel money of a day (渠道收款日报) on a supervisor's day-close page, with its Excel.
Rules: docs/rules/payments.md ("Channels")
"""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.localtime import SHANGHAI
from counter_app.domain.money import format_money
from counter_app.export.channel_day import write_channel_day_workbook
from counter_app.services.actions import ActionError
from counter_app.services.channels.service import ChannelDayReport, ChannelDayRow
from counter_app.ui.context import Workplace
from counter_app.ui.errors import explain
from counter_app.ui.file_dialogs import save_file_name
from counter_app.ui.labels import tender_name
from counter_app.ui.progress import run_with_progress
from counter_app.ui.record_model import RecordTableModel
from counter_app.ui.record_table import configure_record_table
from counter_app.ui.style import ERROR_STYLE, OK_STYLE

LOAD_KEY = "channelday.load"


def channel_name(code: str) -> str:
    names = {
        "deduction": QCoreApplication.translate("ChannelDay", "Prepayment deduction"),
        "withholding": QCoreApplication.translate("ChannelDay", "Bank withholding"),
        "online": QCoreApplication.translate("ChannelDay", "Online"),
    }
    return names.get(code, code)


def export_channel_day(report: ChannelDayReport, path: str, *, control) -> Path:
    """Worker: the workbook at ``path``; ``control`` (a TaskControl) hears the
    rows written and stops it before anything is saved."""
    return write_channel_day_workbook(report, path, on_progress=control.progress)


class ChannelDayModel(RecordTableModel[ChannelDayRow]):
    class Columns(IntEnum):
        CHANNEL = 0
        TENDER = 1
        PAYMENTS = 2
        AMOUNT = 3
        TO_BILLS = 4
        TO_PREPAYMENT = 5
        RECEIPTS = 6

    RIGHT_ALIGNED = frozenset(
        {Columns.PAYMENTS, Columns.AMOUNT, Columns.TO_BILLS, Columns.TO_PREPAYMENT}
    )

    def headers(self) -> list[str]:
        return [
            self.tr("Channel"),
            self.tr("Tender"),
            self.tr("Payments"),
            self.tr("Amount"),
            self.tr("To bills"),
            self.tr("To prepayment"),
            self.tr("Receipts"),
        ]

    MONEY = frozenset({Columns.AMOUNT, Columns.TO_BILLS, Columns.TO_PREPAYMENT})

    def display(self, record: ChannelDayRow, column: ChannelDayModel.Columns) -> str:
        c = self.Columns
        if column is c.CHANNEL:
            return channel_name(record.channel)
        if column is c.TENDER:
            return tender_name(record.tender)
        if column is c.RECEIPTS:
            return (
                record.first_receipt
                if record.first_receipt == record.last_receipt
                else f"{record.first_receipt}–{record.last_receipt}"
            )
        value = self.sort_key(record, column)
        return format_money(value) if column in self.MONEY else str(value)

    def sort_key(self, record: ChannelDayRow, column: ChannelDayModel.Columns) -> Any:
        c = self.Columns
        values = {
            c.PAYMENTS: record.payments,
            c.AMOUNT: record.amount,
            c.TO_BILLS: record.to_bills,
            c.TO_PREPAYMENT: record.to_prepayment,
            c.RECEIPTS: (record.first_receipt, record.last_receipt),
        }
        return values[column] if column in values else super().sort_key(record, column)


class ChannelDayPanel(QGroupBox):
    """A day's channel money, per channel and tender, and its Excel."""

    def __init__(self, workplace: Workplace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workplace = workplace
        self.report: ChannelDayReport | None = None
        self.setTitle(self.tr("Channel money of the day (not in any till)"))
        self.day_edit = QDateEdit()
        self.day_edit.setObjectName("channelDayEdit")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        today = datetime.now(SHANGHAI).date()
        self.day_edit.setDate(QDate(today.year, today.month, today.day))
        self.day_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        day_label = QLabel(self.tr("&Day:"))
        day_label.setBuddy(self.day_edit)
        self.summary = QLabel()
        self.summary.setObjectName("channelDaySummary")
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("channelDayMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.export_button = QPushButton(self.tr("E&xport channel report…"))
        self.export_button.setObjectName("channelDayExport")
        self.export_button.setAutoDefault(False)
        self.export_button.setEnabled(False)
        self.model = ChannelDayModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        configure_record_table(self.view)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        # no taller than the suspense list beside it (the page is tight at 1024x700)
        self.view.setMinimumHeight(self.view.horizontalHeader().sizeHint().height() * 2)
        top = QHBoxLayout()
        top.addWidget(day_label)
        top.addWidget(self.day_edit)
        top.addStretch(1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        self.day_edit.dateChanged.connect(self.refresh)
        self.export_button.clicked.connect(self.export_report)

    def day(self):
        return self.day_edit.date().toPython()

    # -- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        self.workplace.runner.submit(
            self.workplace.services.channels.channel_day_report,
            self.day(),
            on_done=self._loaded,
            on_error=self._failed,
            key=LOAD_KEY,
        )

    def _loaded(self, report: ChannelDayReport) -> None:
        if report.day != self.day():
            return  # an older answer for another day
        self.report = report
        self.model.set_rows(report.rows)
        self.summary.setStyleSheet("")
        self.summary.setText(
            self.tr(
                "{n} payments, {amount}. Reversed that day: {rc}, {ra}. Held in suspense that "
                "day: {sc}, {sa}; open now: {oc}, {oa}."
            ).format(
                n=report.payments,
                amount=format_money(report.amount),
                rc=report.reversed_count,
                ra=format_money(report.reversed_amount),
                sc=report.suspense_received,
                sa=format_money(report.suspense_received_amount),
                oc=report.suspense_open,
                oa=format_money(report.suspense_open_amount),
            )
        )
        self.export_button.setEnabled(True)

    def _failed(self, error: BaseException) -> None:
        self.report = None
        self.model.set_rows(())
        self.export_button.setEnabled(False)
        self.summary.setStyleSheet(ERROR_STYLE)
        if isinstance(error, ActionError) and error.kind == "forbidden":
            self.summary.setText(self.tr("Only a supervisor may see the channel money."))
        else:
            self.summary.setText(explain(error))

    # -- Excel --------------------------------------------------------------------------

    def export_report(self) -> None:
        if self.report is None or not self.export_button.isEnabled():
            return
        path = save_file_name(
            self,
            "channelday",
            self.tr("Export the channel report"),
            f"渠道收款_{self.report.day:%Y%m%d}.xlsx",
            self.tr("Excel (*.xlsx)"),
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        """Write the workbook with a progress bar (rows) and 取消 (then no file)."""
        if self.report is None:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self.export_button.setEnabled(False)
        self.export_progress = run_with_progress(
            self,
            self.workplace.runner,
            export_channel_day,
            self.report,
            path,
            title=self.tr("Export the channel report"),
            unit=self.tr("rows"),
            on_done=self._exported,
            on_error=self._export_failed,
            on_cancelled=self._export_cancelled,
            key="channelday.export",
        )

    def _exported(self, path: Path) -> None:
        self.export_button.setEnabled(True)
        self._say(self.tr("Exported to {path}.").format(path=str(path)), OK_STYLE)

    def _export_cancelled(self) -> None:
        self.export_button.setEnabled(True)
        self._say(self.tr("Export cancelled: no file was written."), OK_STYLE)

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        self._say(
            self.tr("The Excel file could not be written: {error}").format(error=detail),
            ERROR_STYLE,
        )

    def _say(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)
        self.message.show()
