"""Waiting for another thread or process without Qt (the Qt tests use
qtbot.waitUntil / waitSignal): poll a condition until it holds or time runs out."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def poll_until(probe: Callable[[], T], *, timeout: float = 10, interval: float = 0.05) -> T:
    """The first truthy answer of ``probe``, or its last (falsy) one after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while not (answer := probe()) and time.monotonic() < deadline:
        time.sleep(interval)
    return answer
