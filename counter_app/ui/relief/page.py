"""低保减免 page: the register (filters, decisions, totals, Excel, the form) and the recall list.
Rules: docs/rules/relief.md
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QComboBox, QWidget

from counter_app.documents.model import Document
from counter_app.export.relief_register import ExportResult
from counter_app.services.relief.application_document import application_document
from counter_app.services.relief.service import (
    AccountBrief,
    RegisterFilter,
    RegisterPage,
    ReliefConflict,
    ReliefError,
    ReliefOptions,
    ReliefRow,
)
from counter_app.ui.account_events import AccountWatch
from counter_app.ui.columns import fit_columns
from counter_app.ui.context import Workplace
from counter_app.ui.errors import explain
from counter_app.ui.file_dialogs import save_file_name
from counter_app.ui.forms.ui_relief_page import Ui_ReliefPage
from counter_app.ui.progress import TaskProgress, run_with_progress
from counter_app.ui.relief.form import ReliefFormDialog
from counter_app.ui.relief.jobs import export_register, load_form, load_register
from counter_app.ui.relief.labels import error_text, status_text
from counter_app.ui.relief.models import RECORD_ROLE, PeriodTotalsModel, ReliefRegisterModel
from counter_app.ui.style import ERROR_STYLE, OK_STYLE

STATUSES = ("pending", "approved", "expired", "rejected", "revoked")
EXPIRING_DAYS = 30


class ReliefPage(QWidget):
    def __init__(self, workplace: Workplace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workplace = workplace
        self.service = workplace.services.relief
        self.supervisor = workplace.clerk.has_role("supervisor")
        self.ui = Ui_ReliefPage()
        self.ui.setupUi(self)
        self.form_dialog: ReliefFormDialog | None = None
        self.last_export: ExportResult | None = None
        self.export_progress: TaskProgress | None = None
        self._loaded_once = False
        ui = self.ui
        self.register_model = ReliefRegisterModel(self)
        self.expiring_model = ReliefRegisterModel(self)
        self.totals_model = PeriodTotalsModel(self)
        # columns sized from the font, not from 100,000 rows
        for view, model in (
            (ui.registerView, self.register_model),
            (ui.expiringView, self.expiring_model),
            (ui.totalsView, self.totals_model),
        ):
            view.setModel(model)
            fit_columns(view)
        # four short columns that must all show beside the register
        ui.totalsView.horizontalHeader().setStretchLastSection(False)
        self.totals_model.modelReset.connect(self._fit_totals)
        ui.splitter.setSizes([900, 340])
        ui.statusCombo.addItem(self.tr("All statuses"), None)
        for status in STATUSES:
            ui.statusCombo.addItem(status_text(status), status)
        ui.areaCombo.addItem(self.tr("All areas"), None)
        ui.typeCombo.addItem(self.tr("All certificates"), None)
        for box in (
            ui.approveButton,
            ui.rejectButton,
            ui.revokeButton,
            ui.reasonEdit,
            ui.reasonLabel,
        ):
            box.setVisible(self.supervisor)
        ui.searchButton.clicked.connect(self.refresh)
        ui.exportButton.clicked.connect(self.ask_export)
        ui.printButton.clicked.connect(self.print_selected)
        ui.approveButton.clicked.connect(self.approve_selected)
        ui.rejectButton.clicked.connect(lambda: self.close_selected("reject"))
        ui.revokeButton.clicked.connect(lambda: self.close_selected("revoke"))
        ui.newButton.clicked.connect(self.new_for_selected)
        for combo in (ui.statusCombo, ui.areaCombo, ui.typeCombo):
            combo.activated.connect(lambda _i: self.refresh())
        ui.expiringCheck.toggled.connect(lambda _on: self.refresh())
        decide = QKeySequence.SequenceFormat.NativeText
        for key, slot, button in (
            ("F5", self.refresh, None),
            (QKeySequence.StandardKey.Print, self.print_selected, None),
            ("Ctrl+Shift+A", self.approve_selected, ui.approveButton),
            ("Ctrl+Shift+J", lambda: self.close_selected("reject"), ui.rejectButton),
            ("Ctrl+Shift+R", lambda: self.close_selected("revoke"), ui.revokeButton),
        ):
            if button is not None:
                if not self.supervisor:
                    continue
                button.setToolTip(QKeySequence(key).toString(decide))
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.setFocusProxy(ui.registerView)
        # a payment, a relief or a case elsewhere changed an account listed here
        self.account_watch = AccountWatch(
            self,
            workplace.events,
            lambda account_id: any(
                r.account_id == account_id
                for m in (self.register_model, self.expiring_model)
                for r in m.rows
            ),
            self.refresh,
        )

    # -- loading ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self.refresh()

    def current_filter(self) -> RegisterFilter:
        ui = self.ui
        return RegisterFilter(
            status=ui.statusCombo.currentData(),
            area=ui.areaCombo.currentData(),
            certificate_type=ui.typeCombo.currentData(),
            expiring_within=EXPIRING_DAYS if ui.expiringCheck.isChecked() else None,
        )

    def refresh(self) -> None:
        self.ui.searchButton.setEnabled(False)
        self.workplace.runner.submit(
            load_register,
            self.service,
            self.current_filter(),
            EXPIRING_DAYS,
            on_done=self._loaded,
            on_error=self._failed,
            key="relief-register",
        )

    def _loaded(self, data: RegisterPage) -> None:
        ui = self.ui
        ui.searchButton.setEnabled(True)
        self.register_model.set_rows(data.rows)
        self.expiring_model.set_rows(data.expiring)
        self.totals_model.set_rows(data.totals)
        self._fill_choices(ui.areaCombo, data.areas)
        self._fill_choices(ui.typeCombo, [(t, t) for t in data.options.certificate_types])
        total = sum((r.relief_total for r in data.rows), start=Decimal("0.00"))
        ui.countLabel.setText(
            self.tr("{n} applications, relief granted {amount} yuan").format(
                n=len(data.rows), amount=f"{total:,.2f}"
            )
        )
        ui.tabs.setTabText(
            1,
            self.tr("Expiring within {days} days ({n})").format(
                days=EXPIRING_DAYS, n=len(data.expiring)
            ),
        )
        if self.register_model.rowCount() and not ui.registerView.currentIndex().isValid():
            ui.registerView.selectRow(0)

    def _fit_totals(self) -> None:
        """The per-period totals are narrow: give them the width of their
        columns, so the amount never hides behind a scroll bar."""
        view = self.ui.totalsView
        width = (
            view.horizontalHeader().length()
            + view.verticalScrollBar().sizeHint().width()
            + 2 * view.frameWidth()
        )
        view.setMinimumWidth(width)

    @staticmethod
    def _fill_choices(combo: QComboBox, choices: Iterable[tuple[str, str]]) -> None:
        have = {combo.itemData(i) for i in range(combo.count())}
        for code, label in choices:
            if code not in have:
                combo.addItem(label, code)

    def _failed(self, exc: BaseException) -> None:
        self.ui.searchButton.setEnabled(True)
        self.show_message(
            error_text(exc) if isinstance(exc, ReliefError) else explain(exc), error=True
        )

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.ui.messageLabel.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.ui.messageLabel.setText(text)

    # -- the application form ---------------------------------------------------------

    def open_account(self, account_id: int) -> None:
        """Open the application form for ``account_id`` (after loading it)."""
        self.workplace.runner.submit(
            load_form,
            self.service,
            account_id,
            on_done=self._open_form,
            on_error=self._failed,
            key="relief-form",
        )

    def new_for_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.open_account(row.account_id)

    def _open_form(self, loaded: tuple[AccountBrief, ReliefOptions]) -> None:
        brief, options = loaded
        dialog = ReliefFormDialog(self.workplace, self.service, brief, options, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.filed.connect(self._filed)
        dialog.finished.connect(self._form_closed)
        self.form_dialog = dialog
        dialog.open()

    def _form_closed(self, _result: int) -> None:
        self.form_dialog = None  # deleted on close

    def _filed(self, row: ReliefRow) -> None:
        self.show_message(
            self.tr("Application {id} filed for account {no}: {status}.").format(
                id=row.id, no=row.account_no, status=status_text(row.display_status)
            )
        )
        self.register_model.set_rows([row, *self.register_model.rows])
        self.ui.registerView.select_record(lambda r: r.id == row.id)  # wherever the sort put it
        self.refresh()

    # -- decisions ----------------------------------------------------------------------

    def selected(self) -> ReliefRow | None:
        ui = self.ui
        view = ui.expiringView if ui.tabs.currentWidget() is ui.expiringTab else ui.registerView
        index = view.currentIndex()
        return index.data(RECORD_ROLE) if index.isValid() else None

    def approve_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        wp = self.workplace
        self._decide(self.service.approve, row.id, row.version, wp.actor)

    def close_selected(self, action: str) -> None:
        row = self.selected()
        if row is None:
            return
        wp = self.workplace
        fn = self.service.reject if action == "reject" else self.service.revoke
        self._decide(fn, row.id, row.version, self.ui.reasonEdit.text(), wp.actor)

    def _decide(self, fn, *args) -> None:
        for button in (self.ui.approveButton, self.ui.rejectButton, self.ui.revokeButton):
            button.setEnabled(False)
        self.workplace.runner.submit(
            fn,
            *args,
            on_done=self._decided,
            on_error=self._decision_failed,
            key="relief-decide",
            changes=lambda row: row.account_id,
        )

    def _enable_decisions(self) -> None:
        for button in (self.ui.approveButton, self.ui.rejectButton, self.ui.revokeButton):
            button.setEnabled(True)

    def _decided(self, row: ReliefRow) -> None:
        self._enable_decisions()
        self.ui.reasonEdit.clear()
        period = (
            self.tr(", relief from period {p}").format(p=row.effective_period)
            if row.status == "approved"
            else ""
        )
        self.show_message(
            self.tr("Application {id} is now {status}{period}.").format(
                id=row.id, status=status_text(row.display_status), period=period
            )
        )
        self.refresh()

    def _decision_failed(self, exc: BaseException) -> None:
        self._enable_decisions()
        if isinstance(exc, ReliefError) and exc.field == "reason":
            self.ui.reasonEdit.setFocus()
        self._failed(exc)
        if isinstance(exc, ReliefConflict):
            self.refresh()

    # -- printing and export ------------------------------------------------------------

    def print_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.workplace.runner.submit(
            application_document,
            self.service,
            row,
            on_done=self._preview,
            on_error=self._failed,
            key="relief-print",
        )

    def _preview(self, document: Document) -> None:
        from counter_app.documents.output.printing import parse_printer
        from counter_app.documents.render.qt import print_preview

        target = parse_printer(self.workplace.settings.a4_printer)
        print_preview(self, document, target.address if target.kind == "system" else "")

    def ask_export(self) -> None:
        path = save_file_name(
            self,
            "relief",
            self.tr("Export the relief register"),
            "低保减免台账.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self.ui.exportButton.setEnabled(False)
        self.show_message(self.tr("Exporting..."))
        self.export_progress = run_with_progress(
            self,
            self.workplace.runner,
            export_register,
            self.service,
            self.current_filter(),
            path,
            title=self.tr("Export the relief register"),
            unit=self.tr("rows"),
            on_done=self._exported,
            on_error=self._export_failed,
            on_cancelled=self._export_cancelled,
            key="relief-export",
        )

    def _export_cancelled(self) -> None:
        self.ui.exportButton.setEnabled(True)
        self.show_message(self.tr("Export cancelled: no file was written"))

    def _exported(self, result: ExportResult) -> None:
        self.ui.exportButton.setEnabled(True)
        self.last_export = result
        self.show_message(
            self.tr("Exported {n} rows to {path}").format(n=result.rows, path=str(result.path))
        )

    def _export_failed(self, exc: BaseException) -> None:
        self.ui.exportButton.setEnabled(True)
        self.show_message(
            self.tr("Export failed: {error}").format(error=str(exc) or type(exc).__name__),
            error=True,
        )
