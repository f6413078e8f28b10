"""A bill's period_start checked by the database (migration 0035): it was only
checked as not after the reading's date, so a batch login could move it
later and raise the relief validity share (covered days / period days).
counter_issue_bills now refuses any period_start other than the batch's
(services/tariffs/billing.period_start, the reference: the day after the
meter's previous reading, else the read cycle's first day) with CT400
period_start, writing nothing."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text

from counter_app.db import models as m
from counter_app.db.migrate import MIGRATIONS_DIR, frozen_function, migrate
from counter_app.services.actions import ActionError, call
from counter_app.services.installation.batch import jsonb
from counter_app.services.tariffs.billing import bill_period
from tests.support.bills import Water, batch_period_start, books_clean, make_water, rows
from tests.support.builders import make_clerk_row
from tests.support.database import downgrade

D = Decimal


@pytest.fixture
def water(db, login_batch) -> Water:
    return make_water(db, login_batch()[0])


def _half_off_from(w: Water, valid_from: date) -> None:
    """50 % off the basic fee, valid from ``valid_from`` (mid-period)."""
    with w.db.write() as s:
        s.add(
            m.ReliefRule(code="R1", name="低保", kind="percentage", value=D(50), component="basic")
        )
        s.flush()
        s.add(
            m.ReliefApplication(
                account_id=w.account_id,
                rule_code="R1",
                certificate_type="低保证",
                certificate_no="C1",
                issuing_office="民政局",
                valid_from=valid_from,
                valid_to=date(2027, 12, 31),
                holder_name="张三",
                status="approved",
                applied_on=date(2025, 12, 1),
                effective_period="2026-01",
                created_by=make_clerk_row(s).id,
            )
        )


def _with_relief(payload: list, amount: str) -> list:
    payload[0]["lines"].append(
        dict(
            kind="relief",
            component="basic",
            tier_no=None,
            volume=0,
            unit_price=D("0.00"),
            amount=-D(amount),
            label="低保减免",
        )
    )
    payload[0]["amount"] = sum(line["amount"] for line in payload[0]["lines"])
    return payload


def _refused(w: Water, period: str, payload: list) -> ActionError:
    before = rows(w.db)
    with pytest.raises(ActionError) as refused:
        call(w.batch, "issue_bills", period, jsonb(payload))
    assert rows(w.db) == before  # nothing written, not even the audit row
    assert (refused.value.code, refused.value.field) == ("period_start", "bills[0].period_start")
    return refused.value


def _period_starts(w: Water) -> dict[str, date]:
    with w.db.read() as s:
        return dict(
            s.execute(
                text("SELECT period, period_start FROM bills WHERE account_id = :a"),
                {"a": w.account_id},
            ).all()
        )


def test_the_batchs_own_bills_pass(water):
    """The first bill covers the two-month read cycle, the next one starts the
    day after the previous reading."""
    water.read("2026-01", date(2026, 1, 20), 30)
    assert bill_period(water.batch, "2026-01").billed == 1
    march = water.read("2026-03", date(2026, 3, 18), 25)
    assert batch_period_start(water.db, march) == date(2026, 1, 21)
    assert call(water.batch, "issue_bills", "2026-03", jsonb(water.bill(march, 25, {1: 25})))
    assert _period_starts(water) == {"2026-01": date(2025, 12, 1), "2026-03": date(2026, 1, 21)}
    books_clean(water.db)


@pytest.mark.parametrize("days", [1, -1, 30])
def test_a_moved_period_start_is_refused_and_writes_nothing(water, days):
    water.read("2026-01", date(2026, 1, 20), 30)
    assert bill_period(water.batch, "2026-01").billed == 1
    reading = water.read("2026-02", date(2026, 2, 20), 20)
    moved = water.bill(reading, 20, {1: 20})
    moved[0]["period_start"] += timedelta(days=days)
    refused = _refused(water, "2026-02", moved)
    assert "starts on 2026-01-21" in refused.message
    books_clean(water.db)


def test_a_period_start_moved_to_the_relief_is_refused_though_its_relief_agrees(water):
    """The relief starts on 10 February: 11 of the period's 31 days, 50 % of
    42.00 × 11/31 = 7.45. Moved to 10 February, the period is all relief: the
    relief check (0034) agrees with the 21.00 the period sent, 0035 refuses it."""
    _half_off_from(water, date(2026, 2, 10))
    water.read("2026-01", date(2026, 1, 20), 30)
    assert bill_period(water.batch, "2026-01").billed == 1
    reading = water.read("2026-02", date(2026, 2, 20), 20)
    forged = _with_relief(water.bill(reading, 20, {1: 20}), "21.00")
    forged[0]["period_start"] = date(2026, 2, 10)
    _refused(water, "2026-02", forged)

    assert bill_period(water.batch, "2026-02").billed == 1
    with water.db.read() as s:
        assert s.execute(
            text(
                "SELECT l.amount FROM bill_lines l JOIN bills b ON b.id = l.bill_id "
                "WHERE b.reading_id = :r AND l.kind = 'relief'"
            ),
            {"r": reading},
        ).scalar_one() == D("-7.45")
    books_clean(water.db)


def _issue_bills(db) -> tuple:
    with db.read() as s:
        return tuple(
            s.execute(
                text(
                    "SELECT prosrc, prosecdef, proconfig, proacl::text[], "
                    "to_regprocedure('counter_check_bill_period_start(text, jsonb)') IS NOT NULL "
                    "FROM pg_proc WHERE oid = 'counter_issue_bills(text, jsonb)'::regprocedure"
                )
            ).one()
        )


def test_the_downgrade_writes_back_0034s_counter_issue_bills_exactly(water):
    then = (
        frozen_function(MIGRATIONS_DIR / "versions" / "0034_free_volume.sql", "counter_issue_bills")
        .split("AS $$", 1)[1]
        .rsplit("$$;", 1)[0]
    )
    at_head = _issue_bills(water.db)
    assert at_head[0] != then and at_head[4]
    downgrade(water.db, "0034_free_volume")  # this migration's down_revision
    down = _issue_bills(water.db)
    assert down[0] == then and down[1:4] == at_head[1:4] and not down[4]
    # without the check a moved period_start goes through
    water.read("2026-01", date(2026, 1, 20), 30)
    reading = water.read("2026-02", date(2026, 2, 20), 20)
    early = water.bill(reading, 20, {1: 20})
    early[0]["period_start"] = date(2026, 2, 1)
    assert call(water.batch, "issue_bills", "2026-02", jsonb(early))["billed"] == 1

    migrate(water.db.engine)  # and up again: refused again
    assert _issue_bills(water.db) == at_head
    march = water.read("2026-03", date(2026, 3, 20), 20)
    late = water.bill(march, 20, {1: 20})
    late[0]["period_start"] = date(2026, 3, 1)
    _refused(water, "2026-03", late)
    books_clean(water.db)
