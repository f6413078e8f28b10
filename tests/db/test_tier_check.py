"""The tier split checked by the database (migration 0031): a batch login
sending bills from psql could bill all the usage at tier 1 (or a few m³ one
tier down) and every check of 0016/0026 passed. counter_issue_bills now
recomputes the volumes per tier from the tariff's tiers and the account's
usage of the tier year; domain/billing.py is the reference it must agree
with (the batch's own bills always pass, edges included)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select, text

from counter_app.db import models as m
from counter_app.domain.money import to_money
from counter_app.services.actions import ActionError, call
from counter_app.services.installation.batch import jsonb
from counter_app.services.tariffs.billing import adjust_bill, bill_period
from counter_app.services.tariffs.service import save_tariff
from tests.support.bills import BASIC, Water, make_water
from tests.support.bills import books_clean as _books_clean
from tests.support.bills import rows as _rows
from tests.support.builders import RES, make_account, make_reference

D = Decimal


def _refused(water: Water, period: str, payload: list) -> ActionError:
    before = _rows(water.db)
    with pytest.raises(ActionError) as refused:
        call(water.batch, "issue_bills", period, jsonb(payload))
    assert _rows(water.db) == before  # nothing written, not even the audit row
    assert (refused.value.code, refused.value.field) == ("tier_split", "bills[0].lines")
    return refused.value


@pytest.fixture
def water(db, login_batch) -> Water:
    return make_water(db, login_batch()[0])


def test_all_the_usage_at_tier_1_is_refused(water):
    reading = water.read("2026-02", date(2026, 2, 20), 400)
    refused = _refused(water, "2026-02", water.bill(reading, 400, {1: 400}))
    assert "basic tier 1: the tiers give 180 m³" in refused.message
    # what the batch computes: 180 + 120 + 100, accepted
    assert bill_period(water.batch, "2026-02").billed == 1
    assert water.basic_lines("2026-02") == [(1, 180), (2, 120), (3, 100)]
    _books_clean(water.db)


def test_a_split_off_by_one_ton_is_refused_either_way(water):
    reading = water.read("2026-02", date(2026, 2, 20), 400)
    for split in ({1: 181, 2: 119, 3: 100}, {1: 179, 2: 121, 3: 100}, {1: 180, 2: 121, 3: 99}):
        _refused(water, "2026-02", water.bill(reading, 400, split))
    assert (
        call(
            water.batch,
            "issue_bills",
            "2026-02",
            jsonb(water.bill(reading, 400, {1: 180, 2: 120, 3: 100})),
        )["billed"]
        == 1
    )
    _books_clean(water.db)


def test_a_line_twice_a_missing_tier_or_a_missing_component_is_refused(water):
    reading = water.read("2026-02", date(2026, 2, 20), 200)
    twice = water.bill(reading, 200, {1: 180, 2: 20})
    twice[0]["lines"][0]["volume"] = 90  # two lines of 90 m³ at tier 1
    twice[0]["lines"][0]["amount"] = to_money(90 * BASIC[0])
    twice[0]["lines"].insert(0, dict(twice[0]["lines"][0]))
    twice[0]["amount"] = sum(line["amount"] for line in twice[0]["lines"])
    assert "one line per tier" in _refused(water, "2026-02", twice).message
    no_resource = water.bill(reading, 200, {1: 180, 2: 20})
    no_resource[0]["lines"].pop()
    no_resource[0]["amount"] = sum(line["amount"] for line in no_resource[0]["lines"])
    assert (
        "resource tier 1: the tiers give 200 m³ (0 m³ billed earlier this year), the bill "
        "has no line" in _refused(water, "2026-02", no_resource).message
    )


def test_a_second_bill_of_the_year_continues_the_cumulative_tiers(water):
    water.read("2026-02", date(2026, 2, 20), 170)
    assert bill_period(water.batch, "2026-02").billed == 1
    april = water.read("2026-04", date(2026, 4, 20), 20)
    # as if it were the year's first bill: all 20 m³ at tier 1
    refused = _refused(water, "2026-04", water.bill(april, 20, {1: 20}))
    assert "(170 m³ billed earlier this year)" in refused.message
    assert bill_period(water.batch, "2026-04").billed == 1
    assert water.basic_lines("2026-04") == [(1, 10), (2, 10)]
    _books_clean(water.db)


def test_a_tier_bound_belongs_to_the_tier_below_it(water):
    first = water.read("2026-02", date(2026, 2, 20), 180)
    _refused(water, "2026-02", water.bill(first, 180, {1: 179, 2: 1}))
    assert bill_period(water.batch, "2026-02").billed == 1
    assert water.basic_lines("2026-02") == [(1, 180)]
    second = water.read("2026-04", date(2026, 4, 20), 1)
    _refused(water, "2026-04", water.bill(second, 1, {1: 1}))
    assert bill_period(water.batch, "2026-04").billed == 1
    assert water.basic_lines("2026-04") == [(2, 1)]


def test_a_new_year_starts_at_tier_1_again(water):
    water.read("2026-12", date(2026, 12, 20), 400)
    assert bill_period(water.batch, "2026-12").billed == 1
    # a period straddling New Year is billed in the year of its period
    january = water.read("2027-01", date(2027, 1, 10), 30)
    refused = _refused(water, "2027-01", water.bill(january, 30, {3: 30}))
    assert "(0 m³ billed earlier this year)" in refused.message
    assert bill_period(water.batch, "2027-01").billed == 1
    assert water.basic_lines("2027-01") == [(1, 30)]
    _books_clean(water.db)


def test_a_reading_rolled_over_the_dial_is_split_on_its_usage(water):
    water.last = 99900
    reading = water.read("2026-02", date(2026, 2, 20), 250)  # 99900 → 150 on five digits
    _refused(water, "2026-02", water.bill(reading, 250, {1: 250}))
    assert bill_period(water.batch, "2026-02").billed == 1
    assert water.basic_lines("2026-02") == [(1, 180), (2, 70)]


def test_an_adjustment_bill_does_not_move_the_tiers(water, login_as):
    water.read("2026-02", date(2026, 2, 20), 170)
    bill_period(water.batch, "2026-02")
    with water.db.read() as s:
        first = s.execute(select(m.Bill.id)).scalar_one()
    supervisor, _ = login_as("supervisor")
    adjust_bill(supervisor, first, D("-20.00"), "表计误差", workstation="WS1")
    april = water.read("2026-04", date(2026, 4, 20), 20)
    _refused(water, "2026-04", water.bill(april, 20, {2: 20}))
    assert bill_period(water.batch, "2026-04").billed == 1
    assert water.basic_lines("2026-04") == [(1, 10), (2, 10)]
    _books_clean(water.db)


def test_a_collective_accounts_tiers_scale_with_its_households(water):
    with water.db.write() as s:
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
    water.account_id, water.meter_id = account.id, meter.id
    reading = water.read("2026-01", date(2026, 1, 25), 2500)
    # unscaled bounds (a household's 180/120) refused: 12 × 180 = 2160 is tier 1
    _refused(water, "2026-01", water.bill(reading, 2500, {1: 180, 2: 120, 3: 2200}))
    assert bill_period(water.batch, "2026-01").billed == 1
    assert water.basic_lines("2026-01") == [(1, 2160), (2, 340)]


def test_period_tiers_ignore_the_years_usage(db, login_batch):
    with db.write() as s:
        make_reference(s)
        tariff_id = save_tariff(s, replace(RES, tier_basis="period"))
        account = make_account(s)
        meter = m.Meter(account_id=account.id, meter_no="M1", dial_digits=5)
        s.add(meter)
        s.flush()
    water = Water(db, login_batch()[0], account.id, meter.id, tariff_id)
    water.read("2026-02", date(2026, 2, 20), 170)
    bill_period(water.batch, "2026-02")
    april = water.read("2026-04", date(2026, 4, 20), 20)
    _refused(water, "2026-04", water.bill(april, 20, {1: 10, 2: 10}))
    assert bill_period(water.batch, "2026-04").billed == 1
    assert water.basic_lines("2026-04") == [(1, 20)]


def test_zero_usage_is_a_bill_without_lines(water):
    reading = water.read("2026-02", date(2026, 2, 20), 0)
    zero_line = water.bill(reading, 0, {1: 0})
    refused = _refused(water, "2026-02", zero_line)
    assert (
        "basic tier 1: the tiers give 0 m³ (0 m³ billed earlier this year), not 0"
        in refused.message
    )
    assert bill_period(water.batch, "2026-02").billed == 1
    assert water.basic_lines("2026-02") == []


def test_a_refusal_names_the_bill_by_its_place_in_the_batch(water):
    """Both checks look bills up by reading, not by their place: the place of
    the one refused is looked up again (bills[1] here, bills[0] is right)."""
    with water.db.write() as s:
        other = make_account(s, "01000002", id_number=None, id_masked="", id_tail="")
        meter = m.Meter(account_id=other.id, meter_no="M2", dial_digits=5)
        s.add(meter)
        s.flush()
        s.add(m.PriceCategory(code="CHEAP", name="特价"))
        s.flush()
        cheap = save_tariff(s, replace(RES, code="CHEAP-2026", category="CHEAP"))
    first = water.bill(water.read("2026-02", date(2026, 2, 20), 200), 200, {1: 180, 2: 20})
    water.last = 0
    reading = water.read("2026-02", date(2026, 2, 21), 200, account_id=other.id, meter_id=meter.id)
    _refused(water, "2026-02", water.bill(reading, 200, {1: 200}) + first)
    before = _rows(water.db)
    for payload, field in (
        (first + water.bill(reading, 200, {1: 200}), "bills[1].lines"),
        (
            first + [{**water.bill(reading, 200, {1: 180, 2: 20})[0], "tariff_id": cheap}],
            "bills[1].tariff_id",
        ),
    ):
        with pytest.raises(ActionError) as refused:
            call(water.batch, "issue_bills", "2026-02", jsonb(payload))
        assert refused.value.field == field and _rows(water.db) == before
    both = first + water.bill(reading, 200, {1: 180, 2: 20})
    assert call(water.batch, "issue_bills", "2026-02", jsonb(both))["billed"] == 2
    _books_clean(water.db)


@pytest.mark.parametrize(
    "group", ("counter_clerk", "counter_supervisor", "counter_admin", "counter_batch")
)
def test_no_login_calls_the_check_itself(db, group):
    with db.read() as s:
        assert not s.execute(
            text(
                "SELECT has_function_privilege(:g, 'counter_check_bill_tiers(text, jsonb)', "
                "'EXECUTE')"
            ),
            {"g": group},
        ).scalar_one()


ACTIONS = ("counter_issue_bills", "counter_check_bill_terms")


def _actions(db) -> list[tuple]:
    with db.read() as s:
        return [
            tuple(
                s.execute(
                    text(
                        "SELECT prosrc, prosecdef, proconfig, proacl::text[], "
                        "to_regprocedure('counter_check_bill_tiers(text, jsonb)') IS NOT NULL "
                        "FROM pg_proc WHERE oid = CAST(:f AS regprocedure)"
                    ),
                    {"f": f"{name}(text, jsonb)"},
                ).one()
            )
            for name in ACTIONS
        ]


def test_the_downgrade_writes_back_0026s_functions_exactly(water):
    from alembic import command

    from counter_app.db.migrate import MIGRATIONS_DIR, _config, frozen_function, migrate

    frozen = [
        frozen_function(MIGRATIONS_DIR / "versions" / "0026_review_fixes.sql", name)
        .split("AS $$", 1)[1]
        .rsplit("$$;", 1)[0]
        for name in ACTIONS
    ]
    at_head = _actions(water.db)
    for now, then in zip(at_head, frozen, strict=True):
        assert now[0] != then and now[4]
    with water.db.engine.begin() as conn:
        conn.execute(text("SET LOCAL ROLE counter_owner"))
        command.downgrade(_config(conn), "0030_attack_fixes")
    for now, down, then in zip(at_head, _actions(water.db), frozen, strict=True):
        assert down[0] == then and down[1:4] == now[1:4] and not down[4]
    # without the check the forgery of the first test goes through
    reading = water.read("2026-02", date(2026, 2, 20), 400)
    forged = water.bill(reading, 400, {1: 400})
    assert call(water.batch, "issue_bills", "2026-02", jsonb(forged))["billed"] == 1

    migrate(water.db.engine)  # and up again: refused again
    assert _actions(water.db) == at_head
    april = water.read("2026-04", date(2026, 4, 20), 10)
    _refused(water, "2026-04", water.bill(april, 10, {1: 10}))
