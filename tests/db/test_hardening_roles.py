"""Installations apart and the owner not a person (migration 0025,
db/installation.py, db/migrate.py), with real logins over TCP.

Two Counter databases on one server: a clerk of A cannot connect to B, and
``create-clerk`` in B cannot take A's clerk over. ``migrate`` run by a
CREATEROLE administrator (not a superuser) leaves it no membership of
``counter_owner``: it cannot SET ROLE to it nor disable a trigger."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from psycopg.types.json import Jsonb
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, OperationalError

from counter_app.db import migrate as migrate_module
from counter_app.db.engine import Database, make_engine, with_credentials
from counter_app.db.installation import installation_role
from counter_app.services.actions import ActionError, call
from counter_app.services.installation.clerks import ClerkError, create_clerk
from counter_app.services.installation.halls import create_hall
from tests.support.logins import LOGIN_PASSWORD

pytestmark = pytest.mark.postgres


@pytest.fixture
def second_db(pg_server):
    """Database B: another Counter installation on the same server."""
    name = pg_server.create(template=pg_server.migrated_template())
    database = Database.from_url(pg_server.url_for(name))
    yield database
    database.dispose()
    pg_server.drop(name, wait=False)


def _connects(url) -> bool:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return True
    except OperationalError:
        return False
    finally:
        engine.dispose()


def _hall(db: Database) -> None:
    with db.engine.connect() as conn:
        if conn.execute(text("SELECT 1 FROM halls WHERE code = 'HQ'")).first():
            return
    create_hall(db, code="HQ", name="嘉祥营业厅", receipt_prefix="JX")


def _drop_role(db: Database, name: str) -> None:
    with db.engine.connect() as conn:
        conn.execute(text(f'DROP OWNED BY "{name}"'))
        conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
        conn.commit()


def test_a_clerk_of_one_installation_cannot_reach_another(db, second_db, login_as):
    _hall(db)
    _hall(second_db)
    login, who = login_as("admin")
    assert call(login, "search", Jsonb([]), 5)["hits"] == []  # A works for A's clerk
    # B's installation is set up by its first clerk
    b_clerk = f"t_b_{uuid.uuid4().hex[:8]}"
    create_clerk(
        second_db,
        username=b_clerk,
        display_name="乙",
        role="clerk",
        hall_code="HQ",
        password=LOGIN_PASSWORD,
    )
    try:
        b_url = second_db.engine.url
        assert _connects(with_credentials(b_url, b_clerk, LOGIN_PASSWORD))
        # A's admin with A's password: no CONNECT on B
        assert not _connects(with_credentials(b_url, who.username, LOGIN_PASSWORD))
        # and B's DBA cannot take A's login over (nor make it B's, nor A's admin)
        with pytest.raises(ClerkError) as taken:
            create_clerk(
                second_db,
                username=who.username,
                display_name="冒充",
                role="admin",
                hall_code="HQ",
                password="new-password",
            )
        assert taken.value.field == "username" and "another Counter database" in str(taken.value)
        assert _connects(with_credentials(db.engine.url, who.username, LOGIN_PASSWORD))
        assert not _connects(with_credentials(b_url, who.username, "new-password"))
        with second_db.engine.connect() as conn:
            assert (
                conn.execute(
                    text("SELECT count(*) FROM clerks WHERE username = :u"), {"u": who.username}
                ).scalar_one()
                == 0
            )
    finally:
        _drop_role(second_db, b_clerk)


def test_a_login_outside_the_installation_is_no_clerk(db, login_as):
    """A login in the clerks' group with a clerks row and CONNECT granted by
    mistake, but not in the installation role: every action refuses it."""
    _hall(db)
    login, who = login_as("clerk")
    role = installation_role(db.engine.url.database)
    with db.engine.connect() as conn:
        conn.execute(text(f'REVOKE "{role}" FROM "{who.username}"'))
        conn.execute(
            text(f'GRANT CONNECT ON DATABASE "{db.engine.url.database}" TO "{who.username}"')
        )
        conn.commit()
    with pytest.raises(ActionError) as refused:
        call(login, "open_shift", "ws", Decimal("100"))
    assert refused.value.code == "installation"
    # and create-clerk does not put it back silently
    with pytest.raises(ClerkError):
        create_clerk(
            db,
            username=who.username,
            display_name="测试",
            role="clerk",
            hall_code="HQ",
            password=None,
        )


@pytest.fixture
def dba(pg_server):
    """A CREATEROLE administrator (not a superuser) owning an empty database,
    as README's shared-server set-up makes it."""
    name = f"t_dba_{uuid.uuid4().hex[:8]}"
    with pg_server.engine.connect() as conn:
        conn.execute(text(f"CREATE ROLE {name} LOGIN CREATEROLE PASSWORD '{LOGIN_PASSWORD}'"))
    dbname = pg_server.create()
    with pg_server.engine.connect() as conn:
        conn.execute(text(f"ALTER DATABASE {dbname} OWNER TO {name}"))
    url = with_credentials(pg_server.url_for(dbname), name, LOGIN_PASSWORD)
    yield name, url
    pg_server.drop(dbname)
    with pg_server.engine.connect() as conn:
        conn.execute(text(f"DROP ROLE IF EXISTS {name}"))


def _owner_member(pg_server, login: str) -> bool:
    with pg_server.engine.connect() as conn:
        return conn.execute(
            text("SELECT pg_has_role(:u, 'counter_owner', 'MEMBER')"), {"u": login}
        ).scalar_one()


def test_the_administrator_is_not_the_owner_after_migrate(pg_server, dba):
    name, url = dba
    engine = make_engine(url)
    try:
        migrate_module.migrate(engine)
        assert not _owner_member(pg_server, name)
        with engine.connect() as conn:
            with pytest.raises(DBAPIError) as no_owner:
                conn.execute(text("SET ROLE counter_owner"))
            assert getattr(no_owner.value.orig, "sqlstate", "") == "42501"
        with engine.connect() as conn:
            with pytest.raises(DBAPIError) as no_alter:
                conn.execute(text("ALTER TABLE payments DISABLE TRIGGER ALL"))
            assert getattr(no_alter.value.orig, "sqlstate", "") == "42501"
        with engine.connect() as conn:
            with pytest.raises(DBAPIError):
                conn.execute(text("UPDATE bills SET amount = 0"))
        # the DBA still sets up the installation (a hall, its first admin)
        dbname = engine.url.database
        database = Database(engine)
        create_hall(database, code="HQ", name="嘉祥营业厅", receipt_prefix="JX")
        clerk = f"t_first_{uuid.uuid4().hex[:6]}"
        create_clerk(
            database,
            username=clerk,
            display_name="管理员",
            role="admin",
            hall_code="HQ",
            password=LOGIN_PASSWORD,
        )
        with pg_server.engine.connect() as conn:
            assert conn.execute(
                text("SELECT pg_has_role(:u, :r, 'MEMBER')"),
                {"u": clerk, "r": installation_role(dbname)},
            ).scalar_one()
    finally:
        engine.dispose()
    with pg_server.engine.connect() as conn:
        conn.execute(text(f"DROP ROLE IF EXISTS {clerk}"))


def test_a_failed_migration_leaves_no_owner_membership(pg_server, dba, monkeypatch):
    name, url = dba
    with pg_server.engine.connect() as conn:  # as an older Counter's migrate left it
        conn.execute(text(f"GRANT counter_owner TO {name}"))

    def broken(*_args, **_kw):
        raise RuntimeError("a migration failed")

    monkeypatch.setattr(migrate_module.command, "upgrade", broken)
    engine = make_engine(url)
    try:
        with pytest.raises(RuntimeError):
            migrate_module.migrate(engine)
    finally:
        engine.dispose()
    assert not _owner_member(pg_server, name)


def test_an_upgrade_adopts_the_existing_clerks_logins(empty_db_url):
    """A database of an older Counter: its clerks' logins (in a Counter group,
    in no installation) join the installation role when 0025 is applied, so
    they keep working; the administrator is no owner afterwards."""
    engine = make_engine(empty_db_url)
    name = f"t_old_{uuid.uuid4().hex[:8]}"
    try:
        migrate_module.migrate(engine, "0018_credits_in_open_bills")
        with engine.connect() as conn:
            conn.execute(
                text(f"CREATE ROLE {name} LOGIN PASSWORD '{LOGIN_PASSWORD}' IN ROLE counter_clerk")
            )
            conn.execute(
                text("INSERT INTO halls (code, name, address) VALUES ('HQ', '嘉祥营业厅', '')")
            )
            conn.execute(
                text(
                    "INSERT INTO clerks (username, display_name, role, hall_code, active, created_at) "
                    "VALUES (:u, '老员工', 'clerk', 'HQ', true, now())"
                ),
                {"u": name},
            )
            conn.commit()
        migrate_module.migrate(engine)
        role = installation_role(engine.url.database)
        with engine.connect() as conn:
            assert conn.execute(
                text("SELECT pg_has_role(:u, :r, 'MEMBER')"), {"u": name, "r": role}
            ).scalar_one()
        login = Database.from_url(with_credentials(engine.url, name, LOGIN_PASSWORD))
        try:
            assert call(login, "search", Jsonb([]), 5)["hits"] == []
        finally:
            login.dispose()
    finally:
        engine.dispose()
        admin = make_engine(empty_db_url)
        with admin.connect() as conn:
            conn.execute(text(f"DROP ROLE IF EXISTS {name}"))
            conn.commit()
        admin.dispose()
