"""Compute one period's water bill: tier split, charge lines and relief (pure Python).
Rules: docs/rules/billing.md
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from counter_app.domain.money import CENT, ZERO, to_money
from counter_app.domain.relief import ReliefKind, ReliefRule
from counter_app.domain.tariffs import Component, Tariff

__all__ = [
    "AppliedRelief",
    "BillComputation",
    "BillLine",
    "KIND_CHARGE",
    "KIND_RELIEF",
    "RELIEF_LABEL",
    "compute_bill",
    "tier_label",
    "tier_volumes",
]

KIND_CHARGE = "charge"
KIND_RELIEF = "relief"
RELIEF_LABEL = "低保减免"

_CHINESE_NUMERALS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")


@dataclass(frozen=True)
class BillLine:
    """One line of a bill.

    ``tier`` is 1-based for tiered charge lines and ``None`` for flat
    components and relief lines. ``amount`` is negative for relief lines.
    ``kind`` is ``"charge"`` or ``"relief"``.
    """

    component: Component
    tier: int | None
    volume: int
    unit_price: Decimal
    amount: Decimal
    kind: str
    label: str


@dataclass(frozen=True)
class BillComputation:
    """The computed bill of one read period."""

    usage: int
    lines: tuple[BillLine, ...]
    total: Decimal


@dataclass(frozen=True)
class AppliedRelief:
    """A relief rule with the share it applies at (household × validity share)."""

    rule: ReliefRule
    share: Fraction = Fraction(1)

    def __post_init__(self) -> None:
        share = Fraction(self.share)
        if not 0 <= share <= 1:
            raise ValueError(f"relief share must be between 0 and 1, got {self.share}")
        object.__setattr__(self, "share", share)


def _round_fraction(amount: Fraction) -> Decimal:
    """Round a non-negative exact amount to 0.01, half up."""
    if amount < 0:
        raise ValueError(f"expected a non-negative amount, got {amount}")
    cents = math.floor(amount * 100 + Fraction(1, 2))
    return Decimal(cents).scaleb(-2).quantize(CENT)


def tier_label(tier: int) -> str:
    """Chinese tier label: 1 → "第一阶梯"."""
    if 1 <= tier <= len(_CHINESE_NUMERALS):
        return f"第{_CHINESE_NUMERALS[tier - 1]}阶梯"
    return f"第{tier}阶梯"


def _check_whole(name: str, value: int, minimum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number, got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")


def tier_volumes(
    tariff: Tariff, usage: int, *, year_to_date_usage: int = 0, tier_multiplier: int = 1
) -> tuple[int, ...]:
    """Split ``usage`` over the tariff's tiers: one volume per tier, summing to ``usage``."""
    _check_whole("usage", usage, 0)
    _check_whole("year_to_date_usage", year_to_date_usage, 0)
    _check_whole("tier_multiplier", tier_multiplier, 1)
    start = year_to_date_usage
    end = year_to_date_usage + usage
    volumes: list[int] = []
    lower = 0
    for upper in tariff.tier_uppers:
        if upper is None:
            volume = max(0, end - max(start, lower))
        else:
            upper *= tier_multiplier
            volume = max(0, min(end, upper) - max(start, lower))
            lower = upper
        volumes.append(volume)
    return tuple(volumes)


def _charge_lines(
    tariff: Tariff, component: Component, usage: int, volumes: tuple[int, ...]
) -> list[BillLine]:
    prices = tariff.prices[component]
    label = tariff.label(component)
    if tariff.is_flat(component):
        price = prices[0]
        return [
            BillLine(component, None, usage, price, to_money(usage * price), KIND_CHARGE, label)
        ]
    return [
        BillLine(
            component,
            tier,
            volume,
            price,
            to_money(volume * price),
            KIND_CHARGE,
            f"{label} {tier_label(tier)}",
        )
        for tier, (volume, price) in enumerate(zip(volumes, prices, strict=True), start=1)
        if volume > 0
    ]


def _relief_line(
    tariff: Tariff,
    relief: AppliedRelief,
    usage: int,
    component_charge: Decimal,
    *,
    year_to_date_usage: int,
    tier_multiplier: int,
) -> BillLine | None:
    rule = relief.rule
    share = relief.share
    value = Fraction(rule.value)
    unit_price = ZERO
    volume = usage
    if rule.kind is ReliefKind.PER_TON:
        exact = value * usage * share
        unit_price = rule.value
    elif rule.kind is ReliefKind.FREE_VOLUME:
        volume = min(usage, math.floor(value * share))
        free_volumes = tier_volumes(
            tariff, volume, year_to_date_usage=year_to_date_usage, tier_multiplier=tier_multiplier
        )
        prices = tariff.prices[rule.component]
        if tariff.is_flat(rule.component):
            prices = prices * len(free_volumes)
        exact = sum(
            (Fraction(v) * Fraction(p) for v, p in zip(free_volumes, prices, strict=True)),
            Fraction(0),
        )
    else:  # ReliefKind.PERCENTAGE
        exact = Fraction(component_charge) * value / 100 * share
    amount = min(_round_fraction(exact), component_charge)
    if amount == 0:
        return None
    return BillLine(rule.component, None, volume, unit_price, -amount, KIND_RELIEF, RELIEF_LABEL)


def compute_bill(
    tariff: Tariff,
    usage: int,
    *,
    year_to_date_usage: int = 0,
    tier_multiplier: int = 1,
    relief: AppliedRelief | None = None,
) -> BillComputation:
    """Compute the bill of one read period; see the module docstring for the rules."""
    volumes = tier_volumes(
        tariff, usage, year_to_date_usage=year_to_date_usage, tier_multiplier=tier_multiplier
    )
    if relief is not None and relief.rule.component not in tariff.prices:
        raise ValueError(
            f"relief targets {relief.rule.component}, which tariff {tariff.code} does not charge"
        )
    if relief is not None and not tariff.components[relief.rule.component].relief_applies:
        raise ValueError(f"relief targets {relief.rule.component}, to which no relief applies")
    if usage == 0:
        return BillComputation(usage=0, lines=(), total=ZERO)

    lines: list[BillLine] = []
    for component in tariff.ordered_components():
        lines.extend(_charge_lines(tariff, component, usage, volumes))

    if relief is not None:
        component_charge = sum(
            (line.amount for line in lines if line.component == relief.rule.component), ZERO
        )
        relief_line = _relief_line(
            tariff,
            relief,
            usage,
            component_charge,
            year_to_date_usage=year_to_date_usage,
            tier_multiplier=tier_multiplier,
        )
        if relief_line is not None:
            lines.append(relief_line)

    total = sum((line.amount for line in lines), ZERO)
    return BillComputation(usage=usage, lines=tuple(lines), total=total)
