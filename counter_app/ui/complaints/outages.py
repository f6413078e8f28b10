"""Announced outages (停水公告): everyone reads them, supervisors keep them.
Rules: docs/rules/complaints.md
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.services.auth import ClerkIdentity
from counter_app.services.complaints.outages import SUPERVISOR_ROLES, OutageError, OutageView
from counter_app.ui.complaints import labels
from counter_app.ui.complaints.form import SHANGHAI, utc_of
from counter_app.ui.context import Workplace
from counter_app.ui.dates import configure_date_edit
from counter_app.ui.errors import explain
from counter_app.ui.record_model import RECORD_ROLE
from counter_app.ui.style import ERROR_STYLE, OK_STYLE


class OutagesWidget(QWidget):
    def __init__(self, workplace: Workplace, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = workplace.runner
        self.service = workplace.services.outages
        self.clerk: ClerkIdentity = workplace.clerk
        self.actor = workplace.actor
        self.can_edit = workplace.clerk.role in SUPERVISOR_ROLES
        self._areas_loaded = False
        self._done_text = ""  # said when the end / withdrawal is stored

        self.outages = QTreeWidget(self)
        self.outages.setRootIsDecorated(False)
        self.outages.setHeaderLabels([
            self.tr("Area"), self.tr("From"), self.tr("To"), self.tr("State"),
            self.tr("Announced by"), self.tr("Reason"),
        ])
        self.outages.currentItemChanged.connect(self._sync)
        self.emptyLabel = QLabel(self.tr("No outage is announced."), self)
        self.emptyLabel.hide()
        self.messageLabel = QLabel(self)
        self.messageLabel.setWordWrap(True)
        self.refreshButton = QPushButton(self.tr("Refresh (F5)"), self)
        self.refreshButton.clicked.connect(self.refresh)
        refresh = QShortcut(QKeySequence("F5"), self, self.refresh)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.areaCombo = QComboBox(self)
        self.fromEdit = self._time_edit()
        self.toEdit = self._time_edit()
        self.reasonEdit = QLineEdit(self)
        self.reasonEdit.setPlaceholderText(self.tr("e.g. 建设路爆管抢修, 水厂检修"))
        self.reasonEdit.setMaxLength(200)
        self.reasonEdit.returnPressed.connect(self.announce)
        self.announceButton = QPushButton(self.tr("Announce (Ctrl+S)"), self)
        self.announceButton.clicked.connect(self.announce)
        save = QShortcut(QKeySequence("Ctrl+S"), self, self.announce)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.endButton = QPushButton(self.tr("&End now (supply restored)"), self)
        self.withdrawButton = QPushButton(self.tr("&Withdraw"), self)
        self.endButton.clicked.connect(lambda: self._change("end"))
        self.withdrawButton.clicked.connect(lambda: self._change("cancel"))

        heading = QLabel(self.tr("Outages now and to come (shown in the consultation guide)"), self)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.refreshButton)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.endButton)
        actions.addWidget(self.withdrawButton)
        self.form = QWidget(self)
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Area:"), self.areaCombo)
        period = QHBoxLayout()
        period.addWidget(self.fromEdit, 1)
        to_label = QLabel(self.tr("&to"), self)
        to_label.setBuddy(self.toEdit)
        period.addWidget(to_label)
        period.addWidget(self.toEdit, 1)
        from_label = QLabel(self.tr("&From:"), self)
        from_label.setBuddy(self.fromEdit)
        form.addRow(from_label, period)
        form.addRow(self.tr("Rea&son:"), self.reasonEdit)
        announce = QHBoxLayout()
        announce.addStretch(1)
        announce.addWidget(self.announceButton)
        form.addRow(announce)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.outages, 1)
        layout.addWidget(self.emptyLabel)
        layout.addLayout(actions)
        layout.addWidget(QLabel(self.tr("Announce an outage") if self.can_edit else self.tr(
            "Outages are announced by a supervisor."), self))
        layout.addWidget(self.form)
        layout.addWidget(self.messageLabel)
        for widget in (self.form, self.endButton, self.withdrawButton):
            widget.setVisible(self.can_edit)
        QWidget.setTabOrder(self.areaCombo, self.fromEdit)
        QWidget.setTabOrder(self.fromEdit, self.toEdit)
        QWidget.setTabOrder(self.toEdit, self.reasonEdit)
        QWidget.setTabOrder(self.reasonEdit, self.announceButton)
        self.setFocusProxy(self.areaCombo if self.can_edit else self.outages)
        self._reset_period()
        self._sync()

    def _time_edit(self) -> QDateTimeEdit:
        edit = QDateTimeEdit(self)
        edit.setTimeZone(SHANGHAI)
        return configure_date_edit(edit, display_format="yyyy-MM-dd HH:mm")

    def _reset_period(self) -> None:
        now = QDateTime.currentDateTime().toTimeZone(SHANGHAI)
        now = now.addSecs(-now.time().second())
        self.fromEdit.setDateTime(now)
        self.toEdit.setDateTime(now.addSecs(4 * 3600))

    # -- loading -------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the list (and, the first time, the areas) off the GUI thread,
        in one call."""
        self.runner.submit(self.service.screen, on_done=self._loaded,
                           on_error=self._failed, key="outage-list")

    def _loaded(self, screen) -> None:
        areas, outages = screen
        if self.can_edit and not self._areas_loaded:
            self._set_areas(areas)
        self.set_outages(outages)

    def _set_areas(self, areas: tuple[tuple[str, str], ...]) -> None:
        self._areas_loaded = True
        current = self.areaCombo.currentData()
        self.areaCombo.clear()
        for code, name in areas:
            self.areaCombo.addItem(f"{name}（{code}）", code)
        self.areaCombo.setCurrentIndex(max(self.areaCombo.findData(current), 0))

    def set_outages(self, views: tuple[OutageView, ...]) -> None:
        selected = self.current()
        now = datetime.now(UTC)
        self.outages.clear()
        for v in views:
            state = self.tr("Running") if v.started(now) else self.tr("To come")
            item = QTreeWidgetItem([
                v.area_name, labels.local(v.starts_at), labels.local(v.ends_at), state,
                v.announced_by, v.reason,
            ])
            item.setData(0, RECORD_ROLE, v)
            self.outages.addTopLevelItem(item)
            if selected is not None and v.id == selected.id:
                self.outages.setCurrentItem(item)
        for column in range(5):  # the reason takes the rest
            self.outages.resizeColumnToContents(column)
        if self.outages.currentItem() is None and views:
            self.outages.setCurrentItem(self.outages.topLevelItem(0))
        self.emptyLabel.setVisible(not views)
        self._sync()

    def current(self) -> OutageView | None:
        item = self.outages.currentItem()
        return item.data(0, RECORD_ROLE) if item is not None else None

    def _sync(self, *_args) -> None:
        view = self.current()
        self.endButton.setEnabled(view is not None and view.started(datetime.now(UTC)))
        self.withdrawButton.setEnabled(view is not None)

    # -- changes ---------------------------------------------------------------------

    def announce(self) -> None:
        if not self.can_edit or not self.announceButton.isEnabled():
            return
        starts, ends = utc_of(self.fromEdit), utc_of(self.toEdit)
        reason = self.reasonEdit.text().strip()
        problem = None
        if self.areaCombo.currentData() is None:
            problem, focus = self.tr("Area: please choose the area."), self.areaCombo
        elif ends <= starts:
            problem, focus = self.tr("To: the end must be after the start."), self.toEdit
        elif ends <= datetime.now(UTC):
            problem, focus = self.tr("To: the end is already past."), self.toEdit
        elif not reason:
            problem, focus = self.tr("Reason: please fill this in."), self.reasonEdit
        if problem is not None:
            self.show_message(problem, ERROR_STYLE)
            focus.setFocus()
            return
        self.announceButton.setEnabled(False)
        self.runner.submit(
            self.service.announce, self.areaCombo.currentData(), starts, ends, reason,
            self.clerk, self.actor, on_done=self._announced, on_error=self._change_failed,
            key="outage-announce",
        )

    def _announced(self, view: OutageView) -> None:
        self.announceButton.setEnabled(True)
        self.reasonEdit.clear()
        self._reset_period()
        self.show_message(self.tr("Announced: {area} {start} – {end}.").format(
            area=view.area_name, start=labels.local(view.starts_at),
            end=labels.local(view.ends_at)), OK_STYLE)
        self.refresh()

    def _change(self, action: str) -> None:
        view = self.current()
        if view is None or not self.can_edit:
            return
        what = f"{view.area_name} {labels.local(view.starts_at)} – {labels.local(view.ends_at)}"
        question = (self.tr("End this outage now (the supply is back)?\n{what}") if action == "end"
                    else self.tr("Withdraw this outage (announced in error)?\n{what}"))
        answer = QMessageBox.question(
            self, self.tr("Announced outages"), question.format(what=what),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        fn = self.service.end if action == "end" else self.service.cancel
        done = self.tr("Ended: {what}.") if action == "end" else self.tr("Withdrawn: {what}.")
        self._done_text = done.format(what=what)
        self.runner.submit(fn, view.id, self.clerk, self.actor, key="outage-change",
                           on_done=self._changed, on_error=self._change_failed)

    def _changed(self, _none: None) -> None:
        self.show_message(self._done_text, OK_STYLE)
        self.refresh()

    def _change_failed(self, exc: BaseException) -> None:
        self.announceButton.setEnabled(True)
        if isinstance(exc, OutageError):
            text = {
                "period": self.tr("To: the end must be after the start."),
                "reason": self.tr("Reason: please fill this in."),
                "area": self.tr("Area: this area no longer exists."),
                "state": self.tr("This outage is already over or withdrawn; the list is "
                                 "reloaded."),
            }.get(exc.code, self.tr("Refused: {c}").format(c=exc.code))
            if exc.code == "state":
                self.refresh()
        elif isinstance(exc, PermissionError):
            text = self.tr("Only a supervisor may change announced outages.")
        else:
            text = self.tr("Not saved: {e}").format(e=exc)
        self.show_message(text, ERROR_STYLE)

    def _failed(self, exc: BaseException) -> None:
        self.show_message(explain(exc), ERROR_STYLE)

    def show_message(self, text: str, style: str = "") -> None:
        self.messageLabel.setStyleSheet(style)
        self.messageLabel.setText(text)

