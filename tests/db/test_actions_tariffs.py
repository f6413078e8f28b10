"""Tariffs as data (migration 0021), signed in as real logins: an admin keeps
the schedules, fee components and price categories through the actions; no
login writes the tables; a billed schedule never changes; schedules of a
category neither overlap nor leave a gap; a clerk reads the 收费依据."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.services.accounts.service import AccountService
from counter_app.services.actions import ActionError, call
from counter_app.services.installation.batch import jsonb
from counter_app.services.tariffs.admin import (
    TariffAdminService,
    TariffError,
)
from counter_app.services.tariffs.billing import bill_period
from tests.support.builders import make_account, make_reference
from tests.support.builders import tariff_draft as draft

D = Decimal
WS = "JX01-ADMIN"


@pytest.fixture
def admin(db, login_as) -> Database:
    with db.write() as s:
        make_reference(s)
    return login_as("admin")[0]


def _read(
    db: Database,
    meter_id: int,
    account_id: int,
    period: str,
    read_on: date,
    previous: int,
    reading: int,
) -> None:
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


def _account(db: Database, **kw) -> tuple[int, int]:
    with db.write() as s:
        account = make_account(s, **kw)
        meter = m.Meter(account_id=account.id, meter_no=f"M{account.account_no}", dial_digits=5)
        s.add(meter)
        s.flush()
        return account.id, meter.id


def _refused(db: Database, statement: str) -> str:
    with pytest.raises(DBAPIError) as info, db.engine.begin() as conn:
        conn.execute(text(statement))
    return str(info.value.orig)


def _bill_lines(db: Database, account_id: int, period: str) -> list:
    with db.read() as s:
        return s.execute(
            select(
                m.BillLine.component,
                m.BillLine.tier_no,
                m.BillLine.volume,
                m.BillLine.amount,
                m.BillLine.label,
            )
            .join(m.Bill, m.Bill.id == m.BillLine.bill_id)
            .where(m.Bill.account_id == account_id, m.Bill.period == period)
            .order_by(m.BillLine.line_no)
        ).all()


# ------------------------------------------------------------------ saving


def test_the_three_water_components_are_rows(admin):
    components = TariffAdminService(admin).catalog().components
    assert [(c.code, c.name, c.relief_applies) for c in components] == [
        ("basic", "基本水费", True),
        ("sewage", "污水处理费", True),
        ("resource", "水资源费", True),
    ]


def test_an_admin_saves_a_schedule_in_one_action_audited(db, admin):
    saved = TariffAdminService(admin).save_tariff(draft(), workstation=WS)
    s = saved.schedule
    assert (s.code, s.doc_no, s.effective_from, s.effective_to) == (
        "RES-2026",
        "嘉价发〔2025〕12号",
        date(2026, 1, 1),
        None,
    )
    assert s.tiers == (180, 300, None)
    assert s.rates == {
        "basic": (D("2.10"), D("3.15"), D("6.30")),
        "sewage": (D("0.95"),),
        "resource": (D("0.40"),),
    }
    assert s.labels["basic"] == "基本水费" and not s.used and saved.ended_code is None
    assert TariffAdminService(admin).catalog().find("RES-2026") == s
    with db.read() as session:
        audit = session.execute(
            text("SELECT workstation, details FROM audit_events WHERE action = 'tariff.create'")
        ).one()
    assert audit.workstation == WS and json.loads(audit.details)["doc_no"] == "嘉价发〔2025〕12号"


def test_a_new_schedule_ends_the_open_one_the_day_before(admin):
    TariffAdminService(admin).save_tariff(draft(), workstation=WS)
    saved = TariffAdminService(admin).save_tariff(
        draft(code="RES-2027", doc_no="嘉价发〔2026〕3号", effective_from="2027-01-01"),
        workstation=WS,
    )
    assert (saved.ended_code, saved.ended_on) == ("RES-2026", date(2026, 12, 31))
    old = TariffAdminService(admin).catalog().find("RES-2026")
    assert old is not None and old.effective_to == date(2026, 12, 31)


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        # the latest one is closed: the next one must start the day after
        ({"code": "RES-2028", "effective_from": "2028-02-01"}, "gap", "effective_from"),
        # it starts before the latest one: an overlap
        ({"code": "RES-X", "effective_from": "2025-06-01"}, "overlap", "effective_from"),
        ({"code": "RES-Y", "effective_from": "2026-01-01"}, "overlap", "effective_from"),
    ],
)
def test_an_overlap_or_a_gap_is_refused_with_the_field(admin, changes, code, field):
    TariffAdminService(admin).save_tariff(draft(effective_to="2027-12-31"), workstation=WS)
    with pytest.raises(TariffError) as refused:
        TariffAdminService(admin).save_tariff(draft(**changes), workstation=WS)
    assert refused.value.field == field
    with pytest.raises(ActionError) as raw:
        call(admin, "save_tariff", jsonb(draft(**changes)), WS)
    assert (raw.value.code, raw.value.field) == (code, field)
    assert [s.code for s in TariffAdminService(admin).catalog().schedules] == ["RES-2026"]


def test_the_database_refuses_an_overlap_or_a_gap_for_the_owner_too(db, admin):
    TariffAdminService(admin).save_tariff(draft(), workstation=WS)
    for start, end in (("2026-06-01", None), ("2027-02-01", None)):
        with pytest.raises(DBAPIError) as info, db.engine.begin() as conn:
            if end is None and start == "2027-02-01":
                conn.execute(text("UPDATE tariffs SET effective_to = '2026-12-31'"))
            conn.execute(
                text(
                    "INSERT INTO tariffs (code, name, category_code, effective_from) "
                    f"VALUES ('RAW', 'raw', 'RES', '{start}')"
                )
            )
        assert "tariff_sequence" in str(info.value.orig)
    assert len(TariffAdminService(admin).catalog().schedules) == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"doc_no": " "}, "doc_no"),
        ({"code": "RES 2026"}, "code"),
        ({"category": "NOPE"}, "category"),
        ({"effective_from": "2026-02-30"}, "effective_from"),
        ({"effective_to": "2025-12-31"}, "effective_to"),
        ({"tier_basis": "monthly"}, "tier_basis"),
        ({"tiers": [180, 150, None]}, "tiers[2]"),
        ({"tiers": [180, 300]}, "tiers[2]"),
        ({"tiers": ["abc", None]}, "tiers[1]"),
        ({"tiers": [180.5, None]}, "tiers[1]"),
        ({"rates": {"basic": ["2.10", "3.15"]}}, "rates.basic"),
        ({"rates": {"basic": ["2.10", "-1", "6.30"]}}, "rates.basic[2]"),
        ({"rates": {"basic": ["2.123456"]}}, "rates.basic[1]"),
        ({"rates": {"gas": ["3.05"]}}, "rates.gas"),
        ({"rates": {}}, "rates"),
    ],
)
def test_bad_input_names_its_field_here_and_in_the_database(admin, changes, field):
    with pytest.raises(TariffError) as refused:
        TariffAdminService(admin).save_tariff(draft(**changes), workstation=WS)
    assert refused.value.field == field
    # the database says the same without the client's checks
    with pytest.raises(ActionError) as raw:
        call(admin, "save_tariff", jsonb(draft(**changes)), WS)
    assert raw.value.field == field
    assert TariffAdminService(admin).catalog().schedules == ()


def test_a_new_component_and_category_need_no_code(db, admin, login_batch):
    component = TariffAdminService(admin).save_fee_component(
        "resource_tax", "水资源税", relief_applies=False, sort_order=25, workstation=WS
    )
    assert (component.code, component.name, component.relief_applies) == (
        "resource_tax",
        "水资源税",
        False,
    )
    assert TariffAdminService(admin).save_price_category("GAS", "居民用气", workstation=WS) == (
        "GAS",
        "居民用气",
    )
    TariffAdminService(admin).save_tariff(
        draft(
            rates={"basic": ["2.10", "3.15", "6.30"], "sewage": ["0.95"], "resource_tax": ["0.50"]}
        ),
        workstation=WS,
    )
    account_id, meter_id = _account(db)
    _read(db, meter_id, account_id, "2026-02", date(2026, 2, 20), 0, 10)
    assert bill_period(login_batch()[0], "2026-02").billed == 1
    assert [(c, label) for c, _t, _v, _a, label in _bill_lines(db, account_id, "2026-02")] == [
        ("basic", "基本水费 第一阶梯"),
        ("sewage", "污水处理费"),
        ("resource_tax", "水资源税"),
    ]
    with db.read() as s:
        actions = (
            s.execute(text("SELECT action FROM audit_events WHERE entity <> 'clerk' ORDER BY id"))
            .scalars()
            .all()
        )
    assert actions[:3] == ["fee_component.create", "price_category.create", "tariff.create"]


# ------------------------------------------------------------------ billed schedules


@pytest.fixture
def billed(db, admin, login_batch):
    """RES-2026 used by a bill read on 2026-04-20."""
    TariffAdminService(admin).save_tariff(draft(), workstation=WS)
    account_id, meter_id = _account(db)
    _read(db, meter_id, account_id, "2026-04", date(2026, 4, 20), 0, 30)
    assert bill_period(login_batch()[0], "2026-04").billed == 1
    return account_id


def test_a_billed_schedule_is_never_edited_a_change_is_a_new_schedule(db, admin, billed):
    with pytest.raises(TariffError) as refused:
        TariffAdminService(admin).save_tariff(
            draft(rates={"basic": ["9.99"]}, tiers=[None]), workstation=WS
        )
    assert refused.value.field == "code" and "2026-04-20" in refused.value.message
    # nor from a date it has already billed
    with pytest.raises(TariffError) as early:
        TariffAdminService(admin).save_tariff(
            draft(code="RES-2026B", effective_from="2026-04-01"), workstation=WS
        )
    assert early.value.field == "effective_from"
    saved = TariffAdminService(admin).save_tariff(
        draft(code="RES-2026B", effective_from="2026-05-01", doc_no="嘉价发〔2026〕5号"),
        workstation=WS,
    )
    assert (saved.ended_code, saved.ended_on) == ("RES-2026", date(2026, 4, 30))
    assert TariffAdminService(admin).catalog().find("RES-2026").used
    # the owner cannot change a billed schedule either
    for statement in (
        "UPDATE tariff_rates SET unit_price = 1",
        "INSERT INTO tariff_rates SELECT id, 'basic', 9, 1 FROM tariffs WHERE code = 'RES-2026'",
        "DELETE FROM tariff_tiers",
        "UPDATE tariffs SET doc_no = 'x' WHERE code = 'RES-2026'",
        "UPDATE tariffs SET effective_to = '2026-04-19' WHERE code = 'RES-2026'",
        "DELETE FROM tariffs WHERE code = 'RES-2026'",
    ):
        assert "tariff_used" in _refused(db, statement), statement


def test_no_login_writes_the_tariff_tables_and_a_clerk_calls_no_admin_action(
    db, admin, billed, login_as
):
    tables = {
        "tariffs": "INSERT INTO tariffs (code, name, category_code, effective_from) "
        "VALUES ('X', 'x', 'RES', '2030-01-01')",
        "tariff_tiers": "INSERT INTO tariff_tiers (tariff_id, tier_no) VALUES (1, 9)",
        "tariff_rates": "INSERT INTO tariff_rates VALUES (1, 'basic', 9, 0)",
        "fee_components": "INSERT INTO fee_components (code, name) VALUES ('gas', '燃气费')",
        "price_categories": "INSERT INTO price_categories VALUES ('GAS', '燃气')",
    }
    updates = (
        "UPDATE tariff_rates SET unit_price = 0",
        "UPDATE tariffs SET doc_no = ''",
        "UPDATE fee_components SET name = 'x'",
        "UPDATE price_categories SET name = 'x'",
        "DELETE FROM tariff_rates",
        "UPDATE tariff_tiers SET upper_volume = 1",
    )
    logins = [admin, login_as("clerk")[0], login_as("supervisor")[0]]
    for login in logins:
        for statement in (*tables.values(), *updates):
            assert "permission denied" in _refused(login, statement), statement
    for login in logins[1:]:  # a clerk, a supervisor
        for name, args in (
            ("save_tariff", (jsonb(draft(code="Z", effective_from="2027-01-01")), WS)),
            ("save_fee_component", ("gas", "燃气费", True, 1, WS)),
            ("save_price_category", ("GAS", "燃气", WS)),
        ):
            with pytest.raises(ActionError) as refused:
                call(login, name, *args)
            assert refused.value.kind == "forbidden", name
    assert [s.code for s in TariffAdminService(admin).catalog().schedules] == ["RES-2026"]
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM fee_components")).scalar_one() == 3


# ------------------------------------------------------------------ basis and billing rules


def test_the_tariff_basis_of_a_collective_account(db, admin, login_as, login_batch):
    TariffAdminService(admin).save_tariff(draft(), workstation=WS)
    account_id, meter_id = _account(db, account_type="collective", households_total=3)
    _read(db, meter_id, account_id, "2026-02", date(2026, 2, 20), 0, 500)
    _read(db, meter_id, account_id, "2026-04", date(2026, 4, 20), 500, 700)
    batch = login_batch()[0]
    bill_period(batch, "2026-02")
    bill_period(batch, "2026-04")
    clerk, _ = login_as("clerk")
    basis = AccountService(clerk).tariff_basis(account_id)
    assert basis.schedule.code == "RES-2026" and basis.schedule.doc_no == "嘉价发〔2025〕12号"
    assert (basis.multiplier, basis.year, basis.used, basis.current_tier) == (3, 2026, 700, 2)
    assert [(t.scaled_lower, t.scaled_upper, t.used) for t in basis.tiers] == [
        (0, 540, 540),
        (540, 900, 160),
        (900, None, 0),
    ]
    assert basis.bill is not None and basis.bill.period == "2026-04"
    # the bill itself split the same way: 40 m³ in tier 1, 160 in tier 2
    assert [
        (c, t, v) for c, t, v, _a, _l in _bill_lines(db, account_id, "2026-04") if c == "basic"
    ] == [("basic", 1, 40), ("basic", 2, 160)]
    with pytest.raises(ActionError) as missing:
        AccountService(clerk).tariff_basis(999_999)
    assert missing.value.kind == "not_found"


def test_per_period_tiers_without_households_scaling(db, admin, login_batch, login_as):
    TariffAdminService(admin).save_tariff(
        draft(
            tiers=[100, None],
            tier_basis="period",
            households_scaling=False,
            rates={"basic": ["2.00", "3.00"]},
        ),
        workstation=WS,
    )
    account_id, meter_id = _account(db, account_type="collective", households_total=4)
    _read(db, meter_id, account_id, "2026-02", date(2026, 2, 20), 0, 150)
    _read(db, meter_id, account_id, "2026-04", date(2026, 4, 20), 150, 300)
    batch = login_batch()[0]
    bill_period(batch, "2026-02")
    bill_period(batch, "2026-04")
    for period in ("2026-02", "2026-04"):  # each period starts again at tier 1, limit not × 4
        assert [(t, v, a) for _c, t, v, a, _l in _bill_lines(db, account_id, period)] == [
            (1, 100, D("200.00")),
            (2, 50, D("150.00")),
        ]
    basis = AccountService(login_as("clerk")[0]).tariff_basis(account_id)
    assert (basis.multiplier, basis.used, basis.current_tier) == (1, 150, 2)


def test_an_old_open_schedule_is_closed_by_the_migration_and_it_goes_down(empty_db_url):
    """0021 ends an open-ended predecessor the day before its successor; its
    downgrade gives the older schema back."""
    from alembic import command

    from counter_app.db.engine import make_engine
    from counter_app.db.migrate import _config, migrate

    engine = make_engine(empty_db_url)
    migrate(engine, "0018_credits_in_open_bills")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO price_categories VALUES ('RES', '居民')"))
        conn.execute(
            text(
                "INSERT INTO tariffs (code, name, category_code, effective_from) VALUES "
                "('A', 'a', 'RES', '2000-01-01'), ('B', 'b', 'RES', '2023-01-01')"
            )
        )
    migrate(engine, "0021_tariffs_data")
    with engine.begin() as conn:
        rows = conn.execute(
            text("SELECT code, effective_to, doc_no, tier_basis FROM tariffs ORDER BY code")
        ).all()
    assert rows == [("A", date(2022, 12, 31), "", "annual"), ("B", None, "", "annual")]
    with engine.begin() as conn:
        conn.execute(text("SET LOCAL ROLE counter_owner"))
        command.downgrade(_config(conn), "0018_credits_in_open_bills")
    with engine.begin() as conn:
        assert conn.execute(text("SELECT to_regclass('fee_components')")).scalar_one() is None
    engine.dispose()
