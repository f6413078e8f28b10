"""Bills computed by hand, line by line, and properties of compute_bill.

Residential tariff used below (annual tiers 0–180 / 180–300 / above 300 m³):

    basic     2.10 / 3.15 / 6.30 yuan per m³ (tiered)
    sewage    0.95 yuan per m³ (flat)
    resource  0.30 yuan per m³ (flat)
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.billing import (
    AppliedRelief,
    BillLine,
    compute_bill,
    tier_label,
    tier_volumes,
)
from counter_app.domain.relief import (
    DEFAULT_RELIEF_RULE,
    ReliefKind,
    ReliefRule,
    household_share,
    validity_share,
)
from counter_app.domain.tariffs import WATER_COMPONENTS, Component, Tariff

D = Decimal
BASIC, SEWAGE, RESOURCE = Component.BASIC, Component.SEWAGE, Component.RESOURCE

RES = Tariff(
    code="RES-2024",
    name="居民生活用水",
    category="RES",
    effective_from=date(2024, 1, 1),
    effective_to=None,
    tier_uppers=(180, 300, None),
    prices={
        BASIC: (D("2.10"), D("3.15"), D("6.30")),
        SEWAGE: (D("0.95"),),
        RESOURCE: (D("0.30"),),
    },
)


def flat_tariff(**prices: str) -> Tariff:
    return Tariff(
        code="FLAT",
        name="单一水价",
        category="X",
        effective_from=date(2024, 1, 1),
        effective_to=None,
        tier_uppers=(None,),
        prices={Component(name): (D(price),) for name, price in prices.items()},
    )


def amounts(bill) -> list[tuple[str, Decimal]]:
    return [(line.label, line.amount) for line in bill.lines]


# --- charges -----------------------------------------------------------------


def test_usage_within_the_first_tier():
    bill = compute_bill(RES, 18)
    # basic    18 m³ × 2.10 = 37.80
    # sewage   18 m³ × 0.95 = 17.10
    # resource 18 m³ × 0.30 =  5.40
    # total                   60.30
    assert bill.lines == (
        BillLine(BASIC, 1, 18, D("2.10"), D("37.80"), "charge", "基本水费 第一阶梯"),
        BillLine(SEWAGE, None, 18, D("0.95"), D("17.10"), "charge", "污水处理费"),
        BillLine(RESOURCE, None, 18, D("0.30"), D("5.40"), "charge", "水资源费"),
    )
    assert bill.total == D("60.30")
    assert bill.usage == 18


def test_tier_boundary_crossed_inside_a_bimonthly_period():
    # 170 m³ billed so far this year; this two-month period used 20 m³,
    # so the cumulative range is 170 → 190 and crosses the 180 m³ boundary.
    bill = compute_bill(RES, 20, year_to_date_usage=170)
    # basic tier 1  10 m³ × 2.10 = 21.00
    # basic tier 2  10 m³ × 3.15 = 31.50
    # sewage        20 m³ × 0.95 = 19.00
    # resource      20 m³ × 0.30 =  6.00
    # total                        77.50
    assert amounts(bill) == [
        ("基本水费 第一阶梯", D("21.00")),
        ("基本水费 第二阶梯", D("31.50")),
        ("污水处理费", D("19.00")),
        ("水资源费", D("6.00")),
    ]
    assert [(line.tier, line.volume) for line in bill.lines[:2]] == [(1, 10), (2, 10)]
    assert bill.total == D("77.50")


def test_two_boundaries_crossed_in_one_period():
    # Cumulative 175 → 305: 5 m³ tier 1, 120 m³ tier 2, 5 m³ tier 3.
    bill = compute_bill(RES, 130, year_to_date_usage=175)
    # basic tier 1    5 m³ × 2.10 =  10.50
    # basic tier 2  120 m³ × 3.15 = 378.00
    # basic tier 3    5 m³ × 6.30 =  31.50
    # sewage        130 m³ × 0.95 = 123.50
    # resource      130 m³ × 0.30 =  39.00
    # total                         582.50
    assert amounts(bill) == [
        ("基本水费 第一阶梯", D("10.50")),
        ("基本水费 第二阶梯", D("378.00")),
        ("基本水费 第三阶梯", D("31.50")),
        ("污水处理费", D("123.50")),
        ("水资源费", D("39.00")),
    ]
    assert bill.total == D("582.50")


def test_year_to_date_already_in_tier_three():
    bill = compute_bill(RES, 15, year_to_date_usage=320)
    # basic tier 3  15 m³ × 6.30 = 94.50
    # sewage        15 m³ × 0.95 = 14.25
    # resource      15 m³ × 0.30 =  4.50
    # total                       113.25
    assert amounts(bill) == [
        ("基本水费 第三阶梯", D("94.50")),
        ("污水处理费", D("14.25")),
        ("水资源费", D("4.50")),
    ]
    assert bill.total == D("113.25")


def test_year_to_date_exactly_on_a_boundary_starts_the_next_tier():
    bill = compute_bill(RES, 10, year_to_date_usage=180)
    # basic tier 2 10 × 3.15 = 31.50; sewage 9.50; resource 3.00 → 44.00
    assert bill.lines[0].tier == 2
    assert bill.total == D("44.00")


def test_each_line_is_rounded_half_up_on_its_own():
    tariff = flat_tariff(basic="1.235", sewage="0.845")
    bill = compute_bill(tariff, 3)
    # basic   3 m³ × 1.235 = 3.705 → 3.71 (half up; half-even would give 3.70)
    # sewage  3 m³ × 0.845 = 2.535 → 2.54
    # total                          6.25 (rounding the unrounded sum 6.240 would give 6.24)
    assert amounts(bill) == [("基本水费", D("3.71")), ("污水处理费", D("2.54"))]
    assert bill.total == D("6.25")


def test_single_tier_tariff_has_flat_lines():
    bill = compute_bill(flat_tariff(basic="3.50"), 7)
    # 7 m³ × 3.50 = 24.50
    assert bill.lines == (BillLine(BASIC, None, 7, D("3.50"), D("24.50"), "charge", "基本水费"),)


def test_zero_usage_is_a_zero_bill():
    bill = compute_bill(RES, 0, year_to_date_usage=100)
    assert bill.lines == ()
    assert bill.total == D("0.00")
    assert str(bill.total) == "0.00"
    relieved = compute_bill(RES, 0, relief=AppliedRelief(DEFAULT_RELIEF_RULE))
    assert relieved.lines == ()
    assert relieved.total == D("0.00")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"usage": -1},
        {"usage": 10, "tier_multiplier": 0},
        {"usage": 10, "year_to_date_usage": -1},
        {"usage": 1.5},
    ],
)
def test_invalid_arguments_are_refused(kwargs):
    with pytest.raises(ValueError):
        compute_bill(RES, **kwargs)


def test_tier_labels():
    assert [tier_label(n) for n in (1, 2, 3, 10, 11)] == [
        "第一阶梯",
        "第二阶梯",
        "第三阶梯",
        "第十阶梯",
        "第11阶梯",
    ]


# --- collective accounts ------------------------------------------------------


def test_collective_account_of_twelve_households_with_relief_three_of_twelve():
    # 12 households: tier bounds × 12 → 2160 / 3600 m³.
    # 2150 m³ billed so far, 37 m³ this month → 2150 → 2187.
    # 3 of the 12 households are low-income: share 3/12.
    share = household_share(3, 12)
    bill = compute_bill(
        RES,
        37,
        year_to_date_usage=2150,
        tier_multiplier=12,
        relief=AppliedRelief(DEFAULT_RELIEF_RULE, share),
    )
    # basic tier 1  10 m³ × 2.10 = 21.00
    # basic tier 2  27 m³ × 3.15 = 85.05
    # sewage        37 m³ × 0.95 = 35.15
    # resource      37 m³ × 0.30 = 11.10
    # relief        0.20 × 37 × 3/12 = 1.85 exactly → -1.85
    # total         21.00 + 85.05 + 35.15 + 11.10 - 1.85 = 150.45
    assert amounts(bill) == [
        ("基本水费 第一阶梯", D("21.00")),
        ("基本水费 第二阶梯", D("85.05")),
        ("污水处理费", D("35.15")),
        ("水资源费", D("11.10")),
        ("低保减免", D("-1.85")),
    ]
    assert bill.lines[-1] == BillLine(BASIC, None, 37, D("0.20"), D("-1.85"), "relief", "低保减免")
    assert bill.total == D("150.45")


def test_collective_relief_with_certificate_expiring_mid_period_rounds_half_up():
    # Same bulk meter, read monthly: April 2024 has 30 days and the
    # certificate ends on 2024-04-15 → 15/30 of the period is relieved.
    share = household_share(3, 12) * validity_share(
        date(2023, 6, 1), date(2024, 4, 15), date(2024, 4, 1), date(2024, 4, 30)
    )
    assert share == Fraction(3, 12) * Fraction(15, 30) == Fraction(1, 8)
    bill = compute_bill(
        RES,
        37,
        year_to_date_usage=2150,
        tier_multiplier=12,
        relief=AppliedRelief(DEFAULT_RELIEF_RULE, share),
    )
    # relief 0.20 × 37 × 3/12 × 15/30 = 0.925 → 0.93 (half up; half-even would give 0.92)
    # total  152.30 - 0.93 = 151.37
    assert bill.lines[-1].amount == D("-0.93")
    assert bill.total == D("151.37")


def test_per_ton_relief_half_up_case():
    rule = ReliefRule(ReliefKind.PER_TON, D("0.15"))
    bill = compute_bill(RES, 38, relief=AppliedRelief(rule, Fraction(3, 12)))
    # basic 38 × 2.10 = 79.80; sewage 38 × 0.95 = 36.10; resource 38 × 0.30 = 11.40
    # relief 0.15 × 38 × 3/12 = 1.425 → 1.43
    # total 79.80 + 36.10 + 11.40 - 1.43 = 125.87
    assert bill.lines[-1].amount == D("-1.43")
    assert bill.total == D("125.87")


def test_relief_share_with_a_repeating_fraction():
    bill = compute_bill(RES, 10, relief=AppliedRelief(DEFAULT_RELIEF_RULE, Fraction(1, 3)))
    # relief 0.20 × 10 × 1/3 = 0.6666… → 0.67
    assert bill.lines[-1].amount == D("-0.67")


# --- relief rules ---------------------------------------------------------------


def test_default_relief_on_a_single_household():
    bill = compute_bill(RES, 18, relief=AppliedRelief(DEFAULT_RELIEF_RULE))
    # charges 60.30 (see test_usage_within_the_first_tier)
    # relief  0.20 × 18 = 3.60
    # total   60.30 - 3.60 = 56.70
    assert bill.lines[-1].amount == D("-3.60")
    assert bill.total == D("56.70")


def test_per_ton_relief_is_capped_at_the_basic_fee():
    tariff = flat_tariff(basic="0.15", sewage="0.80")
    bill = compute_bill(tariff, 10, relief=AppliedRelief(DEFAULT_RELIEF_RULE))
    # basic   10 × 0.15 = 1.50
    # sewage  10 × 0.80 = 8.00
    # relief  0.20 × 10 = 2.00, more than the basic fee → capped at 1.50
    # total   1.50 + 8.00 - 1.50 = 8.00
    assert amounts(bill) == [
        ("基本水费", D("1.50")),
        ("污水处理费", D("8.00")),
        ("低保减免", D("-1.50")),
    ]
    assert bill.total == D("8.00")


def test_free_volume_spanning_a_tier_boundary():
    rule = ReliefRule(ReliefKind.FREE_VOLUME, D("5"))
    bill = compute_bill(RES, 20, year_to_date_usage=178, relief=AppliedRelief(rule))
    # basic tier 1   2 m³ × 2.10 =  4.20
    # basic tier 2  18 m³ × 3.15 = 56.70
    # sewage        20 m³ × 0.95 = 19.00
    # resource      20 m³ × 0.30 =  6.00
    # relief: the first 5 m³ of the period are free on the basic fee:
    #   2 m³ × 2.10 + 3 m³ × 3.15 = 4.20 + 9.45 = 13.65
    # total 4.20 + 56.70 + 19.00 + 6.00 - 13.65 = 72.25
    assert bill.lines[-1] == BillLine(BASIC, None, 5, D("0.00"), D("-13.65"), "relief", "低保减免")
    assert bill.total == D("72.25")


def test_free_volume_share_is_floored_to_whole_cubic_metres():
    rule = ReliefRule(ReliefKind.FREE_VOLUME, D("5"))
    bill = compute_bill(RES, 20, relief=AppliedRelief(rule, household_share(3, 12)))
    # free volume 5 × 3/12 = 1.25 m³ → floor → 1 m³; 1 × 2.10 = 2.10
    assert bill.lines[-1].volume == 1
    assert bill.lines[-1].amount == D("-2.10")
    fractional = ReliefRule(ReliefKind.FREE_VOLUME, D("2.5"))
    # 2.5 m³ → 2 m³ × 2.10 = 4.20
    assert compute_bill(RES, 20, relief=AppliedRelief(fractional)).lines[-1].amount == D("-4.20")


def test_free_volume_above_usage_waives_the_component_only():
    rule = ReliefRule(ReliefKind.FREE_VOLUME, D("10"))
    bill = compute_bill(RES, 4, relief=AppliedRelief(rule))
    # basic 4 × 2.10 = 8.40, waived entirely (free 10 m³ > 4 m³ used)
    # sewage 4 × 0.95 = 3.80; resource 4 × 0.30 = 1.20
    # total 8.40 + 3.80 + 1.20 - 8.40 = 5.00
    assert bill.lines[-1].volume == 4
    assert bill.lines[-1].amount == D("-8.40")
    assert bill.total == D("5.00")


def test_free_volume_on_a_flat_component():
    rule = ReliefRule(ReliefKind.FREE_VOLUME, D("5"), Component.SEWAGE)
    bill = compute_bill(RES, 20, relief=AppliedRelief(rule))
    # free 5 m³ of sewage: 5 × 0.95 = 4.75
    assert bill.lines[-1].component is SEWAGE
    assert bill.lines[-1].amount == D("-4.75")


def test_percentage_relief():
    rule = ReliefRule(ReliefKind.PERCENTAGE, D("50"))
    bill = compute_bill(RES, 15, relief=AppliedRelief(rule))
    # basic 15 × 2.10 = 31.50; sewage 15 × 0.95 = 14.25; resource 15 × 0.30 = 4.50
    # relief 31.50 × 50 % = 15.75
    # total 31.50 + 14.25 + 4.50 - 15.75 = 34.50
    assert bill.lines[-1].amount == D("-15.75")
    assert bill.total == D("34.50")


def test_percentage_relief_rounds_half_up():
    rule = ReliefRule(ReliefKind.PERCENTAGE, D("15"))
    bill = compute_bill(RES, 5, relief=AppliedRelief(rule))
    # basic 5 × 2.10 = 10.50; relief 10.50 × 15 % = 1.575 → 1.58
    assert bill.lines[-1].amount == D("-1.58")


def test_percentage_relief_with_share_on_sewage():
    rule = ReliefRule(ReliefKind.PERCENTAGE, D("100"), Component.SEWAGE)
    bill = compute_bill(RES, 10, relief=AppliedRelief(rule, Fraction(1, 2)))
    # sewage 10 × 0.95 = 9.50; relief 9.50 × 100 % × 1/2 = 4.75
    assert bill.lines[-1].component is SEWAGE
    assert bill.lines[-1].amount == D("-4.75")


def test_relief_rounding_to_zero_adds_no_line():
    bill = compute_bill(RES, 10, relief=AppliedRelief(DEFAULT_RELIEF_RULE, Fraction(0)))
    assert [line.kind for line in bill.lines] == ["charge", "charge", "charge"]
    # 0.20 × 1 × 1/50 = 0.004 → 0.00
    tiny = compute_bill(RES, 1, relief=AppliedRelief(DEFAULT_RELIEF_RULE, Fraction(1, 50)))
    assert all(line.kind == "charge" for line in tiny.lines)


def test_relief_on_a_component_the_tariff_does_not_charge_is_refused():
    rule = ReliefRule(ReliefKind.PER_TON, D("0.20"), Component.RESOURCE)
    with pytest.raises(ValueError, match="does not charge"):
        compute_bill(flat_tariff(basic="2.00"), 10, relief=AppliedRelief(rule))


@pytest.mark.parametrize("share", [Fraction(-1, 2), Fraction(3, 2)])
def test_relief_share_must_be_between_zero_and_one(share):
    with pytest.raises(ValueError):
        AppliedRelief(DEFAULT_RELIEF_RULE, share)


# --- properties -------------------------------------------------------------------

prices_st = st.decimals(min_value=0, max_value=20, places=4, allow_nan=False, allow_infinity=False)


@st.composite
def tariffs(draw) -> Tariff:
    widths = draw(st.lists(st.integers(1, 200), min_size=0, max_size=3))
    uppers: list[int | None] = []
    running = 0
    for width in widths:
        running += width
        uppers.append(running)
    uppers.append(None)
    components = draw(
        st.lists(st.sampled_from([c.code for c in WATER_COMPONENTS]), min_size=1, unique=True)
    )
    prices = {}
    for component in components:
        size = draw(st.sampled_from(sorted({1, len(uppers)})))
        prices[component] = tuple(draw(prices_st) for _ in range(size))
    return Tariff("P", "property", "X", date(2024, 1, 1), None, tuple(uppers), prices)


@st.composite
def reliefs(draw, tariff: Tariff) -> AppliedRelief | None:
    if draw(st.booleans()):
        return None
    kind = draw(st.sampled_from(list(ReliefKind)))
    if kind is ReliefKind.PERCENTAGE:
        value = draw(st.decimals(min_value=0, max_value=100, places=2))
    elif kind is ReliefKind.FREE_VOLUME:
        value = draw(st.decimals(min_value=0, max_value=50, places=1))
    else:
        value = draw(st.decimals(min_value=0, max_value=2, places=2))
    component = draw(st.sampled_from(sorted(tariff.prices)))
    share = draw(st.fractions(min_value=0, max_value=1, max_denominator=60))
    return AppliedRelief(ReliefRule(kind, value, component), share)


usage_st = st.integers(0, 2000)
ytd_st = st.integers(0, 2000)
multiplier_st = st.integers(1, 12)


@given(st.data(), usage_st, ytd_st, multiplier_st)
def test_total_is_the_sum_of_the_lines_and_never_negative(data, usage, ytd, multiplier):
    tariff = data.draw(tariffs())
    relief = data.draw(reliefs(tariff))
    bill = compute_bill(
        tariff, usage, year_to_date_usage=ytd, tier_multiplier=multiplier, relief=relief
    )
    assert bill.total == sum((line.amount for line in bill.lines), D("0"))
    assert bill.total.as_tuple().exponent == -2
    for line in bill.lines:
        assert line.amount == line.amount.quantize(D("0.01"))
    for component in tariff.prices:
        net = sum((line.amount for line in bill.lines if line.component == component), D("0"))
        assert net >= 0
    assert sum(1 for line in bill.lines if line.kind == "relief") <= 1


@given(st.data(), usage_st, usage_st, ytd_st, multiplier_st)
def test_relief_free_total_is_monotone_in_usage(data, u1, u2, ytd, multiplier):
    tariff = data.draw(tariffs())
    low, high = sorted((u1, u2))
    kwargs = {"year_to_date_usage": ytd, "tier_multiplier": multiplier}
    assert compute_bill(tariff, low, **kwargs).total <= compute_bill(tariff, high, **kwargs).total


def charged_volumes(bill) -> Counter:
    volumes: Counter = Counter()
    for line in bill.lines:
        if line.kind == "charge":
            volumes[(line.component, line.tier)] += line.volume
    return volumes


@given(st.data(), usage_st, usage_st, ytd_st, multiplier_st)
def test_two_consecutive_bills_charge_the_same_tier_volumes_as_one(data, a, b, ytd, multiplier):
    tariff = data.draw(tariffs())
    first = compute_bill(tariff, a, year_to_date_usage=ytd, tier_multiplier=multiplier)
    second = compute_bill(tariff, b, year_to_date_usage=ytd + a, tier_multiplier=multiplier)
    whole = compute_bill(tariff, a + b, year_to_date_usage=ytd, tier_multiplier=multiplier)
    assert charged_volumes(first) + charged_volumes(second) == charged_volumes(whole)


@given(st.data(), usage_st, ytd_st, multiplier_st)
def test_tier_volumes_add_up_to_the_usage(data, usage, ytd, multiplier):
    tariff = data.draw(tariffs())
    volumes = tier_volumes(tariff, usage, year_to_date_usage=ytd, tier_multiplier=multiplier)
    assert len(volumes) == tariff.tier_count
    assert sum(volumes) == usage
    assert all(v >= 0 for v in volumes)
