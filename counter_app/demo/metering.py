"""Meters, readings and bills of one demo account over the demo window.
Design: docs/demo.md
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from typing import NamedTuple

from counter_app.demo.context import Context
from counter_app.demo.profiles import SEASON, Profile
from counter_app.demo.rand import below
from counter_app.demo.timeline import at_local
from counter_app.domain.periods import Period
from counter_app.domain.readings import FLAG_ROLLOVER, reading_flags, usage_between
from counter_app.domain.relief import household_share, validity_share
from counter_app.services.imports.readings import HIGH_USAGE_PER_MONTH
from counter_app.services.tariffs.billing import PAYMENT_TERM_DAYS

__all__ = ["BillRef", "ReliefTerms", "generate_meter_and_bills", "read_date", "read_periods"]

_TERM = timedelta(days=PAYMENT_TERM_DAYS)
_ISSUE_DELAY = timedelta(days=2)
_DAY = timedelta(days=1)
READ_SOURCE = "reading-system"


@dataclass(frozen=True, slots=True)
class ReliefTerms:
    effective_period: str
    valid_from: date
    valid_to: date
    low_income: int | None
    total: int | None


class BillRef(NamedTuple):
    id: int
    period: str
    issued: date
    due: date
    cents: int


def read_periods(ctx: Context, p: Profile) -> list[Period]:
    return [period for period, _, _ in ctx.schedule(p.cycle, p.phase)]


def read_date(p: Profile, period: Period) -> date:
    return date(period.year, period.month, p.read_day)


def _usage(rng: random.Random, p: Profile, period: Period) -> int:
    if p.vacant:
        return 0
    if rng.random() < (0.03 if p.kind == "household" else 0.005):
        return 0  # away, meter stuck, building under repair
    total = 0.0
    for back in range(p.cycle):
        month = (period.month - 1 - back) % 12
        total += p.base * SEASON[month] * rng.uniform(0.75, 1.25)
    return int(total + 0.5)


def _opening_reading(rng: random.Random, p: Profile) -> int:
    dial_range = 10**p.dial
    if rng.random() < 0.006:  # close to the end of the dial: rolls over in the window
        return dial_range - 1 - below(rng, int(p.base * p.cycle) + 1)
    years = rng.uniform(0.5, 15.0)
    return int(p.base * 12 * years) % dial_range


def _threshold(p: Profile) -> int:
    per_household = HIGH_USAGE_PER_MONTH * (p.households or 1) * p.cycle
    if p.kind in ("household", "collective"):
        return per_household
    return max(per_household, int(p.base * p.cycle * 3))


def _share(relief: ReliefTerms | None, code: str, start: date, end: date) -> Fraction | None:
    if relief is None or code < relief.effective_period:
        return None
    share = validity_share(relief.valid_from, relief.valid_to, start, end)
    if relief.low_income and relief.total:
        share *= household_share(relief.low_income, relief.total)
    return share if share > 0 else None


def generate_meter_and_bills(
    ctx: Context,
    rng: random.Random,
    p: Profile,
    opened_on: date,
    relief: ReliefTerms | None,
    out: dict[str, list],
) -> list[BillRef]:
    """Append the meter, readings, bills and bill lines; return the bills."""
    installed = opened_on
    if rng.random() < 0.4:  # meter replaced since the account was opened
        days_open = max(1, (ctx.window.start - opened_on).days - 30)
        installed = opened_on + timedelta(days=below(rng, days_open))
    verified = installed + timedelta(days=below(rng, 30))
    meter_id = p.id
    out["meters"].append(
        (
            meter_id,
            p.id,
            f"JX{installed.year % 100:02d}{p.id:08d}",
            p.caliber,
            p.dial,
            installed,
            verified,
            True,
        )
    )
    previous = _opening_reading(rng, p)
    previous_read_on: date | None = None
    multiplier = p.households if p.kind == "collective" else 1
    ytd: dict[int, int] = {}
    recent: list[int] = []
    threshold = _threshold(p)
    dial_range = 10**p.dial
    bills: list[BillRef] = []
    ids = ctx.ids
    readings, bill_rows, line_rows = out["readings"], out["bills"], out["bill_lines"]
    read_day = p.read_day
    for period, code, first_start in ctx.schedule(p.cycle, p.phase):
        read_on = date(period.year, period.month, read_day)
        usage = _usage(rng, p, period)
        current = (previous + usage) % dial_range
        usage, rolled = usage_between(previous, current, dial_digits=p.dial)
        flags = reading_flags(usage, recent, high_threshold=threshold)
        if rolled:
            flags.add(FLAG_ROLLOVER)
        reading_id = ids.take("readings")
        readings.append(
            (
                reading_id,
                p.id,
                meter_id,
                code,
                read_on,
                previous,
                current,
                usage,
                rolled,
                ",".join(sorted(flags)),
                READ_SOURCE,
                at_local(read_on, 19 * 3600),
            )
        )
        start = previous_read_on + _DAY if previous_read_on else first_start
        tariff = ctx.tariff(p.category, read_on)
        year_used = ytd.get(read_on.year, 0)
        entry = ctx.bill(tariff, usage, year_used, multiplier, _share(relief, code, start, read_on))
        ytd[read_on.year] = year_used + usage
        bill_id = ids.take("bills")
        issued = read_on + _ISSUE_DELAY
        bill_rows.append(
            (
                bill_id,
                p.id,
                code,
                reading_id,
                ctx.ref.tariff_ids[tariff.code],
                start,
                read_on,
                previous,
                current,
                usage,
                entry.total,
                read_on + _TERM,
                at_local(issued, 9 * 3600),
                None,
                None,
                None,
            )
        )
        for line in entry.lines:
            line_rows.append((bill_id, *line))
        bills.append(BillRef(bill_id, code, issued, read_on + _TERM, entry.cents))
        recent.append(usage)
        previous, previous_read_on = current, read_on
    return bills
