"""Chinese phone numbers as customers dictate them at the counter.
Rules: docs/rules/accounts.md
"""

from __future__ import annotations

import re
from typing import Final

from counter_app.domain.errors import CounterError
from counter_app.domain.text import normalize_input

__all__ = [
    "PhoneError",
    "format_landline",
    "is_landline",
    "is_mobile",
    "normalize_phone",
    "split_landline",
    "validate_phone",
]

PHONE_ERROR_CODES: Final = frozenset({"empty", "format"})

# Separators people type or paste: blanks, hyphens and dashes, parentheses, dots.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015()\[\].]")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_LOCAL = re.compile(r"[2-9][0-9]{6,7}")
_COUNTRY_PREFIXES = ("+86", "0086")


class PhoneError(CounterError, ValueError):
    """A phone number was refused.  ``code`` is ``"empty"`` or ``"format"``."""

    def __init__(self, code: str, value: str = "") -> None:
        if code not in PHONE_ERROR_CODES:
            raise ValueError(f"unknown PhoneError code {code!r}")
        super().__init__(code, f"invalid phone number: {code}")  # no personal data
        self.value = value


def normalize_phone(s: str | None) -> str:
    """Normalise a typed phone number; ``None`` gives ``""``.

    Full-width characters become ASCII, then blanks, hyphens, dashes,
    parentheses, brackets and dots are removed and a leading ``+86`` or
    ``0086`` is dropped.  After a country prefix a fixed-line number is
    written without its trunk ``0`` (``+86 537 6812345``), so the ``0`` is
    put back unless the rest is a mobile number.

    A number made of digits and those separators comes out as digits only;
    any other character (letters, ``#``, ``转``) is kept, so that validation
    refuses it instead of silently accepting a different number.
    """
    if s is None:
        return ""
    t = _SEPARATORS.sub("", normalize_input(s))
    for prefix in _COUNTRY_PREFIXES:
        if t.startswith(prefix):
            t = t[len(prefix) :]
            if t and not _MOBILE.fullmatch(t) and not t.startswith("0"):
                t = "0" + t
            break
    return t


def is_mobile(s: str | None) -> bool:
    """True for an 11-digit mobile number ``1[3-9]xxxxxxxxx`` (after
    :func:`normalize_phone`, so ``+86 138-1234-5678`` counts)."""
    return _MOBILE.fullmatch(normalize_phone(s)) is not None


def split_landline(s: str | None) -> tuple[str, str]:
    """Split a fixed-line number into ``(area_code, local_number)``.

    A bare 7- or 8-digit local number gives ``("", local)``.  Raises
    :class:`PhoneError` (``empty`` or ``format``) if ``s`` is no fixed-line
    number.
    """
    t = normalize_phone(s)
    if not t:
        raise PhoneError("empty")
    if _LOCAL.fullmatch(t):
        return "", t
    if t.startswith("0") and len(t) > 1:
        area_len = 3 if t[1] in "12" else 4
        area, local = t[:area_len], t[area_len:]
        if area.isdigit() and area.isascii() and _LOCAL.fullmatch(local):
            return area, local
    raise PhoneError("format", t)


def is_landline(s: str | None) -> bool:
    """True for ``0`` + area code + 7-8 digit local number (``0537-6812345``,
    ``010 12345678``) or a bare 7-8 digit local number (``6812345``)."""
    try:
        split_landline(s)
    except PhoneError:
        return False
    return True


def format_landline(s: str | None) -> str:
    """``"05376812345"`` -> ``"0537-6812345"``; a bare local number is
    returned as digits.  Raises :class:`PhoneError` for anything else."""
    area, local = split_landline(s)
    return f"{area}-{local}" if area else local


def validate_phone(s: str | None) -> str:
    """Return the normalised number (digits only, no dash) of a mobile or
    fixed-line number; raise :class:`PhoneError` ``empty`` or ``format``."""
    t = normalize_phone(s)
    if not t:
        raise PhoneError("empty")
    if _MOBILE.fullmatch(t) or is_landline(t):
        return t
    raise PhoneError("format", t)
