"""A database that loses answers (after or before commit) and the fixtures
of the unknown-outcome payment tests."""

from __future__ import annotations

import threading

import psycopg
import pytest
from PySide6.QtCore import QSettings, Qt
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from counter_app.db import models as m
from counter_app.db.engine import Database, OneConnection, connect_once
from counter_app.ui.payments.outcome import OutcomeCheck
from tests.support.payment_counter import (  # noqa: F401
    GB,
    _history,
    _reverse,
    field,
    make_counter,
    open_dialog,
    supervisor,
)


def lost() -> OperationalError:
    return OperationalError(
        "COMMIT", {}, psycopg.OperationalError("server closed the connection unexpectedly")
    )


class Fault:
    """Shared by every LosingDatabase of a test (the clerk's and a supervisor's)."""

    def __init__(self, target: type, moment: str = "after_commit", unreachable_reads: int = 0):
        self.target, self.moment, self.unreachable_reads = target, moment, unreachable_reads
        self.armed = False
        self.fired = False
        self.failing_reads = 0
        self.lock = threading.Lock()

    def fire(self) -> bool:
        with self.lock:
            if not self.armed:
                return False
            self.armed, self.fired = False, True
            self.failing_reads = self.unreachable_reads
            return True

    def read_fails(self) -> bool:
        with self.lock:
            if self.failing_reads <= 0:
                return False
            self.failing_reads -= 1
            return True


# the action whose answer a Fault loses, by the row it writes
ACTION_OF = {m.Payment: "counter_post_payment", m.PaymentReversal: "counter_reverse_payment"}


class LosingDatabase(Database):
    """A login's Database whose answers are lost as a dropped connection
    would lose them: the target action's one statement (its own transaction,
    sent in autocommit) before it reaches the server or after it committed;
    any other statement while the server is "unreachable"."""

    def __init__(self, engine, fault: Fault):
        super().__init__(engine)
        self.fault = fault
        self.action = ACTION_OF[fault.target]
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    def _before(self, _conn, _cursor, statement, *_args) -> None:
        if self.action in statement:
            if self.fault.moment == "before_commit" and self.fault.fire():
                raise lost()  # never sent: nothing written
        elif self.fault.read_fails():
            raise lost()

    def _after(self, _conn, _cursor, statement, *_args) -> None:
        if self.action in statement and self.fault.moment == "after_commit" and self.fault.fire():
            raise lost()  # committed, and the answer never arrives


class LosingConnection(OneConnection):
    """A supervisor's one connection (``Authenticator.act_as``) that loses the
    target action's answer the same way (psycopg's error: there is no engine)."""

    def __init__(self, url, fault: Fault):
        super().__init__(connect_once(url, statement_timeout_ms=20_000))
        self.fault = fault
        self.action = ACTION_OF[fault.target]

    def first(self, sql, args=()):
        target = self.action in sql
        if target and self.fault.moment == "before_commit" and self.fault.fire():
            raise lost().orig  # never sent: nothing written
        if not target and self.fault.read_fails():
            raise lost().orig
        result = super().first(sql, args)
        if target and self.fault.moment == "after_commit" and self.fault.fire():
            raise lost().orig  # committed, and the answer never arrives
        return result


@pytest.fixture
def no_auto_retry(monkeypatch):
    """Retries only when the clerk asks (the test presses Enter)."""
    monkeypatch.setattr(OutcomeCheck, "RETRY_DELAYS_MS", (600_000,))


def _losing_counter(db, login_as, qtbot, runner, fault, **kw):
    return make_counter(
        db, login_as, qtbot, runner, wrap=lambda login: LosingDatabase(login.engine, fault), **kw
    )


@pytest.fixture
def state(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "ui_state.ini"), QSettings.Format.IniFormat)


def _close(dialog, page, qtbot) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None and not dialog.isVisible(), timeout=5_000)
