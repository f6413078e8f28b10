"""The main window: navigation on the left (Ctrl+1..Ctrl+6), pages on the right."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QListWidgetItem, QMainWindow, QMessageBox, QWidget

from counter_app.settings import SettingsStore
from counter_app.ui.context import Workplace
from counter_app.ui.forms.ui_main_window import Ui_MainWindow
from counter_app.ui.lazy_page import LazyPage, PageBuilder
from counter_app.ui.nav import SHORTCUT_ROLE, NavDelegate
from counter_app.ui.pages.complaints import ComplaintsPage
from counter_app.ui.pages.day_close import DayClosePage
from counter_app.ui.pages.payments import PaymentsPage
from counter_app.ui.pages.relief import ReliefPage
from counter_app.ui.pages.search import SearchPage
from counter_app.ui.pages.settings_page import SettingsPage
from counter_app.ui.settings.tariffs_page import TariffsPage
from counter_app.ui.status import PING_INTERVAL_MS, ConnectionMonitor, StatusPanel

GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"


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
            workplace.clerk, workplace.database, workplace.settings, workplace.runner
        )
        self.clerk = clerk
        self.shift_open = False  # as the payments or day close page last read it
        self.database = database
        self.runner = runner
        self._ui_state = ui_state if ui_state is not None else QSettings()
        self.setWindowTitle(self.tr("Counter - {name}").format(name=clerk.display_name))

        self.search_page = SearchPage(workplace, state=self._ui_state)
        state = self._ui_state
        # the other pages are built when first shown (or asked for): sign-in stays quick
        self._lazy = [
            LazyPage(lambda: self._connected(PaymentsPage(workplace, state=state))),
            LazyPage(lambda: ReliefPage(workplace)),
            LazyPage(lambda: ComplaintsPage(workplace)),
            LazyPage(lambda: self._connected(DayClosePage(workplace))),
            LazyPage(lambda: self._connected(SettingsPage(
                settings, settings_store, runner=runner,
                database_editable=clerk.role != "clerk"))),
        ]
        self.nav_actions: list[QAction] = []
        self.ui.navList.setItemDelegate(NavDelegate(self.ui.navList))
        titles = (self.tr("Search"), self.tr("Payments"), self.tr("Relief"),
                  self.tr("Complaints"), self.tr("Day close"), self.tr("Settings"))
        for title, page in zip(titles, (self.search_page, *self._lazy), strict=True):
            self._add_page(title, page)
        if clerk.role == "admin":  # the price schedules (水价): administrators only
            self._add_page(self.tr("Tariffs"), LazyPage(lambda: TariffsPage(workplace)))
        # built once the window shows, one per turn: a first visit only shows them (the
        # payments page waits for its visit: built, it asks about unfinished payments)
        self.page_builder = PageBuilder(self._lazy[1:4], self)
        self.ui.navList.currentRowChanged.connect(self.ui.pageStack.setCurrentIndex)
        self.ui.navList.setCurrentRow(0)
        self.ui.actionQuit.triggered.connect(self.quit)
        self.search_page.action_requested.connect(self.dispatch_action)

        self.status = StatusPanel(
            self.ui.statusBar, clerk, settings.workstation, database.describe()
        )
        self.monitor = ConnectionMonitor(workplace.ping, runner, interval_ms=ping_interval_ms,
                                         parent=self)
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
            self, self.tr("Shift still open"),
            self.tr("Your shift is still open: count the till and close it on Day close "
                    "(Ctrl+5) before you leave. Quit anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def quit(self) -> None:
        """Ctrl+Q: ask first while the shift is open."""
        if self.confirm_open_shift():
            self.close()

    def page_at(self, index: int) -> QWidget:
        """The page at ``index`` of the stack (built if it was not yet)."""
        widget = self.ui.pageStack.widget(index)
        return widget.page if isinstance(widget, LazyPage) else widget

    @property
    def payments_page(self) -> PaymentsPage:
        return self._lazy[0].page

    @property
    def relief_page(self) -> ReliefPage:
        return self._lazy[1].page

    @property
    def complaints_page(self) -> ComplaintsPage:
        return self._lazy[2].page

    @property
    def day_close_page(self) -> DayClosePage:
        return self._lazy[3].page

    @property
    def settings_page(self) -> SettingsPage:
        return self._lazy[4].page

    # -- navigation ---------------------------------------------------------------

    def _add_page(self, title: str, page: QWidget) -> None:
        index = self.ui.pageStack.addWidget(page)
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

    def dispatch_action(self, action: str, account_id: int) -> None:
        """The search page asks for another page on an account (pay, relief, complaint)."""
        index = {"pay": 1, "relief": 2, "complaint": 3}.get(action)
        if index is None:
            return
        self.show_page(index)
        page = self.page_at(index)
        if hasattr(page, "open_account"):
            page.open_account(account_id)

    def next_customer(self) -> None:
        """A payment is done: the search page, its box emptied for the next customer."""
        self.show_page(0)
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
        if self._lazy[0].is_built and not self.payments_page.confirm_close():  # payments with an unknown outcome
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
