"""TaskRunner progress and cooperative cancel (no database needed)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from counter_app.ui.tasks import Cancelled, TaskControl


def test_progress_reaches_the_gui_thread_and_the_result_follows(qtbot, runner):
    reports, results = [], []

    def work(n, *, control: TaskControl):
        for done in range(n + 1):
            control.progress(done, n)
        return "ok"

    def on_progress(done, total):
        reports.append((done, total, QThread.currentThread()))

    runner.submit(work, 1000, on_done=results.append, on_progress=on_progress)
    assert runner.wait_idle(10_000)
    assert results == ["ok"]
    assert reports[0][:2] == (0, 1000) and reports[-1][:2] == (1000, 1000)
    assert len(reports) < 100  # throttled: not one signal per row
    assert all(thread is QThread.currentThread() for *_, thread in reports)


def test_cancel_task_stops_the_work_at_its_next_report(qtbot, runner):
    started, release = threading.Event(), threading.Event()
    outcome, steps = [], []

    def work(*, control: TaskControl):
        control.progress(0, 10)
        started.set()
        release.wait(10)
        for step in range(10):
            control.progress(step, 10)
            steps.append(step)
        return "finished"

    task = runner.submit(
        work, on_done=outcome.append, on_error=outcome.append, on_progress=lambda *_: None
    )
    qtbot.waitUntil(started.is_set, timeout=5000)
    runner.cancel_task(task)
    release.set()
    assert runner.wait_idle(10_000)
    [exc] = outcome
    assert isinstance(exc, Cancelled) and steps == []


def test_cancel_by_key_stops_the_work_and_drops_its_answer(qtbot, runner):
    started, release = threading.Event(), threading.Event()
    outcome, stopped = [], []

    def work(*, control: TaskControl):
        started.set()
        release.wait(10)
        try:
            control.check()
        except Cancelled:
            stopped.append(True)
            raise

    runner.submit(
        work,
        on_done=outcome.append,
        on_error=outcome.append,
        on_progress=lambda *_: None,
        key="export",
    )
    qtbot.waitUntil(started.is_set, timeout=5000)
    runner.cancel("export")
    release.set()
    assert runner.wait_idle(10_000)
    assert stopped == [True] and outcome == []


def test_task_without_progress_gets_no_control(qtbot, runner):
    results = []
    runner.submit(lambda *args, **kw: (args, kw), 1, on_done=results.append)
    assert runner.wait_idle(5000)
    assert results == [((1,), {})]
