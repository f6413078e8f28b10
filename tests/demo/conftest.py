"""Fixtures for the demo generator: seeded databases.

``seeded`` seeds one database per module (2000 accounts, 2 months) and is
shared by the read-only content tests; ``fresh_db`` makes extra empty,
migrated databases.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

from counter_app.db.engine import Database
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


@pytest.fixture(scope="module")
def seeded(pg_server) -> Iterator[Seeded]:
    name = pg_server.create(template=pg_server.migrated_template())
    db = Database.from_url(pg_server.url_for(name))
    report = seed_demo(
        db, accounts=SEEDED_ACCOUNTS, months=SEEDED_MONTHS, seed=SEEDED_SEED, end_period=END
    )
    yield Seeded(db, report)
    db.dispose()
    pg_server.drop(name)


@pytest.fixture
def fresh_db(pg_server) -> Iterator[Callable[[], Database]]:
    """Factory of further empty, migrated databases."""
    made: list[tuple[Database, str]] = []

    def make() -> Database:
        name = pg_server.create(template=pg_server.migrated_template())
        extra = Database.from_url(pg_server.url_for(name))
        made.append((extra, name))
        return extra

    yield make
    for extra, name in made:
        extra.dispose()
        pg_server.drop(name)
