"""PRC resident identity card numbers (公民身份号码, GB 11643-1999).
Rules: docs/rules/accounts.md
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from counter_app.domain.errors import CounterError
from counter_app.domain.localtime import today as beijing_today
from counter_app.domain.text import normalize_input

__all__ = [
    "IdNumberError",
    "check_digit",
    "is_valid_id_number",
    "normalize_id_number",
    "upgrade_15_to_18",
    "validate_id_number",
]

# Weight of position i (0-based, left to right) is 2**(17 - i) mod 11.
_WEIGHTS: Final = tuple(pow(2, 17 - i, 11) for i in range(17))
# Check character for (weighted sum mod 11) = 0, 1, ..., 10.
_CHECK_CHARS: Final = "10X98765432"
_EARLIEST_BIRTH: Final = date(1800, 1, 1)  # the standard's own example is 1880

ID_NUMBER_ERROR_CODES: Final = frozenset({"length", "chars", "checksum", "birthdate"})

_ALLOWED_CHARS = re.compile(r"[0-9X]*")
_DIGITS_17 = re.compile(r"[0-9]{17}")


class IdNumberError(CounterError, ValueError):
    """An ID number was refused.  ``code`` is one of ``"length"``,
    ``"chars"``, ``"checksum"``, ``"birthdate"``."""

    def __init__(self, code: str, value: str = "") -> None:
        if code not in ID_NUMBER_ERROR_CODES:
            raise ValueError(f"unknown IdNumberError code {code!r}")
        # The value is personal data: keep it out of the message (and logs).
        super().__init__(code, f"invalid ID number: {code}")
        self.value = value


def check_digit(first17: str) -> str:
    """The GB 11643-1999 check character for the first 17 digits.

    Raises :class:`IdNumberError` (``length`` or ``chars``) unless ``first17``
    is exactly 17 ASCII digits.
    """
    if len(first17) != 17:
        raise IdNumberError("length", first17)
    if not _DIGITS_17.fullmatch(first17):
        raise IdNumberError("chars", first17)
    total = sum(int(ch) * w for ch, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def normalize_id_number(s: str) -> str:
    """Full-width characters to ASCII, blanks removed (also inside, as in
    ``370829 19900101 1234``), lower-case ``x`` to ``X``.  No validation."""
    if s is None:
        return ""
    return normalize_input(s).replace(" ", "").upper()


def _birth_date(yyyymmdd: str, today: date) -> date | None:
    try:
        born = date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return None
    return born if _EARLIEST_BIRTH <= born <= today else None


def validate_id_number(s: str) -> str:
    """Return the normalised ID number or raise :class:`IdNumberError`.

    Codes, checked in this order: ``chars`` (anything but digits and ``X``),
    ``length`` (not 15 or 18), ``chars`` (``X`` anywhere but the last place
    of an 18-character number), ``birthdate``, ``checksum`` (18 only).
    A valid 15-digit number is returned as is; use :func:`upgrade_15_to_18`
    to convert it.
    """
    value = normalize_id_number(s)
    if not _ALLOWED_CHARS.fullmatch(value):
        raise IdNumberError("chars", value)
    if len(value) not in (15, 18):
        raise IdNumberError("length", value)
    if "X" in value[:17] or (len(value) == 15 and "X" in value):
        raise IdNumberError("chars", value)
    today = beijing_today()
    if len(value) == 15:
        if _birth_date("19" + value[6:12], today) is None:
            raise IdNumberError("birthdate", value)
        return value
    if _birth_date(value[6:14], today) is None:
        raise IdNumberError("birthdate", value)
    if check_digit(value[:17]) != value[17]:
        raise IdNumberError("checksum", value)
    return value


def is_valid_id_number(s: str) -> bool:
    """True for a valid 18-character number (``x`` accepted) or a valid
    15-digit old number; see :func:`validate_id_number`."""
    if not isinstance(s, str):
        return False
    try:
        validate_id_number(s)
    except IdNumberError:
        return False
    return True


def upgrade_15_to_18(s: str) -> str:
    """Convert a valid 15-digit number to 18 characters: insert ``19`` before
    the two-digit birth year and append the check character.

    Raises :class:`IdNumberError` if ``s`` is not a valid 15-digit number
    (an 18-character number also raises, with code ``length``).
    """
    value = validate_id_number(s)
    if len(value) != 15:
        raise IdNumberError("length", value)
    first17 = value[:6] + "19" + value[6:]
    return first17 + check_digit(first17)
