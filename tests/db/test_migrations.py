from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text

from counter_app.db.engine import make_engine
from counter_app.db.migrate import (
    SchemaError,
    SchemaTooNewError,
    head_revision,
    migrate,
    require_current_schema,
    schema_state,
)
from counter_app.db.models import Account, Area, Base, Hall, PriceCategory
from counter_app.domain.masking import mask_field, mask_phone

VERSIONS = Path(__file__).resolve().parents[2] / "counter_app/db/migrations/versions"
#: Phones and ID numbers as typed or stored, for the frozen rules of 0007/0008.
PHONES = (
    None,
    "",
    "13812345678",
    "+86 138-1234-5678",
    "0086 13812345678",
    "１３８１２３４５６７８",
    "05376812345",
    "0537-6812345",
    "010 62345678",
    "+86 537 6812345",
    "6812345",
    "12345",
    "1234567890",
    "abc",
    "138 1234\u200b5678",
    "0537\u30006812345",
    "+86+8613812345678",
)
ID_NUMBERS = (
    None,
    "",
    "370829198506150011",
    "37082919900101123x",
    "３７０８２９198506150011",
    "370829 19850615 0011",
    "370829850615001",
    "12345",
)


def _migration(name: str):
    """A migration module, loaded from its file (its name starts with a digit)."""
    spec = importlib.util.spec_from_file_location(name, VERSIONS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_only_postgresql_urls_are_accepted():
    with pytest.raises(ValueError, match="PostgreSQL"):
        make_engine("sqlite:///counter.sqlite3")
    with pytest.raises(ValueError, match="PostgreSQL"):
        make_engine("mysql://db.example/counter")
    assert make_engine("postgres://h/db").dialect.name == "postgresql"


def test_0007_and_0008_keep_their_own_copy_of_todays_masking_rule():
    """Replaying a migration must not follow later changes of the live rule,
    so 0007 and 0008 use the frozen copy in db/frozen_masking.py;
    today the copy and the rule agree."""
    from counter_app.db import frozen_masking as frozen

    m7 = _migration("0007_relief_phone_masked")
    m8 = _migration("0008_correction_proposed_masked")
    assert m7._mask_phone is frozen.mask_phone and m8._mask_field is frozen.mask_field
    assert [frozen.mask_phone(p) for p in PHONES] == [mask_phone(p) for p in PHONES]
    for field, values in (
        ("id_number", ID_NUMBERS),
        ("mobile", PHONES),
        ("landline", PHONES),
        ("address", (None, "", " 嘉祥街道建设路21号")),
        ("name", ("张三",)),
    ):
        assert [frozen.mask_field(field, v) for v in values] == [
            mask_field(field, v) for v in values
        ]


def test_migrations_match_models(empty_db_url):
    engine = make_engine(empty_db_url)
    state = migrate(engine)
    assert state.current == head_revision()
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(ctx, Base.metadata) == []
    # running again is a no-op
    assert migrate(engine).up_to_date
    engine.dispose()


def test_empty_database_is_refused_at_login(empty_db_url):
    engine = make_engine(empty_db_url)
    with pytest.raises(SchemaError, match="counter-admin migrate"):
        require_current_schema(engine)
    engine.dispose()


def test_newer_schema_is_refused(db):
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(SchemaTooNewError, match="newer than this app"):
        migrate(db.engine)
    with pytest.raises(SchemaTooNewError):
        schema_state(db.engine)


def test_money_round_trips_exactly(db):
    with db.write() as s:
        s.add(Hall(code="H1", name="营业厅"))
        s.add(PriceCategory(code="RES", name="居民"))
        s.add(Area(code="A1", name="城区"))
        s.flush()
        s.add(
            Account(
                account_no="1",
                name="张三",
                address="幸福路1号",
                account_type="household",
                price_category="RES",
                area_code="A1",
                prepayment_balance=Decimal("0.10"),
            )
        )
        s.add(
            Account(
                account_no="2",
                name="李四",
                address="幸福路2号",
                account_type="household",
                price_category="RES",
                area_code="A1",
                prepayment_balance=Decimal("0.20"),
            )
        )
    from sqlalchemy import func

    with db.read() as s:
        total = s.execute(select(func.sum(Account.prepayment_balance))).scalar_one()
        # 0.1 + 0.2 in binary float is 0.30000000000000004
        assert total == Decimal("0.30") and isinstance(total, Decimal)
        names = s.execute(select(Account.name).order_by(Account.account_no)).scalars().all()
        assert names == ["张三", "李四"]


def test_float_is_refused_for_money(db):
    with pytest.raises(Exception, match="float"):
        with db.write() as s:
            s.add(Hall(code="H1", name="x"))
            s.add(PriceCategory(code="RES", name="居民"))
            s.add(Area(code="A1", name="城区"))
            s.flush()
            s.add(
                Account(
                    account_no="1",
                    name="x",
                    address="x",
                    account_type="household",
                    price_category="RES",
                    area_code="A1",
                    prepayment_balance=0.1,
                )
            )


GRAMS_SAMPLES = [
    "",
    "王",
    "欧阳",
    "司马㵘喆",
    "城关镇幸福路7号楼3单元",
    "楼道井",
    "abcabc",
    "堃堃堃堃",
]


def test_plpgsql_grams_equal_the_sql_grams_they_replaced(pg_db):
    """0006 swaps 0003's SQL gram functions for PL/pgSQL loops; as sets (what
    GIN and @> see) they must give the same grams, and down/upgrade work. The
    GIN indexes are not rebuilt: rows indexed by the old functions are found
    through the index by the new ones."""
    from alembic import command

    from counter_app.db.migrate import _config
    from tests.support.builders import make_old_account, make_reference

    def grams(conn):
        rows = {}
        for a in GRAMS_SAMPLES:
            one = conn.execute(text("SELECT counter_grams(:a)"), {"a": a}).scalar_one()
            tri = conn.execute(text("SELECT counter_trigrams(:a)"), {"a": a}).scalar_one()
            for b in GRAMS_SAMPLES[:4]:
                two = conn.execute(
                    text("SELECT counter_grams(:a, :b)"), {"a": a, "b": b}
                ).scalar_one()
                rows[a, b] = set(two)
            rows[a] = (set(one), set(tri))
        return rows

    def language(conn):
        return set(
            conn.execute(
                text(
                    "SELECT l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang "
                    "WHERE p.proname IN ('counter_grams', 'counter_trigrams')"
                )
            ).scalars()
        )

    with pg_db.engine.connect() as conn:
        assert language(conn) == {"plpgsql"}
        new = grams(conn)
    assert new["欧阳"] == ({"欧", "阳", "欧阳"}, set())
    assert new["楼道井", ""] == {"楼", "道", "井", "楼道", "道井", "楼道井"}
    with pg_db.engine.begin() as conn:
        conn.execute(text("SET LOCAL ROLE counter_owner"))
        command.downgrade(_config(conn), "0005")
    with pg_db.engine.connect() as conn:
        assert language(conn) == {"sql"}
        assert grams(conn) == new
    with pg_db.write() as s:  # indexed by 0003's SQL functions
        make_reference(s)
        # 0005's columns (the model has later ones)
        make_old_account(s, "01000001", name="欧阳㵘", address="城关镇幸福路7号楼3单元")
        make_old_account(s, "01000002", name="司马喆", address="城关镇建设路1号")
    migrate(pg_db.engine)
    found_sql = (
        "SELECT account_no FROM accounts WHERE counter_grams(name) @> ARRAY['阳㵘'] "
        "OR counter_grams(address, meter_location) @> ARRAY['幸福路', '7号楼']"
    )
    with pg_db.engine.connect() as conn:
        assert language(conn) == {"plpgsql"}
        conn.execute(text("SET enable_seqscan = off"))
        plan = conn.execute(text(f"EXPLAIN {found_sql}")).scalars().all()
        found = conn.execute(text(found_sql)).scalars().all()
    assert any("ix_accounts_name_grams" in line for line in plan), plan
    assert found == ["01000001"]


def test_0007_masks_existing_relief_phones_and_only_the_mask_is_granted(empty_db_url):
    """0007 adds relief_applications.contact_phone_masked, fills it for rows
    filed before it (mobile, fixed line, none) and grants clerks the mask only."""
    from datetime import date, datetime

    from counter_app.db.engine import Database
    from counter_app.db.models import ReliefRule
    from tests.support.builders import make_clerk_row, make_old_account, make_reference

    engine = make_engine(empty_db_url)
    migrate(engine, "0006")
    db = Database(engine)
    with db.write() as s:
        make_reference(s)
        s.add(ReliefRule(code="DEFAULT", name="低保", kind="per_ton", value=Decimal("0.20")))
        clerk = make_clerk_row(s)
        accounts = [make_old_account(s, f"0100000{i}") for i in range(3)]
        for i, (account_id, phone) in enumerate(
            zip(accounts, ("13812345678", "05376812345", None), strict=True)
        ):
            s.execute(
                text(
                    "INSERT INTO relief_applications (account_id, rule_code, certificate_type,"
                    " certificate_no, issuing_office, valid_from, valid_to, holder_name,"
                    " holder_id_masked, contact_phone, materials_json, notes, status,"
                    " applied_on, created_by, revoked_reason, version, created_at) VALUES"
                    " (:a, 'DEFAULT', '城镇居民最低生活保障证', :no, '民政局', :f, :t, '张三',"
                    " '', :phone, '[]', '', 'pending', :f, :c, '', 1, :at)"
                ),
                dict(
                    a=account_id,
                    no=f"C-{i}",
                    f=date(2026, 1, 1),
                    t=date(2027, 1, 1),
                    phone=phone,
                    c=clerk.id,
                    at=datetime(2026, 1, 1),
                ),
            )
    migrate(engine)
    with engine.connect() as conn:
        masked = (
            conn.execute(text("SELECT contact_phone_masked FROM relief_applications ORDER BY id"))
            .scalars()
            .all()
        )
        assert masked == ["138****5678", "0537-****345", ""]
        assert masked == [mask_phone(p) for p in ("13812345678", "05376812345", None)]

        def can(role, column):
            return conn.execute(
                text("SELECT has_column_privilege(:r, 'relief_applications', :c, 'SELECT')"),
                {"r": role, "c": column},
            ).scalar_one()

        assert can("counter_clerk", "contact_phone_masked")
        assert can("counter_supervisor", "contact_phone_masked")  # member of clerk
        assert not can("counter_clerk", "contact_phone")
        assert not can("counter_supervisor", "contact_phone")
    engine.dispose()


def test_0008_masks_proposed_values_and_hides_the_raw_one_from_clerks(empty_db_url):
    """0008 adds correction_requests.proposed_masked, fills it for requests
    filed before it (masked for the ID number and phones, as is otherwise), and
    takes the raw proposed value from clerks, not from supervisors;
    downgrading gives the table back to clerks."""
    from alembic import command

    from counter_app.db.engine import Database
    from counter_app.db.migrate import _config
    from tests.support.builders import make_clerk_row, make_old_account, make_reference

    engine = make_engine(empty_db_url)
    migrate(engine, "0007")
    db = Database(engine)
    filed = (
        ("id_number", "370829198506150011"),
        ("mobile", "13900001111"),
        ("landline", "05376812345"),
        ("address", "嘉祥街道建设路21号"),
    )
    with db.write() as s:
        make_reference(s)
        clerk = make_clerk_row(s)
        account_id = make_old_account(s)
        for field, value in filed:
            s.execute(
                text(
                    "INSERT INTO correction_requests (account_id, field, old_value,"
                    " proposed_value, evidence, account_version, status, requested_by,"
                    " decision_note, version, created_at) VALUES"
                    " (:a, :f, '', :v, '', 1, 'pending', :c, '', 1, CURRENT_TIMESTAMP)"
                ),
                dict(a=account_id, f=field, v=value, c=clerk.id),
            )
    migrate(engine)

    def can(conn, role, column):
        return conn.execute(
            text("SELECT has_column_privilege(:r, 'correction_requests', :c, :p)"),
            {"r": role, "c": column, "p": "SELECT"},
        ).scalar_one()

    with engine.connect() as conn:
        masked = (
            conn.execute(text("SELECT proposed_masked FROM correction_requests ORDER BY id"))
            .scalars()
            .all()
        )
        assert masked == ["370829********0011", "139****1111", "0537-****345", "嘉祥街道建设路21号"]
        assert masked == [mask_field(field, value) for field, value in filed]
        assert not can(conn, "counter_clerk", "proposed_value")
        assert can(conn, "counter_clerk", "proposed_masked")
        assert can(conn, "counter_clerk", "old_value")
        # 0008 let supervisors read it; since 0014 no app role does (the approve
        # and reveal actions read it inside the database)
        assert not can(conn, "counter_supervisor", "proposed_value")
        assert not can(conn, "counter_admin", "proposed_value")
        # and filing is the action's since 0014: no INSERT for clerks
        assert not conn.execute(
            text("SELECT has_table_privilege('counter_clerk', 'correction_requests', 'INSERT')")
        ).scalar_one()
    with engine.begin() as conn:
        conn.execute(text("SET LOCAL ROLE counter_owner"))
        command.downgrade(_config(conn), "0007")
    with engine.connect() as conn:
        assert can(conn, "counter_clerk", "proposed_value")
    migrate(engine)
    with engine.connect() as conn:
        assert not can(conn, "counter_clerk", "proposed_value")
    engine.dispose()
