"""The embedded SQLite database of a single workstation or a demo.

On first start it is created, migrated and filled with a small demo utility,
so ``counter-app`` works on a fresh machine with no setup. Later starts only
migrate. The demo clerks' logins are reported for the login screen only while
they still have the demo password.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from counter_app.db.engine import Database
from counter_app.db.migrate import migrate
from counter_app.db.models import Account, Clerk
from counter_app.demo.reference import DEMO_CLERKS, DEMO_PASSWORD

from .auth import verify_password

DEMO_ACCOUNTS = 300
DEMO_MONTHS = 12


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str


@dataclass(frozen=True)
class EmbeddedInfo:
    created: bool
    demo_logins: tuple[DemoLogin, ...]


def prepare_embedded_database(
    url: str,
    *,
    accounts: int = DEMO_ACCOUNTS,
    months: int = DEMO_MONTHS,
    seed: int = 1,
    check_demo_logins: bool = True,
) -> EmbeddedInfo:
    """Create, migrate and fill (first start) or only migrate the database.

    ``check_demo_logins=False`` leaves ``demo_logins`` empty: checking them
    verifies each demo clerk's password hash, which is slow on purpose; the
    app asks :func:`demo_logins` separately, after the login window shows.
    """
    db = _open(url)
    try:
        migrate(db.engine)
        with db.read() as session:
            empty = session.execute(select(func.count()).select_from(Account)).scalar_one() == 0
        if empty:
            from counter_app.demo.seed import seed_demo  # the generator: only on first start

            seed_demo(db, accounts=accounts, months=months, seed=seed)
        logins = _demo_logins(db) if check_demo_logins else ()
        return EmbeddedInfo(created=empty, demo_logins=logins)
    finally:
        db.dispose()


def demo_logins(url: str) -> tuple[DemoLogin, ...]:
    """The demo clerks that still have the demo password (for the login hint)."""
    db = _open(url)
    try:
        return _demo_logins(db)
    finally:
        db.dispose()


def _open(url: str) -> Database:
    db = Database.from_url(url)
    if db.kind != "sqlite":
        db.dispose()
        raise ValueError("only the embedded SQLite database is prepared automatically")
    return db


def _demo_logins(db: Database) -> tuple[DemoLogin, ...]:
    names = [c.username for c in DEMO_CLERKS]
    with db.read() as session:
        rows = session.execute(
            select(Clerk.username, Clerk.role, Clerk.password_hash, Clerk.active)
            .where(Clerk.username.in_(names))
        ).all()
    by_name = {r.username: r for r in rows}
    found = []
    for clerk in DEMO_CLERKS:
        row = by_name.get(clerk.username)
        if row is not None and row.active and verify_password(row.password_hash, DEMO_PASSWORD):
            found.append(DemoLogin(clerk.username, DEMO_PASSWORD, row.role))
    return tuple(found)
