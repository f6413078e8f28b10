"""Workstation settings (设置): show, check and save through SettingsStore."""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QLineEdit, QScrollArea, QWidget
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from counter_app.services.installation.connection import tls_description
from counter_app.settings import Settings, SettingsError, SettingsStore
from counter_app.ui.forms.ui_settings_page import Ui_SettingsPage
from counter_app.ui.settings.printer_section import PrinterFieldError, PrinterSection
from counter_app.ui.style import ERROR_STYLE, MUTED_STYLE, OK_STYLE
from counter_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

LANGUAGE_NAMES = (("zh_CN", "简体中文"), ("en", "English"))  # each in its own language
PAPER_WIDTHS = (58, 80)
HALL_CODE_RE = re.compile(r"^[A-Za-z0-9_-]{1,16}$")


class FieldProblem(Exception):
    """One field's value is refused; ``widget`` is where the clerk fixes it."""

    def __init__(self, field: str, message: str, widget: QWidget | None):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.widget = widget


class SettingsPage(QWidget):
    """Edits the settings of this workstation; emits ``saved`` after a save."""

    saved = Signal(object)  # the new Settings

    def __init__(
        self,
        settings: Settings,
        store: SettingsStore,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
        printers: list[str] | None = None,
        database_editable: bool = True,
    ):
        super().__init__(parent)
        self.ui = Ui_SettingsPage()
        self.ui.setupUi(self)
        # the printers of this workstation (counter_app/ui/settings/), below the general fields
        self.printer_section = PrinterSection(runner, self.ui.formPanel, printers=printers)
        self.ui.panelLayout.insertWidget(1, self.printer_section)
        # on the smallest screen (800x600) the fields scroll instead of squeezing
        scroll = QScrollArea(self)
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        index = self.ui.mainLayout.indexOf(self.ui.formPanel)
        self.ui.mainLayout.removeWidget(self.ui.formPanel)
        self.ui.mainLayout.removeItem(self.ui.verticalSpacer)  # the scroll area takes the room
        scroll.setWidget(self.ui.formPanel)
        self.ui.mainLayout.insertWidget(index, scroll, 1)
        # the message and the buttons stay in sight below the scrolling fields
        self.ui.panelLayout.removeWidget(self.ui.messageLabel)
        self.ui.panelLayout.removeItem(self.ui.buttonLayout)
        self.ui.mainLayout.insertWidget(index + 1, self.ui.messageLabel)
        self.ui.mainLayout.insertLayout(index + 2, self.ui.buttonLayout)
        # what protects the line to the database (TLS verify-full by default)
        self.tls_label = QLabel(self.ui.formPanel)
        self.tls_label.setObjectName("tlsLabel")
        self.tls_label.setWordWrap(True)
        self.ui.formLayout.insertRow(1, self.tr("Connection security"), self.tls_label)
        self.after_payment_combo = QComboBox(self.ui.formPanel)
        self.after_payment_combo.setObjectName("afterPaymentCombo")
        self.after_payment_combo.addItem(self.tr("the search box, emptied"), "search")
        self.after_payment_combo.addItem(
            self.tr("the account no. box, number selected"), "account_no"
        )
        after_label = QLabel(self.tr("After a payment, the cursor goes to"), self.ui.formPanel)
        after_label.setBuddy(self.after_payment_combo)
        self.ui.formLayout.addRow(after_label, self.after_payment_combo)
        chain = [
            self.ui.paperWidthCombo,
            self.after_payment_combo,
            *self.printer_section.tab_chain(),
            self.ui.saveButton,
            self.ui.revertButton,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._store = store
        self._running = settings  # what this session started with
        self._current = settings  # what was last saved
        for code, name in LANGUAGE_NAMES:
            self.ui.languageCombo.addItem(name, code)
        for width in PAPER_WIDTHS:
            self.ui.paperWidthCombo.addItem(f"{width} mm", width)
        self.setFocusProxy(self.ui.databaseUrlEdit)
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.revertButton.clicked.connect(self.revert)
        save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_shortcut.activated.connect(self.save)
        self._fill(settings)
        self.ui.messageLabel.hide()
        if not database_editable:  # a counter clerk cannot point the workstation elsewhere
            self.ui.databaseUrlEdit.setReadOnly(True)
            self.database_hint = QLabel(
                self.tr("Only a supervisor or an administrator changes the database address."), self
            )
            self.database_hint.setObjectName("databaseHint")
            self.database_hint.setStyleSheet(MUTED_STYLE)
            match self.ui.formLayout.getWidgetPosition(self.ui.databaseUrlEdit):
                case (int() as row, _):  # (row, role); the stubs say object
                    self.ui.formLayout.insertRow(row + 1, "", self.database_hint)

    @property
    def settings(self) -> Settings:
        return self._current

    # -- actions ------------------------------------------------------------------

    def save(self) -> bool:
        try:
            new = self._read_form()
        except FieldProblem as problem:
            self._show(
                self.tr("{field}: {problem}").format(field=problem.field, problem=problem.message),
                ERROR_STYLE,
            )
            if problem.widget is not None:
                problem.widget.setFocus(Qt.FocusReason.OtherFocusReason)
                if isinstance(problem.widget, QLineEdit):
                    problem.widget.selectAll()
            return False
        to_store = new
        if new.database_url == self._running.database_url:
            # a URL given for this run only (--database-url, COUNTER_DATABASE_URL) is not saved
            to_store = new.with_changes(database_url=self._store.stored_database_url())
        try:
            self._store.save(to_store)
        except OSError as exc:
            log.error("cannot save settings to %s", self._store.path, exc_info=exc)
            self._show(
                self.tr("Cannot save the settings file {path}: {error}").format(
                    path=str(self._store.path), error=exc.strerror or str(exc)
                ),
                ERROR_STYLE,
            )
            return False
        self._current = new
        self._fill(new)
        notes = [self.tr("Settings saved.")]
        if new.language != self._running.language:
            notes.append(self.tr("The new language applies at the next start of Counter."))
        if new.database_url != self._running.database_url:
            notes.append(self.tr("The new database applies at the next start of Counter."))
        if self.printer_section.changed(self._running, new):
            notes.append(self.printer_section.applied_note())
        self._show(" ".join(notes), OK_STYLE)
        self.saved.emit(new)
        return True

    def revert(self) -> None:
        self._fill(self._current)
        self.ui.messageLabel.hide()

    # -- form <-> settings ----------------------------------------------------------

    def tls_text(self, settings: Settings) -> str:
        """Which protection the connection uses (the saved settings')."""
        if settings.is_embedded:
            return self.tr("the database on this computer (no network)")
        what = tls_description(settings.connection_url())
        if what == "local":
            return self.tr("a server on this computer (no network)")
        mode, _, detail = what.partition(": ")
        if mode == "plaintext":
            return self.tr(
                "NOT verified (sslmode={mode}): chosen with allow_plaintext_remote in "
                "the settings file"
            ).format(mode=detail)
        return self.tr("TLS {mode}, CA file {ca}").format(mode=mode, ca=detail)

    def _fill(self, settings: Settings) -> None:
        self.tls_label.setText(self.tls_text(settings))
        self.ui.databaseUrlEdit.setText(settings.database_url)
        self.ui.workstationEdit.setText(settings.workstation)
        self.ui.hallCodeEdit.setText(settings.hall_code)
        self.ui.languageCombo.setCurrentIndex(
            max(0, self.ui.languageCombo.findData(settings.language))
        )
        self.ui.paperWidthCombo.setCurrentIndex(
            max(0, self.ui.paperWidthCombo.findData(settings.paper_width_mm))
        )
        self.after_payment_combo.setCurrentIndex(
            max(0, self.after_payment_combo.findData(settings.after_payment_focus))
        )
        self.printer_section.fill(settings)

    def _field_names(self) -> dict[str, tuple[str, QWidget]]:
        return {
            "database_url": (self.tr("Database URL"), self.ui.databaseUrlEdit),
            "workstation": (self.tr("Workstation name"), self.ui.workstationEdit),
            "hall_code": (self.tr("Hall code"), self.ui.hallCodeEdit),
            "language": (self.tr("Language"), self.ui.languageCombo),
            "paper_width_mm": (self.tr("Receipt paper width"), self.ui.paperWidthCombo),
            "after_payment_focus": (
                self.tr("After a payment, the cursor goes to"),
                self.after_payment_combo,
            ),
        }

    def _problem(self, field: str, message: str) -> FieldProblem:
        name, widget = self._field_names().get(field, (field, None))
        return FieldProblem(name, message, widget)

    def _read_form(self) -> Settings:
        url = self.ui.databaseUrlEdit.text().strip()
        if url:
            self._check_url(url)
        workstation = self.ui.workstationEdit.text().strip()
        if not workstation:
            raise self._problem("workstation", self.tr("must not be empty."))
        hall_code = self.ui.hallCodeEdit.text().strip()
        if not hall_code:
            raise self._problem("hall_code", self.tr("must not be empty."))
        if not HALL_CODE_RE.match(hall_code):
            raise self._problem(
                "hall_code", self.tr("use up to 16 letters, digits, - or _ (for example HQ).")
            )
        try:
            return self.printer_section.apply(
                self._current.with_changes(
                    database_url=url,
                    workstation=workstation,
                    hall_code=hall_code,
                    language=self.ui.languageCombo.currentData(),
                    paper_width_mm=self.ui.paperWidthCombo.currentData(),
                    after_payment_focus=self.after_payment_combo.currentData(),
                )
            )
        except PrinterFieldError as problem:
            raise FieldProblem(problem.field, problem.message, problem.widget) from None
        except SettingsError as exc:  # the registry's own rules, as a last line
            raise self._problem(exc.field, str(exc)) from None

    def _check_url(self, url: str) -> None:
        example = "postgresql://db-server/counter"
        try:
            parsed = make_url(url)
        except ArgumentError:
            raise self._problem(
                "database_url",
                self.tr("not a database address; for example {example}.").format(example=example),
            ) from None
        backend = parsed.get_backend_name()
        if backend not in ("postgresql", "postgres"):
            raise self._problem(
                "database_url",
                self.tr(
                    "only PostgreSQL is supported: a shared server's address, for example "
                    "{example}, or empty for the database on this computer."
                ).format(example=example),
            )
        if parsed.password is not None:
            raise self._problem(
                "database_url",
                self.tr("must not contain a password; each clerk types theirs at sign-in."),
            )
        if not parsed.database:
            raise self._problem(
                "database_url",
                self.tr("name the database; for example {example}.").format(example=example),
            )

    def _show(self, text: str, style: str) -> None:
        self.ui.messageLabel.setStyleSheet(style)
        self.ui.messageLabel.setText(text)
        self.ui.messageLabel.show()
