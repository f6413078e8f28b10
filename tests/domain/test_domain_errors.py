from __future__ import annotations

from collections.abc import Callable

import pytest

from counter_app.domain.bank_files import LayoutError
from counter_app.domain.errors import ERROR_KINDS, CounterError
from counter_app.domain.idnumber import IdNumberError, validate_id_number
from counter_app.domain.money import MoneyError, parse_money
from counter_app.domain.phone import PhoneError, validate_phone
from counter_app.domain.readings import ReadingError, usage_between


def test_code_field_message_and_kind() -> None:
    error = CounterError("amount_invalid", "12.345 has three decimals", field="amount")
    assert (error.code, error.field, error.message, error.kind) == (
        "amount_invalid",
        "amount",
        "12.345 has three decimals",
        "invalid",
    )
    assert str(error) == "12.345 has three decimals"


def test_without_a_message_the_code_says_it() -> None:
    error = CounterError("stale", kind="conflict")
    assert (str(error), error.message, error.field, error.kind) == (
        "stale",
        "stale",
        None,
        "conflict",
    )


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown error kind 'oops'"):
        CounterError("x", kind="oops")
    assert "oops" not in ERROR_KINDS


def test_the_kind_is_per_instance() -> None:
    CounterError("stale", kind="conflict")
    assert CounterError("other").kind == "invalid"


@pytest.mark.parametrize(
    ("refuse", "cls", "code"),
    [
        (lambda: parse_money("1.234"), MoneyError, "too_many_decimals"),
        (lambda: validate_id_number("12345"), IdNumberError, "length"),
        (lambda: validate_phone("12"), PhoneError, "format"),
        (lambda: usage_between(5, 3), ReadingError, "lower_than_last"),
    ],
)
def test_domain_refusals_are_counter_errors_and_value_errors(
    refuse: Callable[[], object], cls: type[CounterError], code: str
) -> None:
    with pytest.raises(cls) as info:
        refuse()
    assert isinstance(info.value, CounterError) and isinstance(info.value, ValueError)
    assert info.value.code == code


def test_personal_data_stays_out_of_the_message() -> None:
    with pytest.raises(IdNumberError) as info:
        validate_id_number("37082919850615001")
    assert "370829" not in str(info.value) and "370829" not in info.value.message


def test_layout_error() -> None:
    error = LayoutError("detail.amount: unknown kind")
    assert (error.code, str(error)) == ("layout", "detail.amount: unknown kind")
    assert isinstance(error, CounterError) and isinstance(error, ValueError)


def test_a_field_error_names_its_field_first_and_is_a_value_error():
    from counter_app.domain.errors import CounterError, FieldError

    error = FieldError("prefix", "at most 8 letters or digits", "format")
    assert isinstance(error, CounterError) and isinstance(error, ValueError)
    assert (error.field, error.code, error.kind) == ("prefix", "format", "invalid")
    assert str(error) == "prefix: at most 8 letters or digits"
    assert FieldError("name", "taken", "duplicate", kind="conflict").kind == "conflict"
