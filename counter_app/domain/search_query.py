"""What a clerk typed into the one search box, classified into terms or a hint.
Rules: docs/rules/search.md
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from counter_app.domain.archive import ARCHIVE_NO_RE, MAX_ARCHIVE_NO
from counter_app.domain.idnumber import IdNumberError, upgrade_15_to_18
from counter_app.domain.phone import PhoneError, format_landline, normalize_phone, split_landline
from counter_app.domain.text import normalize_input

__all__ = [
    "HINTS",
    "MAX_QUERY_LENGTH",
    "Kind",
    "Mode",
    "ParsedQuery",
    "Term",
    "escape_like",
    "parse_query",
]

MAX_QUERY_LENGTH: Final = 64  # characters after normalisation; longer is "too_long"
_MAX_RAW_LENGTH: Final = 1_000  # not even normalised beyond this
MIN_PREFIX_DIGITS: Final = 3  # account / meter number prefix search from 3 digits
MAX_ACCOUNT_NO: Final = 16  # accounts.account_no is VARCHAR(16)
MAX_METER_NO: Final = 32  # meters.meter_no is VARCHAR(32)
MIN_PLACE_FRAGMENT: Final = 3  # Chinese text without digits is also a place from 3 characters
MAX_ADDRESS_CODE: Final = 6  # longer letters+digits are numbers, not part of an address


class Kind(StrEnum):
    """What a term is looked up as. The values are stable codes for the UI."""

    ACCOUNT_NO = "account_no"  # 用户号
    MOBILE = "mobile"  # full 11-digit mobile (raw column, through a function on PG)
    MOBILE_TAIL = "mobile_tail"  # last 4 digits of the mobile
    LANDLINE = "landline"  # full fixed line, with or without area code
    ID_NUMBER = "id_number"  # full 18 or 15 character ID number
    ID_TAIL = "id_tail"  # last 4 characters of the ID number
    NAME = "name"  # 户名, whole or part
    PINYIN = "pinyin"  # initials (zs) or full pinyin (zhangsan) of the name
    ADDRESS = "address"  # usage address or meter location fragment
    METER_NO = "meter_no"  # 表号
    ARCHIVE_NO = "archive_no"  # 档案号 (属地-年度-序号, or kept from the old system)


class Mode(StrEnum):
    """How a term may match; results are ordered exact, prefix, contains."""

    EXACT = "exact"
    PREFIX = "prefix"
    CONTAINS = "contains"


#: Hint codes. With no terms they explain why nothing was searched; with
#: terms (only ``too_short``) they are advice.
HINTS: Final = {
    "empty": "nothing typed",
    "too_long": f"more than {MAX_QUERY_LENGTH} characters",
    "no_searchable_text": "no letters, digits or Chinese characters",
    "too_short": "1-2 digits: only an exact account or meter number is looked up",
    "not_a_phone": "tel: needs a mobile, its last 4 digits or a fixed-line number",
    "not_an_id_number": "id: needs 18 or 15 characters, or the last 4",
    "not_an_account_no": "no: needs an account number",
    "not_a_meter_no": "meter: needs a meter number",
    "not_an_archive_no": "archive: needs an archive number",
}

_EXACT = (Mode.EXACT,)
_PREFIXED = (Mode.EXACT, Mode.PREFIX)
_ALL_MODES = (Mode.EXACT, Mode.PREFIX, Mode.CONTAINS)
_FRAGMENT = (Mode.CONTAINS,)  # addresses: nobody types a whole address


@dataclass(frozen=True)
class Term:
    """One way to read the query: look ``values`` up as ``kind`` by ``modes``.

    ``value`` is normalised for the kind (digits only for numbers, upper-case
    ``X`` in ID numbers, ``0537-6812345`` for a fixed line with area code,
    lower-case ASCII for pinyin); ``alternates`` are equivalent spellings
    (the 18-character form of a 15-digit ID number).
    """

    kind: Kind
    value: str
    modes: tuple[Mode, ...] = _EXACT
    alternates: tuple[str, ...] = ()

    @property
    def values(self) -> tuple[str, ...]:
        return (self.value, *self.alternates)


@dataclass(frozen=True)
class ParsedQuery:
    """The classified query. ``text`` is what was classified (normalised,
    prefix removed); ``terms`` is empty when ``hint`` says why."""

    text: str
    terms: tuple[Term, ...] = ()
    hint: str | None = None
    forced: bool = False

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.kind.value for t in self.terms))

    @property
    def searchable(self) -> bool:
        return bool(self.terms)

    def term(self, kind: Kind | str) -> Term | None:
        return next((t for t in self.terms if t.kind == kind), None)


def escape_like(value: str, escape: str = "\\") -> str:
    """``value`` with LIKE wildcards made literal, for ``LIKE ... ESCAPE '\\'``."""
    return (
        value.replace(escape, escape + escape).replace("%", escape + "%").replace("_", escape + "_")
    )


# ----------------------------------------------------------------- prefixes

_FORCE_PREFIXES: Final[dict[str, str]] = {
    "tel": "phone",
    "phone": "phone",
    "mobile": "phone",
    "电话": "phone",
    "手机": "phone",
    "id": "id",
    "身份证": "id",
    "证件": "id",
    "addr": "address",
    "address": "address",
    "地址": "address",
    "表位": "address",
    "no": "account",
    "acct": "account",
    "户号": "account",
    "用户号": "account",
    "name": "name",
    "户名": "name",
    "meter": "meter",
    "表号": "meter",
    "archive": "archive",
    "档案": "archive",
    "档案号": "archive",
}
_PREFIX_RE = re.compile(
    r"^(" + "|".join(sorted(map(re.escape, _FORCE_PREFIXES), key=len, reverse=True)) + r")\s*:\s*",
    re.IGNORECASE,
)

# ------------------------------------------------------------ character sets

# Kept inside a search value besides letters and digits: the middle dot of
# 买买提·艾力 and separators people type in numbers and addresses.
_KEPT_PUNCTUATION = frozenset("·-#")
_PHONE_SHAPE = re.compile(r"\+?[0-9(][0-9 \-()]*")
_DIGITS = re.compile(r"[0-9]+")
_ID18 = re.compile(r"[0-9]{17}[0-9X]")
_ID15 = re.compile(r"[0-9]{15}")
_ID_TAIL = re.compile(r"[0-9]{3}[0-9X]")  # 4 characters (as the mask shows them)
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_ASCII_LETTERS = re.compile(r"[a-z]+")
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9\-#]+")


def _is_cjk(ch: str) -> bool:
    # Letters outside ASCII/Latin: CJK ideographs (all extension blocks),
    # private-use characters kept for legacy rare name characters.
    return ord(ch) > 0x2E7F and unicodedata.category(ch) in ("Lo", "Co", "Nl")


def _fold_latin(ch: str) -> str:
    """Pinyin typed with tone marks (zhāng, lǚ) becomes plain ASCII (lv)."""
    if ch in "üÜǖǘǚǜǕǗǙǛ":
        return "v"
    if ord(ch) < 0x250 and not ch.isascii():
        base = unicodedata.normalize("NFKD", ch)
        return "".join(c for c in base if not unicodedata.combining(c))
    return ch


def _searchable(text: str) -> str:
    """Letters, digits, private-use characters and a few separators; blanks
    and everything else (wildcards, quotes, emoji, symbols) dropped."""
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat[0] in "LN" or cat == "Co":
            out.append(_fold_latin(ch))
        elif ch in _KEPT_PUNCTUATION:
            out.append(ch)
    return "".join(out)


def _has_core(text: str) -> bool:
    return any(
        unicodedata.category(ch)[0] in "LN" or unicodedata.category(ch) == "Co" for ch in text
    )


# ------------------------------------------------------------- number kinds


def _phone_terms(digits: str) -> list[Term]:
    """Terms for a digit string read as a phone number (or its tail)."""
    terms: list[Term] = []
    if _MOBILE.fullmatch(digits):
        terms.append(Term(Kind.MOBILE, digits))
    if len(digits) == 4:
        terms.append(Term(Kind.MOBILE_TAIL, digits))
    try:
        split_landline(digits)
    except PhoneError:
        pass
    else:
        if not _MOBILE.fullmatch(digits):
            terms.append(Term(Kind.LANDLINE, format_landline(digits)))
    return terms


def _id_terms(value: str) -> list[Term]:
    if _ID18.fullmatch(value):
        return [Term(Kind.ID_NUMBER, value)]
    if _ID15.fullmatch(value):
        try:
            alternates: tuple[str, ...] = (upgrade_15_to_18(value),)
        except IdNumberError:
            alternates = ()
        return [Term(Kind.ID_NUMBER, value, alternates=alternates)]
    if _ID_TAIL.fullmatch(value):
        return [Term(Kind.ID_TAIL, value)]
    return []


def _number_terms(value: str, kind: Kind, limit: int) -> list[Term]:
    if not value or len(value) > limit or not _ASCII_ALNUM.fullmatch(value):
        return []
    modes = _PREFIXED if len(value) >= MIN_PREFIX_DIGITS else _EXACT
    return [Term(kind, value.upper(), modes)]


def _digit_terms(digits: str) -> list[Term]:
    """All readings of a plain digit string, most likely first."""
    terms = _phone_terms(digits)
    if len(digits) in (15, 18, 4):
        terms += _id_terms(digits)
    terms += _number_terms(digits, Kind.ACCOUNT_NO, MAX_ACCOUNT_NO)
    terms += _number_terms(digits, Kind.METER_NO, MAX_METER_NO)
    if len(digits) == 4:
        # the customer said "尾号 1234": tails are likelier than a number prefix
        order = {Kind.MOBILE_TAIL: 0, Kind.ID_TAIL: 1}
        terms.sort(key=lambda t: order.get(t.kind, 2))
    return terms


def _text_terms(text: str) -> list[Term]:
    """Terms for input with letters (Latin or Chinese)."""
    lower = text.lower()
    if _ASCII_LETTERS.fullmatch(lower):
        return [Term(Kind.PINYIN, lower, _PREFIXED)]
    if _ASCII_ALNUM.fullmatch(text):  # letters and digits: JX2400012345, A3
        terms = [
            *_number_terms(text, Kind.METER_NO, MAX_METER_NO),
            *_number_terms(text, Kind.ACCOUNT_NO, MAX_ACCOUNT_NO),
        ]
        if len(text) <= MAX_ADDRESS_CODE:  # A3, 3-201: a building or room code
            terms.append(Term(Kind.ADDRESS, text, _FRAGMENT))
        return terms
    if any(ch.isdigit() for ch in text):
        # 幸福路12号, 3单元: a name never has digits
        return [Term(Kind.ADDRESS, text, _FRAGMENT)]
    name = text.replace("-", "").replace("#", "")
    if len(text) < MIN_PLACE_FRAGMENT:  # 张, 建国: a name (addr: forces a place)
        return [Term(Kind.NAME, name, _ALL_MODES)]
    return [Term(Kind.NAME, name, _ALL_MODES), Term(Kind.ADDRESS, text, _FRAGMENT)]


# ------------------------------------------------------------------- forced


def _forced_terms(kind: str, text: str, compact: str) -> tuple[list[Term], str | None]:
    if kind == "phone":
        digits = normalize_phone(text)
        terms = _phone_terms(digits) if digits.isdigit() and digits.isascii() else []
        return terms, None if terms else "not_a_phone"
    if kind == "id":
        value = compact.replace("-", "").upper()
        terms = _id_terms(value)
        return terms, None if terms else "not_an_id_number"
    if kind == "account":
        terms = _number_terms(compact, Kind.ACCOUNT_NO, MAX_ACCOUNT_NO)
        return terms, None if terms else "not_an_account_no"
    if kind == "meter":
        terms = _number_terms(compact, Kind.METER_NO, MAX_METER_NO)
        return terms, None if terms else "not_a_meter_no"
    if kind == "archive":
        terms = [_archive_term(compact)] if len(compact) <= MAX_ARCHIVE_NO else []
        return terms, None if terms else "not_an_archive_no"
    if kind == "name":
        lower = compact.lower()
        if _ASCII_LETTERS.fullmatch(lower):
            return [Term(Kind.PINYIN, lower, _PREFIXED)], None
        return [Term(Kind.NAME, compact.replace("-", ""), _ALL_MODES)], None
    return [Term(Kind.ADDRESS, compact, _FRAGMENT)], None


# -------------------------------------------------------------------- parse


def parse_query(raw: str) -> ParsedQuery:
    """Classify ``raw`` (see the module docstring). Never raises."""
    parsed = _parse(raw)
    if parsed.forced or not parsed.terms or not ARCHIVE_NO_RE.fullmatch(_archive_text(raw)):
        return parsed
    # 07-2024-00012: an archive number first (exact; after a mobile typed with
    # dashes), the other readings after it
    terms = list(parsed.terms)
    terms.insert(
        1 if terms[0].kind is Kind.MOBILE else 0, _archive_term(_searchable(normalize_input(raw)))
    )
    return ParsedQuery(parsed.text, tuple(terms), parsed.hint)


def _archive_text(raw: str) -> str:
    return _searchable(normalize_input(raw)).upper()


def _archive_term(typed: str) -> Term:
    """An archive number in upper case, and as typed (a number kept from the
    old system may have lower-case letters)."""
    value = typed.upper()
    return Term(Kind.ARCHIVE_NO, value, alternates=(typed,) if typed != value else ())


def _parse(raw: str) -> ParsedQuery:
    if not isinstance(raw, str) or not raw.strip():
        return ParsedQuery("", hint="empty")
    if len(raw) > _MAX_RAW_LENGTH:
        return ParsedQuery("", hint="too_long")
    text = normalize_input(raw)
    if not text:
        return ParsedQuery("", hint="empty")
    if len(text) > MAX_QUERY_LENGTH:
        return ParsedQuery("", hint="too_long")

    forced: str | None = None
    match = _PREFIX_RE.match(text)
    if match:
        forced = _FORCE_PREFIXES[match.group(1).lower()]
        text = text[match.end() :]
        if not text:
            return ParsedQuery("", hint="empty", forced=True)

    compact = _searchable(text)
    if not _has_core(compact):
        return ParsedQuery(compact, hint="no_searchable_text", forced=forced is not None)

    if forced is not None:
        terms, hint = _forced_terms(forced, text, compact)
        return ParsedQuery(compact, tuple(terms), hint, forced=True)

    digits = normalize_phone(text) if _PHONE_SHAPE.fullmatch(text) else compact
    if digits.isdigit() and digits.isascii():
        terms = _digit_terms(digits)
        hint = "too_short" if len(digits) < MIN_PREFIX_DIGITS else None
        return ParsedQuery(digits, tuple(terms), hint)

    if _ID18.fullmatch(compact.upper()) or _ID_TAIL.fullmatch(compact.upper()):
        return ParsedQuery(compact.upper(), tuple(_id_terms(compact.upper())))
    terms = _text_terms(compact)
    return ParsedQuery(compact, tuple(terms))
