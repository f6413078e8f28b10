"""pytest-qt fixtures for the GUI: offscreen, bundled font, Chinese UI."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402

from counter_app.ui.qt_workarounds import protect_bool_singletons  # noqa: E402
from counter_app.ui.tasks import TaskRunner  # noqa: E402

protect_bool_singletons()  # as ui/app.py does first thing


@pytest.fixture
def runner(qapp) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    assert task_runner.wait_idle(15_000), "background tasks still running"
    task_runner.shutdown()
    task_runner.deleteLater()
