"""The complaint form (受理投诉): from an account or stand-alone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, QTimeZone, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from counter_app.services.complaints.service import (
    CATEGORIES,
    CHANNELS,
    LIMITS,
    ComplaintError,
    NewComplaint,
    check_new_complaint,
)
from counter_app.ui.complaints import labels
from counter_app.ui.dates import configure_date_edit, to_date
from counter_app.ui.forms.ui_complaints_form import Ui_ComplaintsForm
from counter_app.ui.style import ERROR_STYLE, OK_STYLE

SHANGHAI = QTimeZone(b"Asia/Shanghai")


def utc_of(edit: QDateTimeEdit) -> datetime:
    """The moment a date-time field shows (in Asia/Shanghai), as aware UTC."""
    return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), UTC)


class ComplaintForm(QWidget):
    """Emits ``submitted(NewComplaint)``; the page saves it off the GUI thread.

    The fields are the Designer form ``ui/complaints_form.ui`` (``self.ui``);
    the choices, limits, dates and the checks before a save are here."""

    submitted = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ComplaintsForm()
        self.ui.setupUi(self)
        ui = self.ui
        self.account_id: int | None = None
        self._customer: tuple[str, str] = ("", "")  # account text, complainant of start()
        ui.complainantEdit.setMaxLength(LIMITS["complainant"])
        ui.contactEdit.setMaxLength(LIMITS["contact"])
        ui.resolutionEdit.setMaxLength(LIMITS["resolution"])
        for code in CHANNELS:
            ui.channelCombo.addItem(labels.channel_names()[code], code)
        for code in CATEGORIES:
            ui.categoryCombo.addItem(labels.category_names()[code], code)
        ui.dueEdit.setTimeZone(SHANGHAI)
        configure_date_edit(ui.dueEdit, display_format="yyyy-MM-dd HH:mm")
        configure_date_edit(ui.recallEdit)

        ui.faultCheck.toggled.connect(self._fault_toggled)
        for radio in (ui.pendingRadio, ui.resolveRadio, ui.forwardRadio):
            radio.toggled.connect(self._sync)
        ui.saveButton.clicked.connect(self.submit)
        ui.clearButton.clicked.connect(lambda: self.start(None, ""))
        QShortcut(QKeySequence("Ctrl+S"), self, self.submit)
        QShortcut(QKeySequence("Ctrl+N"), self, lambda: self.start(None, ""))
        for edit in (ui.complainantEdit, ui.contactEdit, ui.resolutionEdit):
            edit.returnPressed.connect(self.focusNextChild)
        self.setFocusProxy(ui.complainantEdit)
        self.start(None, "")

    # -- state -------------------------------------------------------------------

    def set_departments(self, names: tuple[str, ...]) -> None:
        current = self.ui.departmentCombo.currentText()
        self.ui.departmentCombo.clear()
        self.ui.departmentCombo.addItems(list(names))
        if current in names:
            self.ui.departmentCombo.setCurrentText(current)

    def start(self, account_id: int | None, account_text: str, complainant: str = "") -> None:
        """A fresh form, for an account or stand-alone."""
        self.account_id = account_id
        self._customer = (account_text, complainant)
        self.ui.accountLabel.setText(account_text or self.tr("(not a customer: stand-alone)"))
        self.ui.complainantEdit.setText(complainant)
        for edit in (self.ui.contactEdit, self.ui.resolutionEdit):
            edit.clear()
        self.ui.descriptionEdit.clear()
        self.ui.channelCombo.setCurrentIndex(0)
        self.ui.categoryCombo.setCurrentIndex(0)
        self.ui.faultCheck.setChecked(False)
        self.ui.pendingRadio.setChecked(True)
        now = QDateTime.currentDateTime().toTimeZone(SHANGHAI)
        self.ui.dueEdit.setDateTime(now.addDays(2))
        self.ui.recallCheck.setChecked(False)
        self.ui.recallEdit.setDateTime(now.addDays(7))
        self.ui.errorLabel.clear()
        self._sync()
        (self.ui.descriptionEdit if complainant else self.ui.complainantEdit).setFocus()

    def _fault_toggled(self, at_fault: bool) -> None:
        self.ui.apologyCheck.setEnabled(at_fault)
        self.ui.apologyCheck.setChecked(at_fault)

    def _sync(self) -> None:
        self.ui.resolutionEdit.setEnabled(self.ui.resolveRadio.isChecked())
        forward = self.ui.forwardRadio.isChecked()
        self.ui.departmentCombo.setEnabled(forward)
        self.ui.dueEdit.setEnabled(forward)

    def set_busy(self, busy: bool) -> None:
        self.ui.saveButton.setEnabled(not busy)

    def show_error(self, text: str) -> None:
        """Keep what the clerk typed; say what is wrong."""
        self.ui.errorLabel.setStyleSheet(ERROR_STYLE)
        self.ui.errorLabel.setText(text)

    def saved(self, text: str) -> None:
        """Stored: a fresh form for the same customer (a second Ctrl+S must not
        store the complaint again), saying ``text``."""
        self.start(self.account_id, *self._customer)
        self.show_ok(text)

    def show_ok(self, text: str) -> None:
        self.ui.errorLabel.setStyleSheet(OK_STYLE)
        self.ui.errorLabel.setText(text)

    # -- submit ------------------------------------------------------------------

    def due_at(self) -> datetime:
        return utc_of(self.ui.dueEdit)

    def value(self) -> NewComplaint:
        forward = self.ui.forwardRadio.isChecked()
        return NewComplaint(
            complainant=self.ui.complainantEdit.text(),
            contact=self.ui.contactEdit.text(),
            channel=self.ui.channelCombo.currentData(),
            category=self.ui.categoryCombo.currentData(),
            description=self.ui.descriptionEdit.toPlainText(),
            account_id=self.account_id,
            company_at_fault=self.ui.faultCheck.isChecked(),
            apology_given=self.ui.faultCheck.isChecked() and self.ui.apologyCheck.isChecked(),
            recall_on=to_date(self.ui.recallEdit.date())
            if self.ui.recallCheck.isChecked()
            else None,
            resolution=self.ui.resolutionEdit.text() if self.ui.resolveRadio.isChecked() else "",
            department=self.ui.departmentCombo.currentText() if forward else "",
            due_at=self.due_at() if forward else None,
        )

    def submit(self) -> None:
        if not self.ui.saveButton.isEnabled():
            return
        new = self.value()
        problem = self._check(new)
        if problem is not None:
            self.show_error(labels.error_text(*problem))
            return
        self.ui.errorLabel.clear()
        self.submitted.emit(new)

    def _check(self, new: NewComplaint) -> tuple[str, str] | None:
        """What the service would refuse, said before the round trip; focus
        goes to the field, what was typed stays."""
        try:
            check_new_complaint(new)
        except ComplaintError as exc:
            widgets = {
                "complainant": self.ui.complainantEdit,
                "contact": self.ui.contactEdit,
                "description": self.ui.descriptionEdit,
                "resolution": self.ui.resolutionEdit,
            }
            widgets[exc.field].setFocus()
            return (exc.code, exc.field)
        if self.ui.resolveRadio.isChecked() and not new.resolution.strip():
            self.ui.resolutionEdit.setFocus()
            return ("required", "resolution")
        if self.ui.forwardRadio.isChecked():
            if not new.department:
                return ("required", "department")
            if new.due_at is None or new.due_at <= datetime.now(UTC) + timedelta(minutes=1):
                self.ui.dueEdit.setFocus()
                return ("due_in_past", "due_at")
        return None

    def handle_error(self, exc: BaseException) -> bool:
        if isinstance(exc, ComplaintError):
            self.show_error(labels.error_text(exc.code, exc.field))
            return True
        return False
