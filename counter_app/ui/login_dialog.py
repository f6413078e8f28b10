"""The sign-in dialog: username, password, Enter signs in, Esc quits."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from counter_app.services.identity import LoginError, LoginFailure
from counter_app.ui.forms.ui_login_dialog import Ui_LoginDialog
from counter_app.ui.labels import role_name
from counter_app.ui.style import ERROR_STYLE, MUTED_STYLE, NOTE_STYLE
from counter_app.ui.tasks import TaskRunner

if TYPE_CHECKING:  # the login window shows before the ORM and Alembic load
    from counter_app.services.auth import LoginResult

log = logging.getLogger(__name__)

LOGIN_TASK = "login"


class DemoLogin(Protocol):
    """What the dialog needs of ``counter_app.services.installation.embedded.DemoLogin``."""

    username: str
    password: str
    role: str


LoginFunction = Callable[[str, str], "LoginResult"]


class LoginDialog(QDialog):
    """Signs a clerk in through the task runner; ``login_result`` on accept."""

    def __init__(
        self,
        login: LoginFunction,
        runner: TaskRunner,
        *,
        database_text: str,
        demo_logins: Sequence[DemoLogin] = (),
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self._login = login
        self._runner = runner
        self.login_result: LoginResult | None = None
        self._closed = False
        self._preparing = False
        self._submit_when_ready = False

        self.set_database_text(database_text)
        self.ui.databaseLabel.setStyleSheet(MUTED_STYLE)
        self.ui.demoLabel.setStyleSheet(NOTE_STYLE)
        self.show_demo_logins(demo_logins)
        self.ui.messageLabel.hide()
        self.adjustSize()
        self.ui.loginButton.clicked.connect(self.submit)
        self.ui.usernameEdit.setFocus()

    # -- public -----------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._runner.is_running(LOGIN_TASK)

    @property
    def preparing(self) -> bool:
        return self._preparing

    def set_database_text(self, database_text: str) -> None:
        self.ui.databaseLabel.setText(self.tr("Database: {name}").format(name=database_text))

    def set_preparing(self, text: str) -> None:
        """The database is still being checked (or created): the clerk can
        type; a sign-in asked for meanwhile starts as soon as it is ready."""
        self._preparing = True
        self._show_message(text, MUTED_STYLE)

    def set_ready(self) -> None:
        self._preparing = False
        if self._submit_when_ready:
            self._submit_when_ready = False
            self._set_busy(False)
            self.submit()
        else:
            self.ui.messageLabel.hide()

    def submit(self) -> None:
        """Check the fields, then sign in on the task runner."""
        if self.busy or self._submit_when_ready:
            return
        username = self.ui.usernameEdit.text().strip()
        password = self.ui.passwordEdit.text()
        if not username:
            self._show_error(self.tr("Please enter your username."), self.ui.usernameEdit)
            return
        if not password:
            self._show_error(self.tr("Please enter your password."), self.ui.passwordEdit)
            return
        self._set_busy(True)
        if self._preparing:
            self._submit_when_ready = True
            self._show_message(
                self.tr("Signing in as soon as the database is ready..."), MUTED_STYLE
            )
            return
        self._show_message(self.tr("Signing in, please wait..."), MUTED_STYLE)
        self._runner.submit(
            self._login,
            username,
            password,
            on_done=self._login_done,
            on_error=self._login_failed,
            key=LOGIN_TASK,
        )

    def reject(self) -> None:
        """Esc or Quit: leave; a sign-in still in flight is closed when it answers."""
        self._closed = True
        super().reject()

    # -- results (GUI thread) -----------------------------------------------------

    def _login_done(self, result: LoginResult) -> None:
        if self._closed:
            result.database.dispose()
            return
        self._set_busy(False)
        self.login_result = result
        log.info("signed in: %s (%s)", result.clerk.username, result.clerk.role)
        self.accept()

    def _login_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, LoginError):
            log.info("sign-in refused: %s", exc)
            message = self.failure_message(exc.failure)
        else:
            log.error("sign-in failed unexpectedly", exc_info=exc)
            message = self.tr(
                "Sign-in failed because of an unexpected error. "
                "Please try again, or call IT support."
            )
        self._show_error(message, self.ui.passwordEdit)

    def failure_message(self, failure: LoginFailure) -> str:
        messages = {
            LoginFailure.BAD_CREDENTIALS: self.tr(
                "Wrong username or password. Please check and try again."
            ),
            LoginFailure.UNREACHABLE: self.tr(
                "Cannot reach the database server. Check the network connection "
                "and try again, or call IT support."
            ),
            LoginFailure.NOT_A_CLERK: self.tr(
                "This account is not registered as a counter clerk. "
                "Ask your supervisor to set it up."
            ),
            LoginFailure.INACTIVE: self.tr("This account has been disabled. Ask your supervisor."),
            LoginFailure.SCHEMA_MISSING: self.tr(
                "The database is not ready for this version of Counter. "
                "Ask IT support to upgrade the database (counter-admin migrate)."
            ),
            LoginFailure.SCHEMA_TOO_NEW: self.tr(
                "The database belongs to a newer version of Counter. "
                "Ask IT support to install the new version on this workstation."
            ),
            LoginFailure.INSUFFICIENT_ROLE: self.tr("This account is not allowed to do this."),
        }
        return messages[failure]

    # -- helpers ------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self.ui.loginButton.setEnabled(not busy)
        self.ui.usernameEdit.setReadOnly(busy)
        self.ui.passwordEdit.setReadOnly(busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _show_message(self, text: str, style: str) -> None:
        self.ui.messageLabel.setStyleSheet(style)
        self.ui.messageLabel.setText(text)
        self.ui.messageLabel.show()

    def _show_error(self, text: str, focus: QLineEdit) -> None:
        self._show_message(text, ERROR_STYLE)
        focus.setFocus(Qt.FocusReason.OtherFocusReason)
        focus.selectAll()

    def show_demo_logins(self, demo_logins: Sequence[DemoLogin]) -> None:
        """The demo clerks' logins as a hint (empty: no hint)."""
        if not demo_logins:
            self.ui.demoLabel.hide()
            return
        entries = [
            self.tr("{username} / {password} ({role})").format(
                username=d.username, password=d.password, role=role_name(d.role)
            )
            for d in demo_logins
        ]
        self.ui.demoLabel.setText(
            self.tr("Demo accounts:\n{logins}").format(logins="\n".join(entries))
        )
        self.ui.demoLabel.show()
        self.adjustSize()
