"""First start of a workstation: which database, saved without any password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from counter_app.services.installation.connection import (
    ConnectionOutcome,
    check_connection,
    postgres_url,
)
from counter_app.settings import Settings, SettingsStore
from counter_app.ui.forms.ui_delivery_first_run import Ui_FirstRunDialog
from counter_app.ui.tasks import TaskRunner

TEST_KEY = "first-run-test-connection"


class FirstRunDialog(QDialog):
    """Embedded demo database or a shared PostgreSQL server; ``saved`` after accept.

    The form is ui/delivery_first_run.ui. A server on another machine is verified
    whatever the TLS box says (TLS verify-full, db/urls.py); the box chooses the CA
    file instead of libpq's default root.crt."""

    def __init__(
        self,
        store: SettingsStore,
        settings: Settings,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ui = ui = Ui_FirstRunDialog()
        ui.setupUi(self)
        self.store, self.settings, self.runner = store, settings, runner
        self.saved: Settings | None = None
        self.embedded, self.shared, self.server_box = ui.embeddedRadio, ui.sharedRadio, ui.serverBox
        self.host, self.port, self.database = ui.hostEdit, ui.portSpin, ui.databaseEdit
        self.tls, self.ca_file, self.browse = ui.tlsCheck, ui.caFileEdit, ui.browseButton
        self.username, self.password = ui.usernameEdit, ui.passwordEdit
        self.test_button, self.message, self.buttons = ui.testButton, ui.messageLabel, ui.buttonBox

        self.shared.toggled.connect(self._update_enabled)
        self.tls.toggled.connect(self._update_enabled)
        self.browse.clicked.connect(self._browse)
        self.test_button.clicked.connect(self.test_connection)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._update_enabled()
        self.embedded.setFocus()
        self.adjustSize()  # the height its wrapped notes need, not the form's geometry

    # -- values ---------------------------------------------------------------

    def database_url(self) -> str:
        """The URL to save: empty for the embedded database; never a password."""
        if self.embedded.isChecked():
            return ""
        ca_file = self.ca_file.text().strip() if self.tls.isChecked() else ""
        return postgres_url(
            self.host.text(), self.port.value(), self.database.text(), ca_file=ca_file
        )

    def _problem(self) -> tuple[QWidget, str] | None:
        """The first field the server choice lacks, with its message."""
        if self.embedded.isChecked():
            return None
        if not self.host.text().strip():
            return self.host, self.tr("Enter the server's host name or address.")
        if not self.database.text().strip():
            return self.database, self.tr("Enter the database name.")
        if self.tls.isChecked() and not self.ca_file.text().strip():
            return self.ca_file, self.tr("Choose the CA certificate file for TLS.")
        return None

    def _show_problem(self, problem: tuple[QWidget, str]) -> None:
        widget, message = problem
        self.message.setText(message)
        widget.setFocus()

    # -- actions --------------------------------------------------------------

    def test_connection(self) -> None:
        problem = self._problem()
        if problem is None and not (self.username.text().strip() and self.password.text()):
            problem = (
                self.username if not self.username.text().strip() else self.password,
                self.tr("Enter a user name and password for the test."),
            )
        if problem is not None:
            self._show_problem(problem)
            return
        self.test_button.setEnabled(False)
        self.message.setText(self.tr("Connecting..."))
        self.runner.submit(
            check_connection,
            self.database_url(),
            self.username.text(),
            self.password.text(),
            on_done=self._tested,
            on_error=self._test_failed,
            key=TEST_KEY,
        )

    def _tested(self, outcome: ConnectionOutcome) -> None:
        self.test_button.setEnabled(True)
        self.message.setText(self.outcome_text(outcome))

    def _test_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.message.setText(self.tr("The test failed: {problem}").format(problem=str(exc)))

    def outcome_text(self, outcome: ConnectionOutcome) -> str:
        return {
            ConnectionOutcome.REACHABLE: self.tr("Connected: the server is reachable."),
            ConnectionOutcome.BAD_CREDENTIALS: self.tr(
                "The server answered, but the user name or password is wrong."
            ),
            ConnectionOutcome.TLS_ERROR: self.tr(
                "TLS error: check the CA certificate file and the host name."
            ),
            ConnectionOutcome.UNREACHABLE: self.tr(
                "The server cannot be reached: check host, port and network."
            ),
        }[outcome]

    def save(self) -> None:
        problem = self._problem()
        if problem is not None:
            self._show_problem(problem)
            return
        settings = self.settings.with_changes(database_url=self.database_url())
        self.store.save(settings)
        self.saved = settings
        self.password.clear()
        self.accept()

    def reject(self) -> None:
        self.runner.cancel(TEST_KEY)
        self.password.clear()
        super().reject()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("CA certificate file"),
            self.ca_file.text(),
            self.tr("Certificates (*.crt *.pem *.cer);;All files (*)"),
        )
        if path:
            self.ca_file.setText(path)

    def _update_enabled(self) -> None:
        shared = self.shared.isChecked()
        self.server_box.setEnabled(shared)
        self.ca_file.setEnabled(shared and self.tls.isChecked())
        self.browse.setEnabled(shared and self.tls.isChecked())
        self.message.setText("")


def run_first_run(store: SettingsStore, settings: Settings, runner: TaskRunner) -> Settings | None:
    """Show the dialog; the saved settings, or None when the clerk cancelled."""
    dialog = FirstRunDialog(store, settings, runner)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    saved = dialog.saved if accepted else None
    dialog.deleteLater()
    return saved
