"""Run-wide state shared by the demo's chunk generators: ids, caches, totals.
Design: docs/demo.md
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction

from counter_app.demo.reference import Reference
from counter_app.demo.timeline import ShiftPlan, Window
from counter_app.domain.billing import AppliedRelief, compute_bill
from counter_app.domain.periods import Period
from counter_app.domain.tariffs import Tariff, tariff_for

__all__ = ["BillEntry", "Context", "IdCounters"]

_CACHE_LIMIT = 200_000
CENT = Decimal("0.01")


def cents_to_decimal(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)


@dataclass
class IdCounters:
    """Next id per table (first free id when the run starts)."""

    next: dict[str, int] = field(default_factory=dict)

    def take(self, table: str) -> int:
        value = self.next[table]
        self.next[table] = value + 1
        return value


@dataclass(frozen=True, slots=True)
class BillEntry:
    """A computed bill, ready to be written: total and line rows without bill id."""

    total: Decimal
    cents: int
    lines: tuple[
        tuple, ...
    ]  # (line_no, kind, component, tier_no, volume, unit_price, amount, label)


class Context:
    def __init__(self, window: Window, reference: Reference, shifts: ShiftPlan, ids: IdCounters):
        self.window = window
        self.ref = reference
        self.shifts = shifts
        self.ids = ids
        self.area_serials: dict[str, int] = defaultdict(int)
        # archive numbers (属地-年度-序号): the last sequence number per area and year
        self.archive_serials: dict[tuple[str, int], int] = defaultdict(int)
        self.tickets_per_day: dict[date, int] = {}  # complaint tickets numbered per day
        self.certificate_serial = 0
        # shift id -> tender -> cents taken
        self.shift_totals: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self._tariffs: dict[tuple[str, date], Tariff] = {}
        self._schedules: dict[tuple[int, int], tuple[tuple[Period, str, date], ...]] = {}
        self._bills: dict[tuple, BillEntry] = {}
        self.bill_cache_hits = 0
        self.bill_cache_misses = 0

    def schedule(self, cycle: int, phase: int) -> tuple[tuple[Period, str, date], ...]:
        """Read periods of the window for a read cycle and phase: (period,
        its code, first day of the cycle it closes)."""
        key = (cycle, phase)
        found = self._schedules.get(key)
        if found is None:
            found = tuple(
                (period, str(period), period.add(-(cycle - 1)).first_day)
                for period in self.window.periods
                if (period.year * 12 + period.month - 1) % cycle == phase
            )
            self._schedules[key] = found
        return found

    def tariff(self, category: str, on: date) -> Tariff:
        key = (category, on)
        t = self._tariffs.get(key)
        if t is None:
            t = tariff_for(self.ref.tariffs, category, on)
            self._tariffs[key] = t
        return t

    def bill(
        self, tariff: Tariff, usage: int, ytd: int, multiplier: int, share: Fraction | None
    ) -> BillEntry:
        """:func:`compute_bill`, memoised.

        The key drops the year-to-date usage when the whole period lies in the
        first tier (then the result cannot depend on it, for any relief
        kind), and drops ytd and multiplier for single-tier tariffs.
        """
        first_upper = tariff.tier_uppers[0]
        if first_upper is None:
            key_ytd, key_mult = 0, 1
        elif ytd + usage <= first_upper * multiplier:
            key_ytd, key_mult = 0, multiplier
        else:
            key_ytd, key_mult = ytd, multiplier
        key = (tariff.code, usage, key_ytd, key_mult, share)
        entry = self._bills.get(key)
        if entry is not None:
            self.bill_cache_hits += 1
            return entry
        self.bill_cache_misses += 1
        relief = AppliedRelief(self.ref.relief_rule, share) if share else None
        result = compute_bill(
            tariff, usage, year_to_date_usage=ytd, tier_multiplier=multiplier, relief=relief
        )
        lines = tuple(
            (
                n,
                line.kind,
                line.component.value,
                line.tier,
                line.volume,
                line.unit_price,
                line.amount,
                line.label,
            )
            for n, line in enumerate(result.lines, start=1)
        )
        total = result.total.quantize(CENT)
        entry = BillEntry(total, int(total * 100), lines)
        if len(self._bills) >= _CACHE_LIMIT:
            self._bills.clear()
        self._bills[key] = entry
        return entry
