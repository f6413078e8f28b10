"""The database's tier check (migration 0031) agrees with domain/billing.py,
the property-tested reference: for random schedules (bounds, flat or tiered
components, annual or per-period tiers, households scaling), accounts
(household or collective) and runs of readings across New Year (some of
them rolling over the dial, some zero), every bill the batch computes
passes, and the same bill with one m³ moved to the next or previous tier at
that tier's own price is refused."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from counter_app.db import models as m
from counter_app.domain.billing import compute_bill
from counter_app.domain.tariffs import Component, Tariff
from counter_app.services.actions import ActionError, call
from counter_app.services.installation.batch import jsonb
from counter_app.services.tariffs.billing import bill_period
from counter_app.services.tariffs.service import save_tariff
from tests.support.bills import example_tariff, forget_unbilled_readings
from tests.support.bills import payload as _payload
from tests.support.builders import make_account, make_reference

PERIODS = ("2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-03")
DIAL = 10000  # four digits: a run of readings wraps now and then


@dataclass(frozen=True)
class Case:
    uppers: tuple[int | None, ...]
    sewage_tiered: bool
    basis: str
    scaling: bool
    households: int | None  # None: a household account
    start: int
    usages: tuple[int, ...]


@st.composite
def cases(draw) -> Case:
    steps = draw(st.lists(st.integers(1, 40), max_size=3))
    uppers = (*itertools.accumulate(steps), None)
    households = draw(st.integers(1, 4)) if draw(st.booleans()) else None
    top = (uppers[-2] if len(uppers) > 1 else 40) * (households or 1)
    return Case(
        uppers,
        draw(st.booleans()),
        draw(st.sampled_from(("annual", "period"))),
        draw(st.booleans()),
        households,
        draw(st.integers(0, DIAL - 1)),
        tuple(draw(st.lists(st.integers(0, top + 20), min_size=1, max_size=len(PERIODS)))),
    )


def _moved(tariff: Tariff, lines, tier: int, to: int):
    """The basic fee with one m³ moved from ``tier`` to ``to``, each line at its
    tier's own price (only the split is wrong)."""
    from dataclasses import replace

    from counter_app.domain.money import to_money

    volumes = {line.tier: line.volume for line in lines if line.component is Component.BASIC}
    volumes[tier] -= 1
    volumes[to] = volumes.get(to, 0) + 1
    prices = tariff.prices[Component.BASIC]
    template = next(line for line in lines if line.component is Component.BASIC)
    basic = [
        replace(
            template, tier=t, volume=v, unit_price=prices[t - 1], amount=to_money(v * prices[t - 1])
        )
        for t, v in sorted(volumes.items())
        if v
    ]
    return basic + [line for line in lines if line.component is not Component.BASIC]


@pytest.fixture
def ground(db, login_batch):
    with db.write() as s:
        make_reference(s)
    return db, login_batch()[0], itertools.count(1)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(case=cases())
def test_the_batchs_bills_pass_and_one_ton_moved_is_refused(ground, case: Case):
    db, batch, counter = ground
    n = next(counter)
    forget_unbilled_readings(db)
    tariff = example_tariff(
        f"P{n}",
        case.uppers,
        case.basis,
        scaling=case.scaling,
        sewage_tiered=case.sewage_tiered,
        basic="1.05",
        sewage="0.35",
    )
    with db.write() as s:
        s.add(m.PriceCategory(code=f"P{n}", name=f"测试{n}"))
        s.flush()
        tariff_id = save_tariff(s, tariff)
        account = make_account(
            s,
            f"03{n:06d}",
            price_category=f"P{n}",
            read_cycle_months=1,
            account_type="household" if case.households is None else "collective",
            households_total=case.households,
            id_number=None,
            id_masked="",
            id_tail="",
        )
        meter = m.Meter(account_id=account.id, meter_no=f"P{n}", dial_digits=4)
        s.add(meter)
        s.flush()
    multiplier = case.households if case.scaling and case.households else 1
    position, billed = case.start, {}
    for period, usage in zip(PERIODS, case.usages, strict=False):
        previous, position = position, (position + usage) % DIAL
        read_on = date(int(period[:4]), int(period[5:]), 20)
        with db.write() as s:
            reading = m.Reading(
                account_id=account.id,
                meter_id=meter.id,
                period=period,
                read_on=read_on,
                previous_reading=previous,
                reading=position,
                usage=usage,
                rolled_over=position < previous,
            )
            s.add(reading)
            s.flush()
            reading_id = reading.id
        ytd = (
            sum(u for p, u in billed.items() if p[:4] == period[:4])
            if case.basis == "annual"
            else 0
        )
        lines = compute_bill(
            tariff, usage, year_to_date_usage=ytd, tier_multiplier=multiplier
        ).lines
        for line in lines:
            if line.component is Component.BASIC and line.tier is not None and line.volume > 0:
                for to in (line.tier - 1, line.tier + 1):
                    if 1 <= to <= len(case.uppers):
                        forged = _moved(tariff, lines, line.tier, to)
                        with pytest.raises(ActionError) as refused:
                            call(
                                batch,
                                "issue_bills",
                                period,
                                jsonb(_payload(tariff_id, reading_id, read_on, forged)),
                            )
                        assert refused.value.code == "tier_split", refused.value.message
        report = bill_period(batch, period)
        assert (report.billed, report.skipped) == (1, ()), report
        billed[period] = usage
    with db.read() as s:
        assert s.execute(text("SELECT * FROM counter_books_check()")).all() == []
