from __future__ import annotations

from decimal import Decimal

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
                account_no="1", name="张三", address="幸福路1号", account_type="household",
                price_category="RES", area_code="A1", prepayment_balance=Decimal("0.10"),
            )
        )
        s.add(
            Account(
                account_no="2", name="李四", address="幸福路2号", account_type="household",
                price_category="RES", area_code="A1", prepayment_balance=Decimal("0.20"),
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
                    account_no="1", name="x", address="x", account_type="household",
                    price_category="RES", area_code="A1", prepayment_balance=0.1,
                )
            )
