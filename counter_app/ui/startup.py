"""First-start work before the login: the embedded demo database."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from counter_app.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

EMBEDDED_MODULE = "counter_app.services.embedded"
PROGRESS_DELAY_MS = 400  # a quick check of an existing database shows nothing


def load_prepare_function() -> Callable[..., Any] | None:
    """``prepare_embedded_database`` when the service exists in this build."""
    try:
        module = importlib.import_module(EMBEDDED_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name != EMBEDDED_MODULE:
            raise
        log.warning("%s is not available; the embedded database is not prepared", EMBEDDED_MODULE)
        return None
    return module.prepare_embedded_database


def prepare_embedded(
    runner: TaskRunner,
    url: str,
    *,
    prepare: Callable[..., Any] | None = None,
    parent: QWidget | None = None,
) -> tuple[bool, Any]:
    """Create, migrate and fill the demo database on the task runner.

    A small progress dialog shows while it takes more than a moment. Returns
    ``(ok, info)``: ``info`` is the service's EmbeddedInfo (None when the
    service is missing); on failure the clerk has seen a message and ``ok``
    is False.
    """
    prepare = prepare or load_prepare_function()
    if prepare is None:
        return True, None

    progress = QProgressDialog(parent)
    progress.setWindowTitle(QCoreApplication.translate("Startup", "Counter"))
    progress.setLabelText(
        QCoreApplication.translate("Startup", "Preparing the demo database...")
    )
    progress.setRange(0, 0)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setValue(0)  # else the new delay would not restart Qt's 4 s show timer
    progress.setMinimumDuration(PROGRESS_DELAY_MS)
    progress.setAutoClose(False)
    progress.setMinimumWidth(320)

    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def done(info: Any) -> None:
        outcome["info"] = info
        loop.quit()

    def failed(exc: BaseException) -> None:
        outcome["error"] = exc
        loop.quit()

    runner.submit(prepare, url, on_done=done, on_error=failed, key="prepare-embedded")
    if not outcome:
        loop.exec()
    progress.close()
    progress.deleteLater()

    if "error" in outcome:
        exc = outcome["error"]
        log.error("cannot prepare the embedded database %s", url, exc_info=exc)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("Startup", "Counter"),
            QCoreApplication.translate(
                "Startup",
                "The demo database on this computer could not be prepared. Call IT support.",
            ),
            parent=parent,
        )
        box.setDetailedText(str(exc))
        box.exec()
        return False, None
    info = outcome["info"]
    if getattr(info, "created", False):
        log.info("created the embedded demo database %s", url)
    return True, info
