"""Tariff validation and the tariff in force."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from counter_app.domain.tariffs import (
    COMPONENT_LABELS,
    WATER_COMPONENTS,
    Component,
    FeeComponent,
    Tariff,
    tariff_for,
)

D = Decimal


def make_tariff(
    code: str = "RES-2024",
    *,
    category: str = "RES",
    effective_from: date = date(2024, 1, 1),
    effective_to: date | None = None,
    tier_uppers: tuple[int | None, ...] = (180, 300, None),
    prices: dict | None = None,
    **extra,
) -> Tariff:
    if prices is None:
        prices = {
            Component.BASIC: (D("2.10"), D("3.15"), D("6.30")),
            Component.SEWAGE: (D("0.95"),),
            Component.RESOURCE: (D("0.30"),),
        }
    return Tariff(
        code=code,
        name="居民生活用水",
        category=category,
        effective_from=effective_from,
        effective_to=effective_to,
        tier_uppers=tier_uppers,
        prices=prices,
        **extra,
    )


def test_component_values_and_labels():
    assert [c.code for c in WATER_COMPONENTS] == ["basic", "sewage", "resource"]
    assert Component.BASIC == "basic" and Component("basic").value == "basic"
    assert COMPONENT_LABELS == {
        Component.BASIC: "基本水费",
        Component.SEWAGE: "污水处理费",
        Component.RESOURCE: "水资源费",
    }


def test_valid_tariff_keeps_its_data_and_is_immutable():
    tariff = make_tariff()
    assert tariff.tier_count == 3
    assert tariff.prices[Component.BASIC] == (D("2.10"), D("3.15"), D("6.30"))
    assert tariff.is_flat(Component.SEWAGE)
    assert not tariff.is_flat(Component.BASIC)
    with pytest.raises(TypeError):
        tariff.prices[Component.BASIC] = (D("1"),)  # type: ignore[index]
    hash(tariff)  # usable in sets and as a dict key


def test_single_tier_tariff():
    tariff = make_tariff(tier_uppers=(None,), prices={Component.BASIC: (D("3.5"),)})
    assert tariff.tier_count == 1


def test_string_component_keys_and_prices_are_normalised():
    tariff = make_tariff(tier_uppers=(None,), prices={"basic": ("2.10",)})
    assert tariff.prices == {Component.BASIC: (D("2.10"),)}
    assert isinstance(next(iter(tariff.prices)), Component)


@pytest.mark.parametrize(
    ("tier_uppers", "message"),
    [
        ((), "must not be empty"),
        ((180, 300), "unbounded"),
        ((300, 180, None), "strictly increasing"),
        ((180, 180, None), "strictly increasing"),
        ((0, None), "strictly increasing"),
        ((-5, None), "strictly increasing"),
        ((180, None, None), "whole number"),
        ((180.5, None), "whole number"),
    ],
)
def test_invalid_tier_uppers_are_refused(tier_uppers, message):
    with pytest.raises(ValueError, match=message):
        make_tariff(tier_uppers=tier_uppers, prices={Component.BASIC: (D("2"),)})


@pytest.mark.parametrize(
    ("prices", "message"),
    [
        ({}, "at least one"),
        ({Component.BASIC: (D("2.10"), D("3.15"))}, "expected 1 .flat. or 3"),
        ({Component.BASIC: ()}, "expected 1"),
        ({Component.BASIC: (D("-0.01"),)}, "must not be negative"),
        ({Component.BASIC: (D("2.12345"),)}, "more than 4 decimals"),
        ({Component.BASIC: (D("NaN"),)}, "finite"),
        ({Component.BASIC: (D("Infinity"),)}, "finite"),
        ({Component.BASIC: (2.1,)}, "Decimal, int or str"),
        ({Component.BASIC: ("abc",)}, "not a number"),
        ({"water": (D("1"),)}, "unknown component"),
    ],
)
def test_invalid_prices_are_refused(prices, message):
    with pytest.raises(ValueError, match=message):
        make_tariff(prices=prices)


def test_four_decimal_prices_and_trailing_zeros_are_accepted():
    tariff = make_tariff(tier_uppers=(None,), prices={Component.RESOURCE: (D("0.1235"),)})
    assert tariff.prices[Component.RESOURCE] == (D("0.1235"),)
    make_tariff(tier_uppers=(None,), prices={Component.RESOURCE: (D("0.120000"),)})


def test_effective_to_before_effective_from_is_refused():
    with pytest.raises(ValueError, match="before"):
        make_tariff(effective_from=date(2024, 1, 1), effective_to=date(2023, 12, 31))


def test_empty_code_is_refused():
    with pytest.raises(ValueError, match="code"):
        make_tariff(code="")


def test_tariff_for_picks_by_category_and_date_with_inclusive_bounds():
    old = make_tariff("RES-2020", effective_from=date(2020, 1, 1), effective_to=date(2023, 12, 31))
    new = make_tariff("RES-2024", effective_from=date(2024, 1, 1))
    nonres = make_tariff("NONRES-2020", category="NONRES", effective_from=date(2020, 1, 1))
    tariffs = [old, new, nonres]
    assert tariff_for(tariffs, "RES", date(2023, 12, 31)) is old
    assert tariff_for(tariffs, "RES", date(2024, 1, 1)) is new
    assert tariff_for(tariffs, "NONRES", date(2024, 6, 1)) is nonres


def test_tariff_for_prefers_the_latest_start_over_an_open_ended_predecessor():
    old = make_tariff("RES-2020", effective_from=date(2020, 1, 1))
    new = make_tariff("RES-2024", effective_from=date(2024, 7, 1))
    assert tariff_for([new, old], "RES", date(2024, 6, 30)) is old
    assert tariff_for([old, new], "RES", date(2024, 7, 1)) is new


def test_tariff_for_raises_lookup_error_when_none_in_force():
    tariffs = [make_tariff(effective_from=date(2024, 1, 1), effective_to=date(2024, 12, 31))]
    with pytest.raises(LookupError):
        tariff_for(tariffs, "RES", date(2023, 12, 31))
    with pytest.raises(LookupError):
        tariff_for(tariffs, "RES", date(2025, 1, 1))
    with pytest.raises(LookupError):
        tariff_for(tariffs, "NONRES", date(2024, 6, 1))
    with pytest.raises(LookupError):
        tariff_for([], "RES", date(2024, 6, 1))


def test_tariff_for_refuses_two_tariffs_starting_the_same_day():
    a = make_tariff("RES-A")
    b = make_tariff("RES-B")
    with pytest.raises(ValueError, match="ambiguous"):
        tariff_for([a, b], "RES", date(2024, 6, 1))


def test_components_are_data_a_gas_tariff_needs_no_code():
    gas = FeeComponent(Component("gas"), "燃气费", True, 10)
    tax = FeeComponent(Component("resource_tax"), "水资源税", False, 5)
    tariff = make_tariff(
        tier_uppers=(None,),
        prices={"gas": ("3.05",), "resource_tax": ("0.5",)},
        components={"gas": gas, "resource_tax": tax},
    )
    assert tariff.ordered_components() == ("resource_tax", "gas")
    assert tariff.label(Component("gas")) == "燃气费"
    with pytest.raises(ValueError, match="unknown component 'gas'"):
        make_tariff(tier_uppers=(None,), prices={"gas": ("3.05",)})


def test_tier_basis_is_annual_or_period():
    assert make_tariff().tier_basis == "annual"
    assert make_tariff(tier_basis="period").tier_basis == "period"
    with pytest.raises(ValueError, match="tier_basis"):
        make_tariff(tier_basis="monthly")


def test_no_relief_on_a_component_it_does_not_apply_to():
    from counter_app.domain.billing import AppliedRelief, compute_bill
    from counter_app.domain.relief import ReliefKind, ReliefRule

    tax = FeeComponent(Component("resource_tax"), "水资源税", False, 30)
    basic = FeeComponent(Component.BASIC, "基本水费", True, 10)
    tariff = make_tariff(
        tier_uppers=(None,),
        prices={"basic": ("2.10",), "resource_tax": ("0.5",)},
        components={"basic": basic, "resource_tax": tax},
    )
    bill = compute_bill(tariff, 10, relief=AppliedRelief(ReliefRule(ReliefKind.PER_TON, D("0.20"))))
    assert [(line.label, line.amount) for line in bill.lines] == [
        ("基本水费", D("21.00")),
        ("水资源税", D("5.00")),
        ("低保减免", D("-2.00")),
    ]
    with pytest.raises(ValueError, match="no relief applies"):
        compute_bill(
            tariff,
            10,
            relief=AppliedRelief(
                ReliefRule(ReliefKind.PER_TON, D("0.20"), Component("resource_tax"))
            ),
        )
