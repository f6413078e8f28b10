"""Search grams in PL/pgSQL: the same grams at half the cost per row

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23

Migration 0003's ``counter_grams``/``counter_trigrams`` are SQL functions
that run one ``generate_series`` subquery per call. They are evaluated for
every row written to ``accounts`` (the GIN index expressions), and in a bulk
load (seed-demo, a first import of the customer file) they were the largest
cost of the single backend doing the COPY: about 400 µs per account.

The PL/pgSQL loops below return the same grams, without DISTINCT: GIN keys
and the ``@>`` the search service uses ignore duplicates, so the index and
every query answer exactly as before. The two-text version no longer calls
the one-text version, so it has no dependency to resolve through the
search_path; the built-ins they call live in pg_catalog, which PostgreSQL
always searches first.

The GIN indexes are not rebuilt: they hold the set of keys of each row, and
the new functions give every row the same set, so the indexes stay valid
(a REINDEX would block writes for minutes on a full database for nothing).
tests/db/test_migrations.py compares both versions as sets.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

PLPGSQL_GRAMS = (
    # replaced first: 0003's SQL body of the two-text version depends on
    # counter_grams(text)
    """
    CREATE OR REPLACE FUNCTION counter_grams(a text, b text) RETURNS text[]
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
    DECLARE r text[] := '{}'; s text; n int;
    BEGIN
        FOREACH s IN ARRAY ARRAY[a, b] LOOP
            n := char_length(s);
            FOR i IN 1..n LOOP
                r := r || substr(s, i, 1);
                IF i < n THEN r := r || substr(s, i, 2); END IF;
                IF i < n - 1 THEN r := r || substr(s, i, 3); END IF;
            END LOOP;
        END LOOP;
        RETURN r;
    END $$
    """,
    """
    CREATE OR REPLACE FUNCTION counter_grams(s text) RETURNS text[]
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
    DECLARE r text[] := '{}'; n int := char_length(s);
    BEGIN
        FOR i IN 1..n LOOP
            r := r || substr(s, i, 1);
            IF i < n THEN r := r || substr(s, i, 2); END IF;
        END LOOP;
        RETURN r;
    END $$
    """,
    """
    CREATE OR REPLACE FUNCTION counter_trigrams(s text) RETURNS text[]
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
    DECLARE r text[] := '{}';
    BEGIN
        FOR i IN 1..char_length(s) - 2 LOOP r := r || substr(s, i, 3); END LOOP;
        RETURN r;
    END $$
    """,
)


def upgrade() -> None:
    for ddl in PLPGSQL_GRAMS:
        op.execute(ddl)


def downgrade() -> None:
    for ddl in _sql_grams_of_0003():
        op.execute(ddl.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))


def _sql_grams_of_0003() -> tuple[str, ...]:
    """0003's SQL definitions, read from that migration (one source)."""
    path = Path(__file__).with_name("0003_search.py")
    spec = importlib.util.spec_from_file_location("counter_migration_0003", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.GRAMS_FUNCTIONS
