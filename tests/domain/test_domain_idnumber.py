from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.idnumber import (
    IdNumberError,
    check_digit,
    is_valid_id_number,
    normalize_id_number,
    upgrade_15_to_18,
    validate_id_number,
)
from counter_app.domain.localtime import today as beijing_today

# Weights written out as in the standard, independent of the module's formula.
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]


def reference_check(first17: str) -> str:
    return CHECK[sum(int(c) * w for c, w in zip(first17, WEIGHTS, strict=True)) % 11]


def with_check(first17: str) -> str:
    return first17 + reference_check(first17)


@pytest.mark.parametrize(
    ("first17", "expected"),
    [
        ("11010519491231002", "X"),  # example of GB 11643-1999
        ("44052418800101001", "4"),  # example of GB 11643-1999
        ("37082919850615001", "1"),  # hand computed: sum 341, 341 % 11 = 0
        ("37082919900101123", "X"),
        ("00000000000000000", "1"),
    ],
)
def test_check_digit_known_values(first17: str, expected: str) -> None:
    assert check_digit(first17) == expected


@pytest.mark.parametrize(("value", "code"), [("1234", "length"), ("1101051949123100X", "chars")])
def test_check_digit_refuses_bad_input(value: str, code: str) -> None:
    with pytest.raises(IdNumberError) as info:
        check_digit(value)
    assert info.value.code == code


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("11010519491231002X", "11010519491231002X"),
        ("11010519491231002x", "11010519491231002X"),
        ("１１０１０５１９４９１２３１００２ｘ", "11010519491231002X"),
        (" 370829 19850615 0011 ", "370829198506150011"),
        ("\u3000370829198506150011\u200b", "370829198506150011"),
        ("440524188001010014", "440524188001010014"),
        ("370829198002290010", "370829198002290010"),  # leap day
        ("370829850615001", "370829850615001"),  # 15-digit old number
        ("370829960229001", "370829960229001"),  # 1996-02-29
    ],
)
def test_valid_numbers(raw: str, normalised: str) -> None:
    assert is_valid_id_number(raw)
    assert validate_id_number(raw) == normalised
    assert normalize_id_number(raw) == normalised


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "length"),
        ("   ", "length"),
        ("37082919850615001", "length"),
        ("3708291985061500111", "length"),
        ("3708298506150011", "length"),
        ("37082919850615001A", "chars"),
        ("370829-19850615-0011", "chars"),
        ("X70829198506150011", "chars"),
        ("37082985061500X", "chars"),
        ("370829198506150012", "checksum"),
        ("11010519491231002Y", "chars"),
        ("110105194912310020", "checksum"),
        (with_check("37082919850230001"), "birthdate"),  # 30 February
        (with_check("37082919001301001"), "birthdate"),  # month 13
        (with_check("37082919000229001"), "birthdate"),  # 1900 is not a leap year
        (with_check("37082917991231001"), "birthdate"),  # before 1800
        (with_check("37082929990101001"), "birthdate"),  # in the future
        ("370829000229001", "birthdate"),  # 1900-02-29 on an old number
        ("370829851301001", "birthdate"),
    ],
)
def test_invalid_numbers(raw: str, code: str) -> None:
    assert not is_valid_id_number(raw)
    with pytest.raises(IdNumberError) as info:
        validate_id_number(raw)
    assert info.value.code == code
    assert isinstance(info.value, ValueError)


def test_error_message_does_not_leak_the_number() -> None:
    with pytest.raises(IdNumberError) as info:
        validate_id_number("370829198506150012")
    assert "370829" not in str(info.value)


def test_birth_date_today_is_valid_tomorrow_is_not() -> None:
    today = beijing_today()  # a birth "today" in Beijing is valid at 16:00 UTC already
    tomorrow = today + timedelta(days=1)
    assert is_valid_id_number(with_check("370829" + today.strftime("%Y%m%d") + "001"))
    assert not is_valid_id_number(with_check("370829" + tomorrow.strftime("%Y%m%d") + "001"))


def test_is_valid_tolerates_none() -> None:
    assert not is_valid_id_number(None)  # type: ignore[arg-type]
    assert normalize_id_number(None) == ""  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("370829850615001", "370829198506150011"),
        ("370829800101123", "37082919800101123" + "5"),
        ("１１０１０５４９１２３１００２", "11010519491231002X"),
    ],
)
def test_upgrade_15_to_18(old: str, new: str) -> None:
    assert upgrade_15_to_18(old) == new
    assert is_valid_id_number(new)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("370829198506150011", "length"),
        ("37082985061500", "length"),
        ("370829851301001", "birthdate"),
    ],
)
def test_upgrade_refuses(raw: str, code: str) -> None:
    with pytest.raises(IdNumberError) as info:
        upgrade_15_to_18(raw)
    assert info.value.code == code


def test_error_code_is_checked() -> None:
    with pytest.raises(ValueError):
        IdNumberError("bogus")


# --- properties -------------------------------------------------------------

birth_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2020, 12, 31))
address_codes = st.from_regex(r"[1-8][0-9]{5}", fullmatch=True)
sequences = st.from_regex(r"[0-9]{3}", fullmatch=True)


@st.composite
def id_numbers(draw: st.DrawFn) -> str:
    first17 = draw(address_codes) + draw(birth_dates).strftime("%Y%m%d") + draw(sequences)
    return with_check(first17)


@given(st.from_regex(r"[0-9]{17}", fullmatch=True))
def test_check_digit_matches_reference(first17: str) -> None:
    assert check_digit(first17) == reference_check(first17)


@given(id_numbers())
def test_generated_numbers_are_valid(number: str) -> None:
    assert validate_id_number(number) == number
    assert validate_id_number(number.lower()) == number


@given(id_numbers(), st.integers(min_value=0, max_value=17), st.integers(1, 10))
def test_any_single_character_change_is_refused(number: str, pos: int, delta: int) -> None:
    alphabet = "0123456789X" if pos == 17 else "0123456789"
    old = alphabet.index(number[pos])
    step = delta % (len(alphabet) - 1) + 1  # 1 .. len - 1: never the same character
    changed = number[:pos] + alphabet[(old + step) % len(alphabet)] + number[pos + 1 :]
    assert changed != number
    assert not is_valid_id_number(changed)
    with pytest.raises(IdNumberError) as info:
        validate_id_number(changed)
    # A change outside the birth date can only be caught by the checksum.
    if not 6 <= pos < 14:
        assert info.value.code == "checksum"


@given(id_numbers(), st.integers(min_value=0, max_value=16))
def test_adjacent_transposition_is_refused(number: str, pos: int) -> None:
    a, b = number[pos], number[pos + 1]
    if a == b or b == "X":
        return
    swapped = number[:pos] + b + a + number[pos + 2 :]
    assert not is_valid_id_number(swapped)


@given(address_codes, st.dates(min_value=date(1900, 1, 1), max_value=date(1999, 12, 31)), sequences)
def test_upgrade_round_trip(area: str, born: date, seq: str) -> None:
    old = area + born.strftime("%y%m%d") + seq
    assert is_valid_id_number(old)
    new = upgrade_15_to_18(old)
    assert len(new) == 18
    assert new[6:14] == born.strftime("%Y%m%d")
    assert new[:6] == area and new[14:17] == seq
    assert validate_id_number(new) == new


@given(st.text())
def test_validate_only_raises_id_number_error(text: str) -> None:
    try:
        value = validate_id_number(text)
    except IdNumberError as exc:
        assert exc.code in {"length", "chars", "checksum", "birthdate"}
    else:
        assert len(value) in (15, 18)
