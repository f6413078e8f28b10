"""Money: Decimal with two places, never float; parsing and amounts in words.
Rules: docs/rules/payments.md
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from typing import Final

from counter_app.domain.errors import CounterError
from counter_app.domain.text import normalize_input

__all__ = [
    "CENT",
    "MAX_AMOUNT",
    "ZERO",
    "MoneyError",
    "amount_in_words",
    "format_money",
    "parse_money",
    "sum_money",
    "to_money",
]

CENT: Final = Decimal("0.01")
ZERO: Final = Decimal("0.00")  # the one zero amount: two places, like every amount
MAX_AMOUNT: Final = Decimal("9999999999.99")  # NUMERIC(12,2)

MONEY_ERROR_CODES: Final = frozenset(
    {"empty", "format", "negative", "zero", "too_many_decimals", "too_large"}
)


class MoneyError(CounterError, ValueError):
    """An amount was refused.  ``code`` is one of :data:`MONEY_ERROR_CODES`."""

    def __init__(self, code: str, text: str = "", *, field: str | None = None) -> None:
        if code not in MONEY_ERROR_CODES:
            raise ValueError(f"unknown MoneyError code {code!r}")
        super().__init__(code, f"{code}: {text!r}" if text else code, field=field)
        self.text = text


def to_money(value: Decimal | int | str) -> Decimal:
    """Quantize ``value`` to two places, rounding half up (per bill line).

    Floats (and bools) raise :class:`TypeError`: money is never float.  A
    string is read as a plain :class:`~decimal.Decimal` literal (no commas, no
    currency sign; use :func:`parse_money` for user input).  NaN and infinity
    raise :class:`MoneyError` ``format``.  Negative values are allowed here
    (reversals); negative zero is returned as ``0.00``.
    """
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        raise TypeError(f"money must be Decimal, int or str, not {type(value).__name__}")
    with localcontext() as ctx:
        ctx.prec = 40
        try:
            d = Decimal(value.strip() if isinstance(value, str) else value)
        except InvalidOperation:
            raise MoneyError("format", str(value)) from None
        if not d.is_finite():
            raise MoneyError("format", str(value))
        try:
            q = d.quantize(CENT, rounding=ROUND_HALF_UP)
        except InvalidOperation:
            raise MoneyError("too_large", str(value)) from None
    return q if q else ZERO  # drop the sign of -0.00


_CURRENCY_SIGNS = ("¥", "￥")
_MINUS_SIGNS = ("-", "\u2212")  # ASCII hyphen-minus and U+2212 MINUS SIGN
# Grouped form starts with 1-9 so "0,123" (a decimal comma) is not read as 123.
_GROUPED = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]*)?")
_PLAIN = re.compile(r"[0-9]{1,10}(?:\.[0-9]{1,2})?")
_NUMBERISH = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def _strip_sign_and_currency(t: str) -> tuple[str, bool]:
    """Remove one currency sign and note a minus before or after it."""
    negative = False
    if t.startswith(_MINUS_SIGNS):
        negative, t = True, t[1:].lstrip()
    if t.startswith(_CURRENCY_SIGNS):
        t = t[1:].lstrip()
    if not negative and t.startswith(_MINUS_SIGNS):
        negative, t = True, t[1:].lstrip()
    return t, negative


def parse_money(
    text: str,
    *,
    allow_zero: bool = False,
    max_value: Decimal = MAX_AMOUNT,
) -> Decimal:
    """Parse an amount typed by a clerk; raise :class:`MoneyError` if refused.

    Accepted after :func:`~counter_app.domain.text.normalize_input`: one
    optional leading ``¥``/``￥``, then ``\\d{1,10}(\\.\\d{1,2})?`` in ASCII
    digits, optionally with correctly placed thousands commas
    (``1,234.50``).  Error codes, checked in this order:

    ``empty``              nothing but blanks (or only a currency sign)
    ``format``             not a plain decimal number (``NaN``, ``1e5``,
                           ``+5``, ``.5``, ``5.``, ``1,23``, ``12元``, letters)
    ``negative``           a well-formed number with a leading minus
    ``too_many_decimals``  a well-formed number with 3+ decimals
    ``too_large``          more than 10 integer digits or above ``max_value``
    ``zero``               zero while ``allow_zero`` is false
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_money() expects str, got {type(text).__name__}")
    t = normalize_input(text)
    t, negative = _strip_sign_and_currency(t)
    if not t:
        raise MoneyError("format" if negative else "empty", text)
    if "," in t:
        if not _GROUPED.fullmatch(t):
            raise MoneyError("format", text)
        t = t.replace(",", "")
    if not _NUMBERISH.fullmatch(t):
        raise MoneyError("format", text)
    if negative:
        raise MoneyError("negative", text)
    decimals = t.partition(".")[2]
    if len(decimals) > 2:
        raise MoneyError("too_many_decimals", text)
    if not _PLAIN.fullmatch(t):  # only the integer length can fail here
        raise MoneyError("too_large", text)
    value = Decimal(t).quantize(CENT)
    if value > max_value:
        raise MoneyError("too_large", text)
    if not value and not allow_zero:
        raise MoneyError("zero", text)
    return value


def sum_money(amounts: Iterable[Decimal]) -> Decimal:
    """The sum of ``amounts``, ``0.00`` when there are none (two places)."""
    return sum(amounts, ZERO)


def format_money(d: Decimal | int | str) -> str:
    """``Decimal("1234.5")`` -> ``"1,234.50"``; negatives keep a leading ``-``."""
    return f"{to_money(d):,.2f}"


# --- Chinese financial capitals (中文大写金额) ------------------------------

_DIGITS: Final = "零壹贰叁肆伍陆柒捌玖"
_IN_SECTION: Final = ("", "拾", "佰", "仟")
_SECTIONS: Final = ("", "万", "亿")  # up to 9999亿9999万9999, far above MAX_AMOUNT
_WORDS_LIMIT: Final = Decimal(10) ** (4 * len(_SECTIONS))


def _section_words(n: int) -> str:
    """Words for 1..9999 with inner zeros collapsed to one 零, no leading 零."""
    out: list[str] = []
    zero_pending = False
    for pos in range(3, -1, -1):
        digit = n // 10**pos % 10
        if digit == 0:
            zero_pending = bool(out)
            continue
        if zero_pending:
            out.append("零")
            zero_pending = False
        out.append(_DIGITS[digit] + _IN_SECTION[pos])
    return "".join(out)


def _integer_words(n: int) -> str:
    sections: list[int] = []
    while n:
        n, rest = divmod(n, 10_000)
        sections.append(rest)
    out: list[str] = []
    zero_pending = False
    for index in range(len(sections) - 1, -1, -1):
        value = sections[index]
        if value == 0:
            zero_pending = bool(out)
            continue
        # A gap (empty section) or a section with leading zeros after a
        # higher non-empty one is read with one 零: 100010 -> 壹拾万零壹拾.
        if out and (zero_pending or value < 1000):
            out.append("零")
        zero_pending = False
        out.append(_section_words(value) + _SECTIONS[index])
    return "".join(out)


def amount_in_words(d: Decimal | int | str) -> str:
    """Chinese financial capitals for a receipt, e.g. ``123.45`` ->
    ``壹佰贰拾叁元肆角伍分``.

    Rules (PBOC 《正确填写票据和结算凭证的基本规定》):

    * the amount is first rounded to cents with :func:`to_money`; negative
      amounts and amounts of 10**12 or more raise :class:`ValueError`;
    * ``壹拾`` is always written with its ``壹`` (``10`` -> ``壹拾元整``);
    * zeros between digits are written as one ``零`` (``1010`` ->
      ``壹仟零壹拾元``, ``100000001`` -> ``壹亿零壹元``);
    * when 角 is zero but 分 is not, ``零`` follows 元 (``1.05`` ->
      ``壹元零伍分``); when only 元 is zero the optional ``零`` is *not*
      written (``1680.32`` -> ``壹仟陆佰捌拾元叁角贰分``), and amounts below one
      yuan have no ``元`` part (``0.05`` -> ``伍分``);
    * ``整`` ends every amount without 分, i.e. after 元 *and* after 角
      (``10.20`` -> ``壹拾元贰角整``).  The rule requires 整 after 元 and
      allows it after 角; writing it there too means nothing can be appended
      to a printed amount.  Amounts with 分 never end in 整.
    * zero is ``零元整``.
    """
    amount = to_money(d)
    if amount < 0:
        raise ValueError(f"amount_in_words() needs a non-negative amount, got {amount}")
    if amount >= _WORDS_LIMIT:
        raise ValueError(f"amount too large for Chinese capitals: {amount}")
    cents = int(amount * 100)
    yuan, small = divmod(cents, 100)
    jiao, fen = divmod(small, 10)
    if cents == 0:
        return "零元整"
    out = _integer_words(yuan) + "元" if yuan else ""
    if jiao:
        out += _DIGITS[jiao] + "角"
    elif fen and yuan:
        out += "零"
    if fen:
        out += _DIGITS[fen] + "分"
    else:
        out += "整"
    return out
