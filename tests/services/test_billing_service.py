"""bill-period, with hand-computed bills."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from counter_app.db import models as m
from counter_app.services.tariffs.billing import bill_period
from counter_app.services.tariffs.service import load_tariffs, save_tariff
from tests.support.builders import RES, make_account, make_clerk_row, make_reference


@pytest.fixture
def batch(login_batch):
    """Billing runs as a login of counter_batch."""
    return login_batch()[0]


@pytest.fixture
def utility(db):
    with db.write() as s:
        make_reference(s)
        save_tariff(s, RES)
        s.add(m.ReliefRule(code="DEFAULT", name="低保", kind="per_ton", value=Decimal("0.20")))
        account = make_account(s)
        meter = m.Meter(account_id=account.id, meter_no="M1", dial_digits=5)
        s.add(meter)
        s.flush()
    return db, account.id, meter.id


def _read(db, account_id, meter_id, period, read_on, previous, reading):
    with db.write() as s:
        s.add(
            m.Reading(
                account_id=account_id,
                meter_id=meter_id,
                period=period,
                read_on=read_on,
                previous_reading=previous,
                reading=reading,
                usage=reading - previous,
            )
        )


def _bill(db, account_id, period):
    with db.read() as s:
        bill = s.execute(
            select(m.Bill).where(m.Bill.account_id == account_id, m.Bill.period == period)
        ).scalar_one()
        lines = s.execute(
            select(m.BillLine.label, m.BillLine.volume, m.BillLine.amount)
            .where(m.BillLine.bill_id == bill.id)
            .order_by(m.BillLine.line_no)
        ).all()
        return bill, [tuple(line) for line in lines]


def test_tariff_round_trips_through_the_database(utility):
    db, _, _ = utility
    with db.read() as s:
        assert load_tariffs(s) == [RES]


def test_tier_boundary_crossed_inside_a_period(utility, batch):
    db, account_id, meter_id = utility
    _read(db, account_id, meter_id, "2026-02", date(2026, 2, 20), 1000, 1170)
    report = bill_period(batch, "2026-02")
    assert report.billed == 1
    # 170 m³: basic 170 × 2.10 = 357.00; sewage 170 × 0.95 = 161.50; resource 170 × 0.40 = 68.00
    assert report.total_amount == Decimal("586.50")

    _read(db, account_id, meter_id, "2026-04", date(2026, 4, 20), 1170, 1190)
    bill_period(batch, "2026-04")
    bill, lines = _bill(db, account_id, "2026-04")
    # ytd 170, usage 20: 10 m³ tier 1 (21.00) + 10 m³ tier 2 (31.50);
    # sewage 20 × 0.95 = 19.00; resource 20 × 0.40 = 8.00 → 79.50
    assert [(vol, amt) for _, vol, amt in lines] == [
        (10, Decimal("21.00")),
        (10, Decimal("31.50")),
        (20, Decimal("19.00")),
        (20, Decimal("8.00")),
    ]
    assert bill.amount == Decimal("79.50")
    assert (bill.start_reading, bill.end_reading, bill.usage) == (1170, 1190, 20)
    assert bill.period_start == date(2026, 2, 21)


def test_billing_twice_bills_nothing_new(utility, batch):
    db, account_id, meter_id = utility
    _read(db, account_id, meter_id, "2026-02", date(2026, 2, 20), 0, 12)
    assert bill_period(batch, "2026-02").billed == 1
    again = bill_period(batch, "2026-02")
    assert (again.billed, again.already_billed) == (0, 1)


def test_relief_applies_from_its_effective_period(utility, batch):
    db, account_id, meter_id = utility
    with db.write() as s:
        clerk = make_clerk_row(s)
        s.add(
            m.ReliefApplication(
                account_id=account_id,
                rule_code="DEFAULT",
                certificate_type="城镇居民最低生活保障证",
                certificate_no="JX-001",
                valid_from=date(2025, 1, 1),
                valid_to=date(2027, 12, 31),
                holder_name="张三",
                status="approved",
                applied_on=date(2026, 1, 10),
                effective_period="2026-04",
                created_by=clerk.id,
            )
        )
    _read(db, account_id, meter_id, "2026-02", date(2026, 2, 20), 0, 10)
    _read(db, account_id, meter_id, "2026-04", date(2026, 4, 20), 10, 30)
    bill_period(batch, "2026-02")
    bill_period(batch, "2026-04")
    _, before = _bill(db, account_id, "2026-02")
    assert all(label != "低保减免" for label, _, _ in before)
    bill, after = _bill(db, account_id, "2026-04")
    # 20 m³: basic 42.00 + sewage 19.00 + resource 8.00 - relief 20 × 0.20 = 4.00 → 65.00
    assert after[-1] == ("低保减免", 20, Decimal("-4.00"))
    assert bill.amount == Decimal("65.00")


def test_collective_account_tiers_scale_with_households(utility, batch):
    db, _, _ = utility
    with db.write() as s:
        account = make_account(
            s,
            "02000001",
            name="幸福小区",
            account_type="collective",
            households_total=12,
            read_cycle_months=1,
            id_number=None,
            id_masked="",
            id_tail="",
        )
        meter = m.Meter(account_id=account.id, meter_no="M2", dial_digits=6)
        s.add(meter)
        s.flush()
        ids = (account.id, meter.id)
    _read(db, *ids, "2026-01", date(2026, 1, 25), 0, 2000)
    bill_period(batch, "2026-01")
    bill, lines = _bill(db, ids[0], "2026-01")
    # tier 1 bound 12 × 180 = 2160 m³: all 2000 m³ in tier 1 → 4200.00 + 1900.00 + 800.00
    assert lines[0][1] == 2000
    assert bill.amount == Decimal("6900.00")
