"""Display names of the complaint codes (translated; Chinese by default)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from counter_app.services.complaints.service import CST, LIMITS


def channel_names() -> dict[str, str]:
    return {
        "counter": QCoreApplication.translate("ComplaintLabels", "Counter"),
        "hotline": QCoreApplication.translate("ComplaintLabels", "Hotline"),
        "online": QCoreApplication.translate("ComplaintLabels", "Online"),
        "letter": QCoreApplication.translate("ComplaintLabels", "Letter"),
    }


def category_names() -> dict[str, str]:
    return {
        "water_quality": QCoreApplication.translate("ComplaintLabels", "Water quality"),
        "pressure": QCoreApplication.translate("ComplaintLabels", "Pressure or outage"),
        "billing": QCoreApplication.translate("ComplaintLabels", "Billing or price"),
        "meter": QCoreApplication.translate("ComplaintLabels", "Meter"),
        "service": QCoreApplication.translate("ComplaintLabels", "Service attitude"),
        "construction": QCoreApplication.translate("ComplaintLabels", "Construction"),
        "other": QCoreApplication.translate("ComplaintLabels", "Other"),
    }


def status_names() -> dict[str, str]:
    return {
        "open": QCoreApplication.translate("ComplaintLabels", "Open"),
        "forwarded": QCoreApplication.translate("ComplaintLabels", "Forwarded"),
        "resolved": QCoreApplication.translate("ComplaintLabels", "Resolved"),
        "replied": QCoreApplication.translate("ComplaintLabels", "Replied"),
        "closed": QCoreApplication.translate("ComplaintLabels", "Closed"),
    }


def satisfaction_names() -> dict[str, str]:
    return {
        "satisfied": QCoreApplication.translate("ComplaintLabels", "Satisfied"),
        "neutral": QCoreApplication.translate("ComplaintLabels", "Neutral"),
        "dissatisfied": QCoreApplication.translate("ComplaintLabels", "Dissatisfied"),
    }


def event_names() -> dict[str, str]:
    return {
        "received": QCoreApplication.translate("ComplaintLabels", "Complaint received"),
        "resolved": QCoreApplication.translate("ComplaintLabels", "Resolved on the spot"),
        "forwarded": QCoreApplication.translate("ComplaintLabels", "Forwarded"),
        "follow_up": QCoreApplication.translate("ComplaintLabels", "Follow-up"),
        "reply": QCoreApplication.translate("ComplaintLabels", "Reply"),
        "closed": QCoreApplication.translate("ComplaintLabels", "Closed"),
        "reopened": QCoreApplication.translate("ComplaintLabels", "Reopened"),
    }


def correction_status_names() -> dict[str, str]:
    return {
        "pending": QCoreApplication.translate("ComplaintLabels", "Pending"),
        "approved": QCoreApplication.translate("ComplaintLabels", "Done"),
        "rejected": QCoreApplication.translate("ComplaintLabels", "Rejected"),
    }


def field_names() -> dict[str, str]:
    return {
        "name": QCoreApplication.translate("ComplaintLabels", "Name"),
        "mobile": QCoreApplication.translate("ComplaintLabels", "Mobile"),
        "landline": QCoreApplication.translate("ComplaintLabels", "Landline"),
        "address": QCoreApplication.translate("ComplaintLabels", "Address"),
        "meter_location": QCoreApplication.translate("ComplaintLabels", "Meter location"),
        "id_number": QCoreApplication.translate("ComplaintLabels", "ID number"),
    }


def name(table: dict[str, str], code: str) -> str:
    return table.get(code, code)


def local(value: datetime | None, seconds: bool = False) -> str:
    if value is None:
        return ""
    return value.astimezone(CST).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def day(value: date | None) -> str:
    return value.isoformat() if value else ""


def error_text(code: str, field: str) -> str:
    """The Chinese message of a refused complaint field."""
    fields = {
        "complainant": QCoreApplication.translate("ComplaintLabels", "Complainant"),
        "contact": QCoreApplication.translate("ComplaintLabels", "Contact phone"),
        "description": QCoreApplication.translate("ComplaintLabels", "Description"),
        "channel": QCoreApplication.translate("ComplaintLabels", "Channel"),
        "category": QCoreApplication.translate("ComplaintLabels", "Category"),
        "department": QCoreApplication.translate("ComplaintLabels", "Department"),
        "due_at": QCoreApplication.translate("ComplaintLabels", "Due time"),
        "recall_on": QCoreApplication.translate("ComplaintLabels", "Recall date"),
        "resolution": QCoreApplication.translate("ComplaintLabels", "Resolution"),
        "note": QCoreApplication.translate("ComplaintLabels", "Note"),
        "reply": QCoreApplication.translate("ComplaintLabels", "Reply"),
        "reason": QCoreApplication.translate("ComplaintLabels", "Reason"),
        "satisfaction": QCoreApplication.translate("ComplaintLabels", "Satisfaction"),
        "apology_given": QCoreApplication.translate("ComplaintLabels", "Apology"),
        "account": QCoreApplication.translate("ComplaintLabels", "Account"),
        "reply_channel": QCoreApplication.translate("ComplaintLabels", "Reply channel"),
    }
    what = fields.get(field, field)
    messages = {
        "required": QCoreApplication.translate("ComplaintLabels", "{field}: please fill this in."),
        "choice": QCoreApplication.translate(
            "ComplaintLabels", "{field}: please choose from the list."
        ),
        "due_in_past": QCoreApplication.translate(
            "ComplaintLabels", "{field}: the due time must be in the future."
        ),
        "date_range": QCoreApplication.translate(
            "ComplaintLabels", "{field}: must be from today to at most a year ahead."
        ),
        "apology_without_fault": QCoreApplication.translate(
            "ComplaintLabels", "{field}: an apology is recorded only when the company is at fault."
        ),
        "resolved_and_forwarded": QCoreApplication.translate(
            "ComplaintLabels", "{field}: a complaint is either solved on the spot or forwarded."
        ),
        "unknown_account": QCoreApplication.translate(
            "ComplaintLabels", "{field}: the account no longer exists."
        ),
        "too_long": QCoreApplication.translate(
            "ComplaintLabels", "{field}: too long, at most {limit} characters."
        ),
        "phone": QCoreApplication.translate(
            "ComplaintLabels", "{field}: type a mobile (11 digits) or fixed-line number."
        ),
        "state": QCoreApplication.translate(
            "ComplaintLabels", "This action is not possible in the complaint's current state."
        ),
    }
    return messages.get(
        code, QCoreApplication.translate("ComplaintLabels", "{field}: refused.")
    ).format(field=what, limit=LIMITS.get(field, ""))
