"""Water tariffs: price components, annual tiers (阶梯水价) and the tariff in force.

A tariff belongs to a price category (``"RES"`` residential, ``"NONRES"`` …) and
is in force from ``effective_from`` to ``effective_to`` (both inclusive; ``None``
means open-ended).

Tiers are annual and cumulative: ``tier_uppers`` holds the upper bound, in m³
used since the start of the tier year, of each tier. ``(180, 300, None)`` means
tier 1 covers the first 180 m³ of the year, tier 2 the next 120 m³ and tier 3
everything above 300 m³. A single-tier tariff is ``(None,)``.

Each component (basic water fee, sewage treatment fee, water-resource fee) has
either one unit price per tier or a single price that applies at every tier
("flat" component). Prices are ``Decimal`` yuan per m³ with at most four
decimals.

Pure Python: no Qt, no database, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

__all__ = [
    "COMPONENT_LABELS",
    "Component",
    "Tariff",
    "tariff_for",
]

_PRICE_QUANTUM = Decimal("0.0001")


class Component(StrEnum):
    """A price component of a water bill."""

    BASIC = "basic"
    SEWAGE = "sewage"
    RESOURCE = "resource"


COMPONENT_LABELS: dict[Component, str] = {
    Component.BASIC: "基本水费",
    Component.SEWAGE: "污水处理费",
    Component.RESOURCE: "水资源费",
}


def _as_price(value: object, where: str) -> Decimal:
    """Validate one unit price and return it as a Decimal."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        raise ValueError(f"{where}: price must be a Decimal, int or str, got {value!r}")
    try:
        price = Decimal(value)
    except ArithmeticError as exc:
        raise ValueError(f"{where}: {value!r} is not a number") from exc
    if not price.is_finite():
        raise ValueError(f"{where}: price must be a finite number, got {value!r}")
    if price < 0:
        raise ValueError(f"{where}: price must not be negative, got {price}")
    try:
        too_precise = price != price.quantize(_PRICE_QUANTUM)
    except ArithmeticError as exc:
        raise ValueError(f"{where}: price {price} is out of range") from exc
    if too_precise:
        raise ValueError(f"{where}: price {price} has more than 4 decimals")
    return price


@dataclass(frozen=True)
class Tariff:
    """One water tariff (水价方案) of a price category over a validity window."""

    code: str
    name: str
    category: str
    effective_from: date
    effective_to: date | None
    tier_uppers: tuple[int | None, ...]
    prices: Mapping[Component, tuple[Decimal, ...]] = field(hash=False)

    def __post_init__(self) -> None:
        if not self.code:
            raise ValueError("tariff code must not be empty")
        if not self.category:
            raise ValueError(f"tariff {self.code}: category must not be empty")
        if self.effective_to is not None and self.effective_to < self.effective_from:
            raise ValueError(
                f"tariff {self.code}: effective_to {self.effective_to} is before "
                f"effective_from {self.effective_from}"
            )
        self._validate_tiers()
        object.__setattr__(self, "tier_uppers", tuple(self.tier_uppers))
        object.__setattr__(self, "prices", MappingProxyType(self._validated_prices()))

    def _validate_tiers(self) -> None:
        uppers = tuple(self.tier_uppers)
        if not uppers:
            raise ValueError(f"tariff {self.code}: tier_uppers must not be empty")
        if uppers[-1] is not None:
            raise ValueError(
                f"tariff {self.code}: the last tier must be unbounded (None), got {uppers[-1]!r}"
            )
        previous = 0
        for index, upper in enumerate(uppers[:-1], start=1):
            if isinstance(upper, bool) or not isinstance(upper, int):
                raise ValueError(
                    f"tariff {self.code}: upper bound of tier {index} must be a whole "
                    f"number of m³, got {upper!r}"
                )
            if upper <= previous:
                raise ValueError(
                    f"tariff {self.code}: tier upper bounds must be positive and strictly "
                    f"increasing, got {uppers!r}"
                )
            previous = upper

    def _validated_prices(self) -> dict[Component, tuple[Decimal, ...]]:
        if not self.prices:
            raise ValueError(f"tariff {self.code}: at least one price component is required")
        tiers = len(self.tier_uppers)
        result: dict[Component, tuple[Decimal, ...]] = {}
        for key, raw_prices in self.prices.items():
            try:
                component = Component(key)
            except ValueError as exc:
                raise ValueError(f"tariff {self.code}: unknown component {key!r}") from exc
            values = tuple(raw_prices)
            if len(values) not in (1, tiers):
                raise ValueError(
                    f"tariff {self.code}: component {component} has {len(values)} prices; "
                    f"expected 1 (flat) or {tiers} (one per tier)"
                )
            result[component] = tuple(
                _as_price(value, f"tariff {self.code}, {component} price {number}")
                for number, value in enumerate(values, start=1)
            )
        return result

    @property
    def tier_count(self) -> int:
        return len(self.tier_uppers)

    def is_flat(self, component: Component) -> bool:
        """True when ``component`` has one price for every tier."""
        return len(self.prices[component]) == 1

    def in_force(self, on: date) -> bool:
        """True when the tariff applies on ``on`` (both bounds inclusive)."""
        if on < self.effective_from:
            return False
        return self.effective_to is None or on <= self.effective_to


def tariff_for(tariffs: Iterable[Tariff], category: str, on: date) -> Tariff:
    """Return the tariff of ``category`` in force on ``on``.

    When several tariffs of the category are in force (an old open-ended tariff
    and its successor), the one with the latest ``effective_from`` wins. Two
    in-force tariffs starting on the same day are a data error (ValueError).
    Raises LookupError when no tariff of the category is in force.
    """
    candidates = [t for t in tariffs if t.category == category and t.in_force(on)]
    if not candidates:
        raise LookupError(f"no tariff of category {category!r} is in force on {on.isoformat()}")
    latest_start = max(t.effective_from for t in candidates)
    latest = [t for t in candidates if t.effective_from == latest_start]
    if len(latest) > 1:
        codes = ", ".join(sorted(t.code for t in latest))
        raise ValueError(
            f"ambiguous tariffs for category {category!r} on {on.isoformat()}: {codes} "
            f"all start on {latest_start.isoformat()}"
        )
    return latest[0]
