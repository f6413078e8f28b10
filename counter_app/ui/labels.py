"""Small display texts shared by several screens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from sqlalchemy.engine import make_url


def role_name(role: str) -> str:
    """The clerk's role as the hall says it (收费员, 班长, 管理员)."""
    names = {
        "clerk": QCoreApplication.translate("Roles", "Clerk"),
        "supervisor": QCoreApplication.translate("Roles", "Supervisor"),
        "admin": QCoreApplication.translate("Roles", "Administrator"),
    }
    return names.get(role, role)


def describe_database_url(url: str) -> str:
    """'SQLite counter.sqlite3' or 'PostgreSQL host:port/db', never a password.

    The same text as ``Database.describe()``, for before a connection exists.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return f"SQLite {Path(parsed.database or '').name}"
    host = parsed.host or "localhost"
    port = f":{parsed.port}" if parsed.port else ""
    return f"PostgreSQL {host}{port}/{parsed.database}"
