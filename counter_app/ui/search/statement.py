"""往期交费清单: choose the periods and the paper, then preview, print or save a PDF.
The paper choice is remembered per workstation (QSettings).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counter_app.documents import statement_document, write_pdf
from counter_app.documents.model import Document, Paper
from counter_app.documents.output.printing import parse_printer
from counter_app.documents.render.flow import Page, layout
from counter_app.documents.render.qt import print_preview
from counter_app.domain.periods import Period
from counter_app.services.accounts.service import AccountView
from counter_app.services.accounts.statement_document import statement_data
from counter_app.ui.context import Workplace
from counter_app.ui.file_dialogs import save_file_name
from counter_app.ui.progress import run_with_progress
from counter_app.ui.search.document_buttons import DocumentButtons, failure_text
from counter_app.ui.style import message_style

STATEMENT_KEY = "search.statement"
DEFAULT_MONTHS = 12
PAPER_KEY = "search/statement_paper"  # "a4" or "roll"


class StatementDialog(QDialog):
    def __init__(
        self,
        workplace: Workplace,
        view: AccountView,
        parent: QWidget | None = None,
        *,
        state: QSettings | None = None,
    ):
        super().__init__(parent)
        self.workplace = workplace
        self.view = view
        self.state = state
        self.last_document: Document | None = None
        self.saved_path: Path | None = None
        self._request: tuple[str, Path | None] = ("preview", None)
        self.setWindowTitle(self.tr("Statement of past payments"))

        last = (
            Period.parse(view.current_bill.bill.period)
            if view.current_bill
            else Period.from_date(datetime.now(UTC).date())
        )
        self.from_edit = QLineEdit(str(last.add(1 - DEFAULT_MONTHS)), self)
        self.from_edit.setObjectName("statementFrom")
        self.to_edit = QLineEdit(str(last), self)
        self.to_edit.setObjectName("statementTo")
        form = QFormLayout()
        form.addRow(self.tr("Account:"), QLabel(f"{view.account_no}　{view.name}", self))
        form.addRow(self.tr("&From period:"), self.from_edit)
        form.addRow(self.tr("&To period:"), self.to_edit)
        self.paper_combo = QComboBox(self)
        self.paper_combo.setObjectName("statementPaper")
        self.paper_combo.addItem(self.tr("A4 (A4 printer)"), "a4")
        self.paper_combo.addItem(
            self.tr("{width} mm roll (receipt printer)").format(
                width=workplace.settings.paper_width_mm
            ),
            "roll",
        )
        remembered = state.value(PAPER_KEY, "a4") if state is not None else "a4"
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(remembered)))
        self.paper_combo.currentIndexChanged.connect(self._remember_paper)
        form.addRow(self.tr("Pa&per:"), self.paper_combo)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("statementMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setMinimumWidth(360)

        buttons = DocumentButtons(
            self,
            preview=lambda: self._make("preview"),
            print_=lambda: self._make("print"),
            save_pdf=self._ask_pdf_path,
        )
        self.preview_button, self.print_button = buttons.preview, buttons.print
        self.pdf_button, self.close_button = buttons.pdf, buttons.close
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        self.from_edit.setFocus()
        self.from_edit.selectAll()

    # -- input --------------------------------------------------------------------------

    def _periods(self) -> tuple[Period, Period] | None:
        edits = ((self.from_edit, self.tr("From period")), (self.to_edit, self.tr("To period")))
        periods = []
        for edit, name in edits:
            try:
                periods.append(Period.parse(edit.text()))
            except ValueError:
                self._say(self.tr("{field}: type it as 2026-03.").format(field=name), warn=True)
                edit.setFocus()
                edit.selectAll()
                return None
        first, last = periods
        if first > last:  # never swapped behind the clerk's back: the clerk decides
            self._say(
                self.tr("{field}: {first} is after the to period {last}.").format(
                    field=edits[0][1], first=str(first), last=str(last)
                ),
                warn=True,
            )
            self.from_edit.setFocus()
            self.from_edit.selectAll()
            return None
        return first, last

    def paper(self) -> Paper:
        """A4, or the roll of the workstation's receipt printer."""
        if self.paper_combo.currentData() == "roll":
            return self.workplace.printer.receipt_paper
        return Paper.A4

    def _remember_paper(self) -> None:
        if self.state is not None:
            self.state.setValue(PAPER_KEY, self.paper_combo.currentData())

    def _say(self, text: str, *, warn: bool = False) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(message_style(warn))

    def _busy(self, busy: bool) -> None:
        for button in (self.preview_button, self.print_button, self.pdf_button):
            button.setEnabled(not busy)

    # -- work ---------------------------------------------------------------------------

    def _make(self, then: str, path: Path | None = None) -> None:
        periods = self._periods()
        if periods is None:
            return
        workplace, account_id = self.workplace, self.view.account_id
        clerk, paper = workplace.clerk, self.paper()

        def build(*, control) -> tuple[Document, list[Page] | None]:
            control.progress(0)
            statement = workplace.services.accounts.statement(
                account_id, *periods, hall_code=clerk.hall_code
            )
            rows = len(statement.lines) + len(statement.payments)
            control.progress(0, rows)
            data = statement_data(statement, clerk=clerk.display_name, printed_at=datetime.now(UTC))
            document = statement_document(
                data, paper, mask_names=paper.is_roll and workplace.settings.mask_names_on_receipt
            )
            control.progress(rows, rows)  # the last chance to cancel: nothing sent or saved yet
            if then == "print" and paper.is_roll:
                workplace.printer.print_receipt(document, copies=1)
            elif then == "print":
                workplace.printer.print_a4(document)
            elif then == "pdf" and path is not None:
                write_pdf(document, path)
            # the preview's pages laid out here: the first layout loads the fonts
            return document, (layout(document) if then == "preview" else None)

        self._busy(True)
        self._say(self.tr("Preparing the statement…"))
        self._request = (then, path)
        # bound methods: the runner drops the answer if the dialog is gone
        self.progress = run_with_progress(
            self,
            workplace.runner,
            build,
            title=self.tr("Statement of past payments"),
            unit=self.tr("rows"),
            on_done=self._done,
            on_error=self._failed,
            on_cancelled=self._cancelled,
            key=STATEMENT_KEY,
        )

    def _cancelled(self) -> None:
        self._busy(False)
        self._say(self.tr("Cancelled: nothing was printed or saved."))

    def _done(self, made: tuple[Document, list[Page] | None]) -> None:
        document, pages = made
        then, path = self._request
        self._busy(False)
        self.last_document = document
        if then == "preview":
            self._say("")
            # its own turn of the event loop: the progress window closes and paints first
            printer = self._preview_printer(document.paper)
            QTimer.singleShot(0, self, lambda: print_preview(self, document, printer, pages=pages))
        elif then == "print" and document.paper.is_roll:
            self._say(self.tr("Sent to the receipt printer."))
        elif then == "print":
            self._say(self.tr("Sent to the A4 printer."))
        else:
            self.saved_path = path
            self._say(self.tr("Saved to {path}").format(path=str(path)))

    def _preview_printer(self, paper: Paper) -> str:
        settings = self.workplace.settings
        if not paper.is_roll:
            return settings.a4_printer
        target = parse_printer(settings.receipt_printer)  # ESC/POS: no Qt printer to ask
        return target.address if target.kind == "system" else ""

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self._say(failure_text(exc), warn=True)

    def done(self, result: int) -> None:
        self.workplace.runner.cancel(STATEMENT_KEY)
        super().done(result)

    def _ask_pdf_path(self) -> None:
        if self._periods() is None:
            return
        name = f"往期交费清单_{self.view.account_no}.pdf"
        chosen = save_file_name(
            self, "statement", self.tr("Save statement as PDF"), name, self.tr("PDF files (*.pdf)")
        )
        if chosen:
            path = Path(chosen)
            self._make("pdf", path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf"))
