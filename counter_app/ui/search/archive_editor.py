"""The account view's customer file line (档案号 … 柜号 …) and a supervisor's editing of
it: number the file, move it to another cabinet (migration 0019)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QLabel, QPushButton, QWidget

from counter_app.services.accounts.archive import ArchiveError, ArchiveInfo
from counter_app.ui.context import Workplace
from counter_app.ui.search.account_figures import archive_text, none_text
from counter_app.ui.style import MUTED_STYLE

ARCHIVE_KEY = "search.archive"
ARCHIVE_ROLE = "supervisor"  # numbers a file and moves its cabinet (migration 0019)


class ArchiveEditor(QObject):
    """Drives the form's ``archiveLabel`` and ``archiveButton`` (shown to a
    supervisor only); its strings stay in the AccountPanel context."""

    message = Signal(str, bool)  # text, warn

    def __init__(
        self, workplace: Workplace, label: QLabel, button: QPushButton, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.workplace, self.label, self.button, self.parent_widget = (
            workplace,
            label,
            button,
            parent,
        )
        self.account_id: int | None = None
        self.archive: ArchiveInfo | None = None
        self.label.setStyleSheet(MUTED_STYLE)
        self.button.setVisible(workplace.clerk.has_role(ARCHIVE_ROLE))

    def show_archive(self, account_id: int | None, archive: ArchiveInfo | None) -> None:
        self.account_id, self.archive = account_id, archive
        if archive is None:
            self.label.clear()
        else:
            self.label.setText(archive_text(archive))

    def close(self) -> None:
        """Forget the account (a save still running is dropped)."""
        self.workplace.runner.cancel(ARCHIVE_KEY)
        self.show_archive(None, None)

    def edit(self) -> None:
        """A supervisor numbers the account's file (the cabinet may be given
        with it) or moves it to another cabinet."""
        if self.account_id is None or self.archive is None or not self.button.isVisible():
            return
        dialog = QInputDialog(self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(QCoreApplication.translate("AccountPanel", "Archive file"))
        if self.archive.archive_no is None:
            dialog.setLabelText(
                QCoreApplication.translate(
                    "AccountPanel",
                    "The file gets the next archive number of its area and "
                    "year. Cabinet no. (may stay empty):",
                )
            )
        else:
            dialog.setLabelText(
                QCoreApplication.translate(
                    "AccountPanel", "Archive no. {no}: move the file to cabinet no.:"
                ).format(no=self.archive.archive_no)
            )
        dialog.setTextValue(self.archive.cabinet_no)
        dialog.textValueSelected.connect(self._save)
        dialog.open()

    def _save(self, cabinet_no: str) -> None:
        if self.account_id is None or self.archive is None:
            return
        service, account_id, actor = (
            self.workplace.services.archive,
            self.account_id,
            self.workplace.actor,
        )
        if self.archive.archive_no is None:

            def run():
                return service.assign(account_id, cabinet_no, actor)
        else:

            def run():
                return service.set_cabinet(account_id, cabinet_no, actor)

        self.button.setEnabled(False)
        self.workplace.runner.submit(
            run, on_done=self._saved, on_error=self._failed, key=ARCHIVE_KEY
        )

    def _saved(self, archive: ArchiveInfo) -> None:
        self.button.setEnabled(self.account_id is not None)
        self.show_archive(self.account_id, archive)
        text = QCoreApplication.translate(
            "AccountPanel", "Archive no. {no}, cabinet {cabinet}: recorded."
        )
        self.message.emit(
            text.format(no=archive.archive_no or "", cabinet=archive.cabinet_no or none_text()),
            False,
        )

    def _failed(self, exc: BaseException) -> None:
        self.button.setEnabled(self.account_id is not None)
        if isinstance(exc, PermissionError):
            text = QCoreApplication.translate(
                "AccountPanel", "Only a supervisor may number a file or move it."
            )
        elif isinstance(exc, ArchiveError) and exc.code == "already_numbered":
            text = QCoreApplication.translate(
                "AccountPanel",
                "This account already has an archive number; archive numbers "
                "are never changed. Press Esc and open the account again.",
            )
        elif isinstance(exc, ArchiveError) and exc.field == "cabinet_no":
            text = QCoreApplication.translate(
                "AccountPanel", "The cabinet no. must have 1 to 16 characters."
            )
        else:
            text = QCoreApplication.translate(
                "AccountPanel", "The archive file could not be recorded; try again."
            )
        self.message.emit(text, True)
