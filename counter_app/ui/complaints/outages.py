"""Announced outages (停水公告): everyone reads them, supervisors keep them.
Rules: docs/rules/complaints.md
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QTreeWidgetItem, QWidget

from counter_app.services.auth import ClerkIdentity
from counter_app.services.complaints.outages import SUPERVISOR_ROLES, OutageError, OutageView
from counter_app.ui.complaints import labels
from counter_app.ui.complaints.form import SHANGHAI, utc_of
from counter_app.ui.context import Workplace
from counter_app.ui.dates import configure_date_edit
from counter_app.ui.errors import explain
from counter_app.ui.forms.ui_complaints_outages import Ui_ComplaintsOutages
from counter_app.ui.record_model import RECORD_ROLE
from counter_app.ui.style import ERROR_STYLE, OK_STYLE

Areas = tuple[tuple[str, str], ...]  # (code, name) of every area


class OutagesWidget(QWidget):
    """The Designer form ``ui/complaints_outages.ui`` (``self.ui``) with the
    list, the checks and the calls."""

    def __init__(self, workplace: Workplace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_ComplaintsOutages()
        self.ui.setupUi(self)
        ui = self.ui
        self.runner = workplace.runner
        self.service = workplace.services.outages
        self.clerk: ClerkIdentity = workplace.clerk
        self.actor = workplace.actor
        self.can_edit = workplace.clerk.role in SUPERVISOR_ROLES
        self._areas_loaded = False
        self._done_text = ""  # said when the end / withdrawal is stored

        for edit in (ui.fromEdit, ui.toEdit):
            edit.setTimeZone(SHANGHAI)
            configure_date_edit(edit, display_format="yyyy-MM-dd HH:mm")
        ui.emptyLabel.hide()
        ui.announceHeading.setText(
            self.tr("Announce an outage")
            if self.can_edit
            else self.tr("Outages are announced by a supervisor.")
        )
        for widget in (ui.form, ui.endButton, ui.withdrawButton):
            widget.setVisible(self.can_edit)

        ui.outages.currentItemChanged.connect(self._sync)
        ui.refreshButton.clicked.connect(self.refresh)
        refresh = QShortcut(QKeySequence("F5"), self, self.refresh)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        ui.reasonEdit.returnPressed.connect(self.announce)
        ui.announceButton.clicked.connect(self.announce)
        save = QShortcut(QKeySequence("Ctrl+S"), self, self.announce)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        ui.endButton.clicked.connect(lambda: self._change("end"))
        ui.withdrawButton.clicked.connect(lambda: self._change("cancel"))
        self.setFocusProxy(ui.areaCombo if self.can_edit else ui.outages)
        self._reset_period()
        self._sync()

    def _reset_period(self) -> None:
        now = QDateTime.currentDateTime().toTimeZone(SHANGHAI)
        now = now.addSecs(-now.time().second())
        self.ui.fromEdit.setDateTime(now)
        self.ui.toEdit.setDateTime(now.addSecs(4 * 3600))

    # -- loading -------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the list (and, the first time, the areas) off the GUI thread,
        in one call."""
        self.runner.submit(
            self.service.screen, on_done=self._loaded, on_error=self._failed, key="outage-list"
        )

    def _loaded(self, screen: tuple[Areas, tuple[OutageView, ...]]) -> None:
        areas, outages = screen
        if self.can_edit and not self._areas_loaded:
            self._set_areas(areas)
        self.set_outages(outages)

    def _set_areas(self, areas: Areas) -> None:
        self._areas_loaded = True
        current = self.ui.areaCombo.currentData()
        self.ui.areaCombo.clear()
        for code, name in areas:
            self.ui.areaCombo.addItem(f"{name}（{code}）", code)
        self.ui.areaCombo.setCurrentIndex(max(self.ui.areaCombo.findData(current), 0))

    def set_outages(self, views: tuple[OutageView, ...]) -> None:
        selected = self.current()
        now = datetime.now(UTC)
        self.ui.outages.clear()
        for v in views:
            state = self.tr("Running") if v.started(now) else self.tr("To come")
            item = QTreeWidgetItem(
                [
                    v.area_name,
                    labels.local(v.starts_at),
                    labels.local(v.ends_at),
                    state,
                    v.announced_by,
                    v.reason,
                ]
            )
            item.setData(0, RECORD_ROLE, v)
            self.ui.outages.addTopLevelItem(item)
            if selected is not None and v.id == selected.id:
                self.ui.outages.setCurrentItem(item)
        for column in range(5):  # the reason takes the rest
            self.ui.outages.resizeColumnToContents(column)
        first = self.ui.outages.topLevelItem(0)
        if self.ui.outages.currentItem() is None and first is not None:
            self.ui.outages.setCurrentItem(first)
        self.ui.emptyLabel.setVisible(not views)
        self._sync()

    def current(self) -> OutageView | None:
        item = self.ui.outages.currentItem()
        return item.data(0, RECORD_ROLE) if item is not None else None

    def _sync(self, *_args) -> None:
        view = self.current()
        self.ui.endButton.setEnabled(view is not None and view.started(datetime.now(UTC)))
        self.ui.withdrawButton.setEnabled(view is not None)

    # -- changes ---------------------------------------------------------------------

    def announce(self) -> None:
        if not self.can_edit or not self.ui.announceButton.isEnabled():
            return
        starts, ends = utc_of(self.ui.fromEdit), utc_of(self.ui.toEdit)
        reason = self.ui.reasonEdit.text().strip()
        problem = self._problem(starts, ends, reason)
        if problem is not None:
            text, focus = problem
            self.show_message(text, ERROR_STYLE)
            focus.setFocus()
            return
        self.ui.announceButton.setEnabled(False)
        self.runner.submit(
            self.service.announce,
            self.ui.areaCombo.currentData(),
            starts,
            ends,
            reason,
            self.clerk,
            self.actor,
            on_done=self._announced,
            on_error=self._change_failed,
            key="outage-announce",
        )

    def _problem(self, starts: datetime, ends: datetime, reason: str) -> tuple[str, QWidget] | None:
        """What the service would refuse, and the field to go back to."""
        ui = self.ui
        if ui.areaCombo.currentData() is None:
            return self.tr("Area: please choose the area."), ui.areaCombo
        if ends <= starts:
            return self.tr("To: the end must be after the start."), ui.toEdit
        if ends <= datetime.now(UTC):
            return self.tr("To: the end is already past."), ui.toEdit
        if not reason:
            return self.tr("Reason: please fill this in."), ui.reasonEdit
        return None

    def _announced(self, view: OutageView) -> None:
        self.ui.announceButton.setEnabled(True)
        self.ui.reasonEdit.clear()
        self._reset_period()
        self.show_message(
            self.tr("Announced: {area} {start} – {end}.").format(
                area=view.area_name,
                start=labels.local(view.starts_at),
                end=labels.local(view.ends_at),
            ),
            OK_STYLE,
        )
        self.refresh()

    def _change(self, action: str) -> None:
        view = self.current()
        if view is None or not self.can_edit:
            return
        what = f"{view.area_name} {labels.local(view.starts_at)} – {labels.local(view.ends_at)}"
        question = (
            self.tr("End this outage now (the supply is back)?\n{what}")
            if action == "end"
            else self.tr("Withdraw this outage (announced in error)?\n{what}")
        )
        answer = QMessageBox.question(
            self,
            self.tr("Announced outages"),
            question.format(what=what),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        fn = self.service.end if action == "end" else self.service.cancel
        done = self.tr("Ended: {what}.") if action == "end" else self.tr("Withdrawn: {what}.")
        self._done_text = done.format(what=what)
        self.runner.submit(
            fn,
            view.id,
            self.clerk,
            self.actor,
            key="outage-change",
            on_done=self._changed,
            on_error=self._change_failed,
        )

    def _changed(self, _none: None) -> None:
        self.show_message(self._done_text, OK_STYLE)
        self.refresh()

    def _change_failed(self, exc: BaseException) -> None:
        self.ui.announceButton.setEnabled(True)
        if isinstance(exc, OutageError):
            text = {
                "period": self.tr("To: the end must be after the start."),
                "reason": self.tr("Reason: please fill this in."),
                "area": self.tr("Area: this area no longer exists."),
                "state": self.tr("This outage is already over or withdrawn; the list is reloaded."),
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
        self.ui.messageLabel.setStyleSheet(style)
        self.ui.messageLabel.setText(text)
