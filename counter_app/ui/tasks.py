"""The one task runner: every database call from the UI goes through it.
Design: docs/architecture.md ("The UI")
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QEventLoop,
    QObject,
    QThreadPool,
    Signal,
    Slot,
)

from counter_app.ui.account_events import AccountEvents

log = logging.getLogger(__name__)

DoneCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]
ProgressCallback = Callable[[int, int], None]  # (done, total); total 0: unknown
# the account a write changed: its id, or a function of the result (None: none changed)
Changes = int | Callable[[Any], int | None] | None
PROGRESS_INTERVAL = 0.05  # seconds between two progress reports reaching the GUI thread
R = TypeVar("R")  # what a submitted callable returns, what its on_done gets
# refusals the pages expect and explain to the clerk: logged without a traceback
EXPECTED_ERRORS: tuple[type[BaseException], ...] = (ValueError, PermissionError, LookupError)


class Cancelled(Exception):
    """The task stopped because it was cancelled (cooperatively, at a report)."""


class TaskControl:
    """The worker's side of a long task: report progress, notice cancel.

    Thread-safe and free of widgets; ``progress`` raises :class:`Cancelled`
    once the task was cancelled, so work that reports also stops.
    """

    def __init__(self, report: Callable[[int, int], None] | None = None):
        self._cancel = threading.Event()
        self._report = report
        self._last = 0.0

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        """Raise :class:`Cancelled` when the task was cancelled."""
        if self._cancel.is_set():
            raise Cancelled

    def progress(self, done: int, total: int = 0) -> None:
        """``done`` of ``total`` units (rows) are done; raises when cancelled."""
        self.check()
        now = time.monotonic()
        if self._report is not None and (
            done == 0 or done >= total > 0 or now - self._last >= PROGRESS_INTERVAL
        ):
            self._last = now
            self._report(done, total)


@dataclass
class _Pending:
    key: str | None
    on_done: DoneCallback | None
    on_error: ErrorCallback | None
    changes: Changes = None
    on_progress: ProgressCallback | None = None
    control: TaskControl | None = None


def expected_refusal(exc: BaseException) -> bool:
    """True for a refusal a page expects (bad input, not allowed, not found,
    an error type of the app's own services); False for an unexpected failure."""
    if isinstance(exc, (*EXPECTED_ERRORS, Cancelled)):
        return True
    module = type(exc).__module__
    return module.startswith(("counter_app.services.", "counter_app.domain."))


def _log_failure(task_id: int, key: str | None, exc: BaseException) -> None:
    """Every failure reaching a page's on_error leaves a line in the log."""
    name = key or "-"
    if expected_refusal(exc):
        log.info("task %d (%s) refused: %s: %s", task_id, name, type(exc).__name__, exc)
    else:
        log.warning("task %d (%s) failed", task_id, name, exc_info=exc)


def _receiver_alive(callback: Callable[..., Any] | None) -> bool:
    """False when ``callback`` is a method of a Qt object already deleted
    (a dialog closed while its request was in flight)."""
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, QObject):
        return shiboken6.isValid(owner)
    return True


class TaskRunner(QObject):
    """Runs plain Python callables off the GUI thread.

    ``finished(task_id, result)`` and ``failed(task_id, exception)`` are
    emitted on the GUI thread for every request that was not superseded;
    ``busy_changed(bool)`` when the first request starts or the last ends.
    """

    finished = Signal(int, object)
    failed = Signal(int, object)
    busy_changed = Signal(bool)

    # emitted from worker threads; queued to this object's (GUI) thread
    _worker_done = Signal(int, object)
    _worker_failed = Signal(int, object)
    _worker_progress = Signal(int, int, int)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_threads: int = 4,
        events: AccountEvents | None = None,
    ):
        super().__init__(parent)
        self.events = events if events is not None else AccountEvents(self)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._latest: dict[str, int] = {}
        self._busy = False
        self._worker_done.connect(self._deliver_result)
        self._worker_failed.connect(self._deliver_error)
        self._worker_progress.connect(self._deliver_progress)

    # -- public -----------------------------------------------------------------

    def submit(
        self,
        fn: Callable[..., R],
        *args: Any,
        on_done: Callable[[R], None] | None = None,
        on_error: ErrorCallback | None = None,
        key: str | None = None,
        changes: Changes = None,
        on_progress: ProgressCallback | None = None,
    ) -> int:
        """Run ``fn(*args)`` on the pool; returns the request id. ``changes``
        names the account a successful run changed; with ``on_progress``,
        ``fn`` also gets ``control=`` a :class:`TaskControl` (see the module doc)."""
        task_id = next(self._ids)
        control = None
        if on_progress is not None:
            control = TaskControl(
                lambda done, total: self._worker_progress.emit(task_id, done, total)
            )
        self._pending[task_id] = _Pending(key, on_done, on_error, changes, on_progress, control)
        if key is not None:
            self._latest[key] = task_id
        kwargs = {} if control is None else {"control": control}
        self._pool.start(lambda: self._run(task_id, fn, args, kwargs))
        if not self._busy:
            self._busy = True
            self.busy_changed.emit(True)
        return task_id

    def cancel(self, key: str) -> None:
        """Drop the result of the request in flight under ``key``, if any;
        a task with progress is also asked to stop."""
        task_id = self._latest.pop(key, None)
        pending = self._pending.get(task_id) if task_id is not None else None
        if pending is not None and pending.control is not None:
            pending.control.cancel()

    def cancel_task(self, task_id: int) -> None:
        """Ask the task ``task_id`` (submitted with ``on_progress``) to stop;
        its ``on_error`` then gets :class:`Cancelled`."""
        pending = self._pending.get(task_id)
        if pending is not None and pending.control is not None:
            pending.control.cancel()

    @property
    def is_busy(self) -> bool:
        return bool(self._pending)

    def is_running(self, key: str) -> bool:
        """True while the newest request under ``key`` has not answered."""
        return key in self._latest

    def wait_idle(self, ms: int = 5000) -> bool:
        """Process events until every request has answered (or ``ms`` passed).

        For shutdown and tests; returns False on timeout.
        """
        deadline = QDeadlineTimer(ms)
        while self._pending:
            if deadline.hasExpired():
                return False
            self._pool.waitForDone(min(20, max(1, deadline.remainingTime())))
            QCoreApplication.sendPostedEvents(self)
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        return True

    def shutdown(self, ms: int = 5000) -> bool:
        """Forget queued requests, drop all results, wait for running ones."""
        self._pool.clear()
        self._latest.clear()
        for pending in self._pending.values():
            pending.on_done = pending.on_error = pending.changes = pending.on_progress = None
            if pending.control is not None:
                pending.control.cancel()
        done = self._pool.waitForDone(ms)
        QCoreApplication.sendPostedEvents(self)
        self._pending.clear()  # requests cleared from the queue never answer
        self._settle()
        return done

    # -- worker side (pool thread) ----------------------------------------------

    def _run(
        self, task_id: int, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> None:
        try:
            result = fn(*args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - every request must answer
            self._worker_failed.emit(task_id, exc)
        else:
            self._worker_done.emit(task_id, result)

    # -- GUI side -----------------------------------------------------------------

    def _take(self, task_id: int) -> _Pending | None:
        """Forget the request; None when its answer is stale."""
        pending = self._pending.pop(task_id, None)
        if pending is None or pending.key is None:
            return pending
        if self._latest.get(pending.key) != task_id:
            return None
        del self._latest[pending.key]
        return pending

    def _settle(self) -> None:
        if self._busy and not self._pending:
            self._busy = False
            self.busy_changed.emit(False)

    def _changed_account(self, changes: Changes, result: object) -> int | None:
        if changes is None or isinstance(changes, int):
            return changes
        try:
            return changes(result)
        except Exception:  # noqa: BLE001 - the write succeeded; say so in the log only
            log.exception("could not tell which account a task changed")
            return None

    @Slot(int, object)
    def _deliver_result(self, task_id: int, result: object) -> None:
        entry = self._pending.get(task_id)
        changed = None if entry is None else self._changed_account(entry.changes, result)
        try:
            pending = self._take(task_id)
            if pending is None:
                log.debug("dropped stale result of task %d", task_id)
                return
            self.finished.emit(task_id, result)
            if pending.on_done is not None and _receiver_alive(pending.on_done):
                pending.on_done(result)
        finally:
            self._settle()
            if changed is not None:  # even when its answer is stale: the write happened
                self.events.changed.emit(changed)

    @Slot(int, int, int)
    def _deliver_progress(self, task_id: int, done: int, total: int) -> None:
        pending = self._pending.get(task_id)
        if (
            pending is None
            or pending.on_progress is None
            or (pending.control is not None and pending.control.cancelled)
        ):
            return
        if _receiver_alive(pending.on_progress):
            pending.on_progress(done, total)

    @Slot(int, object)
    def _deliver_error(self, task_id: int, exc: BaseException) -> None:
        try:
            pending = self._take(task_id)
            if pending is None:
                log.debug("dropped stale error of task %d: %r", task_id, exc)
                return
            self.failed.emit(task_id, exc)
            if pending.on_error is None:
                if isinstance(exc, Cancelled):
                    log.info("background task %d (%s) cancelled", task_id, pending.key or "-")
                else:
                    log.error(
                        "background task %d (%s) failed", task_id, pending.key or "-", exc_info=exc
                    )
            else:
                _log_failure(task_id, pending.key, exc)
                if _receiver_alive(pending.on_error):
                    pending.on_error(exc)
        finally:
            self._settle()
