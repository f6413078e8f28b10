from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.periods import Period

periods = st.builds(Period, st.integers(1900, 2200), st.integers(1, 12))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03", Period(2026, 3)),
        ("202603", Period(2026, 3)),
        ("2026/03", Period(2026, 3)),
        ("2026-3", Period(2026, 3)),
        ("2026/12", Period(2026, 12)),
        (" 2026-01 ", Period(2026, 1)),
        ("２０２６－０３", Period(2026, 3)),
        ("２０２６０３", Period(2026, 3)),
        ("0001-01", Period(1, 1)),
        ("999912", Period(9999, 12)),
    ],
)
def test_parse(text: str, expected: Period) -> None:
    assert Period.parse(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2026",
        "2026-13",
        "2026-00",
        "202613",
        "202600",
        "20263",
        "2026-003",
        "26-03",
        "2026.03",
        "2026年3月",
        "2026-03-01",
        "0000-01",
        "abcd-ef",
        "2026 03",
        "-2026-03",
    ],
)
def test_parse_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="period"):
        Period.parse(text)


def test_parse_refuses_non_str() -> None:
    with pytest.raises(TypeError):
        Period.parse(202603)  # type: ignore[arg-type]


@pytest.mark.parametrize(("year", "month"), [(2026, 0), (2026, 13), (0, 1), (10000, 1), (2026, -1)])
def test_constructor_refuses_out_of_range(year: int, month: int) -> None:
    with pytest.raises(ValueError):
        Period(year, month)


@pytest.mark.parametrize(("year", "month"), [("2026", 3), (2026, 3.0), (2026, True)])
def test_constructor_refuses_non_int(year: object, month: object) -> None:
    with pytest.raises(TypeError):
        Period(year, month)  # type: ignore[arg-type]


def test_str_and_code() -> None:
    p = Period(2026, 3)
    assert str(p) == "2026-03"
    assert p.code == "202603"
    assert str(Period(987, 11)) == "0987-11"
    assert repr(p) == "Period(year=2026, month=3)"


def test_frozen_hashable_ordered() -> None:
    p = Period(2026, 3)
    with pytest.raises(AttributeError):
        p.year = 2027  # type: ignore[misc]
    assert {Period(2026, 3), Period.parse("202603")} == {p}
    assert Period(2025, 12) < Period(2026, 1) < Period(2026, 2)
    assert sorted([Period(2026, 1), Period(2025, 12), Period(2025, 2)]) == [
        Period(2025, 2),
        Period(2025, 12),
        Period(2026, 1),
    ]


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ("2026-03", 0, "2026-03"),
        ("2026-03", 1, "2026-04"),
        ("2026-12", 1, "2027-01"),
        ("2026-01", -1, "2025-12"),
        ("2026-11", 2, "2027-01"),  # household meters: every two months
        ("2026-03", 12, "2027-03"),
        ("2026-03", -15, "2024-12"),
        ("2026-03", 25, "2028-04"),
    ],
)
def test_add(start: str, months: int, expected: str) -> None:
    assert str(Period.parse(start).add(months)) == expected


def test_next_prev() -> None:
    assert Period(2026, 12).next() == Period(2027, 1)
    assert Period(2027, 1).prev() == Period(2026, 12)
    assert Period(2026, 6).next().prev() == Period(2026, 6)


def test_out_of_range_arithmetic() -> None:
    with pytest.raises(ValueError):
        Period(9999, 12).next()
    with pytest.raises(ValueError):
        Period(1, 1).prev()
    with pytest.raises(TypeError):
        Period(2026, 1).add(1.0)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("period", "first", "last"),
    [
        (Period(2026, 1), date(2026, 1, 1), date(2026, 1, 31)),
        (Period(2026, 2), date(2026, 2, 1), date(2026, 2, 28)),
        (Period(2024, 2), date(2024, 2, 1), date(2024, 2, 29)),
        (Period(2000, 2), date(2000, 2, 1), date(2000, 2, 29)),
        (Period(1900, 2), date(1900, 2, 1), date(1900, 2, 28)),
        (Period(2026, 4), date(2026, 4, 1), date(2026, 4, 30)),
        (Period(2026, 12), date(2026, 12, 1), date(2026, 12, 31)),
    ],
)
def test_first_and_last_day(period: Period, first: date, last: date) -> None:
    assert period.first_day == first
    assert period.last_day == last


def test_from_date() -> None:
    assert Period.from_date(date(2026, 3, 31)) == Period(2026, 3)
    assert Period.from_date(datetime(2026, 12, 1, 23, 59)) == Period(2026, 12)
    with pytest.raises(TypeError):
        Period.from_date("2026-03-01")  # type: ignore[arg-type]


def test_months_between() -> None:
    assert Period.months_between(Period(2026, 1), Period(2026, 3)) == 2
    assert Period.months_between(Period(2026, 3), Period(2026, 1)) == -2
    assert Period.months_between(Period(2025, 11), Period(2026, 2)) == 3
    assert Period.months_between(Period(2026, 5), Period(2026, 5)) == 0


def test_contains() -> None:
    assert date(2026, 3, 15) in Period(2026, 3)
    assert date(2026, 4, 1) not in Period(2026, 3)
    assert "2026-03" not in Period(2026, 3)


@given(periods)
def test_round_trips(p: Period) -> None:
    assert Period.parse(str(p)) == p
    assert Period.parse(p.code) == p
    assert Period.parse(str(p).replace("-", "/")) == p
    assert Period.from_date(p.first_day) == p
    assert Period.from_date(p.last_day) == p


@given(periods)
def test_days_are_adjacent(p: Period) -> None:
    assert p.last_day + timedelta(days=1) == p.next().first_day
    assert p.first_day - timedelta(days=1) == p.prev().last_day
    assert p.first_day in p and p.last_day in p


@given(periods, st.integers(-600, 600), st.integers(-600, 600))
def test_add_is_consistent(p: Period, a: int, b: int) -> None:
    assert p.add(a).add(b) == p.add(a + b)
    assert Period.months_between(p, p.add(a)) == a
    assert (p.add(a) < p.add(b)) == (a < b)


@given(periods, periods)
def test_months_between_inverts_add(a: Period, b: Period) -> None:
    assert a.add(Period.months_between(a, b)) == b
    assert Period.months_between(a, b) == -Period.months_between(b, a)


@given(st.text())
def test_parse_only_raises_value_error(text: str) -> None:
    try:
        p = Period.parse(text)
    except ValueError as exc:
        assert "not a period" in str(exc)
    else:
        assert Period.parse(str(p)) == p
