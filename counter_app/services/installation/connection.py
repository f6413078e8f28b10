"""The shared PostgreSQL server of a workstation: its URL and a connection test.
Design: docs/architecture.md ("Migrations and installations")
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from counter_app.db.engine import Database, make_engine, with_credentials
from counter_app.db.urls import tls_description

# Database is here for the ui (its type), which imports nothing from db
__all__ = [
    "ConnectionOutcome",
    "Database",
    "check_connection",
    "classify_connection_error",
    "postgres_url",
    "tls_description",
]

from counter_app.services.auth import LoginFailure, classify_connect_error

VERIFY_FULL = "verify-full"
TLS_WORDS = ("ssl", "certificate", "tls", "sslrootcert")


class ConnectionOutcome(StrEnum):
    REACHABLE = "reachable"
    BAD_CREDENTIALS = "bad_credentials"
    TLS_ERROR = "tls_error"
    UNREACHABLE = "unreachable"


def postgres_url(host: str, port: int, database: str, *, ca_file: str = "") -> str:
    """``postgresql://host:port/database`` (TLS verify-full with ``ca_file``)."""
    query = {"sslmode": VERIFY_FULL, "sslrootcert": ca_file} if ca_file else {}
    url = URL.create(
        "postgresql", host=host.strip(), port=port, database=database.strip(), query=query
    )
    return url.render_as_string(hide_password=False)


def classify_connection_error(exc: BaseException) -> ConnectionOutcome:
    """Wrong password, TLS trouble and an unreachable server told apart."""
    if classify_connect_error(exc) is LoginFailure.BAD_CREDENTIALS:
        return ConnectionOutcome.BAD_CREDENTIALS
    message = str(getattr(exc, "orig", exc)).lower()
    if any(word in message for word in TLS_WORDS):
        return ConnectionOutcome.TLS_ERROR
    return ConnectionOutcome.UNREACHABLE


def check_connection(url: str, username: str, password: str) -> ConnectionOutcome:
    """Connect once with these credentials (kept nowhere) and run ``SELECT 1``."""
    engine = make_engine(with_credentials(url, username.strip(), password))
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return ConnectionOutcome.REACHABLE
    except DBAPIError as exc:
        return classify_connection_error(exc)
    finally:
        engine.dispose()
