"""Small display texts shared by several screens."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def role_name(role: str) -> str:
    """The clerk's role as the hall says it (收费员, 班长, 管理员)."""
    names = {
        "clerk": QCoreApplication.translate("Roles", "Clerk"),
        "supervisor": QCoreApplication.translate("Roles", "Supervisor"),
        "admin": QCoreApplication.translate("Roles", "Administrator"),
    }
    return names.get(role, role)
