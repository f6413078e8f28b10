"""Relief rules, household share, start date and validity share."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from counter_app.domain.relief import (
    DEFAULT_RELIEF_RULE,
    ReliefKind,
    ReliefRule,
    household_share,
    relief_effective_from,
    validity_share,
)
from counter_app.domain.tariffs import Component

D = Decimal


def test_default_rule_is_twenty_fen_per_ton_off_the_basic_fee():
    assert DEFAULT_RELIEF_RULE.kind is ReliefKind.PER_TON
    assert DEFAULT_RELIEF_RULE.value == D("0.20")
    assert DEFAULT_RELIEF_RULE.component is Component.BASIC


def test_rule_normalises_strings():
    rule = ReliefRule("percentage", "50", "sewage")  # type: ignore[arg-type]
    assert rule == ReliefRule(ReliefKind.PERCENTAGE, D("50"), Component.SEWAGE)
    assert rule.kind is ReliefKind.PERCENTAGE
    assert rule.component == Component.SEWAGE
    assert isinstance(rule.component, Component)


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        ("per_month", D("1"), "unknown relief kind"),
        (ReliefKind.PER_TON, D("-0.20"), "≥ 0"),
        (ReliefKind.PER_TON, D("NaN"), "finite"),
        (ReliefKind.PER_TON, 0.2, "Decimal, int or str"),
        (ReliefKind.PERCENTAGE, D("100.01"), "cannot exceed 100"),
    ],
)
def test_invalid_rules_are_refused(kind, value, message):
    with pytest.raises(ValueError, match=message):
        ReliefRule(kind, value)


def test_a_malformed_component_code_is_refused():
    # components are data: "gas" is a code; a code is lowercase letters, digits, _
    assert ReliefRule(ReliefKind.PER_TON, D("0.20"), "gas").component == "gas"  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="component"):
        ReliefRule(ReliefKind.PER_TON, D("0.20"), "Gas fee")  # type: ignore[arg-type]


def test_household_share():
    assert household_share(3, 12) == Fraction(1, 4)
    assert household_share(12, 12) == 1
    assert household_share(1, 7) == Fraction(1, 7)


@pytest.mark.parametrize(("low_income", "total"), [(0, 12), (13, 12), (-1, 12), (1, 0)])
def test_household_share_is_validated(low_income, total):
    with pytest.raises(ValueError):
        household_share(low_income, total)


def test_relief_starts_with_the_next_read_period():
    # Applied 2024-03-15 while the March-April period (03-01..04-30) is open:
    # relief starts with the May-June period, no partial March-April.
    assert relief_effective_from(date(2024, 3, 15), date(2024, 5, 1)) == date(2024, 5, 1)
    # Applied on the last day of a period: the next period starts the day after.
    assert relief_effective_from(date(2024, 4, 30), date(2024, 5, 1)) == date(2024, 5, 1)


def test_relief_start_must_be_after_the_application():
    # Applied on the first day of a period: that period is already open, so
    # the caller must pass the start of the following one.
    with pytest.raises(ValueError, match="after the application date"):
        relief_effective_from(date(2024, 5, 1), date(2024, 5, 1))
    with pytest.raises(ValueError):
        relief_effective_from(date(2024, 5, 2), date(2024, 5, 1))


def test_validity_share_full_period():
    # Relief from 2024-05-01, certificate valid to the end of 2025.
    assert (
        validity_share(date(2024, 5, 1), date(2025, 12, 31), date(2024, 5, 1), date(2024, 6, 30))
        == 1
    )


def test_validity_share_certificate_expiring_mid_period():
    # Bimonthly period 2024-01-01..2024-02-29 = 31 + 29 = 60 days (leap year).
    # Certificate valid to 2024-01-30 → 30 covered days → 30/60 = 1/2.
    share = validity_share(date(2023, 5, 1), date(2024, 1, 30), date(2024, 1, 1), date(2024, 2, 29))
    assert share == Fraction(30, 60) == Fraction(1, 2)
    # Valid to 2024-02-14 → 31 + 14 = 45 days → 45/60 = 3/4.
    share = validity_share(date(2023, 5, 1), date(2024, 2, 14), date(2024, 1, 1), date(2024, 2, 29))
    assert share == Fraction(3, 4)


def test_validity_share_expiring_on_the_first_day_counts_that_day():
    # Monthly period 2024-03-01..2024-03-31 = 31 days; valid to 03-01 → 1/31.
    share = validity_share(date(2023, 1, 1), date(2024, 3, 1), date(2024, 3, 1), date(2024, 3, 31))
    assert share == Fraction(1, 31)


def test_validity_share_without_overlap_is_zero():
    period = (date(2024, 5, 1), date(2024, 6, 30))
    # Expired before the period.
    assert validity_share(date(2023, 1, 1), date(2024, 4, 30), *period) == 0
    # Starts after the period.
    assert validity_share(date(2024, 7, 1), date(2025, 6, 30), *period) == 0
    # Certificate expired before relief would start.
    assert validity_share(date(2024, 5, 1), date(2024, 4, 1), *period) == 0


def test_validity_share_refuses_an_inverted_period():
    with pytest.raises(ValueError, match="before its start"):
        validity_share(date(2024, 1, 1), date(2025, 1, 1), date(2024, 6, 30), date(2024, 5, 1))
