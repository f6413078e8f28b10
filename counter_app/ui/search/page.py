"""The search page (查询): one box, results as you type, then the account.
Rules: docs/rules/search.md
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.services.accounts.search import SearchResult
from counter_app.ui.account_events import AccountWatch
from counter_app.ui.context import Workplace
from counter_app.ui.record_table import RecordTableView
from counter_app.ui.search.account_panel import AccountPanel
from counter_app.ui.search.dunning_dialog import DunningDialog
from counter_app.ui.search.models import SearchResultsModel
from counter_app.ui.search.texts import hint_text, searching_text
from counter_app.ui.style import MUTED_STYLE, heading_label, hint_style

log = logging.getLogger(__name__)

DEBOUNCE_MS = 250
RESULT_LIMIT = 50
SEARCH_KEY = "search"


class SearchPage(QWidget):
    """First page of the main window. ``action_requested(action, account_id)``
    asks the window to open another page (pay, relief, complaint)."""

    action_requested = Signal(str, int)

    def __init__(
        self, workplace: Workplace, parent: QWidget | None = None, *, state: QSettings | None = None
    ):
        super().__init__(parent)
        self.workplace = workplace
        self._open_when_found = False
        self._last_query: str | None = None

        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self.results_panel = QWidget(self.stack)
        layout = QVBoxLayout(self.results_panel)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        heading = QHBoxLayout()
        heading.addWidget(heading_label(self.tr("Customer search"), self.results_panel), 1)
        # 催缴/停供名单: a supervisor's list, from which accounts are opened here
        self.dunning_button = QPushButton(self.tr("Dunning lists (Ctrl+D)"), self.results_panel)
        self.dunning_button.setObjectName("dunningButton")
        self.dunning_button.setShortcut(QKeySequence("Ctrl+D"))
        self.dunning_button.setAutoDefault(False)
        self.dunning_button.setVisible(workplace.clerk.has_role("supervisor"))
        self.dunning_button.clicked.connect(self.open_dunning)
        heading.addWidget(self.dunning_button)
        layout.addLayout(heading)
        self.search_box = QLineEdit(self.results_panel)
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText(
            self.tr(
                "Account no., name or pinyin initials, phone or its last 4 digits, "
                "ID number, address, meter no."
            )
        )
        font = self.search_box.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.search_box.setFont(font)
        self.search_box.setMinimumHeight(36)
        layout.addWidget(self.search_box)
        self.hint_label = QLabel(self.results_panel)
        self.hint_label.setObjectName("hintLabel")
        self.hint_label.setStyleSheet(MUTED_STYLE)
        layout.addWidget(self.hint_label)

        self.model = SearchResultsModel(self)
        self.table = RecordTableView(
            self.results_panel,
            self.model,
            name="resultsTable",
            stretch=SearchResultsModel.Columns.ADDRESS,
            roomy_rows=True,
        )
        layout.addWidget(self.table, 1)
        self.stack.addWidget(self.results_panel)

        self.account_panel = AccountPanel(workplace, self.stack, state=state)
        self.stack.addWidget(self.account_panel)
        self.account_panel.back_requested.connect(self.show_results)
        self.account_panel.action_requested.connect(self.action_requested)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search_now)
        self.search_box.textChanged.connect(self._text_changed)
        self.search_box.installEventFilter(self)
        self.table.installEventFilter(self)
        self.table.activated.connect(self._open_index)
        self.setFocusProxy(self.search_box)
        self.setTabOrder(self.search_box, self.table)
        self._show_hint(hint_text("empty"))
        self._shown_once = False
        # an account among the hits changed (paid, relief...): its row is read again
        self.results_watch = AccountWatch(
            self.results_panel,
            workplace.events,
            lambda account_id: any(h.account_id == account_id for h in self.model.rows),
            self._search_again,
        )

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._shown_once:  # the window opens on this page: the clerk types here
            self._shown_once = True
            QTimer.singleShot(0, self.setFocus)

    # -- keyboard ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_F5 and watched in (self.search_box, self.table):
                self._pay_current()
                return True
            if watched is self.search_box:
                if key == Qt.Key.Key_Down:
                    self._enter_table()
                    return True
                if key == Qt.Key.Key_Escape and self.search_box.text():
                    self.search_box.clear()  # the next customer
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self._open_when_found = True
                    if self._debounce.isActive() or self.search_box.text() != self._last_query:
                        self._search_now()
                    elif not self.workplace.runner.is_running(SEARCH_KEY):
                        self._after_enter()
                    return True
            elif watched is self.table:
                if key == Qt.Key.Key_Escape:
                    self.search_box.setFocus()
                    self.search_box.selectAll()
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self._open_index(self.table.currentIndex())
                    return True
                if key == Qt.Key.Key_Up and self.table.currentIndex().row() <= 0:
                    self.search_box.setFocus()
                    return True
        return super().eventFilter(watched, event)

    def _pay_current(self) -> None:
        """F5 in the result list (or the box): take a payment for the current hit,
        as F5 does in the account view."""
        hit = self.model.record(self.table.currentIndex().row())
        if hit is None and self.model.rowCount() == 1:
            hit = self.model.record(0)
        if hit is not None:
            self.action_requested.emit("pay", hit.account_id)

    def _enter_table(self) -> None:
        if self.model.rowCount() == 0:
            return
        self.table.setFocus()
        if not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        self.table.setCurrentIndex(self.model.index(max(self.table.currentIndex().row(), 0), 0))

    def _after_enter(self) -> None:
        self._open_when_found = False
        if self.model.rowCount() == 1:
            self._open_index(self.model.index(0, 0))
        else:
            self._enter_table()

    # -- searching -------------------------------------------------------------------

    def _text_changed(self, text: str) -> None:
        parsed = self.workplace.services.search.parse(text)
        if not parsed.terms:
            self._debounce.stop()
            self.workplace.runner.cancel(SEARCH_KEY)
            self._last_query = text
            self.model.set_rows(())
            self._show_hint(hint_text(parsed.hint or "empty"), warn=bool(text.strip()))
            return
        self._show_hint(searching_text(parsed.kinds))
        self._debounce.start()

    def _search_now(self) -> None:
        self._debounce.stop()
        text = self.search_box.text()
        self._last_query = text
        if not self.workplace.services.search.parse(text).terms:
            self._text_changed(text)
            return
        search = self.workplace.services.search
        self.workplace.runner.submit(
            lambda: search.search(text, limit=RESULT_LIMIT),
            on_done=self._found,
            on_error=self._search_failed,
            key=SEARCH_KEY,
        )

    def _search_again(self) -> None:
        """The same query again (an account among the hits changed)."""
        if self._last_query == self.search_box.text() and not self._debounce.isActive():
            self._search_now()

    def _found(self, result: SearchResult) -> None:
        current = self.model.record(self.table.currentIndex().row())
        self.model.set_rows(result.hits)
        if result.hits:  # the account that was current stays current
            rows = [h.account_id for h in result.hits]
            self.table.selectRow(
                rows.index(current.account_id)
                if current is not None and current.account_id in rows
                else 0
            )
        if result.hint and not result.hits:
            self._show_hint(hint_text(result.hint), warn=True)
        elif not result.hits:
            self._show_hint(
                self.tr("No account found. Check what you typed, or try another identifier."),
                warn=True,
            )
        else:
            text = searching_text(result.kinds).rstrip("…") + " — "
            if result.more:
                text += self.tr("showing the first {n}; type more to narrow the search.").format(
                    n=len(result.hits)
                )
            else:
                text += self.tr("{n} found.").format(n=len(result.hits))
            if result.hint:
                text += " " + hint_text(result.hint)
            self._show_hint(text)
        if self._open_when_found:
            self._after_enter()

    def _search_failed(self, exc: BaseException) -> None:
        log.warning("search failed", exc_info=exc)
        self._open_when_found = False
        self.model.set_rows(())
        self._show_hint(
            self.tr("The search failed: the database does not answer. Try again in a moment."),
            warn=True,
        )

    def _show_hint(self, text: str, *, warn: bool = False) -> None:
        self.hint_label.setText(text)
        self.hint_label.setStyleSheet(hint_style(warn))

    # -- account -----------------------------------------------------------------------

    def _open_index(self, index) -> None:
        hit = self.model.record(index.row()) if index.isValid() else None
        if hit is not None:
            self.open_account(hit.account_id)

    def open_dunning(self) -> None:
        if not self.dunning_button.isVisible():
            return
        dialog = DunningDialog(self.workplace, self)
        dialog.open_account.connect(self.open_account)
        dialog.open()
        self.dunning_dialog = dialog

    def open_account(self, account_id: int) -> None:
        """Show the account (also used by other pages to come back to it)."""
        self.account_panel.open_account(account_id)
        self.stack.setCurrentWidget(self.account_panel)
        self.setFocusProxy(self.account_panel)
        self.account_panel.setFocus()

    def start_over(self) -> None:
        """The next customer: the result list, the box emptied and focused."""
        self.show_results()
        self.search_box.clear()

    def show_results(self) -> None:
        self.account_panel.close_account()
        self.stack.setCurrentWidget(self.results_panel)
        self.setFocusProxy(self.search_box)
        self.search_box.setFocus()
        self.search_box.selectAll()
