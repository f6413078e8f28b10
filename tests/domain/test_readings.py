"""Usage between readings, rollover and inspection flags."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.readings import ReadingError, reading_flags, usage_between


def test_normal_usage():
    assert usage_between(1200, 1235) == (35, False)


def test_no_change():
    assert usage_between(1200, 1200) == (0, False)
    assert usage_between(0, 0) == (0, False)


def test_rollover_on_five_digits():
    # 99990 → 99999 is 9 m³, → 00000 one more, → 00015 fifteen more: 100000 - 99990 + 15 = 25.
    assert usage_between(99990, 15) == (25, True)


def test_rollover_at_the_default_limit():
    # Default limit: 10 % of 100000 = 10000 m³.
    # 100000 - 90000 + 0 = 10000 → accepted; 100000 - 90000 + 1 = 10001 → refused.
    assert usage_between(90000, 0) == (10000, True)
    with pytest.raises(ReadingError) as excinfo:
        usage_between(90000, 1)
    assert excinfo.value.code == "lower_than_last"


def test_lower_than_last_is_refused():
    # 100000 - 1235 + 1200 = 99965 m³ would be a rollover: far too much.
    with pytest.raises(ReadingError) as excinfo:
        usage_between(1235, 1200)
    assert excinfo.value.code == "lower_than_last"
    assert isinstance(excinfo.value, ValueError)
    assert "1200" in str(excinfo.value)


def test_custom_rollover_limit_and_dial():
    # 4 digits: 10000 - 9995 + 3 = 8.
    assert usage_between(9995, 3, dial_digits=4) == (8, True)
    with pytest.raises(ReadingError):
        usage_between(9995, 3, dial_digits=4, max_rollover_usage=7)
    assert usage_between(99990, 15, max_rollover_usage=25) == (25, True)
    with pytest.raises(ReadingError):
        usage_between(99990, 15, max_rollover_usage=0)


@pytest.mark.parametrize(("previous", "current"), [(-1, 10), (10, -1)])
def test_negative_reading(previous, current):
    with pytest.raises(ReadingError) as excinfo:
        usage_between(previous, current)
    assert excinfo.value.code == "negative"


@pytest.mark.parametrize(("previous", "current"), [(100000, 10), (10, 100000)])
def test_reading_beyond_the_dial(previous, current):
    with pytest.raises(ReadingError) as excinfo:
        usage_between(previous, current)
    assert excinfo.value.code == "too_large"


def test_invalid_dial_digits():
    with pytest.raises(ValueError):
        usage_between(1, 2, dial_digits=0)


def test_non_integer_reading_is_a_type_error():
    with pytest.raises(TypeError):
        usage_between(1.5, 2)  # type: ignore[arg-type]


@given(st.integers(0, 99_999), st.integers(0, 99_999))
def test_usage_is_never_negative_and_matches_the_dial(previous, current):
    try:
        usage, rolled = usage_between(previous, current)
    except ReadingError as exc:
        assert exc.code == "lower_than_last"
        assert current < previous
        return
    assert usage >= 0
    assert rolled == (current < previous)
    assert (previous + usage) % 100_000 == current


def test_flag_no_change_needs_three_zero_periods():
    assert reading_flags(0, [5, 0, 0], high_threshold=50) == {"no_change"}
    assert reading_flags(0, [0, 0], high_threshold=50) == {"no_change"}
    assert reading_flags(0, [0, 4], high_threshold=50) == set()
    assert reading_flags(0, [4, 0], high_threshold=50) == set()
    assert reading_flags(3, [0, 0], high_threshold=50) == set()
    # Not enough history yet.
    assert reading_flags(0, [0], high_threshold=50) == set()
    assert reading_flags(0, [], high_threshold=50) == set()


def test_flag_high_is_strictly_above_the_threshold():
    assert reading_flags(50, [10, 12], high_threshold=50) == set()
    assert reading_flags(51, [10, 12], high_threshold=50) == {"high"}


def test_flags_refuse_negative_usage():
    with pytest.raises(ValueError):
        reading_flags(-1, [], high_threshold=50)
