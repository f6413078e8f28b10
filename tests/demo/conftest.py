"""Fixtures for the demo generator: seeded databases of each kind.

``seeded`` seeds one database per engine per module (2000 accounts, 4
months) and is shared by the read-only content tests; ``fresh_db`` makes
extra empty, migrated databases of the ``db`` fixture's kind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

from counter_app.db.engine import Database, make_engine
from counter_app.db.migrate import migrate
from counter_app.demo import SeedReport, seed_demo
from counter_app.domain.periods import Period

SEEDED_ACCOUNTS = 2000
SEEDED_MONTHS = 2
SEEDED_SEED = 20251
END = Period(2025, 6)


@dataclass
class Seeded:
    db: Database
    report: SeedReport

    @property
    def kind(self) -> str:
        return self.db.kind


@pytest.fixture(
    scope="module",
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def seeded(request, tmp_path_factory) -> Iterator[Seeded]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite3'}"
        engine = make_engine(url)
        migrate(engine)
        engine.dispose()
        name = None
    else:
        server = request.getfixturevalue("pg_server")
        name = server.create(template=server.migrated_template())
        url = server.url_for(name)
    db = Database.from_url(url)
    report = seed_demo(db, accounts=SEEDED_ACCOUNTS, months=SEEDED_MONTHS, seed=SEEDED_SEED,
                       end_period=END)
    yield Seeded(db, report)
    db.dispose()
    if name is not None:
        request.getfixturevalue("pg_server").drop(name)


@pytest.fixture
def fresh_db(db, tmp_path, request) -> Iterator[Callable[[], Database]]:
    """Factory of further empty, migrated databases of ``db``'s kind."""
    made: list[tuple[Database, str | None]] = []

    def make() -> Database:
        if db.kind == "sqlite":
            url = f"sqlite:///{tmp_path / f'extra{len(made)}.sqlite3'}"
            engine = make_engine(url)
            migrate(engine)
            engine.dispose()
            extra = Database.from_url(url)
            made.append((extra, None))
        else:
            server = request.getfixturevalue("pg_server")
            name = server.create(template=server.migrated_template())
            extra = Database.from_url(server.url_for(name))
            made.append((extra, name))
        return extra

    yield make
    for extra, name in made:
        extra.dispose()
        if name is not None:
            request.getfixturevalue("pg_server").drop(name)
