"""Day close (日结): open a shift, watch its totals, count the drawer, close, print and export.
Rules: docs/rules/payments.md
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counter_app.documents import DocumentPrinter, PrintError
from counter_app.domain.localtime import SHANGHAI
from counter_app.domain.money import MoneyError, format_money, parse_money
from counter_app.services.action_values import required
from counter_app.services.payments.day_close_document import day_close_document
from counter_app.services.payments.shifts import (
    DayCloseReport,
    ShiftError,
    ShiftService,
    ShiftSummary,
    ShiftTotals,
)
from counter_app.ui.context import Workplace
from counter_app.ui.dayclose.channel_day import ChannelDayPanel
from counter_app.ui.dayclose.count_grid import CountError, CountGrid
from counter_app.ui.dayclose.models import ShiftsOfDayModel, TenderTotalsModel
from counter_app.ui.dayclose.report import export_workbook
from counter_app.ui.dayclose.suspense import SuspensePanel
from counter_app.ui.dayclose.texts import shift_error_text
from counter_app.ui.errors import explain
from counter_app.ui.file_dialogs import save_file_name
from counter_app.ui.forms.ui_dayclose_page import Ui_DayClosePage
from counter_app.ui.payments.messages import money_message
from counter_app.ui.progress import run_with_progress
from counter_app.ui.settings.print_errors import print_error_text
from counter_app.ui.style import ERROR_STYLE, OK_STYLE

OPEN_PAGE, SHIFT_PAGE, CLOSED_PAGE = 0, 1, 2


@dataclass(frozen=True)
class Loaded:
    totals: ShiftTotals | None  # the clerk's open shift, if any
    day: list[ShiftSummary] | None  # the hall's shifts of today (supervisors only)


def load(shifts: ShiftService, clerk_id: int, hall_code: str, supervisor: bool) -> Loaded:
    """One call: the signed-in clerk's open shift and, for a supervisor, the
    hall's shifts of today (the database knows the clerk and the hall)."""
    totals, day = shifts.till(datetime.now(SHANGHAI).date())
    return Loaded(totals, day if supervisor else None)


def close_and_report(
    shifts: ShiftService, shift_id: int, actor, counts: dict[Decimal, int], reason: str
) -> DayCloseReport:
    """One call: the close returns its own day-close report."""
    closed = shifts.close(shift_id, actor, cash_counts=counts, reason=reason)
    return required(closed.report, "report")


def print_report(printer: DocumentPrinter, report: DayCloseReport) -> None:
    printer.print_receipt(day_close_document(report, printer.settings.paper_width_mm))


class DayClosePage(QWidget):
    shift_known = Signal(bool)  # whether the clerk has an open shift, as last read

    def __init__(self, workplace: Workplace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_DayClosePage()
        self.ui.setupUi(self)
        self.workplace = workplace
        self._shifts = workplace.services.shifts
        self._supervisor = workplace.clerk.has_role("supervisor")
        self._totals: ShiftTotals | None = None
        self.report: DayCloseReport | None = None  # of the shift closed here
        self.confirm_box: QMessageBox | None = None

        self.count_grid = CountGrid(self.ui.countHost)
        host = QVBoxLayout(self.ui.countHost)
        host.setContentsMargins(0, 0, 0, 0)
        host.addWidget(self.count_grid)
        self.totals_model = TenderTotalsModel(self)
        self.ui.totalsView.setModel(self.totals_model)
        self.shifts_model = ShiftsOfDayModel(self)
        self.ui.shiftsView.setModel(self.shifts_model)
        for view in (self.ui.totalsView, self.ui.shiftsView):
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.ui.totalsView.horizontalHeader().setStretchLastSection(True)
        self.ui.totalsView.setSizeAdjustPolicy(
            QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents
        )
        self.ui.totalsView.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.ui.hallGroup.setVisible(self._supervisor)
        # channel money held in suspense: not in any till, a supervisor's to resolve;
        # beside it the channel money of a day per channel and tender (and its Excel)
        self.suspense = SuspensePanel(workplace, self) if self._supervisor else None
        self.channel_day = ChannelDayPanel(workplace, self) if self._supervisor else None
        if self.suspense is not None and self.channel_day is not None:
            channels = QHBoxLayout()
            channels.addWidget(self.suspense, 1)
            channels.addWidget(self.channel_day, 1)
            self.ui.mainLayout.addLayout(channels)
        self.ui.messageLabel.hide()

        self.ui.floatEdit.returnPressed.connect(self.open_shift)
        self.ui.openButton.clicked.connect(self.open_shift)
        self.count_grid.total_changed.connect(self._update_variance)
        self.count_grid.finished.connect(self._after_count)
        self.ui.reasonEdit.returnPressed.connect(self.ask_close)
        self.ui.closeButton.clicked.connect(self.ask_close)
        self.ui.printButton.clicked.connect(self.print_report)
        self.ui.exportButton.clicked.connect(self.export_report)
        self.ui.newShiftButton.clicked.connect(self._new_shift)
        self.ui.refreshButton.clicked.connect(self.refresh)
        refresh = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.refresh)
        QWidget.setTabOrder(self.count_grid.edits[Decimal("0.1")], self.ui.reasonEdit)
        QWidget.setTabOrder(self.ui.reasonEdit, self.ui.closeButton)
        self._show_stack(OPEN_PAGE)

    # -- loading ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        clerk = self.workplace.clerk
        self.workplace.runner.submit(
            load,
            self._shifts,
            clerk.id,
            clerk.hall_code,
            self._supervisor,
            on_done=self._loaded,
            on_error=self._failed,
            key="dayclose.load",
        )
        if self.suspense is not None:
            self.suspense.refresh()
        if self.channel_day is not None:
            self.channel_day.refresh()

    def _loaded(self, loaded: Loaded) -> None:
        if loaded.day is not None:
            self.shifts_model.set_shifts(loaded.day)
        totals = loaded.totals
        self.shift_known.emit(totals is not None)
        if totals is None:
            self._totals = None
            self._show_stack(CLOSED_PAGE if self.report is not None else OPEN_PAGE)
            return
        first_show = self._totals is None or self._totals.shift_id != totals.shift_id
        self._totals = totals
        self.totals_model.set_totals(totals.by_tender)
        self.ui.paymentsLabel.setText(
            str(totals.payments)
            if not totals.late_fees
            else self.tr("{n}, of which late fees ¥{fee}").format(
                n=totals.payments, fee=format_money(totals.late_fees)
            )
        )
        self.ui.reversalsLabel.setText(str(totals.reversals))
        self.ui.openingFloatLabel.setText(format_money(totals.opening_float))
        self.ui.expectedLabel.setText(format_money(totals.expected_cash))
        self.ui.countExpectedLabel.setText(format_money(totals.expected_cash))
        self.ui.stateLabel.setText(
            self.tr("Shift {id} open since {time}").format(
                id=totals.shift_id, time=totals.opened_at.astimezone(SHANGHAI).strftime("%H:%M")
            )
        )
        self._update_variance(self.count_grid.total())
        if first_show:
            self.count_grid.clear()
            self.ui.reasonEdit.clear()
        self._show_stack(SHIFT_PAGE)

    def _show_stack(self, index: int) -> None:
        had_focus = self.focusWidget() is not None and self.isAncestorOf(self.focusWidget())
        self.ui.stack.setCurrentIndex(index)
        proxy = {
            OPEN_PAGE: self.ui.floatEdit,
            SHIFT_PAGE: self.count_grid,
            CLOSED_PAGE: self.ui.printButton,
        }[index]
        self.setFocusProxy(proxy)
        if index == OPEN_PAGE:
            self.ui.stateLabel.setText(self.tr("No open shift"))
        if had_focus or self.isVisible() and self.window().isActiveWindow():
            proxy.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- open --------------------------------------------------------------------------

    def open_shift(self) -> None:
        if not self.ui.openButton.isEnabled():
            return
        try:
            amount = parse_money(self.ui.floatEdit.text(), allow_zero=True)
        except MoneyError as exc:
            self._message(money_message("opening_float", exc), ERROR_STYLE, self.ui.floatEdit)
            return
        self.ui.openButton.setEnabled(False)
        self.workplace.runner.submit(
            self._shifts.open,
            self.workplace.actor,
            self.workplace.clerk.hall_code,
            amount,
            on_done=self._opened,
            on_error=self._open_failed,
            key="dayclose.open",
        )

    def _opened(self, shift_id: int) -> None:
        self.ui.openButton.setEnabled(True)
        self.ui.floatEdit.clear()
        self.report = None
        self._message(self.tr("Shift {id} is open.").format(id=shift_id), OK_STYLE)
        self.refresh()

    def _open_failed(self, exc: BaseException) -> None:
        self.ui.openButton.setEnabled(True)
        self._failed(exc, self.ui.floatEdit)
        if isinstance(exc, ShiftError) and exc.code == "already_open":
            self.refresh()

    # -- count and close ------------------------------------------------------------------

    def _variance(self, counted: Decimal) -> Decimal | None:
        return None if self._totals is None else counted - self._totals.expected_cash

    def _update_variance(self, counted: Decimal) -> None:
        self.ui.countedLabel.setText(format_money(counted))
        variance = self._variance(counted)
        if variance is None:
            return
        sign = "+" if variance > 0 else ""
        self.ui.varianceLabel.setText(f"{sign}{format_money(variance)}")
        self.ui.varianceLabel.setStyleSheet(ERROR_STYLE if variance else OK_STYLE)
        required = bool(variance)
        self.ui.reasonLabel.setText(
            self.tr("&Reason for the variance (required):")
            if required
            else self.tr("&Reason for the variance:")
        )

    def _after_count(self) -> None:
        variance = self._variance(self.count_grid.total())
        target = self.ui.reasonEdit if variance else self.ui.closeButton
        target.setFocus(Qt.FocusReason.TabFocusReason)

    def ask_close(self) -> None:
        if self._totals is None or not self.ui.closeButton.isEnabled():
            return
        try:
            counts = self.count_grid.counts()
        except CountError as exc:
            self._message(
                self.tr("Count of {note}: type a whole number of pieces.").format(
                    note=self.count_grid.label_of(exc.denomination)
                ),
                ERROR_STYLE,
                exc.edit,
            )
            return
        counted = self.count_grid.total()
        variance = counted - self._totals.expected_cash
        reason = self.ui.reasonEdit.text().strip()
        if variance and not reason:
            self._message(
                self.tr(
                    "Reason for the variance: the count differs from the expected cash by {v}; "
                    "give the reason."
                ).format(v=format_money(variance)),
                ERROR_STYLE,
                self.ui.reasonEdit,
            )
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Close the shift"),
            self.tr(
                "Close shift {id}? Counted {counted}, expected {expected}, variance {variance}.\n"
                "A closed shift is locked: no payment can be posted on it."
            ).format(
                id=self._totals.shift_id,
                counted=format_money(counted),
                expected=format_money(self._totals.expected_cash),
                variance=format_money(variance),
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Close and lock"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda result: self._confirmed(result, counts, reason))
        self.confirm_box = box
        box.open()

    def _confirmed(self, result: int, counts: dict[Decimal, int], reason: str) -> None:
        self.confirm_box = None
        if result != QMessageBox.StandardButton.Yes or self._totals is None:
            self.count_grid.setFocus()
            return
        self.ui.closeButton.setEnabled(False)
        self.count_grid.set_read_only(True)
        self.workplace.runner.submit(
            close_and_report,
            self._shifts,
            self._totals.shift_id,
            self.workplace.actor,
            counts,
            reason,
            on_done=self._closed,
            on_error=self._close_failed,
            key="dayclose.close",
        )

    def _closed(self, report: DayCloseReport) -> None:
        self.ui.closeButton.setEnabled(True)
        self.count_grid.set_read_only(False)
        self.report = report
        self._totals = None
        s = report.summary
        self.ui.closedLabel.setText(
            self.tr(
                "Shift {id} is closed and locked: no payment can be posted on it. "
                "Counted {counted}, variance {variance}."
            ).format(
                id=s.totals.shift_id,
                counted=format_money(s.counted_cash or 0),
                variance=format_money(s.cash_variance or 0),
            )
        )
        self.ui.stateLabel.setText(self.tr("Shift {id} closed").format(id=s.totals.shift_id))
        self._show_stack(CLOSED_PAGE)
        self.print_report()
        self.refresh()

    def _close_failed(self, exc: BaseException) -> None:
        self.ui.closeButton.setEnabled(True)
        self.count_grid.set_read_only(False)
        target = self.ui.reasonEdit if getattr(exc, "field", "") == "reason" else None
        self._failed(exc, target)
        if isinstance(exc, ShiftError) and exc.code == "closed":
            self.refresh()

    def _new_shift(self) -> None:
        self.report = None
        self._show_stack(OPEN_PAGE)

    # -- the report ---------------------------------------------------------------------

    def print_report(self) -> None:
        if self.report is None or not self.ui.printButton.isEnabled():
            return
        self.ui.printButton.setEnabled(False)
        self._message(self.tr("Printing the day-close report..."), OK_STYLE)
        self.workplace.runner.submit(
            print_report,
            self.workplace.printer,
            self.report,
            on_done=self._printed,
            on_error=self._print_failed,
            key="dayclose.print",
        )

    def _printed(self, _result: object) -> None:
        self.ui.printButton.setEnabled(True)
        self._message(
            self.tr("The day-close report was printed. You can export it to Excel."), OK_STYLE
        )

    def _print_failed(self, exc: BaseException) -> None:
        self.ui.printButton.setEnabled(True)
        if isinstance(exc, PrintError):
            self._message(
                self.tr(
                    "The report was not printed. {problem} The shift stays "
                    "closed; print again when the printer is ready."
                ).format(problem=print_error_text(exc)),
                ERROR_STYLE,
            )
        else:
            self._failed(exc)

    def export_report(self) -> None:
        if self.report is None or not self.ui.exportButton.isEnabled():
            return
        s = self.report.summary
        day = s.totals.opened_at.astimezone(SHANGHAI).strftime("%Y%m%d")
        path = save_file_name(
            self,
            "dayclose",
            self.tr("Export the day-close report"),
            f"日结_{s.clerk_name}_{day}_{s.totals.shift_id}.xlsx",
            self.tr("Excel (*.xlsx)"),
        )
        if not path:
            return
        self.export_to(path)

    def export_to(self, path: str) -> None:
        """Write the workbook with a progress bar (rows) and 取消 (then no file)."""
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self.ui.exportButton.setEnabled(False)
        self.export_progress = run_with_progress(
            self,
            self.workplace.runner,
            export_workbook,
            self.report,
            path,
            title=self.tr("Export the day-close report"),
            unit=self.tr("rows"),
            on_done=self._exported,
            on_error=self._export_failed,
            on_cancelled=self._export_cancelled,
            key="dayclose.export",
        )

    def _export_cancelled(self) -> None:
        self.ui.exportButton.setEnabled(True)
        self._message(self.tr("Export cancelled: no file was written."), OK_STYLE)

    def _exported(self, path: Path) -> None:
        self.ui.exportButton.setEnabled(True)
        self._message(self.tr("Exported to {path}.").format(path=str(path)), OK_STYLE)

    def _export_failed(self, exc: BaseException) -> None:
        self.ui.exportButton.setEnabled(True)
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        self._message(
            self.tr("The Excel file could not be written: {error}").format(error=detail),
            ERROR_STYLE,
        )

    # -- messages -----------------------------------------------------------------------

    def _failed(self, exc: BaseException, focus: QWidget | None = None) -> None:
        text = shift_error_text(exc) if isinstance(exc, ShiftError) else explain(exc)
        self._message(text, ERROR_STYLE, focus)

    def _message(self, text: str, style: str, focus: QWidget | None = None) -> None:
        self.ui.messageLabel.setStyleSheet(style)
        self.ui.messageLabel.setText(text)
        self.ui.messageLabel.show()
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
            if hasattr(focus, "selectAll"):
                focus.selectAll()
