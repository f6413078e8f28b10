"""Status bar contents: who is signed in, where, and whether the database answers."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QStatusBar

from counter_app.services.auth import ClerkIdentity
from counter_app.ui.labels import role_name
from counter_app.ui.style import ALARM_STYLE, OK_STYLE
from counter_app.ui.tasks import TaskRunner

PING_TASK = "connection-ping"
PING_INTERVAL_MS = 30_000


class ConnectionMonitor(QObject):
    """Pings through the task runner every ``interval_ms`` (``ping`` runs
    there: the workplace's, which revives this computer's server)."""

    state_changed = Signal(bool)  # emitted on every answer

    def __init__(
        self,
        ping: Callable[[], bool],
        runner: TaskRunner,
        *,
        interval_ms: int = PING_INTERVAL_MS,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._ping = ping
        self._runner = runner
        self.connected: bool | None = None  # None until the first answer
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check_now)

    def start(self) -> None:
        self.check_now()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._runner.cancel(PING_TASK)

    def check_now(self) -> None:
        if self._runner.is_running(PING_TASK):
            return  # a slow ping (unreachable server) is still waiting
        self._runner.submit(
            self._ping, on_done=self._answered, on_error=self._failed, key=PING_TASK
        )

    def _answered(self, ok: object) -> None:
        self.connected = bool(ok)
        self.state_changed.emit(self.connected)

    def _failed(self, _exc: BaseException) -> None:
        self._answered(False)


def _separator(parent: QStatusBar) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.VLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


class StatusPanel(QObject):
    """The permanent labels of the main window's status bar."""

    def __init__(
        self,
        status_bar: QStatusBar,
        clerk: ClerkIdentity,
        workstation: str,
        database_text: str,
    ):
        super().__init__(status_bar)
        self.clerk_label = QLabel(status_bar)
        self.workstation_label = QLabel(status_bar)
        self.database_label = QLabel(status_bar)
        self.connection_label = QLabel(status_bar)
        labels = (
            ("clerkLabel", self.clerk_label),
            ("workstationLabel", self.workstation_label),
            ("databaseLabel", self.database_label),
            ("connectionLabel", self.connection_label),
        )
        for position, (name, label) in enumerate(labels):
            label.setObjectName(name)
            label.setContentsMargins(8, 0, 8, 0)
            if position:
                status_bar.addPermanentWidget(_separator(status_bar))
            status_bar.addPermanentWidget(label)
        self.clerk_label.setText(
            self.tr("Clerk: {name} ({role})").format(
                name=clerk.display_name, role=role_name(clerk.role)
            )
        )
        self.set_workstation(workstation)
        self.database_label.setText(self.tr("Database: {name}").format(name=database_text))
        self.connection_label.setText(self.tr("Checking connection..."))

    def set_workstation(self, workstation: str) -> None:
        self.workstation_label.setText(self.tr("Workstation: {name}").format(name=workstation))

    def set_connected(self, connected: bool) -> None:
        if connected:
            self.connection_label.setText(self.tr("Connected"))
            self.connection_label.setStyleSheet(OK_STYLE)
        else:
            self.connection_label.setText(self.tr("Connection lost"))
            self.connection_label.setStyleSheet(ALARM_STYLE)
