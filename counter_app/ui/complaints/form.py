"""The complaint form (受理投诉): from an account or stand-alone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, Qt, QTimeZone, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.services.complaints.service import (
    CATEGORIES,
    CHANNELS,
    LIMITS,
    ComplaintError,
    NewComplaint,
    check_new_complaint,
)
from counter_app.ui.complaints import labels
from counter_app.ui.dates import configure_date_edit
from counter_app.ui.style import ERROR_STYLE, OK_STYLE

SHANGHAI = QTimeZone(b"Asia/Shanghai")


def utc_of(edit: QDateTimeEdit) -> datetime:
    """The moment a date-time field shows (in Asia/Shanghai), as aware UTC."""
    return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), UTC)


class ComplaintForm(QWidget):
    """Emits ``submitted(NewComplaint)``; the page saves it off the GUI thread."""

    submitted = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.account_id: int | None = None
        self._customer: tuple[str, str] = ("", "")  # account text, complainant of start()
        self.accountLabel = QLabel(self)
        self.accountLabel.setObjectName("accountLabel")
        self.complainantEdit = QLineEdit(self)
        self.complainantEdit.setMaxLength(LIMITS["complainant"])
        self.contactEdit = QLineEdit(self)
        self.contactEdit.setMaxLength(LIMITS["contact"])
        self.contactEdit.setPlaceholderText(self.tr("Mobile or fixed-line number"))
        self.channelCombo = QComboBox(self)
        for code, text in ((c, labels.channel_names()[c]) for c in CHANNELS):
            self.channelCombo.addItem(text, code)
        self.categoryCombo = QComboBox(self)
        for code in CATEGORIES:
            self.categoryCombo.addItem(labels.category_names()[code], code)
        self.descriptionEdit = QPlainTextEdit(self)
        self.descriptionEdit.setTabChangesFocus(True)
        self.descriptionEdit.setPlaceholderText(self.tr("What the customer reports"))
        self.faultCheck = QCheckBox(self.tr("The company is at fault"), self)
        self.apologyCheck = QCheckBox(self.tr("Apology given to the customer"), self)
        self.apologyCheck.setEnabled(False)
        self.faultCheck.toggled.connect(self._fault_toggled)

        self.pendingRadio = QRadioButton(self.tr("Register, &keep open (handle later)"), self)
        self.resolveRadio = QRadioButton(self.tr("Solved on the &spot"), self)
        self.forwardRadio = QRadioButton(self.tr("&Forward to a department"), self)
        self.pendingRadio.setChecked(True)
        self.resolutionEdit = QLineEdit(self)
        self.resolutionEdit.setMaxLength(LIMITS["resolution"])
        self.resolutionEdit.setPlaceholderText(self.tr("How it was solved"))
        self.departmentCombo = QComboBox(self)
        self.dueEdit = QDateTimeEdit(self)
        self.dueEdit.setTimeZone(SHANGHAI)
        configure_date_edit(self.dueEdit, display_format="yyyy-MM-dd HH:mm")
        self.recallCheck = QCheckBox(self.tr("Recall the customer on"), self)
        self.recallEdit = QDateTimeEdit(self)
        configure_date_edit(self.recallEdit)
        for radio in (self.pendingRadio, self.resolveRadio, self.forwardRadio):
            radio.toggled.connect(self._sync)

        self.errorLabel = QLabel(self)
        self.errorLabel.setObjectName("errorLabel")
        self.errorLabel.setWordWrap(True)
        self.saveButton = QPushButton(self.tr("Save and print slip (Ctrl+S)"), self)
        self.saveButton.setDefault(True)
        self.clearButton = QPushButton(self.tr("New complaint (Ctrl+N)"), self)
        self.saveButton.clicked.connect(self.submit)
        self.clearButton.clicked.connect(lambda: self.start(None, ""))
        QShortcut(QKeySequence("Ctrl+S"), self, self.submit)
        QShortcut(QKeySequence("Ctrl+N"), self, lambda: self.start(None, ""))
        for edit in (self.complainantEdit, self.contactEdit, self.resolutionEdit):
            edit.returnPressed.connect(self.focusNextChild)

        form = QFormLayout()
        form.addRow(self.tr("Account:"), self.accountLabel)
        form.addRow(self.tr("&Complainant:"), self.complainantEdit)
        form.addRow(self.tr("C&ontact:"), self.contactEdit)
        form.addRow(self.tr("C&hannel:"), self.channelCombo)
        form.addRow(self.tr("C&ategory:"), self.categoryCombo)
        form.addRow(self.tr("&Description:"), self.descriptionEdit)
        form.addRow("", self.faultCheck)
        form.addRow("", self.apologyCheck)
        form.addRow(self.tr("Handling:"), self.pendingRadio)
        form.addRow("", self.resolveRadio)
        form.addRow(self.tr("Resolution:"), self.resolutionEdit)
        form.addRow("", self.forwardRadio)
        forward = QHBoxLayout()
        forward.addWidget(self.departmentCombo, 1)
        forward.addWidget(QLabel(self.tr("due"), self))
        forward.addWidget(self.dueEdit, 1)
        form.addRow(self.tr("Department:"), forward)
        recall = QHBoxLayout()
        recall.addWidget(self.recallCheck)
        recall.addWidget(self.recallEdit, 1)
        form.addRow("", recall)
        for label in (form.labelForField(w) for w in (self.complainantEdit,
                                                     self.contactEdit, self.channelCombo,
                                                     self.categoryCombo,
                                                     self.descriptionEdit)):
            if isinstance(label, QLabel):
                label.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clearButton)
        buttons.addStretch(1)
        buttons.addWidget(self.saveButton)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errorLabel)
        layout.addLayout(buttons)
        self.setFocusProxy(self.complainantEdit)
        self.start(None, "")

    # -- state -------------------------------------------------------------------

    def set_departments(self, names: tuple[str, ...]) -> None:
        current = self.departmentCombo.currentText()
        self.departmentCombo.clear()
        self.departmentCombo.addItems(list(names))
        if current in names:
            self.departmentCombo.setCurrentText(current)

    def start(self, account_id: int | None, account_text: str, complainant: str = "") -> None:
        """A fresh form, for an account or stand-alone."""
        self.account_id = account_id
        self._customer = (account_text, complainant)
        self.accountLabel.setText(account_text or self.tr("(not a customer: stand-alone)"))
        self.complainantEdit.setText(complainant)
        for edit in (self.contactEdit, self.resolutionEdit):
            edit.clear()
        self.descriptionEdit.clear()
        self.channelCombo.setCurrentIndex(0)
        self.categoryCombo.setCurrentIndex(0)
        self.faultCheck.setChecked(False)
        self.pendingRadio.setChecked(True)
        now = QDateTime.currentDateTime().toTimeZone(SHANGHAI)
        self.dueEdit.setDateTime(now.addDays(2))
        self.recallCheck.setChecked(False)
        self.recallEdit.setDateTime(now.addDays(7))
        self.errorLabel.clear()
        self._sync()
        (self.descriptionEdit if complainant else self.complainantEdit).setFocus()

    def _fault_toggled(self, at_fault: bool) -> None:
        self.apologyCheck.setEnabled(at_fault)
        self.apologyCheck.setChecked(at_fault)

    def _sync(self) -> None:
        self.resolutionEdit.setEnabled(self.resolveRadio.isChecked())
        forward = self.forwardRadio.isChecked()
        self.departmentCombo.setEnabled(forward)
        self.dueEdit.setEnabled(forward)

    def set_busy(self, busy: bool) -> None:
        self.saveButton.setEnabled(not busy)

    def show_error(self, text: str) -> None:
        """Keep what the clerk typed; say what is wrong."""
        self.errorLabel.setStyleSheet(ERROR_STYLE)
        self.errorLabel.setText(text)

    def saved(self, text: str) -> None:
        """Stored: a fresh form for the same customer (a second Ctrl+S must not
        store the complaint again), saying ``text``."""
        self.start(self.account_id, *self._customer)
        self.show_ok(text)

    def show_ok(self, text: str) -> None:
        self.errorLabel.setStyleSheet(OK_STYLE)
        self.errorLabel.setText(text)

    # -- submit ------------------------------------------------------------------

    def due_at(self) -> datetime:
        return utc_of(self.dueEdit)

    def value(self) -> NewComplaint:
        forward = self.forwardRadio.isChecked()
        return NewComplaint(
            complainant=self.complainantEdit.text(),
            contact=self.contactEdit.text(),
            channel=self.channelCombo.currentData(),
            category=self.categoryCombo.currentData(),
            description=self.descriptionEdit.toPlainText(),
            account_id=self.account_id,
            company_at_fault=self.faultCheck.isChecked(),
            apology_given=self.faultCheck.isChecked() and self.apologyCheck.isChecked(),
            recall_on=self.recallEdit.date().toPython() if self.recallCheck.isChecked() else None,
            resolution=self.resolutionEdit.text() if self.resolveRadio.isChecked() else "",
            department=self.departmentCombo.currentText() if forward else "",
            due_at=self.due_at() if forward else None,
        )

    def submit(self) -> None:
        if not self.saveButton.isEnabled():
            return
        new = self.value()
        problem = self._check(new)
        if problem is not None:
            self.show_error(labels.error_text(*problem))
            return
        self.errorLabel.clear()
        self.submitted.emit(new)

    def _check(self, new: NewComplaint) -> tuple[str, str] | None:
        """What the service would refuse, said before the round trip; focus
        goes to the field, what was typed stays."""
        try:
            check_new_complaint(new)
        except ComplaintError as exc:
            widgets = {"complainant": self.complainantEdit, "contact": self.contactEdit,
                       "description": self.descriptionEdit, "resolution": self.resolutionEdit}
            widgets[exc.field].setFocus()
            return (exc.code, exc.field)
        if self.resolveRadio.isChecked() and not new.resolution.strip():
            self.resolutionEdit.setFocus()
            return ("required", "resolution")
        if self.forwardRadio.isChecked():
            if not new.department:
                return ("required", "department")
            if new.due_at is None or new.due_at <= datetime.now(UTC) + timedelta(minutes=1):
                self.dueEdit.setFocus()
                return ("due_in_past", "due_at")
        return None

    def handle_error(self, exc: BaseException) -> bool:
        if isinstance(exc, ComplaintError):
            self.show_error(labels.error_text(exc.code, exc.field))
            return True
        return False
