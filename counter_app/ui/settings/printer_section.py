"""The printer part of the settings page (打印机设置), with a test print of the values as typed.
Design: docs/architecture.md ("Documents and printing")
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QGroupBox, QSizePolicy, QWidget

from counter_app.documents import PROFILES, DocumentPrinter, PrintError, transport_from_uri
from counter_app.documents.output.printing import ESCPOS_SCHEMES
from counter_app.services.action_values import required
from counter_app.settings import Settings
from counter_app.ui.errors import explain
from counter_app.ui.forms.ui_settings_printer import Ui_PrinterSection
from counter_app.ui.settings.print_errors import print_error_text
from counter_app.ui.style import ERROR_STYLE, OK_STYLE
from counter_app.ui.tasks import TaskRunner

URI_EXAMPLES = "tcp://192.168.1.50:9100, usb://0416:5011, serial://COM3, win32raw://XP-80C"


class PrinterFieldError(ValueError):
    """A printer field is refused; ``field`` is its label, ``widget`` where to fix it."""

    def __init__(self, field: str, message: str, widget: QWidget):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.widget = widget


def profile_description(name: str) -> str:
    p = PROFILES[name]
    yen = "￥" if p.yen == "fullwidth" else QCoreApplication.translate("PrinterSection", "yuan")
    cut = (
        QCoreApplication.translate("PrinterSection", "partial cut")
        if p.cut == "partial"
        else QCoreApplication.translate("PrinterSection", "full cut")
    )
    return f"{name} ({p.encoding.upper()}, {yen}, {cut})"


def system_printers() -> list[str]:
    from counter_app.documents.render.qt import available_printers

    return available_printers()


def qt_printer_for(settings: Settings) -> DocumentPrinter:
    """The printer of these settings, with the Qt backend for system printers."""
    from counter_app.documents.render.qt import print_document

    return DocumentPrinter(settings, system_printer=print_document)


def run_test_print(settings: Settings, printer_for: Callable[[Settings], DocumentPrinter]) -> str:
    """Worker side of the test print; returns where it went."""
    printer_for(settings).test_print()
    return settings.receipt_printer


class PrinterSection(QGroupBox):
    def __init__(
        self,
        runner: TaskRunner | None,
        parent: QWidget | None = None,
        *,
        printers: list[str] | None = None,
        printer_for: Callable[[Settings], DocumentPrinter] = qt_printer_for,
    ):
        super().__init__(parent)
        self.ui = Ui_PrinterSection()
        self.ui.setupUi(self)
        self._runner = runner
        self._printer_for = printer_for
        installed = system_printers() if printers is None else printers
        none = self.tr("(none)")
        self.ui.receiptPrinterCombo.addItem(none, "")
        self.ui.a4PrinterCombo.addItem(none, "")
        for name in installed:
            self.ui.receiptPrinterCombo.addItem(name, name)
            self.ui.a4PrinterCombo.addItem(name, name)
        typed = required(self.ui.receiptPrinterCombo.lineEdit(), "receiptPrinterCombo (editable)")
        typed.setPlaceholderText(self.tr("A printer name or tcp://host:9100"))
        for name in PROFILES:
            self.ui.profileCombo.addItem(profile_description(name), name)
        for combo in (self.ui.receiptPrinterCombo, self.ui.a4PrinterCombo):
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.ui.testPrintButton.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.ui.testPrintButton.clicked.connect(self.test_print)
        self.ui.testPrintButton.setEnabled(runner is not None)
        self.ui.testResultLabel.hide()
        self._base: Settings | None = None

    def tab_chain(self) -> list[QWidget]:
        ui = self.ui
        return [
            ui.receiptPrinterCombo,
            ui.a4PrinterCombo,
            ui.profileCombo,
            ui.copiesSpin,
            ui.drawerCheck,
            ui.maskNamesCheck,
            ui.testPrintButton,
        ]

    # -- form <-> settings -------------------------------------------------------------

    def fill(self, settings: Settings) -> None:
        self._base = settings
        self._set_combo_text(self.ui.receiptPrinterCombo, settings.receipt_printer)
        self._set_combo_text(self.ui.a4PrinterCombo, settings.a4_printer)
        index = self.ui.profileCombo.findData(settings.escpos_profile)
        if index < 0:  # a profile this version does not know: keep it visible
            self.ui.profileCombo.addItem(settings.escpos_profile, settings.escpos_profile)
            index = self.ui.profileCombo.count() - 1
        self.ui.profileCombo.setCurrentIndex(index)
        self.ui.copiesSpin.setValue(settings.receipt_copies)
        self.ui.drawerCheck.setChecked(settings.open_drawer_on_cash)
        self.ui.maskNamesCheck.setChecked(settings.mask_names_on_receipt)

    @staticmethod
    def _set_combo_text(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)
        else:
            combo.setEditText(value)

    @staticmethod
    def _combo_value(combo: QComboBox) -> str:
        text = combo.currentText().strip()
        index = combo.findText(text)
        if index >= 0 and combo.itemData(index) is not None:
            return str(combo.itemData(index))
        return text

    def apply(self, settings: Settings) -> Settings:
        """``settings`` with this section's fields; raises :class:`PrinterFieldError`."""
        receipt = self._combo_value(self.ui.receiptPrinterCombo)
        a4 = self._combo_value(self.ui.a4PrinterCombo)
        self._check_receipt(receipt)
        if "://" in a4:
            raise PrinterFieldError(
                self.tr("A4 printer"),
                self.tr("choose an installed printer; an ESC/POS address prints only receipts."),
                self.ui.a4PrinterCombo,
            )
        return settings.with_changes(
            receipt_printer=receipt,
            a4_printer=a4,
            escpos_profile=self.ui.profileCombo.currentData(),
            receipt_copies=self.ui.copiesSpin.value(),
            open_drawer_on_cash=self.ui.drawerCheck.isChecked(),
            mask_names_on_receipt=self.ui.maskNamesCheck.isChecked(),
        )

    def _check_receipt(self, value: str) -> None:
        if "://" not in value:
            return  # empty (no printer) or an installed printer's name
        field = self.tr("Receipt printer")
        scheme = value.partition("://")[0].lower()
        if scheme not in ESCPOS_SCHEMES:
            raise PrinterFieldError(
                field,
                self.tr("{scheme}:// is not a printer address; use one of {examples}.").format(
                    scheme=scheme, examples=URI_EXAMPLES
                ),
                self.ui.receiptPrinterCombo,
            )
        try:
            transport_from_uri(value)  # parses only; nothing is opened
        except (PrintError, ValueError):
            raise PrinterFieldError(
                field,
                self.tr("{value} is not a valid printer address; for example {examples}.").format(
                    value=value, examples=URI_EXAMPLES
                ),
                self.ui.receiptPrinterCombo,
            ) from None

    # -- test print -----------------------------------------------------------------------

    def test_print(self) -> None:
        if self._runner is None or self._base is None or not self.ui.testPrintButton.isEnabled():
            return
        try:
            settings = self.apply(self._base)
        except PrinterFieldError as problem:
            self.show_problem(problem)
            return
        if not settings.receipt_printer:
            self._result(self.tr("Receipt printer: choose a printer first."), ERROR_STYLE)
            self.ui.receiptPrinterCombo.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.ui.testPrintButton.setEnabled(False)
        self._result(
            self.tr("Printing a test page on {printer}...").format(
                printer=settings.receipt_printer
            ),
            OK_STYLE,
        )
        self._runner.submit(
            run_test_print,
            settings,
            self._printer_for,
            on_done=self._printed,
            on_error=self._failed,
            key="settings.test_print",
        )

    def _printed(self, printer: str) -> None:
        self.ui.testPrintButton.setEnabled(True)
        self._result(
            self.tr("The test page was sent to {printer}.").format(printer=printer), OK_STYLE
        )

    def _failed(self, exc: BaseException) -> None:
        self.ui.testPrintButton.setEnabled(True)
        if isinstance(exc, PrintError):
            text = self.tr("Test print failed. {problem}").format(problem=print_error_text(exc))
        else:
            text = self.tr("Test print failed: {error}").format(error=explain(exc))
        self._result(text, ERROR_STYLE)

    def show_problem(self, problem: PrinterFieldError) -> None:
        self._result(
            self.tr("{field}: {problem}").format(field=problem.field, problem=problem.message),
            ERROR_STYLE,
        )
        problem.widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if (
            isinstance(problem.widget, QComboBox)
            and (edit := problem.widget.lineEdit()) is not None
        ):
            edit.selectAll()

    def _result(self, text: str, style: str) -> None:
        self.ui.testResultLabel.setStyleSheet(style)
        self.ui.testResultLabel.setText(text)
        self.ui.testResultLabel.show()

    # -- after a save -----------------------------------------------------------------------

    @staticmethod
    def changed(before: Settings, after: Settings) -> bool:
        fields = (
            "receipt_printer",
            "a4_printer",
            "paper_width_mm",
            "escpos_profile",
            "receipt_copies",
            "open_drawer_on_cash",
            "mask_names_on_receipt",
        )
        return any(getattr(before, f) != getattr(after, f) for f in fields)

    def applied_note(self) -> str:
        return self.tr("Receipts and reports use the new printer settings from now on.")
