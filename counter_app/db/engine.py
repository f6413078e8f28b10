"""Engine and session factory: PostgreSQL (a shared server or the embedded one)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
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


def make_engine(
    url: str | URL, *, echo: bool = False, statement_timeout_ms: int | None = None
) -> Engine:
    """An engine for a PostgreSQL URL; any other database is refused.

    ``statement_timeout_ms`` bounds every statement of the engine's sessions,
    sent with the connection (no extra round trip)."""
    parsed = normalize_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise ValueError(
            f"unsupported database {parsed.get_backend_name()!r}: "
            "Counter supports PostgreSQL only (postgresql://host:port/db)"
        )
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
