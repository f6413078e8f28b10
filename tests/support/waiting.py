"""Waiting for another thread or process without Qt (the Qt tests use
qtbot.waitUntil / waitSignal): poll a condition until it holds or time runs out."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import text
from sqlalchemy.engine import Engine

T = TypeVar("T")

_LOCK_WAITERS = text(
    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
    "AND wait_event_type = 'Lock' AND query LIKE :query"
)


def poll_until(probe: Callable[[], T], *, timeout: float = 10, interval: float = 0.05) -> T:
    """The first truthy answer of ``probe``, or its last (falsy) one after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while not (answer := probe()) and time.monotonic() < deadline:
        time.sleep(interval)
    return answer


def lock_waiters(engine: Engine, query_like: str) -> int:
    """Sessions of this database waiting on a lock (pg_stat_activity says
    ``wait_event_type = 'Lock'``) while running a query LIKE ``query_like``;
    ``engine`` must see the other sessions' queries (the owner's login).
    A fresh transaction per call: pg_stat_activity is a snapshot per transaction."""
    with engine.connect() as conn:
        return int(conn.execute(_LOCK_WAITERS, {"query": query_like}).scalar_one())


def wait_for_lock_waiters(
    engine: Engine, query_like: str, *, count: int = 1, timeout: float = 10
) -> bool:
    """True once ``count`` sessions wait on a lock running ``query_like``
    (:func:`lock_waiters`); False when ``timeout`` s pass first."""
    return poll_until(lambda: lock_waiters(engine, query_like) >= count, timeout=timeout)


# A shortcut or mnemonic clicks its button with QAbstractButton.animateClick():
# the click comes 100 ms after the key. A check that a key clicked nothing
# (qtbot.assertNotEmitted(button.clicked, wait=...)) listens this long.
CLICK_ANIMATION_MS = 300


def patient(db, *logins: str) -> None:
    """A lock timeout of 5 s for ``logins`` (their new sessions): a lock an
    attacker still held shows as a lock timeout (55P03), not a hang."""
    with db.engine.begin() as conn:
        for login in logins:
            conn.execute(text(f"ALTER ROLE \"{login}\" SET lock_timeout = '5s'"))
