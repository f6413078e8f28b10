"""Engine and session factory: PostgreSQL (a shared server or the embedded one)."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import psycopg
from psycopg.types.json import set_json_dumps, set_json_loads
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import PoolProxiedConnection

from counter_app.db.urls import describe_url, secure_url

PG_DRIVER = "postgresql+psycopg"


def normalize_url(url: str | URL) -> URL:
    """Accept ``postgresql://`` and ``postgres://`` URLs; use psycopg 3."""
    parsed = make_url(url) if isinstance(url, str) else url
    if parsed.drivername in ("postgresql", "postgres", "postgresql+psycopg2"):
        parsed = parsed.set(drivername=PG_DRIVER)
    return parsed


def with_credentials(url: str | URL, username: str | None, password: str | None) -> URL:
    parsed = normalize_url(url)
    if username:
        parsed = parsed.set(username=username)
    if password is not None:
        parsed = parsed.set(password=password)
    return parsed


# A workstation on a hall's VPN: a line that drops packets must not leave a
# transaction holding an account row. Sent with the connection (no round trip).
WORKSTATION_SESSION = {
    "lock_timeout": 10_000,  # ms: wait at most this for a row another post holds
    "idle_in_transaction_session_timeout": 15_000,  # ms: the server ends a stalled transaction
    # the server's side of the socket: a workstation gone silent is dropped
    "tcp_user_timeout": 10_000,
    "tcp_keepalives_idle": 5,
    "tcp_keepalives_interval": 2,
    "tcp_keepalives_count": 2,
}
WORKSTATION_TCP = {  # libpq: notice a dead line within about 10 s
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 2,
    "tcp_user_timeout": 10_000,
}


def make_engine(
    url: str | URL, *, echo: bool = False, statement_timeout_ms: int | None = None
) -> Engine:
    """An engine for a PostgreSQL URL; any other database is refused.

    ``statement_timeout_ms`` marks a workstation's engine: it bounds every
    statement, and the lock, idle-transaction and TCP limits of
    :data:`WORKSTATION_SESSION` / :data:`WORKSTATION_TCP` apply, all sent with
    the connection (no extra round trip). A server that is not on this machine
    is reached with TLS ``verify-full`` unless the URL names another
    ``sslmode`` (``db/urls.secure_url``)."""
    parsed, connect_args = connection_parameters(url, statement_timeout_ms=statement_timeout_ms)
    workstation = statement_timeout_ms is not None
    engine = create_engine(
        parsed,
        echo=echo,
        # no hstore column anywhere: skip the dialect's type lookup (a
        # savepoint and a query: 3 round trips on a new engine's first connect)
        use_native_hstore=False,
        # a workstation does not pay a round trip per call for the pool's
        # ping: a dead connection fails its call, which invalidates the pool;
        # screen loads are sent again (actions.call(retry_read=True)), a
        # write's outcome is looked up (the payments' client UUID)
        pool_pre_ping=not workstation,
        pool_recycle=1800,
        pool_size=4,
        max_overflow=4,
        connect_args=connect_args,
    )
    event.listen(engine, "connect", _exact_json)
    return engine


def connection_parameters(
    url: str | URL, *, statement_timeout_ms: int | None = None
) -> tuple[URL, dict[str, object]]:
    """The URL (TLS added, ``db/urls.secure_url``) and the libpq connect
    arguments of :func:`make_engine` (workstation limits when
    ``statement_timeout_ms`` is given); any other database is refused."""
    parsed = normalize_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise ValueError(
            f"unsupported database {parsed.get_backend_name()!r}: "
            "Counter supports PostgreSQL only (postgresql://host:port/db)"
        )
    # a server on another machine: TLS verify-full unless the URL names a mode
    parsed = secure_url(parsed)
    connect_args: dict[str, object] = {"connect_timeout": 5, "application_name": "counter"}
    if statement_timeout_ms is not None:
        limits = {"statement_timeout": int(statement_timeout_ms), **WORKSTATION_SESSION}
        connect_args["options"] = " ".join(f"-c {k}={v}" for k, v in limits.items())
        connect_args.update(WORKSTATION_TCP)
    return parsed, connect_args


def connect_once(url: str | URL, *, statement_timeout_ms: int | None = None) -> psycopg.Connection:
    """One psycopg connection in autocommit with exactly the parameters an
    engine of :func:`make_engine` would connect with (the dialect turns the
    URL into libpq arguments), without an engine: no pool, no dialect
    first-connect queries. For a short check (a supervisor's sign-in at a
    clerk's workstation); the caller closes it."""
    parsed, connect_args = connection_parameters(url, statement_timeout_ms=statement_timeout_ms)
    args, kwargs = parsed.get_dialect()().create_connect_args(parsed)
    connection = psycopg.connect(*args, **{**kwargs, **connect_args}, autocommit=True)
    _exact_json(connection, None)
    return connection


def driver_connection(raw: PoolProxiedConnection) -> psycopg.Connection[Any]:
    """The psycopg connection under ``engine.raw_connection()``; one that was
    closed or detached has none, which is an error here."""
    driver = raw.driver_connection
    if driver is None:
        raise RuntimeError("the database connection is closed")
    return driver


def _json_dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_default)


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        return str(value)  # exact: the server casts '12.30' to numeric
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")


def _exact_json(dbapi_connection, _record) -> None:
    """json/jsonb from the server with numbers as Decimal (money is never a
    float), and to it with Decimal and dates as text."""
    set_json_loads(functools.partial(json.loads, parse_float=Decimal), dbapi_connection)
    set_json_dumps(_json_dumps, dbapi_connection)


class Database:
    """An engine with its session factory; passed to every service."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def from_url(cls, url: str | URL, *, echo: bool = False) -> Database:
        return cls(make_engine(url, echo=echo))

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short read transaction."""
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A short write transaction."""
        with self._sessions.begin() as session:
            yield session

    def first(self, sql: str, args: Sequence[Any] = ()) -> Any:
        """One statement in autocommit (its own transaction, no ``BEGIN``/``COMMIT``):
        the first column of its first row, None without a row; errors as SQLAlchemy's."""
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            row = conn.exec_driver_sql(sql, tuple(args)).first()
        return None if row is None else row[0]

    def describe(self) -> str:
        return describe_url(self.engine.url)

    def ping(self) -> bool:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return True
        except Exception:  # noqa: BLE001 - any failure means "not connected"
            return False

    def dispose(self) -> None:
        self.engine.dispose()


class OneConnection(Database):
    """Another login's one psycopg connection (:func:`connect_once`) for one
    action at this workstation, e.g. a supervisor's approval: :meth:`first`
    only (the services' actions); no engine, no pool, no ORM sessions.
    Errors are psycopg's own. :meth:`dispose` closes it."""

    def __init__(self, connection: psycopg.Connection[Any]):  # no engine: no super().__init__
        self.connection = connection

    def first(self, sql: str, args: Sequence[Any] = ()) -> Any:
        row = self.connection.execute(sql, tuple(args)).fetchone()
        return None if row is None else row[0]

    @contextmanager
    def read(self) -> Iterator[Session]:
        raise RuntimeError("one action's connection: actions only, no session")
        yield  # pragma: no cover - a generator for contextmanager

    @contextmanager
    def write(self) -> Iterator[Session]:
        raise RuntimeError("one action's connection: actions only, no session")
        yield  # pragma: no cover

    def describe(self) -> str:
        info = self.connection.info
        return f"{info.user}@{info.host}:{info.port}/{info.dbname}"

    def ping(self) -> bool:
        return not self.connection.closed

    def dispose(self) -> None:
        self.connection.close()
