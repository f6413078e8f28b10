from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.phone import (
    PhoneError,
    format_landline,
    is_landline,
    is_mobile,
    normalize_phone,
    split_landline,
    validate_phone,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("", ""),
        ("  ", ""),
        ("13812345678", "13812345678"),
        ("138 1234 5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("１３８\u3000１２３４\u3000５６７８", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("+86-13812345678", "13812345678"),
        ("(+86) 138 1234 5678", "13812345678"),
        ("＋８６１３８１２３４５６７８", "13812345678"),
        ("0086 13812345678", "13812345678"),
        ("0537-6812345", "05376812345"),
        ("(0537) 6812345", "05376812345"),
        ("（０５３７）６８１２３４５", "05376812345"),
        ("0537\u20146812345", "05376812345"),  # em dash
        ("+86 537 6812345", "05376812345"),  # trunk 0 restored
        ("+86 (0)537 6812345", "05376812345"),
        ("+86 10 62345678", "01062345678"),
        ("6812345", "6812345"),
        ("138abc", "138abc"),  # kept so that validation refuses it
        ("0537-6812345转801", "05376812345转801"),
    ],
)
def test_normalize_phone(raw: str | None, expected: str) -> None:
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize(
    ("raw", "mobile"),
    [
        ("13812345678", True),
        ("19912345678", True),
        ("16612345678", True),
        ("+86 158 0537 1234", True),
        ("12812345678", False),  # 12x is not a mobile range
        ("10012345678", False),
        ("1381234567", False),  # 10 digits
        ("138123456789", False),  # 12 digits
        ("23812345678", False),
        ("05376812345", False),
        ("1381234567a", False),
        ("", False),
        (None, False),
    ],
)
def test_is_mobile(raw: str | None, mobile: bool) -> None:
    assert is_mobile(raw) is mobile


@pytest.mark.parametrize(
    ("raw", "area", "local"),
    [
        ("0537-6812345", "0537", "6812345"),
        ("053768123456", "0537", "68123456"),
        ("05376812345", "0537", "6812345"),
        ("010-62345678", "010", "62345678"),
        ("01062345678", "010", "62345678"),
        ("020 8765 4321", "020", "87654321"),
        ("029-8123456", "029", "8123456"),
        ("0311-86123456", "0311", "86123456"),
        ("0999-2123456", "0999", "2123456"),
        ("6812345", "", "6812345"),
        ("68123456", "", "68123456"),
        ("+86 537 6812345", "0537", "6812345"),
    ],
)
def test_landline_split_and_format(raw: str, area: str, local: str) -> None:
    assert is_landline(raw)
    assert split_landline(raw) == (area, local)
    assert format_landline(raw) == (f"{area}-{local}" if area else local)
    assert validate_phone(raw) == area + local


@pytest.mark.parametrize(
    "raw",
    [
        "13812345678",  # mobile
        "0537-1812345",  # local part starts with 1
        "0537-0812345",  # local part starts with 0
        "0537-681234",  # 6-digit local part
        "0537-681234567",  # 9-digit local part
        "010-1234567",  # local part starts with 1
        "0",
        "05",
        "1812345",  # bare local starting with 1
        "0812345",  # 7 digits with trunk 0 but no room for a local number
        "681234",
        "681234567",
        "0537-6812345转801",
        "",
        None,
    ],
)
def test_not_landline(raw: str | None) -> None:
    assert not is_landline(raw)
    with pytest.raises(PhoneError):
        format_landline(raw)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (None, "empty"),
        ("", "empty"),
        ("  - ", "empty"),
        ("+86", "empty"),
        ("abc", "format"),
        ("1381234567", "format"),
        ("12812345678", "format"),
        ("138-1234-5678 ext 2", "format"),
        ("0537-681234", "format"),
        ("95598", "format"),  # service numbers are not customer contacts
        ("+1 415 555 0100", "format"),
    ],
)
def test_validate_phone_refuses(raw: str | None, code: str) -> None:
    with pytest.raises(PhoneError) as info:
        validate_phone(raw)
    assert info.value.code == code
    assert isinstance(info.value, ValueError)


def test_validate_phone_returns_digits() -> None:
    assert validate_phone(" +86 138-1234-5678 ") == "13812345678"
    assert validate_phone("（０５３７）６８１２３４５") == "05376812345"


def test_error_message_does_not_leak_the_number() -> None:
    with pytest.raises(PhoneError) as info:
        validate_phone("1381234567")
    assert "1381234567" not in str(info.value)


def test_phone_error_code_is_checked() -> None:
    with pytest.raises(ValueError):
        PhoneError("nope")


mobiles = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
area_codes = st.one_of(
    st.just("010"),
    st.from_regex(r"02[0-9]", fullmatch=True),
    st.from_regex(r"0[3-9][0-9]{2}", fullmatch=True),
)
locals_ = st.from_regex(r"[2-9][0-9]{6,7}", fullmatch=True)
separators = st.sampled_from(["", " ", "-", "\u3000", "－"])


@given(mobiles, separators)
def test_generated_mobiles(number: str, sep: str) -> None:
    typed = sep.join([number[:3], number[3:7], number[7:]])
    assert is_mobile(typed)
    assert not is_landline(typed)
    assert validate_phone(typed) == number
    assert validate_phone("+86" + typed) == number


@given(area_codes, locals_, separators)
def test_generated_landlines(area: str, local: str, sep: str) -> None:
    typed = area + sep + local
    assert is_landline(typed)
    assert not is_mobile(typed)
    assert format_landline(typed) == f"{area}-{local}"
    assert validate_phone(typed) == area + local
    assert format_landline("+86 " + area[1:] + " " + local) == f"{area}-{local}"


@given(st.text(alphabet="0123456789０１２３４５６７８９ -()（）－.\u3000\t"))
def test_normalize_phone_keeps_digits_only(s: str) -> None:
    once = normalize_phone(s)
    assert once.isascii() and (once.isdigit() or once == "")
    assert normalize_phone(once) == once
    digits = "".join(str(int(ch)) for ch in s if ch.isdigit())
    if not digits.startswith("0086"):  # country prefix dropped, tested above
        assert once == digits


@given(st.text())
def test_validate_phone_only_raises_phone_error(text: str) -> None:
    try:
        value = validate_phone(text)
    except PhoneError as exc:
        assert exc.code in {"empty", "format"}
    else:
        assert value.isascii() and value.isdigit()
        assert is_mobile(value) or is_landline(value)
