"""Checks of a relief application's fields for the clerk's sake (the database checks again).
Rules: docs/rules/relief.md
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from counter_app.domain.dates import validity_problem
from counter_app.domain.errors import CounterError
from counter_app.domain.idnumber import IdNumberError, validate_id_number
from counter_app.domain.localtime import today as local_today  # kept for callers
from counter_app.domain.phone import PhoneError, validate_phone
from counter_app.domain.text import normalize_input

__all__ = [
    "MATERIALS",
    "ReliefError",
    "ReliefInput",
    "local_today",
    "certificate_key",
    "validate_input",
]

# Materials the clerk must have seen (key, label stored and printed).
MATERIALS: tuple[tuple[str, str], ...] = (
    ("certificate_original", "证件原件"),
    ("certificate_copy", "证件复印件"),
    ("holder_id_copy", "持证人身份证复印件"),
)
MAX_LENGTHS = {
    "certificate_type": 40,
    "certificate_no": 40,
    "issuing_office": 80,
    "holder_name": 80,
    "notes": 2000,
}


class ReliefError(CounterError):
    """A refusal: ``field`` to correct, ``code`` of the reason."""

    field: str

    def __init__(self, field: str, code: str, message: str = "", *, kind: str | None = None):
        super().__init__(code, message or f"{field}: {code}", field=field, kind=kind)


@dataclass(frozen=True)
class ReliefInput:
    """What the clerk typed on the application form."""

    account_id: int
    certificate_type: str
    certificate_no: str
    issuing_office: str
    valid_from: date | None
    valid_to: date | None
    holder_name: str
    holder_id_number: str
    contact_phone: str
    materials: tuple[str, ...] = ()  # keys of MATERIALS
    low_income_households: int | None = None
    total_households: int | None = None
    notes: str = ""


def certificate_key(certificate_no: str) -> str:
    """The certificate number as stored, locked and compared: upper case and
    without spaces (after normalize_input's NFKC), so ``dbz 001``, ``ＤＢＺ001``
    and ``DBZ001`` are one certificate and cannot hold two active reliefs."""
    return "".join(certificate_no.split()).upper()


def _text(value: str | None, name: str, *, required: bool = True) -> str:
    text = normalize_input(value or "").strip()
    if required and not text:
        raise ReliefError(name, "required", f"{name} is required")
    if len(text) > MAX_LENGTHS.get(name, 80):
        raise ReliefError(name, "too_long", f"{name} is too long")
    return text


def _households(data: ReliefInput) -> None:
    """What the form can tell without the account (whether it is collective,
    and its registered households, are the database's to check)."""
    low, total = data.low_income_households, data.total_households
    if low is not None and low <= 0:
        raise ReliefError("low_income_households", "range", "low-income households must be > 0")
    if low is not None and total is not None and total < low:
        raise ReliefError(
            "total_households", "below_low", "total households below the low-income households"
        )


def validate_input(data: ReliefInput, today: date) -> dict:
    """Check every field in form order, for the clerk's sake (a message before
    a round trip); return the normalised values ``counter_file_relief`` takes.
    The database checks them all again, and what needs the account or the
    utility's settings (account active and residential, households of a
    collective account, accepted certificate types) is checked there only."""
    _text(data.certificate_type, "certificate_type")
    cert_no = certificate_key(_text(data.certificate_no, "certificate_no"))
    _text(data.issuing_office, "issuing_office")
    if data.valid_from is None:
        raise ReliefError("valid_from", "required", "valid from is required")
    if data.valid_to is None:
        raise ReliefError("valid_to", "required", "valid to is required")
    problem = validity_problem(data.valid_from, data.valid_to, today)
    if problem is not None:
        which, code = problem
        raise ReliefError(
            "valid_from" if which == "start" else "valid_to", code, f"valid {which}: {code}"
        )
    if data.valid_from > today:
        raise ReliefError("valid_from", "not_yet_valid", "the certificate is not valid yet")
    if data.valid_to < today:
        raise ReliefError("valid_to", "expired", "the certificate has expired")
    _text(data.holder_name, "holder_name")
    try:
        id_number = validate_id_number(data.holder_id_number or "")
    except IdNumberError as exc:
        code = "required" if not (data.holder_id_number or "").strip() else exc.code
        raise ReliefError("holder_id_number", code, str(exc)) from None
    try:
        phone = validate_phone(data.contact_phone)
    except PhoneError as exc:
        code = "required" if exc.code == "empty" else exc.code
        raise ReliefError("contact_phone", code, str(exc)) from None
    missing = [key for key, _ in MATERIALS if key not in data.materials]
    if missing:
        raise ReliefError("materials", "missing", f"materials not seen: {', '.join(missing)}")
    _households(data)
    notes = _text(data.notes, "notes", required=False)
    return dict(
        certificate_no=cert_no, holder_id_number=id_number, contact_phone=phone, notes=notes
    )
