"""The departments a complaint is forwarded to (转办部门), one name per row.
Rules: docs/rules/complaints.md
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.services.complaints.service import (
    DEPARTMENT_EDITORS,
    ComplaintService,
    DepartmentError,
)
from counter_app.ui.context import Workplace
from counter_app.ui.errors import explain
from counter_app.ui.style import ERROR_STYLE, OK_STYLE


class DepartmentsEditor(QWidget):
    """Emits ``saved(names)`` after the list is stored."""

    saved = Signal(tuple)

    def __init__(
        self, workplace: Workplace, service: ComplaintService, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.runner = workplace.runner
        self.service = service
        self.clerk = workplace.clerk
        self.actor = workplace.actor
        self.can_edit = workplace.clerk.role in DEPARTMENT_EDITORS
        self.loaded: tuple[str, ...] | None = None  # the list the edits started from

        self.names = QListWidget(self)
        self.names.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.names.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        # a row left empty (Esc on a new row, or its name cleared) is dropped
        # (after the view has finished closing the editor)
        self.names.itemDelegate().closeEditor.connect(
            lambda *_args: QTimer.singleShot(0, self, self._drop_empty)
        )
        self.addButton = QPushButton(self.tr("&Add"), self)
        self.deleteButton = QPushButton(self.tr("&Delete"), self)
        self.upButton = QPushButton(self.tr("Move u&p"), self)
        self.downButton = QPushButton(self.tr("Move do&wn"), self)
        self.saveButton = QPushButton(self.tr("&Save (Ctrl+S)"), self)
        self.revertButton = QPushButton(self.tr("Re&vert"), self)
        self.messageLabel = QLabel(self)
        self.messageLabel.setWordWrap(True)
        self.addButton.clicked.connect(self.add)
        self.deleteButton.clicked.connect(self.delete)
        self.upButton.clicked.connect(lambda: self._move(-1))
        self.downButton.clicked.connect(lambda: self._move(1))
        self.saveButton.clicked.connect(self.save)
        self.revertButton.clicked.connect(self.load)
        save = QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        if self.can_edit:
            hint = self.tr(
                "The departments a complaint can be forwarded to, in the order "
                "offered (the first is proposed). F2 or typing edits a name."
            )
        else:
            hint = self.tr(
                "The departments a complaint can be forwarded to. Only an "
                "administrator can change this list."
            )
        hintLabel = QLabel(hint, self)  # noqa: N806 - Qt naming like the other widgets
        hintLabel.setWordWrap(True)
        buttons = QVBoxLayout()
        for button in (self.addButton, self.deleteButton, self.upButton, self.downButton):
            buttons.addWidget(button)
            button.setVisible(self.can_edit)
        buttons.addStretch(1)
        self.names.setMaximumWidth(420)
        body = QHBoxLayout()
        body.addWidget(self.names, 1)
        body.addLayout(buttons)
        body.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.messageLabel, 1)
        bottom.addWidget(self.revertButton)
        bottom.addWidget(self.saveButton)
        for button in (self.saveButton, self.revertButton):
            button.setVisible(self.can_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(hintLabel)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)
        self.setFocusProxy(self.names)

    # -- loading -------------------------------------------------------------------

    def load(self) -> None:
        """Fetch the stored list (also Revert): the edits start again from it."""
        self.runner.submit(
            self.service.departments,
            on_done=self.set_names,
            on_error=self._failed,
            key="cmp-dept-load",
        )

    def set_names(self, names: tuple[str, ...]) -> None:
        self.loaded = names
        self.names.clear()
        for name in names:
            self._item(name)
        self.names.setCurrentRow(0)
        self.show_message("")

    def _item(self, name: str, row: int | None = None) -> QListWidgetItem:
        item = QListWidgetItem(name)
        if self.can_edit:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.names.insertItem(self.names.count() if row is None else row, item)
        return item

    def values(self) -> list[str]:
        return [self.names.item(i).text() for i in range(self.names.count())]

    # -- editing ---------------------------------------------------------------------

    def add(self) -> None:
        item = self._item("", self.names.currentRow() + 1)
        self.names.setCurrentItem(item)
        self.names.setFocus()
        self.names.editItem(item)

    def delete(self) -> None:
        row = self.names.currentRow()
        if row >= 0:
            self.names.takeItem(row)
            self.names.setFocus()

    def _drop_empty(self) -> None:
        item = self.names.currentItem()
        if item is not None and not item.text().strip():
            self.names.takeItem(self.names.row(item))

    def _move(self, step: int) -> None:
        row = self.names.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.names.count():
            return
        item = self.names.takeItem(row)
        self.names.insertItem(target, item)
        self.names.setCurrentRow(target)

    # -- saving ----------------------------------------------------------------------

    def save(self) -> None:
        if not self.can_edit or self.loaded is None or not self.saveButton.isEnabled():
            return
        self.saveButton.setEnabled(False)
        self.runner.submit(
            self.service.set_departments,
            self.values(),
            self.loaded,
            self.clerk,
            self.actor,
            on_done=self._saved,
            on_error=self._save_failed,
            key="cmp-dept-save",
        )

    def _saved(self, names: tuple[str, ...]) -> None:
        self.saveButton.setEnabled(True)
        self.set_names(names)
        self.show_message(self.tr("Saved: {n} departments.").format(n=len(names)), OK_STYLE)
        self.saved.emit(names)

    def _save_failed(self, exc: BaseException) -> None:
        self.saveButton.setEnabled(True)
        if isinstance(exc, DepartmentError):
            if exc.code == "stale":  # the next save replaces theirs, knowingly
                self.runner.submit(
                    self.service.departments,
                    on_done=self._stale,
                    on_error=self._failed,
                    key="cmp-dept-load",
                )
                return
            self._select(exc)
            text = {
                "required": self.tr("Department: a name is empty; type it or delete the row."),
                "duplicate": self.tr("Department: “{name}” is in the list twice."),
                "too_long": self.tr("Department: “{name}” is longer than 40 characters."),
                "empty_list": self.tr("Department: the list needs at least one name."),
            }.get(exc.code, self.tr("Department: refused ({c}).")).format(name=exc.name, c=exc.code)
        elif isinstance(exc, PermissionError):
            text = self.tr("Only an administrator can change the department list.")
        else:
            text = self.tr("Not saved: {e}").format(e=exc)
        self.show_message(text, ERROR_STYLE)

    def _stale(self, stored: tuple[str, ...]) -> None:
        self.loaded = stored
        self.show_message(
            self.tr(
                "Someone else saved the list meanwhile; yours was NOT saved and is kept here. "
                "The list saved now is: {names}. Save again to replace it, or Revert to take it."
            ).format(names="、".join(stored)),
            ERROR_STYLE,
        )

    def _select(self, exc: DepartmentError) -> None:
        """Select the row at fault: the empty one, the second of a duplicate,
        the one too long."""
        wanted, seen = exc.name.casefold(), 0
        for row in range(self.names.count()):
            text = " ".join(self.names.item(row).text().split())
            hit = not text if exc.code == "required" else bool(wanted) and text.casefold() == wanted
            seen += hit
            if hit and (exc.code != "duplicate" or seen == 2):
                self.names.setCurrentRow(row)
                self.names.setFocus()
                return

    def _failed(self, exc: BaseException) -> None:
        self.show_message(explain(exc), ERROR_STYLE)

    def show_message(self, text: str, style: str = "") -> None:
        self.messageLabel.setStyleSheet(style)
        self.messageLabel.setText(text)
