"""What became of a submission whose answer was lost (收费, 冲正).
Design: docs/architecture.md ("The UI")
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QPushButton

from counter_app.services.payments.service import IdempotencyConflict
from counter_app.ui.errors import connection_lost
from counter_app.ui.tasks import TaskRunner


def error_text(error: BaseException) -> str:
    """Why the outcome is unknown, for the status line."""
    if connection_lost(error):
        return QCoreApplication.translate(
            "PaymentOutcome", "the connection to the database was lost"
        )
    if isinstance(error, IdempotencyConflict):
        return QCoreApplication.translate(
            "PaymentOutcome", "an earlier attempt of this payment reached the database"
        )
    lines = str(getattr(error, "orig", None) or error).splitlines()
    return lines[0] if lines else type(error).__name__


def set_enter_button(
    chosen: QPushButton, confirm: QPushButton, check: QPushButton, print_: QPushButton
) -> None:
    """The button Enter presses: confirm (post / Done), check again (the outcome
    is unknown: confirm is hidden) or print (Done stays beside it)."""
    check.setVisible(chosen is check)
    print_.setVisible(chosen is print_)
    confirm.setVisible(chosen is not check)
    chosen.setEnabled(True)
    chosen.setDefault(True)


class OutcomeCheck(QObject):
    """Runs ``lookup(*args)`` on the runner until the database answers.

    ``resolved(result)``: the answer (what was written, or None when nothing
    was). ``unreachable(seconds)``: the database did not answer; it is asked
    again after ``seconds`` (or at once with :meth:`check`). ``failed(error)``:
    the lookup was refused for another reason (no automatic retry).
    """

    resolved = Signal(object)
    unreachable = Signal(int)
    failed = Signal(object)

    RETRY_DELAYS_MS = (2_000, 5_000, 10_000, 20_000, 30_000)  # then every 30 s

    def __init__(
        self,
        runner: TaskRunner,
        key: str,
        lookup: Callable[..., Any],
        *args: Any,
        account_id: int | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._account_id = account_id  # changed when the lookup finds the write
        self.runner = runner
        self.key = key
        self._lookup = lookup
        self._args = args
        self._misses = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)

    @property
    def asking(self) -> bool:
        """A lookup is in flight."""
        return self.runner.is_running(self.key)

    def check(self) -> None:
        """Ask now (a retry already scheduled is dropped)."""
        self._timer.stop()
        if self.asking:
            return
        self.runner.submit(
            self._lookup,
            *self._args,
            on_done=self._answered,
            on_error=self._not_answered,
            key=self.key,
            changes=self._found,
        )

    def _found(self, result: object) -> int | None:
        """The account changed when the lost write is found to have happened."""
        return self._account_id if result is not None else None

    def stop(self) -> None:
        """No more asking (the dialog was closed); a late answer is dropped."""
        self._timer.stop()
        self.runner.cancel(self.key)
        self._misses = 0

    def _answered(self, result: object) -> None:
        self._misses = 0
        self.resolved.emit(result)

    def _not_answered(self, error: BaseException) -> None:
        if not connection_lost(error):
            self.failed.emit(error)
            return
        delays = self.RETRY_DELAYS_MS
        ms = delays[min(self._misses, len(delays) - 1)]
        self._misses += 1
        self._timer.start(ms)
        self.unreachable.emit(max(1, round(ms / 1000)))
