"""One complaint: its facts, its event log and the next action."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.services.complaints.service import CHANNELS, SATISFACTION, ComplaintView
from counter_app.ui.complaints import labels
from counter_app.ui.complaints.form import SHANGHAI, utc_of
from counter_app.ui.dates import configure_date_edit
from counter_app.ui.style import ERROR_STYLE

#: action -> statuses it applies to (as the service allows)
ACTIONS = {
    "follow_up": ("open", "forwarded", "resolved", "replied"),
    "forward": ("open", "forwarded"),
    "resolve": ("open", "forwarded", "replied"),
    "reply": ("open", "forwarded", "resolved", "replied"),
    "close": ("resolved", "replied"),
    "reopen": ("resolved", "replied", "closed"),
}


class ComplaintDetail(QWidget):
    """Emits ``action_requested(action, complaint_id, version, values)``."""

    action_requested = Signal(str, int, int, dict)
    print_requested = Signal(int)
    reveal_requested = Signal(int)  # a supervisor's full contact phone (audited)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.view: ComplaintView | None = None
        self.headerLabel = QLabel(self)
        self.headerLabel.setWordWrap(True)
        self.events = QTreeWidget(self)
        self.events.setHeaderLabels(
            [self.tr("Time"), self.tr("Entry"), self.tr("Content"), self.tr("Clerk")]
        )
        self.events.setRootIsDecorated(False)
        self.actionCombo = QComboBox(self)
        names = {
            "follow_up": self.tr("Follow-up entry"),
            "forward": self.tr("Forward"),
            "resolve": self.tr("Resolve"),
            "reply": self.tr("Reply to the customer"),
            "close": self.tr("Close"),
            "reopen": self.tr("Reopen"),
        }
        self._action_names = names
        self.textEdit = QPlainTextEdit(self)
        self.textEdit.setTabChangesFocus(True)
        self.textEdit.setMaximumHeight(80)
        self.textEdit.installEventFilter(self)
        self.departmentCombo = QComboBox(self)
        self.dueEdit = QDateTimeEdit(self)
        self.dueEdit.setTimeZone(SHANGHAI)
        configure_date_edit(self.dueEdit, display_format="yyyy-MM-dd HH:mm")
        self.channelCombo = QComboBox(self)
        for code in CHANNELS:
            self.channelCombo.addItem(labels.channel_names()[code], code)
        self.satisfactionCombo = QComboBox(self)
        for code in SATISFACTION:
            self.satisfactionCombo.addItem(labels.satisfaction_names()[code], code)
        self.recallEdit = QDateTimeEdit(self)
        configure_date_edit(self.recallEdit)
        self.recallEdit.setSpecialValueText(self.tr("(none)"))
        self.errorLabel = QLabel(self)
        self.errorLabel.setStyleSheet(ERROR_STYLE)
        self.errorLabel.setWordWrap(True)
        self.applyButton = QPushButton(self.tr("&Apply (Ctrl+Enter)"), self)
        self.applyButton.setShortcut("Ctrl+Return")
        self.printButton = QPushButton(self.tr("&Print slip again"), self)
        # the contact is masked for everyone; a supervisor may show it (audited)
        self.revealButton = QPushButton(self.tr("Show full p&hone"), self)
        self.revealButton.setVisible(False)
        self.revealButton.clicked.connect(
            lambda: self.view and self.reveal_requested.emit(self.view.id)
        )
        self.contactLabel = QLabel(self)
        self.contactLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.applyButton.clicked.connect(self.apply)
        self.printButton.clicked.connect(
            lambda: self.view and self.print_requested.emit(self.view.id)
        )
        self.actionCombo.currentIndexChanged.connect(self._sync)

        form = QFormLayout()
        form.addRow(self.tr("A&ction:"), self.actionCombo)
        form.addRow(self.tr("&Text:"), self.textEdit)
        forward = QHBoxLayout()
        forward.addWidget(self.departmentCombo, 1)
        forward.addWidget(QLabel(self.tr("due"), self))
        forward.addWidget(self.dueEdit, 1)
        form.addRow(self.tr("Department:"), forward)
        form.addRow(self.tr("Reply channel:"), self.channelCombo)
        form.addRow(self.tr("Satisfaction:"), self.satisfactionCombo)
        form.addRow(self.tr("Recall on:"), self.recallEdit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.printButton)
        buttons.addWidget(self.revealButton)
        buttons.addWidget(self.contactLabel)
        buttons.addStretch(1)
        buttons.addWidget(self.applyButton)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headerLabel)
        layout.addWidget(self.events, 1)
        layout.addLayout(form)
        layout.addWidget(self.errorLabel)
        layout.addLayout(buttons)
        self.setFocusProxy(self.actionCombo)
        self.show_complaint(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self.textEdit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.apply()
            return True
        return super().eventFilter(watched, event)

    def set_departments(self, names: tuple[str, ...]) -> None:
        self.departmentCombo.clear()
        self.departmentCombo.addItems(list(names))

    def set_can_reveal(self, allowed: bool) -> None:
        self.revealButton.setVisible(allowed)

    def show_contact(self, value: str) -> None:
        """The full contact phone a supervisor asked for (until another complaint)."""
        self.contactLabel.setText(value or self.tr("(no phone)"))

    def show_complaint(self, view: ComplaintView | None, *, keep_text: bool = False) -> None:
        self.view = view
        self.contactLabel.clear()
        self.setEnabled(view is not None)
        self.events.clear()
        if view is None:
            self.headerLabel.setText(self.tr("Choose a complaint in the list (Enter)."))
            return
        cat = labels.name(labels.category_names(), view.category)
        status = labels.name(labels.status_names(), view.status)
        lines = [
            f"<b>{view.ticket_no}</b>　{cat}　{status}",
            self.tr("Complainant: {who} {contact}　Account: {acc}").format(
                who=view.complainant, contact=view.contact, acc=view.account_no or "-"
            ),
            view.description,
        ]
        if view.department:
            lines.append(
                self.tr("Department: {d}　Due: {due}").format(
                    d=view.department, due=labels.local(view.due_at)
                )
            )
        if view.company_at_fault:
            lines.append(
                self.tr("Company at fault; apology given: {a}").format(
                    a=self.tr("yes") if view.apology_given else self.tr("no")
                )
            )
        if view.recall_on:
            lines.append(self.tr("Recall the customer on {d}").format(d=view.recall_on))
        self.headerLabel.setText("<br>".join(_escape(x) if i else x for i, x in enumerate(lines)))
        kinds = labels.event_names()
        for e in view.events:
            item = QTreeWidgetItem(
                [
                    labels.local(e.at),
                    labels.name(kinds, e.kind),
                    e.content
                    + (
                        f"（{labels.name(labels.channel_names(), e.channel)}）" if e.channel else ""
                    ),
                    e.clerk,
                ]
            )
            self.events.addTopLevelItem(item)
        for col in range(3):
            self.events.resizeColumnToContents(col)
        current = self.actionCombo.currentData()
        self.actionCombo.blockSignals(True)
        self.actionCombo.clear()
        for action, states in ACTIONS.items():
            if view.status in states:
                self.actionCombo.addItem(self._action_names[action], action)
        index = self.actionCombo.findData(current)
        self.actionCombo.setCurrentIndex(max(index, 0))
        self.actionCombo.blockSignals(False)
        if not keep_text:
            self.textEdit.clear()
            self.errorLabel.clear()
            now = QDateTime.currentDateTime().toTimeZone(SHANGHAI)
            self.dueEdit.setDateTime(now.addDays(2))
            self.recallEdit.setDateTime(self.recallEdit.minimumDateTime())
        self._sync()

    def _sync(self) -> None:
        action = self.actionCombo.currentData()
        self.departmentCombo.setEnabled(action == "forward")
        self.dueEdit.setEnabled(action == "forward")
        self.channelCombo.setEnabled(action == "reply")
        self.satisfactionCombo.setEnabled(action == "close")
        self.recallEdit.setEnabled(action == "follow_up")
        self.applyButton.setEnabled(action is not None)

    def set_busy(self, busy: bool) -> None:
        self.applyButton.setEnabled(not busy and self.actionCombo.currentData() is not None)

    def show_error(self, text: str) -> None:
        self.errorLabel.setText(text)

    def apply(self) -> None:
        if self.view is None or not self.applyButton.isEnabled():
            return
        action = self.actionCombo.currentData()
        values: dict = {"text": self.textEdit.toPlainText()}
        if action == "forward":
            values["department"] = self.departmentCombo.currentText()
            values["due_at"] = utc_of(self.dueEdit)
        elif action == "reply":
            values["channel"] = self.channelCombo.currentData()
        elif action == "close":
            values["satisfaction"] = self.satisfactionCombo.currentData()
        elif action == "follow_up":
            recall = self.recallEdit.dateTime()
            if recall != self.recallEdit.minimumDateTime():
                values["recall_on"] = recall.date().toPython()
        self.errorLabel.clear()
        self.action_requested.emit(action, self.view.id, self.view.version, values)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
