"""The masking rule of November 2026, frozen for migrations 0007 and 0008.
Design: docs/architecture.md ("Migrations and installations")
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["mask_field", "mask_phone"]

_WHITESPACE = re.compile(r"\s+")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015()\[\].]")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_LOCAL = re.compile(r"[2-9][0-9]{6,7}")


def _normalize(s: str) -> str:
    s = _WHITESPACE.sub(" ", s)
    s = "".join(ch for ch in s if unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFKC", s)).strip()


def _normalize_phone(s: str) -> str:
    t = _SEPARATORS.sub("", _normalize(s))
    for prefix in ("+86", "0086"):
        if t.startswith(prefix):
            t = t[len(prefix) :]
            if t and not _MOBILE.fullmatch(t) and not t.startswith("0"):
                t = "0" + t
            break
    return t


def _split_landline(t: str) -> tuple[str, str] | None:
    if _LOCAL.fullmatch(t):
        return "", t
    if t.startswith("0") and len(t) > 1:
        n = 3 if t[1] in "12" else 4
        area, local = t[:n], t[n:]
        if area.isdigit() and area.isascii() and _LOCAL.fullmatch(local):
            return area, local
    return None


def mask_phone(s: str | None) -> str:
    value = _normalize_phone(s) if s else ""
    if not value:
        return ""
    again = _normalize_phone(value)  # the live rule's checks normalise once more
    if _MOBILE.fullmatch(again):
        return value[:3] + "*" * 4 + value[-4:]
    split = _split_landline(again) if again else None
    if split is None:
        return "*" * (len(value) - 3) + value[-3:] if len(value) >= 7 else "*" * len(value)
    area, local = split
    masked_local = "*" * (len(local) - 3) + local[-3:]
    return f"{area}-{masked_local}" if area else masked_local


def _mask_id_number(s: str | None) -> str:
    value = _normalize(s).replace(" ", "").upper() if s else ""
    if len(value) == 18:
        return value[:6] + "*" * 8 + value[-4:]
    if len(value) == 15:
        return value[:6] + "*" * 6 + value[-3:]
    return "*" * len(value)


def mask_field(field: str, value: str | None) -> str:
    if field == "id_number":
        return _mask_id_number(value)
    if field in ("mobile", "landline"):
        return mask_phone(value)
    return value or ""
