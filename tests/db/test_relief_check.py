"""Relief lines recomputed by the database (migration 0034): a batch login
could give a free_volume relief of the whole component charge (0026 checked
only "at most its component's charge"); counter_issue_bills now recomputes
the line as domain/billing.py does (the reference) and refuses any other
amount (CT400 relief_amount) writing nothing. The property test is
test_relief_check_property.py; these are the edges."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import text

from counter_app.db import models as m
from counter_app.services.actions import ActionError, call
from counter_app.services.installation.batch import jsonb
from counter_app.services.tariffs.billing import bill_period
from tests.support.bills import Water, books_clean, make_water, rows
from tests.support.builders import make_clerk_row

D = Decimal


@pytest.fixture
def water(db, login_batch) -> Water:
    return make_water(db, login_batch()[0])


def _grant(w: Water, kind: str, value: str, status: str = "approved") -> None:
    with w.db.write() as s:
        s.add(m.ReliefRule(code="R1", name="低保", kind=kind, value=D(value), component="basic"))
        s.flush()
        s.add(
            m.ReliefApplication(
                account_id=w.account_id,
                rule_code="R1",
                certificate_type="低保证",
                certificate_no="C1",
                issuing_office="民政局",
                valid_from=date(2025, 1, 1),
                valid_to=date(2027, 12, 31),
                holder_name="张三",
                status=status,
                applied_on=date(2025, 12, 1),
                effective_period="2026-01" if status == "approved" else None,
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


def _refused(w: Water, period: str, payload: list, code: str) -> ActionError:
    before = rows(w.db)
    with pytest.raises(ActionError) as refused:
        call(w.batch, "issue_bills", period, jsonb(payload))
    assert rows(w.db) == before  # nothing written, not even the audit row
    assert (refused.value.code, refused.value.field) == (code, "bills[0].lines")
    return refused.value


def _relief(w: Water, period: str) -> Decimal | None:
    with w.db.read() as s:
        return s.execute(
            text(
                "SELECT l.amount FROM bill_lines l JOIN bills b ON b.id = l.bill_id "
                "WHERE b.account_id = :a AND b.period = :p AND l.kind = 'relief'"
            ),
            {"a": w.account_id, "p": period},
        ).scalar_one_or_none()


def _february(w: Water) -> int:
    """January billed by the batch (175 m³, 10 free at tier 1), February read:
    20 m³ of which the first 10 are free: 5 m³ at tier 1, 5 at tier 2."""
    _grant(w, "free_volume", "10")
    w.read("2026-01", date(2026, 1, 20), 175)
    assert bill_period(w.batch, "2026-01").billed == 1
    assert _relief(w, "2026-01") == D("-21.00")  # 10 × 2.10
    return w.read("2026-02", date(2026, 2, 20), 20)


def test_free_volume_is_priced_at_the_tiers_it_falls_in_and_nothing_else(water):
    reading = _february(water)
    # the whole basic charge (5 × 2.10 + 15 × 3.15), all at tier 1, a fen either way
    for amount in ("57.75", "21.00", "26.26", "26.24"):
        refused = _refused(
            water,
            "2026-02",
            _with_relief(water.bill(reading, 20, {1: 5, 2: 15}), amount),
            "relief_amount",
        )
        assert f"free_volume relief (10 free m³): 26.25, not {amount}" in refused.message
    # 5 × 2.10 + 5 × 3.15: what the batch computes, accepted
    assert bill_period(water.batch, "2026-02").billed == 1
    assert _relief(water, "2026-02") == D("-26.25")
    books_clean(water.db)


def test_the_exact_relief_sent_by_hand_passes(water):
    reading = _february(water)
    payload = _with_relief(water.bill(reading, 20, {1: 5, 2: 15}), "26.25")
    assert call(water.batch, "issue_bills", "2026-02", jsonb(payload))["billed"] == 1
    books_clean(water.db)


def test_free_volume_beyond_the_usage_is_the_whole_usage(water):
    _grant(water, "free_volume", "30")
    reading = water.read("2026-02", date(2026, 2, 20), 12)
    refused = _refused(
        water, "2026-02", _with_relief(water.bill(reading, 12, {1: 12}), "25.19"), "relief_amount"
    )
    assert "(12 free m³): 25.20, not 25.19" in refused.message
    assert bill_period(water.batch, "2026-02").billed == 1
    assert _relief(water, "2026-02") == D("-25.20")  # the whole basic charge


def test_per_ton_and_percentage_are_recomputed_too(water):
    _grant(water, "percentage", "33.33")
    reading = water.read("2026-02", date(2026, 2, 20), 7)  # basic 14.70
    refused = _refused(
        water, "2026-02", _with_relief(water.bill(reading, 7, {1: 7}), "14.70"), "relief_amount"
    )
    assert "percentage relief: 4.90, not 14.70" in refused.message  # 14.70 × 33.33 % = 4.8995
    assert bill_period(water.batch, "2026-02").billed == 1
    assert _relief(water, "2026-02") == D("-4.90")


def test_a_relief_without_an_approved_application_is_refused(water):
    _grant(water, "free_volume", "10", status="pending")
    reading = water.read("2026-02", date(2026, 2, 20), 20)
    refused = _refused(
        water, "2026-02", _with_relief(water.bill(reading, 20, {1: 20}), "1.00"), "relief"
    )
    assert "no relief of the account applies" in refused.message
    assert bill_period(water.batch, "2026-02").billed == 1
    assert _relief(water, "2026-02") is None


def _issue_bills(db) -> tuple:
    with db.read() as s:
        return tuple(
            s.execute(
                text(
                    "SELECT prosrc, prosecdef, proconfig, proacl::text[], "
                    "to_regprocedure('counter_check_bill_relief(text, jsonb)') IS NOT NULL "
                    "FROM pg_proc WHERE oid = 'counter_issue_bills(text, jsonb)'::regprocedure"
                )
            ).one()
        )


def test_the_downgrade_writes_back_0031s_counter_issue_bills_exactly(water):
    from alembic import command

    from counter_app.db.migrate import MIGRATIONS_DIR, _config, frozen_function, migrate

    then = (
        frozen_function(MIGRATIONS_DIR / "versions" / "0031_tier_check.sql", "counter_issue_bills")
        .split("AS $$", 1)[1]
        .rsplit("$$;", 1)[0]
    )
    at_head = _issue_bills(water.db)
    assert at_head[0] != then and at_head[4]
    previous = "0033_search_credits"  # this migration's down_revision
    with water.db.engine.begin() as conn:
        conn.execute(text("SET LOCAL ROLE counter_owner"))
        command.downgrade(_config(conn), previous)
    down = _issue_bills(water.db)
    assert down[0] == then and down[1:4] == at_head[1:4] and not down[4]
    # without the check the whole basic charge goes through
    reading = _february(water)
    inflated = _with_relief(water.bill(reading, 20, {1: 5, 2: 15}), "57.75")
    assert call(water.batch, "issue_bills", "2026-02", jsonb(inflated))["billed"] == 1

    migrate(water.db.engine)  # and up again: refused again
    assert _issue_bills(water.db) == at_head
    march = water.read("2026-03", date(2026, 3, 20), 20)
    _refused(
        water,
        "2026-03",
        _with_relief(water.bill(march, 20, {2: 20}), "63.00"),
        "relief_amount",
    )
