"""Engine and session factory for PostgreSQL and the embedded SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from .urls import describe_url

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


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # pragma: no cover - exercised by every test
        # Let SQLAlchemy, not the driver, decide when transactions begin, so a
        # write transaction can take the write lock up front (BEGIN IMMEDIATE).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        if conn.get_execution_options().get("sqlite_immediate"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def make_engine(
    url: str | URL, *, echo: bool = False, statement_timeout_ms: int | None = None
) -> Engine:
    """``statement_timeout_ms`` (PostgreSQL) bounds every statement of the
    engine's sessions, sent with the connection (no extra round trip)."""
    parsed = normalize_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, echo=echo)
        _sqlite_setup(engine)
        return engine
    if parsed.get_backend_name() != "postgresql":
        raise ValueError(f"unsupported database: {parsed.get_backend_name()}")
    connect_args: dict[str, object] = {"connect_timeout": 5, "application_name": "counter"}
    if statement_timeout_ms is not None:
        connect_args["options"] = f"-c statement_timeout={int(statement_timeout_ms)}"
    return create_engine(
        parsed,
        echo=echo,
        pool_pre_ping=True,
        pool_size=4,
        max_overflow=4,
        connect_args=connect_args,
    )


class Database:
    """An engine with its session factories; passed to every service."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._reader = sessionmaker(engine, expire_on_commit=False)
        self._writer = sessionmaker(
            engine.execution_options(sqlite_immediate=True), expire_on_commit=False
        )

    @classmethod
    def from_url(cls, url: str | URL, *, echo: bool = False) -> Database:
        return cls(make_engine(url, echo=echo))

    @property
    def kind(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.engine.dialect.name

    @property
    def is_postgres(self) -> bool:
        return self.kind == "postgresql"

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short read transaction."""
        with self._reader.begin() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A short write transaction; on SQLite it takes the write lock first."""
        with self._writer.begin() as session:
            yield session

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
