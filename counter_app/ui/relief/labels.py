"""Chinese texts of the relief area: statuses and refusals naming the field."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counter_app.services.relief.service import ReliefError


def status_text(status: str) -> str:
    names = {
        "pending": QCoreApplication.translate("Relief", "Pending"),
        "approved": QCoreApplication.translate("Relief", "Approved"),
        "rejected": QCoreApplication.translate("Relief", "Rejected"),
        "revoked": QCoreApplication.translate("Relief", "Revoked"),
        "expired": QCoreApplication.translate("Relief", "Expired"),
    }
    return names.get(status, status)


def account_type_text(kind: str) -> str:
    names = {
        "household": QCoreApplication.translate("Relief", "Household"),
        "bulk": QCoreApplication.translate("Relief", "Bulk meter"),
        "collective": QCoreApplication.translate("Relief", "Collective"),
        "nonresidential": QCoreApplication.translate("Relief", "Non-residential"),
    }
    return names.get(kind, kind)


def field_name(field: str) -> str:
    names = {
        "account": QCoreApplication.translate("Relief", "Account"),
        "certificate_type": QCoreApplication.translate("Relief", "Certificate type"),
        "certificate_no": QCoreApplication.translate("Relief", "Certificate no."),
        "issuing_office": QCoreApplication.translate("Relief", "Issuing office"),
        "valid_from": QCoreApplication.translate("Relief", "Valid from"),
        "valid_to": QCoreApplication.translate("Relief", "Valid to"),
        "holder_name": QCoreApplication.translate("Relief", "Holder name"),
        "holder_id_number": QCoreApplication.translate("Relief", "Holder ID number"),
        "contact_phone": QCoreApplication.translate("Relief", "Contact phone"),
        "materials": QCoreApplication.translate("Relief", "Materials seen"),
        "low_income_households": QCoreApplication.translate("Relief", "Low-income households"),
        "total_households": QCoreApplication.translate("Relief", "Total households"),
        "notes": QCoreApplication.translate("Relief", "Notes"),
        "reason": QCoreApplication.translate("Relief", "Reason"),
        "supervisor": QCoreApplication.translate("Relief", "Approval"),
        "version": QCoreApplication.translate("Relief", "Application"),
        "status": QCoreApplication.translate("Relief", "Application"),
        "application": QCoreApplication.translate("Relief", "Application"),
        "rule": QCoreApplication.translate("Relief", "Relief rule"),
    }
    return names.get(field, field)


def reason_text(error: ReliefError) -> str:
    code = error.code
    specific = {
        ("certificate_no", "duplicate"): QCoreApplication.translate(
            "Relief", "this certificate already has an active relief (pending or approved)."
        ),
        ("account", "duplicate"): QCoreApplication.translate(
            "Relief", "this account already has an active relief (pending or approved)."
        ),
        ("account", "inactive"): QCoreApplication.translate("Relief", "the account is not active."),
        ("account", "not_residential"): QCoreApplication.translate(
            "Relief", "relief is only for household or collective (residential) accounts."
        ),
        ("valid_to", "expired"): QCoreApplication.translate(
            "Relief", "the certificate has expired."
        ),
        ("valid_from", "not_yet_valid"): QCoreApplication.translate(
            "Relief", "the certificate is not valid yet."
        ),
        ("valid_to", "before_from"): QCoreApplication.translate(
            "Relief", "must not be before the valid-from date."
        ),
        ("valid_to", "too_far"): QCoreApplication.translate(
            "Relief", "must not be more than 10 years ahead."
        ),
        ("valid_from", "too_far"): QCoreApplication.translate(
            "Relief", "must not be more than 10 years ahead."
        ),
        ("valid_from", "too_early"): QCoreApplication.translate(
            "Relief", "must not be before 2000."
        ),
        ("materials", "missing"): QCoreApplication.translate(
            "Relief", "tick the certificate original, its copy and the holder's ID copy once seen."
        ),
        ("low_income_households", "range"): QCoreApplication.translate(
            "Relief", "must be at least 1."
        ),
        ("total_households", "below_low"): QCoreApplication.translate(
            "Relief", "must not be less than the low-income households."
        ),
        ("total_households", "above_account"): QCoreApplication.translate(
            "Relief", "must not exceed the households registered on the account."
        ),
        ("supervisor", "role"): QCoreApplication.translate(
            "Relief", "only a supervisor may decide relief applications."
        ),
        ("supervisor", "hall"): QCoreApplication.translate(
            "Relief", "only a supervisor of the hall that filed the application may decide it."
        ),
        ("version", "conflict"): QCoreApplication.translate(
            "Relief", "someone else decided this application first; the list has been refreshed."
        ),
        ("rule", "missing"): QCoreApplication.translate(
            "Relief", "the utility has no relief rule configured."
        ),
    }
    if (error.field, code) in specific:
        return specific[(error.field, code)]
    generic = {
        "required": QCoreApplication.translate("Relief", "required."),
        "too_long": QCoreApplication.translate("Relief", "too long."),
        "unknown": QCoreApplication.translate("Relief", "not one of the accepted certificates."),
        "checksum": QCoreApplication.translate(
            "Relief", "check digit wrong; compare with the ID card."
        ),
        "length": QCoreApplication.translate("Relief", "must have 18 (or 15) characters."),
        "chars": QCoreApplication.translate("Relief", "only digits and a final X are allowed."),
        "birthdate": QCoreApplication.translate(
            "Relief", "the birth date in it is not a real date."
        ),
        "format": QCoreApplication.translate(
            "Relief", "not a mobile (11 digits) or fixed-line number."
        ),
        "missing": QCoreApplication.translate("Relief", "not found."),
        "pending": QCoreApplication.translate("Relief", "it is still pending."),
        "approved": QCoreApplication.translate("Relief", "it is already approved."),
        "rejected": QCoreApplication.translate("Relief", "it was rejected."),
        "revoked": QCoreApplication.translate("Relief", "it was revoked."),
        "expired": QCoreApplication.translate("Relief", "it has expired."),
    }
    return generic.get(code, code)


def error_text(error: ReliefError) -> str:
    return QCoreApplication.translate("Relief", "{field}: {reason}").format(
        field=field_name(error.field), reason=reason_text(error)
    )
