"""The row under a document dialog (the statement, the tariff basis):
Preview (Enter), Print (Ctrl+P), Save PDF (Ctrl+S) … Close (Esc), and what
the clerk reads when making the document failed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton

from counter_app.ui.errors import explain


class DocumentButtons(QHBoxLayout):
    """``preview`` is the default button; Close rejects the dialog."""

    def __init__(
        self,
        dialog: QDialog,
        *,
        preview: Callable[[], None],
        print_: Callable[[], None],
        save_pdf: Callable[[], None],
    ):
        super().__init__()
        self.preview = QPushButton(self.tr("Preview (Enter)"), dialog)
        self.preview.setDefault(True)
        self.print = QPushButton(self.tr("Print (Ctrl+P)"), dialog)
        self.print.setShortcut(QKeySequence("Ctrl+P"))
        self.pdf = QPushButton(self.tr("Save PDF (Ctrl+S)"), dialog)
        self.pdf.setShortcut(QKeySequence("Ctrl+S"))
        self.close = QPushButton(self.tr("Close (Esc)"), dialog)
        for button in (self.print, self.pdf, self.close):
            button.setAutoDefault(False)
        self.preview.clicked.connect(preview)
        self.print.clicked.connect(print_)
        self.pdf.clicked.connect(save_pdf)
        self.close.clicked.connect(dialog.reject)
        for button in (self.preview, self.print, self.pdf):
            self.addWidget(button)
        self.addStretch(1)
        self.addWidget(self.close)

    @property
    def making(self) -> tuple[QPushButton, QPushButton, QPushButton]:
        """The buttons that make the document (off while one is being made)."""
        return self.preview, self.print, self.pdf


def failure_text(exc: BaseException) -> str:
    """A printer's refusal, a PDF that could not be written, or anything else."""
    if isinstance(exc, OSError):
        text = QCoreApplication.translate("DocumentButtons", "The PDF could not be saved: {error}")
        return text.format(error=exc.strerror or str(exc))
    return explain(exc)
