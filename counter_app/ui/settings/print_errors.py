"""What went wrong with a printer, as the clerk is told it: the one map of
:class:`PrintError` codes to sentences (statements, receipts, test prints)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counter_app.documents import PrintError


def print_reason(error: PrintError) -> str:
    """What went wrong and what to check, without the printer's name."""
    if error.code == "config" and not error.printer:
        return QCoreApplication.translate(
            "PrintErrors", "No printer is set up for this workstation; set one in Settings."
        )
    reasons = {
        "offline": QCoreApplication.translate(
            "PrintErrors",
            "The printer does not answer. Check that it is on, connected and has paper.",
        ),
        "timeout": QCoreApplication.translate(
            "PrintErrors", "The printer stopped answering in the middle of the job."
        ),
        "refused": QCoreApplication.translate(
            "PrintErrors", "The printer or the print system refused the job."
        ),
        "not_found": QCoreApplication.translate(
            "PrintErrors", "No such printer is installed on this computer."
        ),
        "config": QCoreApplication.translate(
            "PrintErrors", "The printer setting cannot be used. Check the printer settings."
        ),
        "unsupported": QCoreApplication.translate(
            "PrintErrors", "This kind of printer cannot be used on this computer."
        ),
    }
    return reasons.get(error.code) or QCoreApplication.translate(
        "PrintErrors", "The document could not be printed."
    )


def print_error_text(error: PrintError) -> str:
    """A sentence naming the printer and what to check; the technical detail
    follows in brackets so support can read it."""
    reason = print_reason(error)
    printer = error.printer or QCoreApplication.translate("PrintErrors", "(not set)")
    return QCoreApplication.translate(
        "PrintErrors", "Printer {printer}: {reason} ({detail})"
    ).format(printer=printer, reason=reason, detail=error.message)
