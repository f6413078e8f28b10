"""Database URLs as the clerk sees them (no ORM import: used before login)."""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url


def describe_url(url: str | URL) -> str:
    """'PostgreSQL host:port/db', never a password."""
    parsed = make_url(url) if isinstance(url, str) else url
    host = parsed.host or "localhost"
    port = f":{parsed.port}" if parsed.port else ""
    return f"PostgreSQL {host}{port}/{parsed.database}"
