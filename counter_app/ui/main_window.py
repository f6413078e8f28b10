"""The main window: navigation on the left (Ctrl+1..Ctrl+6), pages on the right."""

from __future__ import annotations

from typing import Protocol, TypeVar, cast

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QListWidgetItem, QMainWindow, QMessageBox, QWidget

from counter_app.services.action_values import required
from counter_app.settings import SettingsStore
from counter_app.ui.complaints.page import ComplaintsPage
from counter_app.ui.context import Workplace
from counter_app.ui.dayclose.page import DayClosePage
from counter_app.ui.forms.ui_main_window import Ui_MainWindow
from counter_app.ui.lazy_page import LazyPage, PageBuilder
from counter_app.ui.nav import SHORTCUT_ROLE, NavDelegate
from counter_app.ui.pages.settings_page import SettingsPage
from counter_app.ui.payments.page import PaymentsPage
from counter_app.ui.relief.page import ReliefPage
from counter_app.ui.search.page import SearchPage
from counter_app.ui.settings.tariffs_page import TariffsPage
from counter_app.ui.status import PING_INTERVAL_MS, ConnectionMonitor, StatusPanel

GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"

#: what the search page asks for (a button on an account) -> the key of the page that does it;
#: each of these pages has ``open_account(account_id)``
ACTION_PAGES = {"pay": "payments", "relief": "relief", "complaint": "complaints"}

P = TypeVar("P", bound=QWidget)


class OpensAccount(Protocol):
    def open_account(self, account_id: int) -> None: ...


class MainWindow(QMainWindow):
    """Everything it uses is passed in by the composition root (ui/app.py)."""

    def __init__(
        self,
        workplace: Workplace,
        settings_store: SettingsStore,
        *,
        ui_state: QSettings | None = None,
        ping_interval_ms: int = PING_INTERVAL_MS,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.workplace = workplace
        clerk, database, settings, runner = (
            workplace.clerk,
            workplace.database,
            workplace.settings,
            workplace.runner,
        )
        self.clerk = clerk
        self.shift_open = False  # as the payments or day close page last read it
        self.database = database
        self.runner = runner
        self._ui_state = ui_state if ui_state is not None else QSettings()
        self.setWindowTitle(self.tr("Counter - {name}").format(name=clerk.display_name))

        self.search_page = SearchPage(workplace, state=self._ui_state)
        state = self._ui_state
        self._pages: dict[str, QWidget] = {}  # key -> its widget in the stack, in Ctrl+digit order
        self.nav_actions: list[QAction] = []
        self.ui.navList.setItemDelegate(NavDelegate(self.ui.navList))
        self._add_page("search", self.tr("Search"), self.search_page)
        # the other pages are built when first shown (or asked for): sign-in stays quick
        self._add_page(
            "payments",
            self.tr("Payments"),
            LazyPage(lambda: self._connected(PaymentsPage(workplace, state=state))),
        )
        self._add_page("relief", self.tr("Relief"), LazyPage(lambda: ReliefPage(workplace)))
        self._add_page(
            "complaints", self.tr("Complaints"), LazyPage(lambda: ComplaintsPage(workplace))
        )
        self._add_page(
            "day_close",
            self.tr("Day close"),
            LazyPage(lambda: self._connected(DayClosePage(workplace))),
        )
        self._add_page(
            "settings",
            self.tr("Settings"),
            LazyPage(
                lambda: self._connected(
                    SettingsPage(
                        settings,
                        settings_store,
                        runner=runner,
                        database_editable=clerk.role != "clerk",
                    )
                )
            ),
        )
        if clerk.role == "admin":  # the price schedules (水价): administrators only
            self._add_page("tariffs", self.tr("Tariffs"), LazyPage(lambda: TariffsPage(workplace)))
        # built once the window shows, one per turn: a first visit only shows them (the
        # payments page waits for its visit: built, it asks about unfinished payments)
        self.page_builder = PageBuilder(
            [
                page
                for key in ("relief", "complaints", "day_close")
                if isinstance(page := self._pages[key], LazyPage)
            ],
            self,
        )
        self.ui.navList.currentRowChanged.connect(self.ui.pageStack.setCurrentIndex)
        self.ui.navList.setCurrentRow(0)
        self.ui.actionQuit.triggered.connect(self.quit)
        self.search_page.action_requested.connect(self.dispatch_action)

        self.status = StatusPanel(
            self.ui.statusBar, clerk, settings.workstation, database.describe()
        )
        self.monitor = ConnectionMonitor(
            workplace.ping, runner, interval_ms=ping_interval_ms, parent=self
        )
        self.monitor.state_changed.connect(self.status.set_connected)
        self.monitor.start()
        self._restore_state()

    # -- pages --------------------------------------------------------------------

    def _connected(self, page: QWidget) -> QWidget:
        """Wire a lazily built page to the window."""
        if isinstance(page, PaymentsPage):
            page.next_customer.connect(self.next_customer)
        if isinstance(page, PaymentsPage | DayClosePage):
            page.shift_known.connect(self._shift_known)
        if isinstance(page, SettingsPage):
            page.saved.connect(self.workplace.apply_settings)
            page.saved.connect(lambda s: self.status.set_workstation(s.workstation))
        return page

    def _shift_known(self, is_open: bool) -> None:
        self.shift_open = is_open

    def confirm_open_shift(self) -> bool:
        """Before the window closes with the clerk's shift still open: ask."""
        if not self.shift_open:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Shift still open"),
            self.tr(
                "Your shift is still open: count the till and close it on Day close "
                "(Ctrl+5) before you leave. Quit anyway?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def quit(self) -> None:
        """Ctrl+Q: ask first while the shift is open."""
        if self.confirm_open_shift():
            self.close()

    def page_at(self, index: int) -> QWidget:
        """The page at ``index`` of the stack (built if it was not yet)."""
        widget = required(self.ui.pageStack.widget(index), f"page {index}")
        return widget.page if isinstance(widget, LazyPage) else widget

    def page(self, key: str) -> QWidget:
        """The page registered as ``key`` (built if it was not yet)."""
        return self.page_at(self.ui.pageStack.indexOf(self._pages[key]))

    def _page_of(self, key: str, kind: type[P]) -> P:
        """The page registered as ``key``, which is a ``kind``."""
        page = self.page(key)
        if not isinstance(page, kind):
            raise TypeError(f"page {key!r} is a {type(page).__name__}, not a {kind.__name__}")
        return page

    def _is_built(self, key: str) -> bool:
        widget = self._pages[key]
        return not isinstance(widget, LazyPage) or widget.is_built

    @property
    def payments_page(self) -> PaymentsPage:
        return self._page_of("payments", PaymentsPage)

    @property
    def relief_page(self) -> ReliefPage:
        return self._page_of("relief", ReliefPage)

    @property
    def complaints_page(self) -> ComplaintsPage:
        return self._page_of("complaints", ComplaintsPage)

    @property
    def day_close_page(self) -> DayClosePage:
        return self._page_of("day_close", DayClosePage)

    @property
    def settings_page(self) -> SettingsPage:
        return self._page_of("settings", SettingsPage)

    # -- navigation ---------------------------------------------------------------

    def _add_page(self, key: str, title: str, page: QWidget) -> None:
        index = self.ui.pageStack.addWidget(page)
        self._pages[key] = page
        shortcut = QKeySequence(f"Ctrl+{index + 1}")
        shortcut_text = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
        item = QListWidgetItem(title, self.ui.navList)
        item.setData(SHORTCUT_ROLE, shortcut_text)
        item.setToolTip(f"{title} ({shortcut_text})")
        action = QAction(title, self)
        action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False, i=index: self.show_page(i))
        self.ui.goMenu.addAction(action)
        self.nav_actions.append(action)

    def show_page(self, index: int) -> None:
        """Switch page and put the cursor where the clerk will type."""
        self.ui.navList.setCurrentRow(index)
        page = self.page_at(index)
        if page.focusProxy() is not None:
            page.setFocus()
        else:
            self.ui.navList.setFocus()

    def open_page(self, key: str) -> QWidget:
        """Switch to the page registered as ``key``; returns the page."""
        self.show_page(self.ui.pageStack.indexOf(self._pages[key]))
        return self.page(key)

    def dispatch_action(self, action: str, account_id: int) -> None:
        """The search page asks for another page on an account (pay, relief, complaint)."""
        key = ACTION_PAGES.get(action)
        if key is None:
            return
        cast(OpensAccount, self.open_page(key)).open_account(account_id)

    def next_customer(self) -> None:
        """A payment is done: the search page, its box emptied for the next customer."""
        self.open_page("search")
        self.search_page.start_over()

    @property
    def current_page(self) -> QWidget:
        return self.page_at(self.ui.pageStack.currentIndex())

    # -- window state (QSettings, not the workstation Settings) ---------------------

    def _restore_state(self) -> None:
        geometry = self._ui_state.value(GEOMETRY_KEY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self._ui_state.value(STATE_KEY)
        if state is not None:
            self.restoreState(state)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.page_builder.start()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if (
            self._is_built("payments") and not self.payments_page.confirm_close()
        ):  # payments with an unknown outcome
            event.ignore()
            return
        # the clerk quitting (Ctrl+Q asks in quit()) or closing the window; not the
        # program closing it
        if event.spontaneous() and not self.confirm_open_shift():
            event.ignore()
            return
        self.monitor.stop()
        self._ui_state.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._ui_state.setValue(STATE_KEY, self.saveState())
        self._ui_state.sync()
        super().closeEvent(event)
