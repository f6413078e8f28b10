"""Masking of personal data on screen and paper; never more than the rule keeps.
Rules: docs/rules/accounts.md
"""

from __future__ import annotations

from counter_app.domain.idnumber import normalize_id_number
from counter_app.domain.phone import is_mobile, normalize_phone, split_landline
from counter_app.domain.text import normalize_input

__all__ = ["PERSONAL_FIELDS", "mask_field", "mask_id_number", "mask_name", "mask_phone"]

MASK = "*"


def mask_id_number(s: str | None) -> str:
    """``370829198506150011`` -> ``370829********0011``.

    18 characters: first 6 (address code) and last 4 kept, 8 asterisks.
    15 digits: first 6 and last 3 kept, 6 asterisks.  Any other length (a bad
    record) is masked completely, one asterisk per character.  The value is
    normalised first (full-width, blanks, ``x`` -> ``X``).
    """
    value = normalize_id_number(s) if s else ""
    if len(value) == 18:
        return value[:6] + MASK * 8 + value[-4:]
    if len(value) == 15:
        return value[:6] + MASK * 6 + value[-3:]
    return MASK * len(value)


def mask_phone(s: str | None) -> str:
    """Mask a phone number, keeping just enough to confirm it aloud.

    * mobile: first 3 and last 4 kept, ``138****5678`` (also for input such
      as ``+86 138-1234-5678``);
    * fixed line: area code and the last 3 digits of the local number kept,
      written with a dash: ``0537-6812345`` -> ``0537-****345``,
      ``010-62345678`` -> ``010-*****678``; a bare local number keeps its
      last 3: ``6812345`` -> ``****345``;
    * anything else: the last 3 characters are kept if there are at least 7,
      otherwise everything is masked.
    """
    value = normalize_phone(s) if s else ""
    if not value:
        return ""
    if is_mobile(value):
        return value[:3] + MASK * 4 + value[-4:]
    try:
        area, local = split_landline(value)
    except ValueError:
        if len(value) >= 7:
            return MASK * (len(value) - 3) + value[-3:]
        return MASK * len(value)
    masked_local = MASK * (len(local) - 3) + local[-3:]
    return f"{area}-{masked_local}" if area else masked_local


#: Account fields holding personal data, as named in the accounts table.
PERSONAL_FIELDS = ("id_number", "mobile", "landline")


def mask_field(field: str, value: str | None) -> str:
    """``value`` as shown for the account field ``field``: ID numbers and
    phones (:data:`PERSONAL_FIELDS`) masked as above, any other field as is
    (``None`` -> ``""``)."""
    if field == "id_number":
        return mask_id_number(value)
    if field in PERSONAL_FIELDS:
        return mask_phone(value)
    return value or ""


def mask_name(s: str | None) -> str:
    """Mask a person's name, keeping the first and (from 3 characters) the
    last character:

    ==========  ===========  =====================================
    length      example      masked
    ==========  ===========  =====================================
    1           ``张``        ``*`` (the whole name would show)
    2           ``张三``      ``张*``
    3           ``张小三``    ``张*三``
    4 and more  ``欧阳娜娜``  ``欧**娜`` (first + n-2 asterisks + last)
    ==========  ===========  =====================================

    Compound surnames are not special: ``司马相如`` -> ``司**如``.  The name is
    normalised and blanks are removed first, so ``张 三`` is treated as ``张三``
    (``张*``) instead of showing its given name as ``张*三``; every other
    character, such as the middle dot of ``买买提·艾力``, counts and is masked.
    """
    name = normalize_input(s).replace(" ", "") if s else ""
    n = len(name)
    if n == 0:
        return ""
    if n == 1:
        return MASK
    if n == 2:
        return name[0] + MASK
    return name[0] + MASK * (n - 2) + name[-1]
