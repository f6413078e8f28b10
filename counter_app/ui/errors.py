"""One place that tells the clerk what an exception means.

A page that has nothing more specific to say about a failed request shows
:func:`explain` of it: the connection was lost, the database took too long,
the figure changed meanwhile, not allowed, too many lookups, not found, or
else "The request failed" naming the error class only — never its text, which
may carry SQL or connection details. (The task runner has logged the failure
with its traceback already; ui/tasks.py.)
"""

from __future__ import annotations

import psycopg
from psycopg import errors as pg_errors
from PySide6.QtCore import QCoreApplication
from sqlalchemy.exc import DBAPIError, DisconnectionError, InterfaceError, OperationalError

from counter_app.services.actions import ActionError
from counter_app.services.identity import LoginError, LoginFailure

QUERY_CANCELED = "57014"  # SQLSTATE of a statement cancelled by statement_timeout


def connection_lost(error: BaseException) -> bool:
    """True when ``error`` says the database connection broke or did not answer
    (then a write's outcome is unknown), False for an answer that refused it."""
    if isinstance(error, LoginError):
        return error.failure is LoginFailure.UNREACHABLE
    if isinstance(error, DBAPIError):
        return error.connection_invalidated or isinstance(error, OperationalError | InterfaceError)
    return isinstance(
        error,
        DisconnectionError | psycopg.OperationalError | psycopg.InterfaceError
        | ConnectionError | TimeoutError,
    )


def statement_timeout(error: BaseException) -> bool:
    """True when the server cancelled the statement (statement_timeout)."""
    orig = error.orig if isinstance(error, DBAPIError) else error
    return isinstance(orig, pg_errors.QueryCanceled) or (
        getattr(orig, "sqlstate", None) == QUERY_CANCELED)


def explain(error: BaseException) -> str:
    """The clerk's sentence for ``error`` (translated, context "Errors")."""
    kind = error.kind if isinstance(error, ActionError) else None
    if statement_timeout(error):
        return QCoreApplication.translate(
            "Errors", "The database took too long to answer. Try again in a moment; "
            "narrow the request if it keeps happening.")
    if connection_lost(error):
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
