"""The embedded database of a single workstation or a demo.
Design: docs/architecture.md ("Migrations and installations")
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from counter_app.db.embedded_server import (
    DATABASE,
    EmbeddedServer,
    ensure_running,
    is_running,
    release_server,
    start_server,
)
from counter_app.db.engine import Database, make_engine, with_credentials
from counter_app.db.migrate import migrate
from counter_app.db.models import Account
from counter_app.demo.reference import DEMO_CLERKS, DEMO_PASSWORD
from counter_app.services.installation.clerks import ensure_login_role

log = logging.getLogger(__name__)

DEMO_ACCOUNTS = 300
DEMO_MONTHS = 12


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str


@dataclass(frozen=True)
class EmbeddedInfo:
    server: EmbeddedServer
    created: bool
    demo_logins: tuple[DemoLogin, ...]

    @property
    def url(self) -> str:
        """What clerks sign in to (no user, no password)."""
        return self.server.clerk_url()


def prepare_embedded_database(
    datadir: Path,
    *,
    accounts: int = DEMO_ACCOUNTS,
    months: int = DEMO_MONTHS,
    seed: int = 1,
    demo: bool = True,
    check_demo_logins: bool = True,
) -> EmbeddedInfo:
    """Start the server and create, migrate and fill (first start) or only
    migrate its database. The caller releases the server when it is done
    (:func:`counter_app.db.embedded_server.release_server`).

    ``demo=False`` creates and migrates an empty database (a single PC that
    will hold real data). ``check_demo_logins=False`` leaves ``demo_logins``
    empty: checking signs in as each demo clerk; the app asks
    :func:`demo_logins` after the login window shows.
    """
    server = start_server(datadir)
    try:
        fresh = create_database(server)
        db = Database.from_url(server.admin_url())
        try:
            migrate(db.engine)
            with db.read() as session:
                empty = session.execute(select(func.count()).select_from(Account)).scalar_one() == 0
            if empty and demo:
                from counter_app.demo.seed import seed_demo  # the generator: only on first start

                seed_demo(db, accounts=accounts, months=months, seed=seed)
                for clerk in DEMO_CLERKS:
                    ensure_login_role(db, clerk.username, clerk.role, DEMO_PASSWORD)
        finally:
            db.dispose()
        logins = demo_logins(server) if check_demo_logins else ()
        return EmbeddedInfo(server=server, created=fresh or (empty and demo), demo_logins=logins)
    except BaseException:
        release_server(server)
        raise


def create_database(server: EmbeddedServer, name: str = DATABASE) -> bool:
    """Create the database when missing; True when it was created."""
    engine = make_engine(server.admin_url("postgres")).execution_options(
        isolation_level="AUTOCOMMIT"
    )
    try:
        with engine.connect() as conn:
            if (
                conn.execute(
                    text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
                ).first()
                is not None
            ):
                return False
            conn.exec_driver_sql(
                f"CREATE DATABASE {conn.dialect.identifier_preparer.quote(name)} "
                "TEMPLATE template0 ENCODING 'UTF8' "
                "LOCALE_PROVIDER builtin BUILTIN_LOCALE 'C.UTF-8' LOCALE 'C'"
            )
            log.info("created the embedded database %s", name)
            return True
    finally:
        engine.dispose()


def demo_logins(server: EmbeddedServer) -> tuple[DemoLogin, ...]:
    """The demo clerks that still sign in with the demo password (for the
    login hint): each is tried as a real sign-in."""
    found = []
    for clerk in DEMO_CLERKS:
        engine = make_engine(with_credentials(server.clerk_url(), clerk.username, DEMO_PASSWORD))
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            found.append(DemoLogin(clerk.username, DEMO_PASSWORD, clerk.role))
        except DBAPIError:
            pass
        finally:
            engine.dispose()
    return tuple(found)


def ping(database: Database, server: EmbeddedServer | None = None) -> bool:
    """Does the database answer? On the embedded server, one that died under
    the app (killed, crashed) is started again on its port, so the next
    action reconnects by itself."""
    if database.ping():
        return True
    if server is None or is_running(server.datadir):
        return False
    log.warning("the embedded server in %s stopped; starting it again", server.datadir)
    ensure_running(server)
    return database.ping()
