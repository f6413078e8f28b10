"""Low-income relief (特困低保户用水优惠) rules and the shares that scale them.

Relief rules are data, because policies differ between utilities:

* ``per_ton``: ``value`` yuan off the component per m³ actually used in the
  period (the utility's procedure: 0.20 yuan off the basic water fee per ton,
  :data:`DEFAULT_RELIEF_RULE`).
* ``free_volume``: the first ``value`` m³ of each billing period are billed at
  zero for the component.
* ``percentage``: ``value`` percent off the component (``Decimal("50")`` = half).

A relief amount is multiplied by a *share* (a :class:`~fractions.Fraction`
between 0 and 1) that the caller builds from two helpers here:

``household_share``
    Collective accounts (集体户): relief × low-income households / total
    households, e.g. 3 of 12 households → 3/12.

``validity_share``
    The part of the read period covered by the relief's validity, counted in
    whole days, both ends inclusive.

When relief starts and stops (documented rules):

1. **Start: the next read period after the application date, never a partial
   first period.** The procedure says "自办理日起下期抄见水量即可减免". The
   period that is open on the application day is billed without relief, even
   if the application was filed on its first day; relief starts with the first
   read period that *starts after* the application date.
   :func:`relief_effective_from` returns that start date and is what the
   caller stores as the relief's ``effective_from``. Because that date is
   always a period start, the first relieved period gets a full share.
2. **End: pro-rata by days.** A certificate (低保证) that expires inside a read
   period gives relief for the days up to and including its ``valid_to`` day:
   share = covered days / period days. E.g. a 60-day bimonthly period with the
   certificate expiring on day 30 → 30/60 = 1/2.
3. A relief whose validity does not overlap the period gives share 0.

Pure Python: no Qt, no database, no I/O.
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
