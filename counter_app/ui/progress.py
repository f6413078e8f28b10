"""A progress bar with the row count and a cancel button for long tasks.
Design: docs/architecture.md ("The UI")
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from counter_app.ui.tasks import Cancelled, TaskRunner

SHOW_AFTER_MS = 400  # quick exports finish before a dialog flashes up


class TaskProgress(QObject):
    """The dialog of one running task; ``task_id`` names it on the runner."""

    def __init__(self, parent: QWidget, runner: TaskRunner, title: str, unit: str):
        super().__init__(parent)
        self.runner = runner
        self.unit = unit
        self.task_id: int | None = None
        self.dialog = QProgressDialog(parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setCancelButtonText(self.tr("Cancel"))
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setRange(0, 0)  # busy until the first report tells the total
        self.dialog.setLabelText(self.tr("Starting..."))
        self.dialog.canceled.connect(self.cancel)

    def report(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
            self.dialog.setLabelText(
                self.tr("{done} of {total} {unit}").format(
                    done=f"{done:,}", total=f"{total:,}", unit=self.unit
                )
            )
        else:
            self.dialog.setLabelText(
                self.tr("{done} {unit}").format(done=f"{done:,}", unit=self.unit)
            )

    def cancel(self) -> None:
        if self.task_id is not None:
            self.runner.cancel_task(self.task_id)
            self.dialog.setLabelText(self.tr("Cancelling..."))

    def close(self) -> None:
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
        self.deleteLater()


def run_with_progress(
    parent: QWidget,
    runner: TaskRunner,
    fn: Callable[..., Any],
    *args: Any,
    title: str,
    unit: str,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_cancelled: Callable[[], None],
    key: str | None = None,
) -> TaskProgress:
    """Run ``fn(*args, control=...)`` with a progress dialog (see module doc)."""
    progress = TaskProgress(parent, runner, title, unit)

    def done(result: Any) -> None:
        progress.close()
        on_done(result)

    def failed(exc: BaseException) -> None:
        progress.close()
        if isinstance(exc, Cancelled):
            on_cancelled()
        else:
            on_error(exc)

    progress.task_id = runner.submit(
        fn, *args, on_done=done, on_error=failed, on_progress=progress.report, key=key
    )
    return progress
