"""A background task's failure is logged with its key, handled or not."""

from __future__ import annotations

import logging

LOGGER = "counter_app.ui.tasks"


def _records(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == LOGGER]


def test_an_unhandled_failure_names_its_task_key(qtbot, runner, caplog):
    caplog.set_level(logging.INFO, logger=LOGGER)

    def boom():
        raise RuntimeError("disk full")

    with qtbot.waitSignal(runner.failed, timeout=5000):
        runner.submit(boom, key="warm-up")
    [record] = _records(caplog)
    assert record.levelno == logging.ERROR and "(warm-up)" in record.getMessage()
    assert record.exc_info is not None and "disk full" in str(record.exc_info[1])


def test_a_handled_failure_names_its_task_key(qtbot, runner, caplog):
    caplog.set_level(logging.INFO, logger=LOGGER)

    def boom():
        raise OSError("no space left")

    with qtbot.waitSignal(runner.failed, timeout=5000):
        runner.submit(boom, key="export", on_error=lambda _exc: None)
    [record] = _records(caplog)
    assert record.levelno == logging.WARNING and "(export)" in record.getMessage()


def test_a_task_without_a_key_says_so(qtbot, runner, caplog):
    caplog.set_level(logging.INFO, logger=LOGGER)

    def boom():
        raise RuntimeError("disk full")

    with qtbot.waitSignal(runner.failed, timeout=5000):
        runner.submit(boom)
    [record] = _records(caplog)
    assert "(-)" in record.getMessage()
