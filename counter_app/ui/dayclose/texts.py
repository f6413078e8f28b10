"""Chinese messages for what the shift service refuses (a refused amount: payments.messages)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counter_app.services.payments.shifts import ShiftError


def shift_error_text(error: ShiftError) -> str:
    texts = {
        "negative": QCoreApplication.translate("DayCloseTexts", "Cash float: cannot be negative."),
        "already_open": QCoreApplication.translate(
            "DayCloseTexts", "A shift of yours is already open; it is shown now."
        ),
        "closed": QCoreApplication.translate(
            "DayCloseTexts",
            "This shift is already closed and locked; no payment can be posted on it.",
        ),
        "reason": QCoreApplication.translate(
            "DayCloseTexts",
            "Reason for the variance: counted cash differs from the expected; give the reason.",
        ),
        "denomination": QCoreApplication.translate(
            "DayCloseTexts", "Count: unknown denomination {field}."
        ),
        "shift": QCoreApplication.translate("DayCloseTexts", "The shift was not found; press F5."),
        "open": QCoreApplication.translate("DayCloseTexts", "The shift is not closed yet."),
    }
    text = texts.get(error.code) or QCoreApplication.translate(
        "DayCloseTexts", "The shift could not be saved: {error}"
    )
    return text.format(field=error.field, error=str(error))
