from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.money import (
    CENT,
    MAX_AMOUNT,
    MoneyError,
    amount_in_words,
    format_money,
    parse_money,
    to_money,
)

D = Decimal

# Amounts from 0.00 to MAX_AMOUNT, as whole cents.
amounts = st.integers(min_value=0, max_value=int(MAX_AMOUNT * 100)).map(
    lambda cents: D(cents).scaleb(-2)
)


# --- to_money ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D("1"), "1.00"),
        (5, "5.00"),
        ("12.3", "12.30"),
        (" 12.3 ", "12.30"),
        (D("0.005"), "0.01"),  # half up, not banker's rounding
        (D("0.015"), "0.02"),
        (D("0.025"), "0.03"),
        (D("2.675"), "2.68"),
        (D("1.994"), "1.99"),
        (D("-1.005"), "-1.01"),  # half away from zero
        (D("-0.001"), "0.00"),  # no negative zero
        ("-0", "0.00"),
        (D("9999999999.995"), "10000000000.00"),
    ],
)
def test_to_money(value: Decimal | int | str, expected: str) -> None:
    result = to_money(value)
    assert isinstance(result, Decimal)
    assert str(result) == expected


@pytest.mark.parametrize("value", [1.5, 0.1, True, None, [1]])
def test_to_money_refuses_float_and_other_types(value: object) -> None:
    with pytest.raises(TypeError):
        to_money(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-inf", D("NaN"), D("sNaN"), "abc", ""])
def test_to_money_refuses_non_finite(value: Decimal | str) -> None:
    with pytest.raises(MoneyError) as info:
        to_money(value)
    assert info.value.code == "format"


def test_to_money_too_large_for_context() -> None:
    with pytest.raises(MoneyError) as info:
        to_money(D("1e60"))
    assert info.value.code == "too_large"


def test_cent_constant() -> None:
    assert CENT == D("0.01")
    assert CENT.as_tuple().exponent == -2


# --- parse_money ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.01", "0.01"),
        ("1", "1.00"),
        ("12.5", "12.50"),
        ("12.50", "12.50"),
        ("007", "7.00"),
        ("  35.00 ", "35.00"),
        ("¥35", "35.00"),
        ("￥35", "35.00"),
        ("¥ 35", "35.00"),
        ("１２３．４５", "123.45"),  # full-width IME digits
        ("￥１，２３４．５０", "1234.50"),
        ("1,234.50", "1234.50"),
        ("1,234", "1234.00"),
        ("12,345,678.90", "12345678.90"),
        ("9999999999.99", "9999999999.99"),
        ("9,999,999,999.99", "9999999999.99"),
        ("\u200b88", "88.00"),
    ],
)
def test_parse_money_accepts(text: str, expected: str) -> None:
    result = parse_money(text)
    assert isinstance(result, Decimal)
    assert str(result) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("\u3000", "empty"),
        ("¥", "empty"),
        ("NaN", "format"),
        ("nan", "format"),
        ("Infinity", "format"),
        ("inf", "format"),
        ("1e5", "format"),
        ("1E5", "format"),
        ("+5", "format"),
        (".5", "format"),
        ("5.", "format"),
        ("1 000", "format"),
        ("1,23", "format"),
        ("12,5", "format"),  # decimal comma
        ("0,123", "format"),
        ("1,2345", "format"),
        ("1,234.", "format"),
        ("12元", "format"),
        ("abc", "format"),
        ("¥¥5", "format"),
        ("5¥", "format"),
        ("-", "format"),
        ("٣", "format"),  # Arabic-Indic digit: ASCII digits only
        ("-5", "negative"),
        ("－５", "negative"),
        ("\u22125", "negative"),
        ("-¥5.00", "negative"),
        ("¥-5.00", "negative"),
        ("-0.01", "negative"),
        ("1.234", "too_many_decimals"),
        ("0.001", "too_many_decimals"),
        ("1,234.567", "too_many_decimals"),
        ("12345678901", "too_large"),
        ("10000000000.00", "too_large"),
        ("0", "zero"),
        ("0.00", "zero"),
        ("¥0", "zero"),
    ],
)
def test_parse_money_refuses(text: str, code: str) -> None:
    with pytest.raises(MoneyError) as info:
        parse_money(text)
    assert info.value.code == code
    assert isinstance(info.value, ValueError)


def test_parse_money_allow_zero() -> None:
    assert parse_money("0", allow_zero=True) == D("0.00")
    assert str(parse_money("0.00", allow_zero=True)) == "0.00"


def test_parse_money_max_value() -> None:
    assert parse_money("500.00", max_value=D("500")) == D("500.00")
    with pytest.raises(MoneyError) as info:
        parse_money("500.01", max_value=D("500"))
    assert info.value.code == "too_large"


def test_parse_money_refuses_non_str() -> None:
    with pytest.raises(TypeError):
        parse_money(12)  # type: ignore[arg-type]


def test_money_error_rejects_unknown_code() -> None:
    with pytest.raises(ValueError):
        MoneyError("oops")


# --- format_money -----------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D("0"), "0.00"),
        (D("0.5"), "0.50"),
        (D("999.99"), "999.99"),
        (D("1000"), "1,000.00"),
        (D("1234.5"), "1,234.50"),
        (D("1234567.891"), "1,234,567.89"),
        (D("9999999999.99"), "9,999,999,999.99"),
        (D("-1234.5"), "-1,234.50"),
        (42, "42.00"),
    ],
)
def test_format_money(value: Decimal | int, expected: str) -> None:
    assert format_money(value) == expected


def test_format_money_refuses_float() -> None:
    with pytest.raises(TypeError):
        format_money(1.5)  # type: ignore[arg-type]


@given(amounts)
def test_parse_format_round_trip(value: Decimal) -> None:
    assert parse_money(format_money(value), allow_zero=True) == value
    assert parse_money(str(value), allow_zero=True) == value


@given(amounts)
def test_parse_full_width_round_trip(value: Decimal) -> None:
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in format_money(value))
    assert parse_money("￥" + full_width, allow_zero=True) == value


# --- amount_in_words --------------------------------------------------------

WORDS_TABLE = [
    ("0.00", "零元整"),
    ("0.01", "壹分"),
    ("0.05", "伍分"),
    ("0.10", "壹角整"),
    ("0.50", "伍角整"),
    ("0.55", "伍角伍分"),
    ("1.00", "壹元整"),
    ("1.05", "壹元零伍分"),
    ("1.50", "壹元伍角整"),
    ("10.00", "壹拾元整"),
    ("10.20", "壹拾元贰角整"),
    ("11.00", "壹拾壹元整"),
    ("100.00", "壹佰元整"),
    ("101.00", "壹佰零壹元整"),
    ("110.00", "壹佰壹拾元整"),
    ("123.45", "壹佰贰拾叁元肆角伍分"),
    ("1001.00", "壹仟零壹元整"),
    ("1010.01", "壹仟零壹拾元零壹分"),
    # The examples of the PBOC rules (with 整 after 角, see the docstring).
    ("1409.50", "壹仟肆佰零玖元伍角整"),
    ("6007.14", "陆仟零柒元壹角肆分"),
    ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
    ("107000.53", "壹拾万柒仟元伍角叁分"),
    ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
    ("325.04", "叁佰贰拾伍元零肆分"),
    ("10000.00", "壹万元整"),
    ("10001.00", "壹万零壹元整"),
    ("100010.50", "壹拾万零壹拾元伍角整"),
    ("1000000.00", "壹佰万元整"),
    ("10001000.00", "壹仟万壹仟元整"),
    ("100000000.00", "壹亿元整"),
    ("100000001.00", "壹亿零壹元整"),
    ("102000000.00", "壹亿零贰佰万元整"),
    ("120000000.00", "壹亿贰仟万元整"),
    ("1000010000.00", "壹拾亿零壹万元整"),
    ("9999999999.99", "玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
]


@pytest.mark.parametrize(("amount", "words"), WORDS_TABLE)
def test_amount_in_words_table(amount: str, words: str) -> None:
    assert amount_in_words(D(amount)) == words


def test_amount_in_words_rounds_half_up_and_accepts_int_and_str() -> None:
    assert amount_in_words(D("0.005")) == "壹分"
    assert amount_in_words(10) == "壹拾元整"
    assert amount_in_words("1.994") == "壹元玖角玖分"


@pytest.mark.parametrize("value", [D("-0.01"), D("-100"), -1])
def test_amount_in_words_refuses_negative(value: Decimal | int) -> None:
    with pytest.raises(ValueError):
        amount_in_words(value)


def test_amount_in_words_refuses_too_large_and_float() -> None:
    with pytest.raises(ValueError):
        amount_in_words(D("1000000000000"))
    with pytest.raises(TypeError):
        amount_in_words(1.0)  # type: ignore[arg-type]


# A small independent reader of Chinese capitals, to check round trips.
_DIGIT_VALUE = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
_UNIT_VALUE = {"拾": 10, "佰": 100, "仟": 1000}


def _read_section(s: str) -> int:
    total, digit = 0, None
    for ch in s:
        if ch in _UNIT_VALUE:
            assert digit is not None, f"unit without digit in {s!r}"
            total += digit * _UNIT_VALUE[ch]
            digit = None
        else:
            assert digit is None, f"two digits in a row in {s!r}"
            digit = _DIGIT_VALUE[ch]
    return total + (digit or 0)


def _read_integer(s: str) -> int:
    total = 0
    for unit, factor in (("亿", 10**8), ("万", 10**4)):
        if unit in s:
            head, s = s.split(unit, 1)
            total += _read_section(head.replace("零", "")) * factor
    return total + _read_section(s.replace("零", ""))


def words_to_amount(words: str) -> Decimal:
    if words == "零元整":
        return D("0.00")
    body = words.removesuffix("整")
    yuan = 0
    if "元" in body:
        head, body = body.split("元", 1)
        yuan = _read_integer(head)
    jiao = fen = 0
    body = body.removeprefix("零")
    if "角" in body:
        head, body = body.split("角", 1)
        jiao = _DIGIT_VALUE[head]
    if "分" in body:
        head, body = body.split("分", 1)
        fen = _DIGIT_VALUE[head]
    assert body == "", f"left over {body!r} in {words!r}"
    return D(yuan * 100 + jiao * 10 + fen).scaleb(-2)


@pytest.mark.parametrize(("amount", "words"), WORDS_TABLE)
def test_reader_agrees_with_table(amount: str, words: str) -> None:
    assert words_to_amount(words) == D(amount)


@given(amounts)
def test_amount_in_words_round_trip(value: Decimal) -> None:
    assert words_to_amount(amount_in_words(value)) == value


@given(amounts)
def test_amount_in_words_structure(value: Decimal) -> None:
    words = amount_in_words(value)
    assert set(words) <= set("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整")
    assert "零零" not in words
    cents = int(value * 100)
    # 整 exactly when there is no 分.
    assert words.endswith("整") == (cents % 10 == 0)
    assert words.endswith("分") == (cents % 10 != 0)
    if value:
        assert not words.startswith("零")
        # 零 is never directly before a unit or the end.
        for unit in "拾佰仟万亿元角分整":
            assert "零" + unit not in words
    # 元 appears exactly when there are whole yuan (or the amount is zero).
    assert ("元" in words) == (value >= 1 or value == 0)
    # Every 拾 has its digit: 壹拾, never a bare 拾 at the start.
    assert not words.startswith("拾")


@given(st.text())
def test_parse_money_only_raises_money_error(text: str) -> None:
    try:
        value = parse_money(text, allow_zero=True)
    except MoneyError as exc:
        assert exc.code in {"empty", "format", "negative", "too_many_decimals", "too_large"}
    else:
        assert value.as_tuple().exponent == -2
        assert D("0") <= value <= MAX_AMOUNT


def test_zero_and_total_have_two_places() -> None:
    from counter_app.domain.money import ZERO, sum_money

    assert str(ZERO) == "0.00" and str(sum_money([])) == "0.00"
    assert str(sum_money([Decimal("1.5"), Decimal("2")])) == "3.50"
