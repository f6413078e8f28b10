"""Data-correction requests (资料更正): file for the account, decide when supervisor."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.masking import PERSONAL_FIELDS
from counter_app.services.action_values import required
from counter_app.services.complaints.corrections import FIELDS, CorrectionView
from counter_app.ui.complaints import labels
from counter_app.ui.style import ERROR_STYLE


class CorrectionsWidget(QWidget):
    """``file_requested(field, value, evidence)``; ``decide_requested(request view, ok, note)``;
    ``reveal_requested(id)``: a supervisor asks for one proposed ID number or phone in full."""

    file_requested = Signal(str, str, str)
    decide_requested = Signal(object, bool, str)
    reveal_requested = Signal(int)
    refresh_requested = Signal()

    def __init__(self, can_decide: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.can_decide = can_decide
        # opened without an account: say how to get one (the request is for an account)
        self.accountLabel = QLabel(
            self.tr(
                "No customer chosen: find the customer on the Search page (Ctrl+1), open the "
                "account and press Complaint (F7); the correction is then filed for that account."
            ),
            self,
        )
        self.accountLabel.setWordWrap(True)
        self.fieldCombo = QComboBox(self)
        for code in FIELDS:
            self.fieldCombo.addItem(labels.field_names()[code], code)
        self.valueEdit = QLineEdit(self)
        self.evidenceEdit = QLineEdit(self)
        self.evidenceEdit.setPlaceholderText(self.tr("e.g. ID card shown, property certificate"))
        self.fileButton = QPushButton(self.tr("&File request"), self)
        self.fileButton.setEnabled(False)
        self.messageLabel = QLabel(self)
        self.messageLabel.setWordWrap(True)
        self.requests = QTreeWidget(self)
        self.requests.setRootIsDecorated(False)
        self.requests.setHeaderLabels(
            [
                self.tr("Account"),
                self.tr("Field"),
                self.tr("Record"),
                self.tr("Proposed"),
                self.tr("Evidence"),
                self.tr("Status"),
                self.tr("Filed by"),
                self.tr("Decision"),
            ]
        )
        self.noteEdit = QLineEdit(self)
        self.noteEdit.setPlaceholderText(self.tr("Decision note (required to reject)"))
        self.approveButton = QPushButton(self.tr("A&pprove"), self)
        self.rejectButton = QPushButton(self.tr("Re&ject"), self)
        self.revealButton = QPushButton(self.tr("&Show full value"), self)
        self.revealButton.setToolTip(
            self.tr(
                "Shows the selected request's proposed ID number "
                "or phone in full; recorded in the audit log."
            )
        )
        self.revealButton.setEnabled(False)
        for button in (self.revealButton, self.approveButton, self.rejectButton):
            button.setVisible(can_decide)
        self.noteEdit.setVisible(can_decide)
        self.fileButton.clicked.connect(self._file)
        self.valueEdit.returnPressed.connect(self.evidenceEdit.setFocus)
        self.evidenceEdit.returnPressed.connect(self._file)
        self.approveButton.clicked.connect(lambda: self._decide(True))
        self.rejectButton.clicked.connect(lambda: self._decide(False))
        self.revealButton.clicked.connect(self._reveal)
        self.requests.currentItemChanged.connect(lambda *_: self.update_reveal())
        form = QFormLayout()
        form.addRow(self.tr("Account:"), self.accountLabel)
        form.addRow(self.tr("F&ield:"), self.fieldCombo)
        form.addRow(self.tr("Correct &value:"), self.valueEdit)
        form.addRow(self.tr("&Evidence:"), self.evidenceEdit)
        decide = QHBoxLayout()
        decide.addWidget(self.revealButton)
        decide.addWidget(self.noteEdit, 1)
        decide.addWidget(self.approveButton)
        decide.addWidget(self.rejectButton)
        QWidget.setTabOrder(self.requests, self.revealButton)
        QWidget.setTabOrder(self.revealButton, self.noteEdit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fileButton)
        layout.addWidget(self.messageLabel)
        title = self.tr("Pending requests") if can_decide else self.tr("Requests of this customer")
        layout.addWidget(QLabel(title, self))
        layout.addWidget(self.requests, 1)
        layout.addLayout(decide)
        self.setFocusProxy(self.fieldCombo)

    def set_account(self, text: str, enabled: bool) -> None:
        self.accountLabel.setText(text)
        self.fileButton.setEnabled(enabled)

    def set_requests(self, views: tuple[CorrectionView, ...]) -> None:
        """Proposed values masked, for a supervisor too; a value shown in
        full by :meth:`show_revealed` is masked again by the next list."""
        self.requests.clear()
        statuses = labels.correction_status_names()
        for v in views:
            item = QTreeWidgetItem(
                [
                    v.account_no,
                    labels.name(labels.field_names(), v.field),
                    v.old_value,
                    v.proposed_value,
                    v.evidence,
                    labels.name(statuses, v.status),
                    v.requested_by,
                    v.decision_note,
                ]
            )
            item.setData(0, 256, v)
            self.requests.addTopLevelItem(item)
        for column in range(self.requests.columnCount() - 1):  # the decision takes the rest
            self.requests.resizeColumnToContents(column)
        if views:
            self.requests.setCurrentItem(required(self.requests.topLevelItem(0), "row 0"))
        self.update_reveal()

    def show_revealed(self, request_id: int, value: str) -> None:
        """The full proposed value of ``request_id`` in its row (if still listed)."""
        for row in range(self.requests.topLevelItemCount()):
            item = required(self.requests.topLevelItem(row), f"row {row}")
            if item.data(0, 256).id == request_id:
                item.setText(3, value)
                item.setData(3, 256, True)  # revealed
                self.requests.resizeColumnToContents(3)
                self.show_message(self.tr("Full value shown; this was recorded in the audit log."))
        self.update_reveal()

    def clear_entry(self) -> None:
        """After a request is filed: ready for the next one, nothing filed twice."""
        self.valueEdit.clear()
        self.evidenceEdit.clear()

    def show_message(self, text: str, error: bool = False) -> None:
        self.messageLabel.setStyleSheet(ERROR_STYLE if error else "")
        self.messageLabel.setText(text)

    def _file(self) -> None:
        if self.fileButton.isEnabled():
            self.file_requested.emit(
                self.fieldCombo.currentData(), self.valueEdit.text(), self.evidenceEdit.text()
            )

    def _selected_to_reveal(self) -> CorrectionView | None:
        """The current request if it holds a personal value not shown in full yet."""
        item = self.requests.currentItem()
        if not self.can_decide or item is None or item.data(3, 256):
            return None
        view: CorrectionView = item.data(0, 256)
        return view if view.field in PERSONAL_FIELDS else None

    def update_reveal(self) -> None:
        self.revealButton.setEnabled(self._selected_to_reveal() is not None)

    def _reveal(self) -> None:
        view = self._selected_to_reveal()
        if view is not None:
            self.revealButton.setEnabled(False)  # until the answer
            self.reveal_requested.emit(view.id)

    def _decide(self, ok: bool) -> None:
        item = self.requests.currentItem()
        if item is None:
            return
        view: CorrectionView = item.data(0, 256)
        self.decide_requested.emit(view, ok, self.noteEdit.text())
