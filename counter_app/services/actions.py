"""Calling the database's actions: one statement in autocommit, one round trip.
Design: docs/architecture.md ("Calling an action")
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from sqlalchemy.exc import DBAPIError, DisconnectionError, InterfaceError, OperationalError

from counter_app.db.engine import Database
from counter_app.domain.errors import CounterError

log = logging.getLogger(__name__)

REFUSAL_CLASS = "CT"
QUERY_CANCELED = "57014"  # SQLSTATE of a statement cancelled by statement_timeout
# SQLSTATE -> what kind of refusal (the code in the message says which one)
KINDS = {
    "CT400": "invalid",
    "CT403": "forbidden",
    "CT404": "not_found",
    "CT409": "conflict",
    "CT423": "locked",
    "CT429": "rate_limited",  # too many full-number lookups in a minute (0025)
}


class ActionError(CounterError):
    """The database refused an action. ``code`` is the action's own reason
    (``stale``, ``decimals``, ``role`` …), ``field`` the argument at fault
    ('' when none), ``kind`` one of :data:`KINDS`' values."""

    field: str

    def __init__(self, sqlstate: str, code: str, field: str, message: str):
        super().__init__(code, message, field=field, kind=KINDS.get(sqlstate, "invalid"))
        self.sqlstate = sqlstate

    def __str__(self) -> str:
        return f"{self.code}: {self.message}" if self.message != self.code else self.code


@dataclass(frozen=True)
class Call:
    """One action call as sent (for logs and the round-trip benchmark)."""

    name: str
    args: tuple[Any, ...]

    @property
    def sql(self) -> str:
        placeholders = ", ".join(["%s"] * len(self.args))
        return f"SELECT counter_{self.name}({placeholders})"


def call(db: Database, name: str, *args: Any, retry_read: bool = False) -> Any:
    """``SELECT counter_<name>(args…)`` in autocommit; its decoded result.

    ``retry_read``: a screen load (it writes nothing) is sent once more when
    the connection turned out to be dead (server restarted); a write never
    is: its outcome is looked up instead (payments' client UUID).
    """
    request = Call(name, tuple(_plain(a) for a in args))
    attempts = 2 if retry_read else 1
    for attempt in range(attempts):
        try:
            return db.first(request.sql, request.args)
        except (DBAPIError, psycopg.Error) as exc:  # an engine's / one connection's (OneConnection)
            refusal = _refusal(exc.orig if isinstance(exc, DBAPIError) else exc)
            if refusal is not None:
                _log_refusal(name, refusal)
                raise refusal from None
            if (
                attempt + 1 < attempts
                and isinstance(exc, DBAPIError)
                and exc.connection_invalidated
            ):
                log.warning("%s: connection lost, sending it again", name)
                continue
            raise
    raise AssertionError("unreachable")


def _log_refusal(name: str, refusal: ActionError) -> None:
    """One line per refusal: the action, SQLSTATE, code and field, never the
    arguments nor the server's message (either may hold personal data).
    Conflicts and locks (someone else got there first) at WARNING, the rest at INFO."""
    level = logging.WARNING if refusal.kind in ("conflict", "locked") else logging.INFO
    log.log(
        level,
        "action %s refused: %s %s (field %s)",
        name,
        refusal.sqlstate,
        refusal.code,
        refusal.field or "-",
    )


def connection_lost(error: BaseException) -> bool:
    """True when ``error`` says the database connection broke or did not answer
    (then a write's outcome is unknown), False for an answer that refused it."""
    if isinstance(error, DBAPIError):
        return error.connection_invalidated or isinstance(error, OperationalError | InterfaceError)
    return isinstance(
        error,
        DisconnectionError
        | psycopg.OperationalError
        | psycopg.InterfaceError
        | ConnectionError
        | TimeoutError,
    )


def statement_timeout(error: BaseException) -> bool:
    """True when the server cancelled the statement (statement_timeout)."""
    orig = error.orig if isinstance(error, DBAPIError) else error
    return isinstance(orig, pg_errors.QueryCanceled) or (
        getattr(orig, "sqlstate", None) == QUERY_CANCELED
    )


def _refusal(orig: BaseException | None) -> ActionError | None:
    """The action's own refusal (SQLSTATE class CT) or a missing privilege, from
    the driver's error; None for anything else (a lost connection, a bug)."""
    diag = getattr(orig, "diag", None)
    state = getattr(orig, "sqlstate", None) or ""
    if diag is None or not state.startswith(REFUSAL_CLASS):
        if isinstance(orig, pg_errors.InsufficientPrivilege):
            return ActionError("CT403", "privilege", "", str(orig).strip())
        return None
    return ActionError(
        state,
        diag.message_primary or "",
        diag.message_detail or "",
        diag.message_hint or diag.message_primary or "",
    )


def _plain(value: Any) -> Any:
    """Arguments as psycopg sends them: Decimal stays exact (numeric), the
    rest as it is; a float is refused before it can reach money."""
    if isinstance(value, float):
        raise TypeError("actions take Decimal, never float")
    if isinstance(value, Decimal) and not value.is_finite():
        raise ActionError("CT400", "amount", "", "not a finite amount")
    return value
