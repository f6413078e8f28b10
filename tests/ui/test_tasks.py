"""TaskRunner: results on the GUI thread, in order, newest wins per key."""

from __future__ import annotations

import logging
import threading

import psycopg
import pytest
import shiboken6
from PySide6.QtCore import QObject, QThread

from counter_app.services.actions import ActionError
from counter_app.services.payments.reversals import ReversalError
from counter_app.ui.tasks import Cancelled, TaskRunner, expected_refusal


def test_result_arrives_on_gui_thread_while_work_runs_elsewhere(qtbot, runner):
    seen = {}

    def work(x):
        seen["worker"] = QThread.currentThread()
        return x * 2

    def done(result):
        seen["result"] = result
        seen["callback"] = QThread.currentThread()

    with qtbot.waitSignal(runner.finished, timeout=5000) as blocker:
        task_id = runner.submit(work, 21, on_done=done)
    assert blocker.args == [task_id, 42]
    assert seen["result"] == 42
    assert seen["callback"] is QThread.currentThread()
    assert seen["worker"] is not QThread.currentThread()


def test_error_is_delivered_as_the_exception_on_gui_thread(qtbot, runner):
    errors = []

    def boom():
        raise LookupError("no such account")

    def on_error(exc):
        errors.append((exc, QThread.currentThread()))

    with qtbot.waitSignal(runner.failed, timeout=5000):
        runner.submit(boom, on_done=lambda _: errors.append("done?"), on_error=on_error)
    [(exc, thread)] = errors
    assert isinstance(exc, LookupError) and str(exc) == "no such account"
    assert thread is QThread.currentThread()


def test_error_without_handler_is_logged(qtbot, runner, caplog):
    def boom():
        raise RuntimeError("disk full")

    with qtbot.waitSignal(runner.failed, timeout=5000):
        runner.submit(boom)
    assert "background task" in caplog.text and "disk full" in caplog.text


def test_results_come_in_submission_order_on_one_thread(qtbot):
    """The first task is held until all are queued: a second thread would
    deliver the later ones first."""
    serial = TaskRunner(max_threads=1)
    order, threads = [], set()
    started, release = threading.Event(), threading.Event()

    def task(i: int) -> int:
        threads.add(threading.get_ident())
        if i == 0:
            started.set()
            release.wait(5)
        return i

    for i in range(10):
        serial.submit(task, i, on_done=order.append)
    assert started.wait(5)
    release.set()
    assert serial.wait_idle(5000)
    assert order == list(range(10)) and len(threads) == 1


def test_newer_request_with_same_key_supersedes_older(qtbot, runner):
    release_slow = threading.Event()
    delivered = []

    def slow():
        release_slow.wait(5)
        return "old"

    runner.submit(slow, on_done=delivered.append, key="search")
    runner.submit(lambda: "new", on_done=delivered.append, key="search")
    qtbot.waitUntil(lambda: delivered == ["new"], timeout=5000)
    release_slow.set()  # the old answer arrives last and must be dropped
    assert runner.wait_idle(5000)
    assert delivered == ["new"]


def test_stale_error_is_dropped_too(qtbot, runner):
    release = threading.Event()
    got = []

    def slow_fail():
        release.wait(5)
        raise ValueError("stale")

    runner.submit(slow_fail, on_error=got.append, key="k")
    runner.submit(lambda: 1, on_done=got.append, key="k")
    qtbot.waitUntil(lambda: got == [1], timeout=5000)
    release.set()
    assert runner.wait_idle(5000)
    assert got == [1]


def test_different_keys_do_not_interfere(qtbot, runner):
    got = []
    runner.submit(lambda: "a", on_done=got.append, key="a")
    runner.submit(lambda: "b", on_done=got.append, key="b")
    runner.submit(lambda: "c", on_done=got.append)
    assert runner.wait_idle(5000)
    assert sorted(got) == ["a", "b", "c"]


def test_cancel_drops_the_answer(qtbot, runner):
    release = threading.Event()
    got = []
    runner.submit(lambda: release.wait(5) and "late", on_done=got.append, key="ping")
    assert runner.is_running("ping")
    runner.cancel("ping")
    assert not runner.is_running("ping")
    release.set()
    assert runner.wait_idle(5000)
    assert got == []


def test_busy_changed_once_per_burst(qtbot, runner):
    states = []
    runner.busy_changed.connect(states.append)
    release = threading.Event()
    runner.submit(lambda: release.wait(5))
    runner.submit(lambda: release.wait(5))
    assert runner.is_busy and states == [True]
    release.set()
    assert runner.wait_idle(5000)
    assert states == [True, False]
    assert not runner.is_busy


def test_callback_of_deleted_qobject_is_skipped(qtbot, runner):
    class Receiver(QObject):
        def __init__(self):
            super().__init__()
            self.got = []

        def take(self, value):
            self.got.append(value)

    release = threading.Event()
    receiver = Receiver()
    runner.submit(lambda: release.wait(5), on_done=receiver.take)
    shiboken6.delete(receiver)
    release.set()
    assert runner.wait_idle(5000)  # no RuntimeError from a deleted C++ object


def test_wait_idle_times_out_while_work_runs(qtbot, runner):
    release = threading.Event()
    runner.submit(lambda: release.wait(5))
    assert runner.wait_idle(50) is False
    release.set()
    assert runner.wait_idle(5000)


def test_unexpected_failure_is_logged_with_traceback_even_when_handled(qtbot, runner, caplog):
    caplog.set_level(logging.INFO, logger="counter_app.ui.tasks")
    handled = []

    def boom():
        raise RuntimeError("disk full")

    with qtbot.waitSignal(runner.failed, timeout=5000):
        runner.submit(boom, on_error=handled.append, key="export")
    assert len(handled) == 1
    [record] = [r for r in caplog.records if r.name == "counter_app.ui.tasks"]
    assert record.levelno == logging.WARNING
    assert "export" in record.getMessage()
    assert record.exc_info is not None and record.exc_info[1] is handled[0]


@pytest.mark.parametrize(
    "exc",
    [
        ValueError("amount"),
        PermissionError("role"),
        LookupError("no such account"),
        ActionError("CT409", "stale", "", "the figure changed"),
        Cancelled(),
    ],
)
def test_expected_refusal_is_logged_at_info_without_traceback(qtbot, runner, caplog, exc):
    caplog.set_level(logging.INFO, logger="counter_app.ui.tasks")
    handled = []

    def refuse():
        raise exc

    with qtbot.waitSignal(runner.failed, timeout=5000):
        runner.submit(refuse, on_error=handled.append, key="payment")
    assert handled == [exc]
    [record] = [r for r in caplog.records if r.name == "counter_app.ui.tasks"]
    assert record.levelno == logging.INFO
    assert "payment" in record.getMessage() and type(exc).__name__ in record.getMessage()
    assert record.exc_info is None


def test_expected_refusal_tells_app_errors_from_unexpected_ones():
    assert expected_refusal(ActionError("CT403", "role", "", "not allowed"))
    assert expected_refusal(ReversalError("too_late", "past the reversal window"))
    assert not expected_refusal(RuntimeError("boom"))
    assert not expected_refusal(psycopg.OperationalError("server closed the connection"))
