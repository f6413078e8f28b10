"""One place that tells the clerk what an exception means.
Design: docs/architecture.md ("The UI")
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counter_app.services.actions import ActionError, connection_lost, statement_timeout
from counter_app.services.identity import LoginError, LoginFailure

__all__ = ["connection_lost", "explain", "statement_timeout"]


def explain(error: BaseException) -> str:
    """The clerk's sentence for ``error`` (translated, context "Errors")."""
    kind = error.kind if isinstance(error, ActionError) else None
    if statement_timeout(error):
        return QCoreApplication.translate(
            "Errors", "The database took too long to answer. Try again in a moment; "
            "narrow the request if it keeps happening.")
    if connection_lost(error) or (
            isinstance(error, LoginError) and error.failure is LoginFailure.UNREACHABLE):
        return QCoreApplication.translate(
            "Errors", "The connection to the database was lost. Check the network and "
            "try again; what you typed is kept.")
    if kind == "conflict":
        return QCoreApplication.translate(
            "Errors", "The figures changed meanwhile (another clerk or window). Refresh, "
            "check them and try again.")
    if kind == "forbidden" or isinstance(error, PermissionError):
        return QCoreApplication.translate(
            "Errors", "You are not allowed to do this. Ask a supervisor.")
    if kind == "rate_limited":
        return QCoreApplication.translate(
            "Errors", "Too many lookups in a short time. Wait a minute and try again.")
    if kind == "locked":
        return QCoreApplication.translate(
            "Errors", "This record is being changed elsewhere. Try again in a moment.")
    if kind == "not_found" or isinstance(error, LookupError):
        return QCoreApplication.translate(
            "Errors", "Not found: it may have been removed meanwhile. Refresh and try again.")
    return QCoreApplication.translate(
        "Errors", "The request failed: {error}").format(error=type(error).__name__)
