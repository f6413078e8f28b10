"""Shared fixtures: real PostgreSQL databases, never a mocked one.

Every test that uses a database fixture (``db``, ``db_url``,
``empty_db_url``, ``pg_db``, ``pg_server`` or one built on them) is marked
``postgres``. The tests use ``COUNTER_TEST_PG_URL`` (an administrator URL, default
``postgresql://postgres@127.0.0.1:5432/postgres``). When no server answers
they are skipped, unless ``COUNTER_REQUIRE_PG=1`` (CI sets it), in which case
they fail: CI must never pass with the PostgreSQL half skipped.
"""

from __future__ import annotations

import itertools
import os
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from counter_app.db.engine import Database, make_engine, with_credentials
from counter_app.db.migrate import migrate
from counter_app.services.auth import ClerkIdentity
from counter_app.services.clerks import create_clerk

PG_ADMIN_URL = os.environ.get(
    "COUNTER_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
REQUIRE_PG = os.environ.get("COUNTER_REQUIRE_PG") == "1"
_counter = itertools.count()


class PgServer:
    """Creates and drops throw-away databases on the test server."""

    def __init__(self, admin_url: str):
        self.admin_url = make_url(admin_url)
        self.engine = make_engine(self.admin_url).execution_options(isolation_level="AUTOCOMMIT")
        self.template: str | None = None
        # dropping a database takes seconds: do it beside the next test
        self._dropper = ThreadPoolExecutor(max_workers=1)
        self._drops: list = []

    def url_for(self, dbname: str):
        return self.admin_url.set(database=dbname)

    def create(self, template: str = "template0") -> str:
        name = f"counter_t_{os.getpid()}_{next(_counter)}_{uuid.uuid4().hex[:6]}"
        with self.engine.connect() as conn:
            conn.execute(
                text(
                    f"CREATE DATABASE {name} TEMPLATE {template} ENCODING 'UTF8' "
                    "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
                )
            )
        return name

    def drop(self, name: str, *, wait: bool = True) -> None:
        def _drop() -> None:
            with self.engine.connect() as conn:
                conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))

        if wait:
            _drop()
        else:
            self._drops.append(self._dropper.submit(_drop))

    def finish(self) -> None:
        for future in self._drops:
            future.result()
        self._dropper.shutdown()

    def migrated_template(self) -> str:
        if self.template is None:
            name = self.create()
            engine = make_engine(self.url_for(name))
            migrate(engine)
            engine.dispose()
            self.template = name
        return self.template


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    server = PgServer(PG_ADMIN_URL)
    try:
        with server.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001
        if REQUIRE_PG:
            pytest.fail(f"PostgreSQL required (COUNTER_REQUIRE_PG=1) but unreachable: {exc}")
        pytest.skip(f"no PostgreSQL at {PG_ADMIN_URL}: {exc}")
    yield server
    server.finish()
    if server.template:
        server.drop(server.template)
    server.engine.dispose()


PG_FIXTURES = frozenset({"db", "db_url", "empty_db_url", "pg_db", "pg_server"})


def pytest_collection_modifyitems(items) -> None:
    """Mark every test that needs the server, so CI can count them."""
    for item in items:
        if PG_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.postgres)


@pytest.fixture
def db_kind(request) -> str:
    """Always 'postgresql'. Transitional: only the lead's auth and CLI tests
    still ask for it, some parametrising it indirectly, which needs it in the
    closure of ``db_url``/``empty_db_url``; drop it with them."""
    return getattr(request, "param", "postgresql")


@pytest.fixture
def empty_db_url(pg_server, db_kind) -> Iterator[str]:
    """URL of a new, empty database."""
    name = pg_server.create()
    yield pg_server.url_for(name).render_as_string(hide_password=False)
    pg_server.drop(name, wait=False)


@pytest.fixture
def db_url(pg_server, db_kind) -> Iterator[str]:
    """URL of a new database with the current schema."""
    name = pg_server.create(template=pg_server.migrated_template())
    yield pg_server.url_for(name).render_as_string(hide_password=False)
    pg_server.drop(name, wait=False)


@pytest.fixture
def db(db_url) -> Iterator[Database]:
    """A migrated :class:`Database`, connected as administrator."""
    database = Database.from_url(db_url)
    yield database
    database.dispose()


@pytest.fixture
def pg_db(pg_server) -> Iterator[Database]:
    """A migrated database of its own (beside ``db``, or for a module that
    overrides ``db``)."""
    name = pg_server.create(template=pg_server.migrated_template())
    database = Database.from_url(pg_server.url_for(name))
    yield database
    database.dispose()
    pg_server.drop(name, wait=False)


LOGIN_PASSWORD = "pw-1234"


@pytest.fixture
def login_as(db) -> Iterator:
    """``login_as(role) -> (Database, ClerkIdentity)``: a new clerk of ``role``
    (clerk, supervisor, admin) in hall ``HQ`` of ``db``, signed in.

    The clerk is its own login role, member of ``counter_<role>``, so the
    database's privileges apply for real. The login roles are dropped
    afterwards (they belong to the server, not to the database).
    """
    made: list[tuple[str, Database]] = []

    def _login(role: str) -> tuple[Database, ClerkIdentity]:
        name = f"t_{role}_{uuid.uuid4().hex[:8]}"
        who = create_clerk(db, username=name, display_name="测试", role=role, hall_code="HQ",
                           password=LOGIN_PASSWORD)
        login = Database.from_url(with_credentials(db.engine.url, name, LOGIN_PASSWORD))
        made.append((name, login))
        return login, who

    yield _login
    for _name, login in made:
        login.dispose()
    if made:
        with db.engine.connect() as conn:
            for name, _login_db in made:
                conn.execute(text(f'DROP OWNED BY "{name}"'))
                conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
            conn.commit()
