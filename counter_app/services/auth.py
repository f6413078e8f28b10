"""Clerk login, on a shared server and on the embedded one alike.
Design: docs/architecture.md ("Migrations and installations")
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import psycopg
from psycopg import errors as pg_errors
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from counter_app.db.engine import (
    Database,
    OneConnection,
    connect_once,
    make_engine,
    normalize_url,
    with_credentials,
)
from counter_app.db.migrate import (
    SchemaError,
    SchemaTooNewError,
    head_revision,
    require_current_revision,
)
from counter_app.domain.errors import CounterError
from counter_app.services.identity import ROLE_RANK, ROLES, ClerkIdentity, LoginError, LoginFailure

__all__ = [
    "ROLES",
    "ROLE_RANK",
    "Authenticator",
    "ClerkIdentity",
    "LoginError",
    "LoginFailure",
    "LoginResult",
]

# A clerk's statements on a shared server never run longer than this: a search
# that would gets the "took too long" hint (services/accounts/search.py) instead of
# holding the connection (the CLI's bulk work is not bounded).
WORKSTATION_STATEMENT_TIMEOUT_MS = 20_000


@dataclass(frozen=True)
class LoginResult:
    database: Database
    clerk: ClerkIdentity


# One statement answers a sign-in (migration 0028): who session_user is,
# active, in the group of their role and in this installation, and the
# schema's revision. Sent in autocommit: one round trip after the handshake.
WHOAMI = "SELECT counter_whoami()"
# Only when counter_whoami() does not exist (no schema, or one older than
# 0028): where is the schema? (the error path; it may cost two more trips)
HAS_ALEMBIC = "SELECT to_regclass('public.alembic_version') IS NOT NULL"
ALEMBIC_REVISION = "SELECT version_num FROM alembic_version LIMIT 1"

#: runs one statement and returns its first column (None without a row)
Send = Callable[[str], Any]
R = TypeVar("R")

# An action's refusals that say the login is no active clerk of this
# installation (counter_caller(), migration 0025): told as a refused sign-in
NOT_A_CLERK_CODES = ("not_a_clerk", "installation")


def classify_connect_error(exc: BaseException) -> LoginFailure:
    """Wrong password and unreachable server get different messages."""
    orig = getattr(exc, "orig", exc)
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate in ("28P01", "28000"):  # invalid password / authorization
        return LoginFailure.BAD_CREDENTIALS
    message = str(orig).lower()
    if "password" in message or "authentication failed" in message:
        return LoginFailure.BAD_CREDENTIALS
    if 'role "' in message and "does not exist" in message:
        return LoginFailure.BAD_CREDENTIALS
    if sqlstate == "42501" or "connect privilege" in message:
        return LoginFailure.NOT_A_CLERK  # no CONNECT here: a login of another installation
    return LoginFailure.UNREACHABLE


class Authenticator:
    """Turns credentials into a connected :class:`LoginResult`.

    ``database_url`` carries no password; each login gets its own engine.
    """

    def __init__(
        self,
        database_url: str | URL,
        *,
        database_factory: Callable[[URL], Database] | None = None,
        connection_factory: Callable[[URL], Database] | None = None,
    ):
        self.url = normalize_url(database_url)
        self._factory = database_factory or (
            lambda url: Database(
                make_engine(url, statement_timeout_ms=WORKSTATION_STATEMENT_TIMEOUT_MS)
            )
        )
        # another person's one connection (verify, act_as): psycopg with the
        # engine's parameters (TLS, timeouts); no engine, no pool, no dialect set-up
        self._connect = connection_factory or (
            lambda url: OneConnection(
                connect_once(url, statement_timeout_ms=WORKSTATION_STATEMENT_TIMEOUT_MS)
            )
        )
        # the build's migrations, read once per process (about 50 ms): here,
        # on the login window's warm-up task, rather than in the first sign-in
        head_revision()

    def login(self, username: str, password: str) -> LoginResult:
        """Sign a clerk in: their engine (kept for the session) connects and
        asks ``counter_whoami()`` once."""
        username = _required(username, password)
        database = self._factory(with_credentials(self.url, username, password))
        try:
            clerk = identify(_engine_sender(database), username)
            return LoginResult(database, clerk)
        except BaseException:
            database.dispose()
            raise

    def verify(self, username: str, password: str, *, role: str) -> ClerkIdentity:
        """Check another person's credentials without keeping their connection
        open: one connection (:meth:`connect_one`), one ``counter_whoami()``,
        closed."""
        database = self.connect_one(username, password)
        try:
            clerk = identify(lambda sql: database.first(sql), username.strip())
        finally:
            database.dispose()
        if not clerk.has_role(role):
            raise LoginError(LoginFailure.INSUFFICIENT_ROLE, role)
        return clerk

    def act_as(self, username: str, password: str, action: Callable[[Database], R]) -> R:
        """One action of another login at this workstation (a supervisor
        approving a reversal, a waiver): :meth:`connect_one` as that login,
        ``action`` on it (its server function checks the caller's role from
        ``session_user``), closed after. The handshake and the action: no
        identity query, no schema check (the clerk's own sign-in checked the
        schema). Refusals as :meth:`login`'s: wrong password, unreachable; a
        login that is no active clerk of this installation (the action's
        ``not_a_clerk`` / ``installation``) is ``NOT_A_CLERK``."""
        database = self.connect_one(username, password)
        try:
            return action(database)
        except CounterError as refused:
            if refused.code in NOT_A_CLERK_CODES:
                raise LoginError(LoginFailure.NOT_A_CLERK, refused.message) from None
            raise
        finally:
            database.dispose()

    def connect_one(self, username: str, password: str) -> Database:
        """Another login's one psycopg connection in autocommit with the
        engine's parameters (TLS, host, timeouts): a
        :class:`~counter_app.db.engine.OneConnection` (actions only); the
        caller disposes of it. A refused connection is a :class:`LoginError`
        (wrong password, unreachable, no CONNECT here)."""
        username = _required(username, password)
        try:
            return self._connect(with_credentials(self.url, username, password))
        except psycopg.Error as exc:
            raise LoginError(classify_connect_error(exc), str(exc)) from None


def _required(username: str, password: str) -> str:
    username = username.strip()
    if not username or not password:
        raise LoginError(LoginFailure.BAD_CREDENTIALS, "username and password are required")
    return username


def _engine_sender(database: Database) -> Send:
    """A statement on the login's engine in autocommit (no BEGIN/COMMIT);
    driver errors come out as psycopg's own, as on a bare connection."""

    def send(sql: str) -> Any:
        try:
            return database.first(sql)
        except DBAPIError as exc:
            raise (exc.orig if isinstance(exc.orig, psycopg.Error) else exc) from None

    return send


def identify(send: Send, username: str) -> ClerkIdentity:
    """The signed-in login as a clerk, or the :class:`LoginError` the login
    window shows: unreachable / wrong password, the schema (missing, older,
    newer: checked first), not a clerk (no row, not in the group of their
    role, not in this installation), inactive."""
    try:
        who = send(WHOAMI)
    except pg_errors.UndefinedFunction:
        who = {"revision": _revision_without_whoami(send), "clerk": None}
    except pg_errors.InsufficientPrivilege:
        # EXECUTE is granted to the clerks' groups only; the schema is
        # checked first all the same when it can be read
        _check_schema(_revision_without_whoami(send))
        raise LoginError(LoginFailure.NOT_A_CLERK, f"{username} is in no clerks' group") from None
    except (psycopg.Error, DBAPIError) as exc:
        raise LoginError(classify_connect_error(exc), str(getattr(exc, "orig", exc))) from None
    _check_schema(who["revision"])
    clerk = who["clerk"]
    if clerk is None:
        raise LoginError(LoginFailure.NOT_A_CLERK, username)
    if not clerk["active"]:
        raise LoginError(LoginFailure.INACTIVE)
    if not clerk["in_group"]:
        raise LoginError(LoginFailure.NOT_A_CLERK, f"{username} lacks counter_{clerk['role']}")
    if not who["in_installation"]:
        raise LoginError(
            LoginFailure.NOT_A_CLERK, f"{username} is not a login of this installation"
        )
    return ClerkIdentity(
        clerk["id"], clerk["username"], clerk["display_name"], clerk["role"], clerk["hall_code"]
    )


def _revision_without_whoami(send: Send) -> str | None:
    try:
        return send(ALEMBIC_REVISION) if send(HAS_ALEMBIC) else None
    except psycopg.Error:
        return None  # unreadable: treated as no Counter schema


def _check_schema(revision: str | None) -> None:
    try:
        require_current_revision(revision)
    except SchemaTooNewError as exc:
        raise LoginError(LoginFailure.SCHEMA_TOO_NEW, str(exc)) from None
    except SchemaError as exc:
        raise LoginError(LoginFailure.SCHEMA_MISSING, str(exc)) from None
