"""Low-income relief (特困低保户用水优惠) rules and the shares that scale them.
Rules: docs/rules/relief.md
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from counter_app.domain.tariffs import Component

__all__ = [
    "DEFAULT_RELIEF_RULE",
    "ReliefKind",
    "ReliefRule",
    "household_share",
    "relief_effective_from",
    "validity_share",
]


class ReliefKind(StrEnum):
    """How a relief rule reduces a component's charge."""

    PER_TON = "per_ton"
    FREE_VOLUME = "free_volume"
    PERCENTAGE = "percentage"


@dataclass(frozen=True)
class ReliefRule:
    """A relief policy: ``kind`` and ``value`` applied to one ``component``.

    ``value`` means yuan per m³ (per_ton), m³ per billing period (free_volume)
    or percent (percentage, 0–100).
    """

    kind: ReliefKind
    value: Decimal
    component: Component = Component.BASIC

    def __post_init__(self) -> None:
        try:
            kind = ReliefKind(self.kind)
        except ValueError as exc:
            raise ValueError(f"unknown relief kind {self.kind!r}") from exc
        try:
            component = Component(self.component)
        except ValueError as exc:
            raise ValueError(f"unknown relief component {self.component!r}") from exc
        if isinstance(self.value, bool) or not isinstance(self.value, Decimal | int | str):
            raise ValueError(f"relief value must be a Decimal, int or str, got {self.value!r}")
        try:
            value = Decimal(self.value)
        except ArithmeticError as exc:
            raise ValueError(f"relief value {self.value!r} is not a number") from exc
        if not value.is_finite() or value < 0:
            raise ValueError(f"relief value must be a finite number ≥ 0, got {self.value!r}")
        if kind is ReliefKind.PERCENTAGE and value > 100:
            raise ValueError(f"a percentage relief cannot exceed 100, got {value}")
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "component", component)
        object.__setattr__(self, "value", value)


DEFAULT_RELIEF_RULE = ReliefRule(ReliefKind.PER_TON, Decimal("0.20"))


def household_share(low_income: int, total: int) -> Fraction:
    """Share of a collective account's relief: low-income households / total."""
    for name, number in (("low_income", low_income), ("total", total)):
        if isinstance(number, bool) or not isinstance(number, int):
            raise ValueError(f"{name} must be a whole number of households, got {number!r}")
    if not 0 < low_income <= total:
        raise ValueError(
            f"low-income households must be between 1 and the total ({total}), got {low_income}"
        )
    return Fraction(low_income, total)


def relief_effective_from(application_date: date, next_period_start: date) -> date:
    """First day of relief: the start of the next read period after the application.

    ``next_period_start`` is the first day of the first read period that starts
    after ``application_date``; it must be strictly later (an application filed
    on a period's first day still waits for the following period).
    """
    if next_period_start <= application_date:
        raise ValueError(
            f"the next read period must start after the application date "
            f"({application_date.isoformat()}), got {next_period_start.isoformat()}"
        )
    return next_period_start


def validity_share(
    effective_from: date, valid_to: date, period_start: date, period_end: date
) -> Fraction:
    """Share of the read period covered by the relief's validity, by days.

    Both ranges are inclusive: ``[effective_from, valid_to]`` and
    ``[period_start, period_end]``. Returns covered days / period days, a
    Fraction in [0, 1]; 0 when they do not overlap (including a ``valid_to``
    before ``effective_from``).
    """
    if period_end < period_start:
        raise ValueError(
            f"period end {period_end.isoformat()} is before its start {period_start.isoformat()}"
        )
    period_days = (period_end - period_start).days + 1
    first = max(effective_from, period_start)
    last = min(valid_to, period_end)
    covered_days = (last - first).days + 1
    if covered_days <= 0:
        return Fraction(0)
    return Fraction(covered_days, period_days)
