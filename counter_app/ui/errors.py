"""One place that tells the clerk what an exception means.
Design: docs/architecture.md ("The UI")
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counter_app.documents import PrintError
from counter_app.domain.errors import CounterError
from counter_app.services.actions import connection_lost, statement_timeout
from counter_app.services.identity import LoginError, LoginFailure
from counter_app.ui.settings.print_errors import print_error_text

__all__ = ["connection_lost", "explain", "field_label", "statement_timeout"]


def explain(error: BaseException) -> str:
    """The clerk's sentence for ``error`` (translated, context "Errors"); a printer's
    refusal is told by the one printer map (ui/settings/print_errors.py)."""
    if isinstance(error, PrintError):
        return print_error_text(error)
    kind = error.kind if isinstance(error, CounterError) else None
    if statement_timeout(error):
        return QCoreApplication.translate(
            "Errors",
            "The database took too long to answer. Try again in a moment; "
            "narrow the request if it keeps happening.",
        )
    if connection_lost(error) or (
        isinstance(error, LoginError) and error.failure is LoginFailure.UNREACHABLE
    ):
        return QCoreApplication.translate(
            "Errors",
            "The connection to the database was lost. Check the network and "
            "try again; what you typed is kept.",
        )
    if kind == "conflict":
        return QCoreApplication.translate(
            "Errors",
            "The figures changed meanwhile (another clerk or window). Refresh, "
            "check them and try again.",
        )
    if kind == "forbidden" or isinstance(error, PermissionError):
        return QCoreApplication.translate(
            "Errors", "You are not allowed to do this. Ask a supervisor."
        )
    if kind == "rate_limited":
        return QCoreApplication.translate(
            "Errors", "Too many lookups in a short time. Wait a minute and try again."
        )
    if kind == "locked":
        return QCoreApplication.translate(
            "Errors", "This record is being changed elsewhere. Try again in a moment."
        )
    if kind == "not_found" or isinstance(error, LookupError):
        return QCoreApplication.translate(
            "Errors", "Not found: it may have been removed meanwhile. Refresh and try again."
        )
    if isinstance(error, CounterError):
        return _refusal(error)
    return QCoreApplication.translate("Errors", "The request failed: {error}").format(
        error=type(error).__name__
    )


def _refusal(error: CounterError) -> str:
    """A refused input: what is wrong by its code, the field named first."""
    problem = _problems().get(error.code)
    if problem is None and not error.field:
        return QCoreApplication.translate(
            "Errors", "The request was refused ({code}). Check what was typed and try again."
        ).format(code=error.code)
    if problem is None:
        problem = QCoreApplication.translate(
            "Errors", "refused ({code}); check what was typed."
        ).format(code=error.code)
    if error.field:
        return QCoreApplication.translate("Errors", "{field}: {problem}").format(
            field=field_label(error.field), problem=problem
        )
    return QCoreApplication.translate("Errors", "The request was refused: {problem}").format(
        problem=problem
    )


def _problems() -> dict[str, str]:
    required = QCoreApplication.translate("Errors", "required; fill it in.")
    decimals = QCoreApplication.translate("Errors", "at most two decimals (fen).")
    return {
        "required": required,
        "empty": required,
        "too_long": QCoreApplication.translate("Errors", "too long; shorten it."),
        "format": QCoreApplication.translate("Errors", "not in the expected form; check it."),
        "invalid": QCoreApplication.translate("Errors", "not accepted; check it."),
        "decimals": decimals,
        "too_many_decimals": decimals,
        "too_large": QCoreApplication.translate("Errors", "too large."),
        "negative": QCoreApplication.translate("Errors", "must not be negative."),
        "zero": QCoreApplication.translate("Errors", "must be more than zero."),
        "duplicate": QCoreApplication.translate(
            "Errors", "already recorded; it cannot be entered twice."
        ),
    }


def field_label(field: str) -> str:
    """The clerk's name of a form field or import column (its own name when
    there is none)."""
    labels = {
        "amount": QCoreApplication.translate("Errors", "Amount"),
        "reason": QCoreApplication.translate("Errors", "Reason"),
        "supervisor": QCoreApplication.translate("Errors", "Supervisor"),
        "account": QCoreApplication.translate("Errors", "Account"),
        "account_no": QCoreApplication.translate("Errors", "Account number"),
        "phone": QCoreApplication.translate("Errors", "Phone"),
        "contact": QCoreApplication.translate("Errors", "Phone"),
        "name": QCoreApplication.translate("Errors", "Name"),
        "address": QCoreApplication.translate("Errors", "Address"),
        "cabinet_no": QCoreApplication.translate("Errors", "Cabinet number"),
        "file": QCoreApplication.translate("Errors", "File"),
    }
    return labels.get(field, field)
