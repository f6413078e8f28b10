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


def tender_name(code: str) -> str:
    """A tender (payment method) as the hall says it; one table for every
    screen (the printed documents have theirs in documents/data.py)."""
    names = {
        "cash": QCoreApplication.translate("Tenders", "Cash"),
        "wechat": QCoreApplication.translate("Tenders", "WeChat"),
        "alipay": QCoreApplication.translate("Tenders", "Alipay"),
        "card": QCoreApplication.translate("Tenders", "Bank card"),
        "prepayment": QCoreApplication.translate("Tenders", "Prepayment"),
        "bank": QCoreApplication.translate("Tenders", "Bank"),
    }
    return names.get(code, code)
