"""Shared fixtures: real PostgreSQL databases, never a mocked one.

Every test that uses a database fixture (``db``, ``db_url``,
``empty_db_url``, ``pg_db``, ``pg_server`` or one built on them) is marked
``postgres``. The tests use ``COUNTER_TEST_PG_URL`` (an administrator URL).
When it is unset, the server on 127.0.0.1:5432 is used if one answers as
``postgres``; otherwise (or with ``COUNTER_TEST_PG_URL=embedded``) the suite
starts the embedded server the app ships (in a temporary directory, stopped
at the end), so the tests need nothing but Python. A server that cannot be
had fails the tests when ``COUNTER_REQUIRE_PG=1`` (CI sets it) and skips them
otherwise.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from sqlalchemy import text
from sqlalchemy.engine import make_url

from counter_app.db.engine import Database, make_engine, with_credentials
from counter_app.db.installation import installation_role
from counter_app.db.migrate import migrate
from counter_app.services.auth import ClerkIdentity
from counter_app.services.installation.batch import create_batch_login
from counter_app.services.installation.clerks import create_clerk
from tests.support.logins import LOGIN_PASSWORD

PG_ADMIN_URL = os.environ.get("COUNTER_TEST_PG_URL", "")
SYSTEM_PG_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
REQUIRE_PG = os.environ.get("COUNTER_REQUIRE_PG") == "1"
_counter = itertools.count()

# Hypothesis profiles, chosen with HYPOTHESIS_PROFILE (default "dev"). CI runs
# "ci": derandomized (the same examples on every run, so a red build is
# reproducible and not a dice roll), no per-example deadline (2 shared CPU
# cores make timings meaningless), no example database written into the clone.
settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    max_examples=200,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


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
            builtin = int(conn.execute(text("SHOW server_version_num")).scalar_one()) >= 170000
            locale = (
                "LOCALE_PROVIDER builtin BUILTIN_LOCALE 'C.UTF-8' LOCALE 'C'"
                if builtin
                else "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
            )
            conn.execute(
                text(f"CREATE DATABASE {name} TEMPLATE {template} ENCODING 'UTF8' {locale}")
            )
        return name

    def drop(self, name: str, *, wait: bool = True) -> None:
        def _drop() -> None:
            with self.engine.connect() as conn:
                conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                # its installation role (db/installation.py), if a clerk made it
                conn.execute(text(f'DROP ROLE IF EXISTS "{installation_role(name)}"'))

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


def _answers(url: str) -> bool:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return True
    except Exception:  # noqa: BLE001 - nothing there (or not for us)
        return False
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    embedded = None
    url = PG_ADMIN_URL
    if url in ("", "embedded"):
        if url == "" and _answers(SYSTEM_PG_URL):
            url = SYSTEM_PG_URL
        else:
            from counter_app.db.embedded_server import start_server

            # not under pytest's basetemp: another pytest run resets that to 0700,
            # which the server's own OS user (as root) could then no longer reach
            embedded_root = Path(tempfile.mkdtemp(prefix="counter-test-pg-"))
            try:
                embedded = start_server(embedded_root / "data")
            except Exception as exc:  # noqa: BLE001
                if REQUIRE_PG:
                    pytest.fail(
                        f"PostgreSQL required (COUNTER_REQUIRE_PG=1): no server answers "
                        f"and the embedded one did not start: {exc}"
                    )
                pytest.skip(f"no PostgreSQL: the embedded server did not start: {exc}")
            url = embedded.admin_url("postgres")
    server = PgServer(url)
    try:
        with server.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001
        if REQUIRE_PG:
            pytest.fail(f"PostgreSQL required (COUNTER_REQUIRE_PG=1) but unreachable: {exc}")
        pytest.skip(f"no PostgreSQL at {url}: {exc}")
    yield server
    server.finish()
    if server.template:
        server.drop(server.template)
    server.engine.dispose()
    if embedded is not None:
        from counter_app.db.embedded_server import release_server

        release_server(embedded)
        shutil.rmtree(embedded_root, ignore_errors=True)


PG_FIXTURES = frozenset({"db", "db_url", "empty_db_url", "pg_db", "pg_server"})


def pytest_collection_modifyitems(items) -> None:
    """Mark every test that needs the server, so CI can count them."""
    for item in items:
        if PG_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.postgres)


@pytest.fixture
def empty_db_url(pg_server) -> Iterator[str]:
    """URL of a new, empty database."""
    name = pg_server.create()
    yield pg_server.url_for(name).render_as_string(hide_password=False)
    pg_server.drop(name, wait=False)


@pytest.fixture
def db_url(pg_server) -> Iterator[str]:
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
        who = create_clerk(
            db,
            username=name,
            display_name="测试",
            role=role,
            hall_code="HQ",
            password=LOGIN_PASSWORD,
        )
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


@pytest.fixture
def login_batch(db) -> Iterator:
    """``login_batch() -> (Database, username)``: a new login of
    ``counter_batch`` (billing, imports) on ``db``, signed in; dropped afterwards."""
    made: list[tuple[str, Database]] = []

    def _login() -> tuple[Database, str]:
        name = create_batch_login(db, f"t_batch_{uuid.uuid4().hex[:8]}", LOGIN_PASSWORD)
        login = Database.from_url(with_credentials(db.engine.url, name, LOGIN_PASSWORD))
        made.append((name, login))
        return login, name

    yield _login
    for _name, login in made:
        login.dispose()
    if made:
        with db.engine.connect() as conn:
            for name, _login in made:
                conn.execute(text(f'DROP OWNED BY "{name}"'))
                conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
            conn.commit()


# the batch utility (a hall, a clerk, a batch login) the db and CLI tests share
from tests.support.database import utility  # noqa: E402, F401 - fixture
