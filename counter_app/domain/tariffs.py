"""Tariffs: fee components, tiers (阶梯水价/气价) and the tariff in force.
Rules: docs/rules/billing.md
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import ClassVar

__all__ = [
    "COMPONENT_LABELS",
    "Component",
    "FeeComponent",
    "TIER_BASES",
    "WATER_COMPONENTS",
    "Tariff",
    "tariff_for",
]

_PRICE_QUANTUM = Decimal("0.0001")


_COMPONENT_CODE = re.compile(r"^[a-z][a-z0-9_]{0,15}$")


class Component(str):
    """A fee component's code (``"basic"``, ``"sewage"``, ``"gas"`` …).

    The components are data (``fee_components``: code, Chinese name, whether
    a relief may apply, order on a bill); ``BASIC``, ``SEWAGE`` and
    ``RESOURCE`` are the water utility's three, kept as names for callers.
    """

    __slots__ = ()

    BASIC: ClassVar[Component]
    SEWAGE: ClassVar[Component]
    RESOURCE: ClassVar[Component]

    def __new__(cls, code: object) -> Component:
        if isinstance(code, Component):
            return code
        if not isinstance(code, str) or not _COMPONENT_CODE.match(code):
            raise ValueError(
                f"a fee component code is 1-16 lowercase letters, digits or _, got {code!r}"
            )
        return super().__new__(cls, code)

    @property
    def value(self) -> str:
        return str(self)


Component.BASIC = Component("basic")
Component.SEWAGE = Component("sewage")
Component.RESOURCE = Component("resource")


@dataclass(frozen=True)
class FeeComponent:
    """One fee component as data: its Chinese name (the bill line's label),
    whether a relief may apply to it, its place on a bill."""

    code: Component
    name: str
    relief_applies: bool = True
    sort_order: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "code", Component(self.code))
        if not self.name.strip():
            raise ValueError(f"fee component {self.code}: the name must not be empty")


# the water utility's three (migration 0021 inserts the same rows)
WATER_COMPONENTS: tuple[FeeComponent, ...] = (
    FeeComponent(Component.BASIC, "基本水费", True, 10),
    FeeComponent(Component.SEWAGE, "污水处理费", True, 20),
    FeeComponent(Component.RESOURCE, "水资源费", True, 30),
)
_WATER = MappingProxyType({c.code: c for c in WATER_COMPONENTS})

COMPONENT_LABELS: Mapping[Component, str] = MappingProxyType(
    {c.code: c.name for c in WATER_COMPONENTS}
)

TIER_BASES = ("annual", "period")


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
    # 文号; tier limits per calendar year ("annual") or per read period
    # ("period"); limits multiplied by a collective account's households
    doc_no: str = ""
    tier_basis: str = "annual"
    households_scaling: bool = True
    # the components the prices may name (code -> data); the water three by default
    components: Mapping[Component, FeeComponent] = field(
        default_factory=lambda: _WATER, hash=False, compare=False
    )

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
        if self.tier_basis not in TIER_BASES:
            raise ValueError(
                f"tariff {self.code}: tier_basis must be annual or period, got {self.tier_basis!r}"
            )
        object.__setattr__(
            self,
            "components",
            MappingProxyType({Component(k): v for k, v in self.components.items()}),
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
            if component not in self.components:
                raise ValueError(f"tariff {self.code}: unknown component {key!r}")
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

    def label(self, component: Component) -> str:
        """The component's Chinese name (a bill line's label)."""
        return self.components[component].name

    def ordered_components(self) -> tuple[Component, ...]:
        """The components this tariff charges, in their order on a bill."""
        order = {c: (self.components[c].sort_order, c) for c in self.prices}
        return tuple(sorted(self.prices, key=order.__getitem__))

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
