"""银行代扣 of one account: the agreement (masked), the bank's answers, sign, cancel, print.
Rules: docs/rules/withholding.md
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.documents import write_pdf
from counter_app.documents.layouts.withholding import WithholdingFormData, withholding_form_document
from counter_app.domain.localtime import SHANGHAI
from counter_app.services.accounts.service import WithholdingLine
from counter_app.services.action_values import required
from counter_app.services.channels.withholding import (
    Agreement,
    WithholdingError,
    WithholdingScreen,
)
from counter_app.ui.context import Workplace
from counter_app.ui.errors import explain
from counter_app.ui.search.document_buttons import failure_text
from counter_app.ui.style import message_style

WITHHOLDING_KEY = "search.withholding"


def result_text(agreement: Agreement | WithholdingLine | None) -> str:
    """``农业银行，尾号8901 · 上次代扣成功 ¥41.40`` (the account view's line too)."""
    if agreement is None:
        return QCoreApplication.translate("WithholdingTexts", "none")
    if not agreement.active:
        return QCoreApplication.translate("WithholdingTexts", "cancelled on {day}").format(
            day=required(agreement.cancelled_on, "cancelled_on").isoformat()
        )
    text = QCoreApplication.translate("WithholdingTexts", "{bank}, account ending {tail}").format(
        bank=agreement.bank_name, tail=agreement.bank_account_tail
    )
    if agreement.last_result == "paid":
        text += QCoreApplication.translate(
            "WithholdingTexts", " · last withholding paid {amount}"
        ).format(amount=f"¥{agreement.last_amount:,.2f}")
    elif agreement.last_result == "failed":
        text += QCoreApplication.translate(
            "WithholdingTexts", " · last withholding failed: {reason}"
        ).format(reason=agreement.last_reason or "")
    return text


class WithholdingDialog(QDialog):
    changed = Signal()

    def __init__(self, workplace: Workplace, account_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.workplace = workplace
        self.account_id = account_id
        self.service = workplace.services.withholding
        self.withholding: WithholdingScreen | None = None
        self.typed_number = ""  # the full number just signed, for its printout only
        self.setWindowTitle(self.tr("Bank withholding"))

        self.account_label = QLabel(self)
        self.agreement_label = QLabel(self)
        self.agreement_label.setObjectName("withholdingAgreement")
        self.agreement_label.setWordWrap(True)
        self.requests_label = QLabel(self)
        self.requests_label.setObjectName("withholdingRequests")
        self.requests_label.setWordWrap(True)
        current = QGroupBox(self.tr("Agreement"), self)
        current_layout = QVBoxLayout(current)
        current_layout.addWidget(self.agreement_label)
        current_layout.addWidget(self.requests_label)

        self.sign_box = QGroupBox(self.tr("Sign an agreement"), self)
        form = QFormLayout(self.sign_box)
        self.bank_combo = QComboBox(self)
        self.bank_combo.setObjectName("withholdingBank")
        self.number_edit = QLineEdit(self)
        self.number_edit.setObjectName("withholdingNumber")
        self.holder_edit = QLineEdit(self)
        self.holder_edit.setObjectName("withholdingHolder")
        self.holder_edit.setMaxLength(40)
        self.signed_edit = QLineEdit(datetime.now(SHANGHAI).date().isoformat(), self)
        self.signed_edit.setObjectName("withholdingSignedOn")
        form.addRow(self.tr("&Bank:"), self.bank_combo)
        form.addRow(self.tr("Bank account &number:"), self.number_edit)
        form.addRow(self.tr("&Holder:"), self.holder_edit)
        form.addRow(self.tr("Signed &on:"), self.signed_edit)
        self.sign_button = QPushButton(self.tr("&Sign"), self)
        form.addRow("", self.sign_button)
        for edit in (self.number_edit, self.holder_edit):
            edit.returnPressed.connect(self.focusNextChild)
        self.signed_edit.returnPressed.connect(self.sign)

        self.cancel_box = QGroupBox(self.tr("Cancel the agreement"), self)
        cancel_form = QFormLayout(self.cancel_box)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("withholdingReason")
        self.reason_edit.setMaxLength(200)
        self.reason_edit.returnPressed.connect(self.cancel_agreement)
        self.cancel_button = QPushButton(self.tr("&Cancel agreement"), self)
        cancel_form.addRow(self.tr("&Reason:"), self.reason_edit)
        cancel_form.addRow("", self.cancel_button)

        self.message_label = QLabel(self)
        self.message_label.setObjectName("withholdingMessage")
        self.message_label.setWordWrap(True)
        self.pdf_button = QPushButton(self.tr("Save form as PDF (Ctrl+S)"), self)
        self.pdf_button.setShortcut(QKeySequence("Ctrl+S"))
        self.print_button = QPushButton(self.tr("Print form (Ctrl+P)"), self)
        self.print_button.setShortcut(QKeySequence("Ctrl+P"))
        close_button = QPushButton(self.tr("Close (Esc)"), self)
        for button in (
            self.sign_button,
            self.cancel_button,
            self.pdf_button,
            self.print_button,
            close_button,
        ):
            button.setAutoDefault(False)
        self.sign_button.clicked.connect(self.sign)
        self.cancel_button.clicked.connect(self.cancel_agreement)
        self.pdf_button.clicked.connect(self._ask_pdf_path)
        self.print_button.clicked.connect(lambda: self._form("print"))
        close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.account_label)
        layout.addWidget(current)
        layout.addWidget(self.sign_box)
        layout.addWidget(self.cancel_box)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        self._show(None)
        self.load()

    # -- loading ------------------------------------------------------------------------

    def load(self) -> None:
        self._busy(True)
        self.workplace.runner.submit(
            self.service.screen,
            self.account_id,
            on_done=self._loaded,
            on_error=self._failed,
            key=WITHHOLDING_KEY,
        )

    def _loaded(self, screen: WithholdingScreen) -> None:
        self._busy(False)
        self._show(screen)

    def _show(self, screen: WithholdingScreen | None) -> None:
        self.withholding = screen
        agreement = screen.agreement if screen else None
        if screen is None:
            self.account_label.setText(self.tr("Loading…"))
        else:
            self.account_label.setText(f"{screen.account_no}　{screen.account_name}")
            if self.bank_combo.count() == 0:
                for bank in screen.banks:
                    self.bank_combo.addItem(f"{bank.name} ({bank.code})", bank.code)
            if not self.holder_edit.text():
                self.holder_edit.setText(screen.account_name)
        if agreement is None:
            self.agreement_label.setText(self.tr("No agreement."))
        else:
            self.agreement_label.setText(
                self.tr(
                    "{bank}, account {number}, holder {holder}, signed {day} by {clerk}; {state}"
                ).format(
                    bank=agreement.bank_name,
                    number=agreement.bank_account_masked,
                    holder=agreement.holder_name,
                    day=agreement.signed_on.isoformat(),
                    clerk=agreement.signed_by,
                    state=result_text(agreement),
                )
            )
        requests = screen.requests if screen else ()
        lines = [
            self.tr("{period} {batch}: {amount} {result} {reason}").format(
                period=r.period,
                batch=r.batch_no,
                amount=f"¥{r.amount:,.2f}",
                result={
                    "paid": self.tr("paid"),
                    "failed": self.tr("failed"),
                    "sent": self.tr("sent, no answer yet"),
                }[r.result],
                reason=r.reason or "",
            )
            for r in requests[:5]
        ]
        self.requests_label.setText("\n".join(lines) or self.tr("No withholding requests yet."))
        active = agreement is not None and agreement.active
        self.sign_box.setEnabled(screen is not None and not active)
        self.cancel_box.setEnabled(active)
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(agreement is not None)
        (self.reason_edit if active else self.number_edit).setFocus()

    def _busy(self, busy: bool) -> None:
        for button in (self.sign_button, self.cancel_button):
            button.setEnabled(not busy)

    def _say(self, text: str, *, warn: bool = False) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(message_style(warn))

    # -- writes -------------------------------------------------------------------------

    def sign(self) -> None:
        if self.withholding is None or not self.sign_box.isEnabled():
            return
        try:
            signed_on = date.fromisoformat(self.signed_edit.text().strip())
        except ValueError:
            self._say(self.tr("Signed on: type the date as 2026-12-04."), warn=True)
            self.signed_edit.setFocus()
            return
        args = (
            self.account_id,
            self.bank_combo.currentData(),
            self.number_edit.text(),
            self.holder_edit.text(),
            signed_on,
            self.workplace.actor,
        )
        self.typed_number = self.number_edit.text()
        self._busy(True)
        self.workplace.runner.submit(
            self.service.sign,
            *args,
            on_done=self._written,
            on_error=self._failed,
            key=WITHHOLDING_KEY,
            changes=self.account_id,
        )

    def cancel_agreement(self) -> None:
        agreement = self.withholding.agreement if self.withholding else None
        if agreement is None or not agreement.active:
            return
        self.typed_number = ""
        self._busy(True)
        self.workplace.runner.submit(
            self.service.cancel,
            agreement,
            self.reason_edit.text(),
            self.workplace.actor,
            on_done=self._written,
            on_error=self._failed,
            key=WITHHOLDING_KEY,
            changes=self.account_id,
        )

    def _written(self, agreement: Agreement) -> None:
        self._say(
            self.tr("Agreement signed: print the form for the customer to sign.")
            if agreement.active
            else self.tr("Agreement cancelled.")
        )
        self.number_edit.clear()
        self.reason_edit.clear()
        self.changed.emit()
        self.load()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if not isinstance(exc, WithholdingError):
            self._say(explain(exc), warn=True)
            return
        messages = {
            "bank_account": (self.tr("Bank account number: 10 to 30 digits."), self.number_edit),
            "holder_name": (
                self.tr("Holder: type the name on the bank account."),
                self.holder_edit,
            ),
            "signed_on": (
                self.tr("Signed on: not in the future, within the last year."),
                self.signed_edit,
            ),
            "active_agreement": (
                self.tr("The account has an agreement already: cancel it first."),
                self.bank_combo,
            ),
            "reason": (self.tr("Reason: say why the agreement is cancelled."), self.reason_edit),
            "conflict": (self.tr("The agreement changed meanwhile; it was read again."), None),
        }
        text, widget = messages.get(
            exc.code, (self.tr("Refused: {reason}").format(reason=exc.message), None)
        )
        self._say(text, warn=True)
        if widget is not None:
            widget.setFocus()  # what was typed stays
        if exc.code == "conflict":
            self.load()

    # -- the form -----------------------------------------------------------------------

    def form_data(self) -> WithholdingFormData | None:
        agreement = self.withholding.agreement if self.withholding else None
        if agreement is None:
            return None
        return WithholdingFormData(
            utility_name=agreement.utility_name,
            agreement_no=f"{agreement.id:06d}",
            account_no=agreement.account_no,
            account_name=agreement.account_name,
            address=agreement.address,
            bank_name=agreement.bank_name,
            bank_account=self.typed_number or agreement.bank_account_masked,
            holder_name=agreement.holder_name,
            signed_on=agreement.signed_on,
            clerk=agreement.signed_by,
            status=agreement.status,
            cancelled_on=agreement.cancelled_on,
            cancel_reason=agreement.cancel_reason,
        )

    def _form(self, then: str, path: Path | None = None) -> None:
        data = self.form_data()
        if data is None:
            return
        printer = self.workplace.printer

        def run() -> str:
            document = withholding_form_document(data)
            if path is not None:
                write_pdf(document, path)
            else:
                printer.print_a4(document)
            return then

        self.workplace.runner.submit(run, on_done=self._printed, on_error=self._print_failed)

    def _printed(self, then: str) -> None:
        self._say(self.tr("Sent to the A4 printer.") if then == "print" else self.tr("Form saved."))

    def _print_failed(self, exc: BaseException) -> None:
        # the printer's refusal by the one printer map, a PDF's OS error, else explain():
        # never the exception's own text, which may carry SQL or connection details
        self._say(
            self.tr("The form could not be printed or saved: {error}").format(
                error=failure_text(exc)
            ),
            warn=True,
        )

    def _ask_pdf_path(self) -> None:
        data = self.form_data()
        if data is None:
            return
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the agreement form as PDF"),
            str(Path.home() / f"代扣协议_{data.account_no}.pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        if chosen:
            self._form("pdf", Path(chosen))

    def done(self, result: int) -> None:
        self.workplace.runner.cancel(WITHHOLDING_KEY)
        self.typed_number = ""
        super().done(result)
