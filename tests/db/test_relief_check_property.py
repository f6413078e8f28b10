"""The database's relief check (migration 0034) agrees with domain/billing.py,
the property-tested reference: for random schedules (tiers, flat or tiered
components, annual or per-period tiers, collective accounts), relief rules
(free_volume mostly, per_ton, percentage, on any component), validity that
covers part of a period and household shares, over runs of readings across
New Year, every bill the batch computes passes, and the same bill with its
relief one fen larger, or the whole component charge, is refused."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from counter_app.db import models as m
from counter_app.domain.billing import KIND_RELIEF, AppliedRelief, compute_bill
from counter_app.domain.relief import ReliefKind, ReliefRule, household_share, validity_share
from counter_app.domain.tariffs import Component
from counter_app.services.actions import ActionError, call
from counter_app.services.installation.batch import jsonb
from counter_app.services.tariffs.billing import bill_period
from counter_app.services.tariffs.service import save_tariff
from tests.support.bills import example_tariff, forget_unbilled_readings
from tests.support.bills import payload as _payload
from tests.support.builders import make_account, make_clerk_row, make_reference

PERIODS = ("2026-11", "2026-12", "2027-01", "2027-02")


@dataclass(frozen=True)
class Case:
    uppers: tuple[int | None, ...]
    sewage_tiered: bool
    basis: str
    households: int | None  # None: a household account
    kind: ReliefKind
    value: Decimal
    component: Component
    low_income: int | None
    valid_from: date
    valid_to: date
    usages: tuple[int, ...]


@st.composite
def cases(draw) -> Case:
    steps = draw(st.lists(st.integers(1, 30), max_size=3))
    uppers = (*itertools.accumulate(steps), None)
    households = draw(st.integers(1, 4)) if draw(st.booleans()) else None
    kind = draw(st.sampled_from((ReliefKind.FREE_VOLUME,) * 3 + tuple(ReliefKind)))
    if kind is ReliefKind.FREE_VOLUME:
        value = Decimal(draw(st.integers(0, 4000))) / 100  # m³, two decimals
    elif kind is ReliefKind.PER_TON:
        value = Decimal(draw(st.integers(0, 300))) / 100
    else:
        value = Decimal(draw(st.integers(0, 10000))) / 100
    low_income = draw(st.integers(1, households)) if households and draw(st.booleans()) else None
    start = date(2026, 10, 15) + timedelta(days=draw(st.integers(0, 90)))
    top = (uppers[-2] if len(uppers) > 1 else 30) * (households or 1)
    return Case(
        uppers,
        draw(st.booleans()),
        draw(st.sampled_from(("annual", "period"))),
        households,
        kind,
        value,
        draw(st.sampled_from((Component.BASIC, Component.SEWAGE, Component.RESOURCE))),
        low_income,
        start,
        start + timedelta(days=draw(st.integers(0, 120))),
        tuple(draw(st.lists(st.integers(0, top + 15), min_size=1, max_size=len(PERIODS)))),
    )


@pytest.fixture
def ground(db, login_batch):
    with db.write() as s:
        make_reference(s)
        clerk_id = make_clerk_row(s).id
    return db, login_batch()[0], itertools.count(1), clerk_id


def _with_relief(lines, amount: Decimal):
    relief = next(line for line in lines if line.kind == KIND_RELIEF)
    return [replace(line, amount=-amount) if line is relief else line for line in lines]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(case=cases())
def test_the_batchs_relief_passes_and_a_larger_one_is_refused(ground, case: Case):
    db, batch, counter, clerk_id = ground
    n = next(counter)
    forget_unbilled_readings(db)
    tariff = example_tariff(
        f"R{n}",
        case.uppers,
        case.basis,
        scaling=True,
        sewage_tiered=case.sewage_tiered,
        basic="1.0537",
        sewage="0.3333",
    )
    rule = ReliefRule(case.kind, case.value, case.component)
    with db.write() as s:
        s.add(m.PriceCategory(code=f"R{n}", name=f"测试{n}"))
        s.add(
            m.ReliefRule(
                code=f"R{n}",
                name="低保",
                kind=rule.kind.value,
                value=rule.value,
                component=rule.component.value,
            )
        )
        s.flush()
        tariff_id = save_tariff(s, tariff)
        account = make_account(
            s,
            f"04{n:06d}",
            price_category=f"R{n}",
            read_cycle_months=1,
            account_type="household" if case.households is None else "collective",
            households_total=case.households,
            id_number=None,
            id_masked="",
            id_tail="",
        )
        meter = m.Meter(account_id=account.id, meter_no=f"R{n}", dial_digits=5)
        s.add(meter)
        s.add(
            m.ReliefApplication(
                account_id=account.id,
                rule_code=f"R{n}",
                certificate_type="低保证",
                certificate_no=f"R{n}",
                issuing_office="民政局",
                valid_from=case.valid_from,
                valid_to=case.valid_to,
                holder_name="张三",
                status="approved",
                applied_on=date(2026, 10, 1),
                effective_period=PERIODS[0],
                low_income_households=case.low_income,
                total_households=case.households if case.low_income else None,
                created_by=clerk_id,
            )
        )
        s.flush()
    multiplier = case.households or 1
    position, billed, start = 0, {}, date(2026, 11, 1)
    for period, usage in zip(PERIODS, case.usages, strict=False):
        previous, position = position, position + usage
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
                rolled_over=False,
            )
            s.add(reading)
            s.flush()
            reading_id = reading.id
        ytd = (
            sum(u for p, u in billed.items() if p[:4] == period[:4])
            if case.basis == "annual"
            else 0
        )
        share = validity_share(case.valid_from, case.valid_to, start, read_on)
        if case.low_income:
            share *= household_share(case.low_income, case.households or 1)
        applied = AppliedRelief(rule, Fraction(share)) if share > 0 else None
        lines = compute_bill(
            tariff, usage, year_to_date_usage=ytd, tier_multiplier=multiplier, relief=applied
        ).lines
        relief = next((line for line in lines if line.kind == KIND_RELIEF), None)
        if relief is not None:
            charge = sum(
                line.amount
                for line in lines
                if line.component is rule.component and line.kind != KIND_RELIEF
            )
            for amount in {
                -relief.amount + Decimal("0.01"),
                charge,
                -relief.amount - Decimal("0.01"),
            }:
                if amount == -relief.amount or amount > charge or amount <= 0:
                    continue
                forged = _payload(tariff_id, reading_id, read_on, _with_relief(lines, amount))
                forged[0]["period_start"] = start
                with pytest.raises(ActionError) as refused:
                    call(batch, "issue_bills", period, jsonb(forged))
                assert refused.value.code == "relief_amount", refused.value.message
        report = bill_period(batch, period)
        assert (report.billed, report.skipped) == (1, ()), report
        with db.read() as s:
            got = s.execute(
                text(
                    "SELECT l.amount FROM bill_lines l JOIN bills b ON b.id = l.bill_id "
                    "WHERE b.reading_id = :r AND l.kind = 'relief'"
                ),
                {"r": reading_id},
            ).scalar_one_or_none()
        assert got == (relief.amount if relief is not None else None)
        billed[period] = usage
        start = read_on + timedelta(days=1)
    with db.read() as s:
        assert s.execute(text("SELECT * FROM counter_books_check()")).all() == []
