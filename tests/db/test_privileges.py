"""No group role may write a table or take a sequence value: every write is
a server-side action (docs/architecture.md). Listed from the catalogue, so a
table added later without care fails here."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.support.builders import make_reference

GROUPS = ("counter_clerk", "counter_supervisor", "counter_admin", "counter_batch")
TABLE_PRIVILEGES = ("INSERT", "UPDATE", "DELETE", "TRUNCATE")


def _group_writes(s) -> list[str]:
    """Every table or column write and sequence use a group holds, from the catalogue."""
    tables = (
        s.execute(
            text(
                "SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n "
                "ON n.oid = c.relnamespace WHERE n.nspname = 'public' "
                "AND c.relkind IN ('r', 'p', 'v', 'm')"
            )
        )
        .scalars()
        .all()
    )
    sequences = (
        s.execute(
            text(
                "SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n "
                "ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S'"
            )
        )
        .scalars()
        .all()
    )
    assert len(tables) > 20 and sequences
    granted = []
    for role in GROUPS:
        for table in tables:
            for privilege in TABLE_PRIVILEGES:
                if s.execute(
                    text("SELECT has_table_privilege(:r, :t, :p)"),
                    {"r": role, "t": table, "p": privilege},
                ).scalar_one():
                    granted.append(f"{role} {privilege} {table}")
            # a column grant is a write too (UPDATE (col) ON t)
            if s.execute(
                text("SELECT has_any_column_privilege(:r, :t, 'INSERT, UPDATE')"),
                {"r": role, "t": table},
            ).scalar_one():
                granted.append(f"{role} column write on {table}")
        for sequence in sequences:
            if s.execute(
                text("SELECT has_sequence_privilege(:r, :q, 'USAGE, UPDATE')"),
                {"r": role, "q": sequence},
            ).scalar_one():
                granted.append(f"{role} nextval/setval {sequence}")
    return granted


def test_no_group_role_writes_any_table_or_sequence(db):
    with db.read() as s:
        assert _group_writes(s) == []


def test_a_downgrade_hands_no_group_a_table_write_back(pg_db):
    """Rolling the schema back to before the actions (0011) leaves the tables
    closed: an older client reads but cannot forge rows."""
    from alembic import command

    from counter_app.db.migrate import _config

    with pg_db.engine.begin() as conn:
        conn.execute(text("SET LOCAL ROLE counter_owner"))
        command.downgrade(_config(conn), "0011_actions_core")
    with pg_db.read() as s:
        assert _group_writes(s) == []


@pytest.mark.parametrize("group", GROUPS)
def test_every_function_a_login_may_call_is_an_action_that_checks_its_caller(db, group):
    """EXECUTE is the only door: each function a group may call is SECURITY
    DEFINER with its search_path pinned, or a harmless read (STABLE/IMMUTABLE
    without SECURITY DEFINER). Every group: the batch's and the admin's
    actions (0019-0024) as much as the clerk's."""
    with db.read() as s:
        rows = s.execute(
            text(
                "SELECT p.oid::regprocedure::text AS name, p.prosecdef, p.provolatile, "
                "p.proconfig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                "WHERE n.nspname = 'public' AND p.proname LIKE 'counter%' "
                "AND p.prorettype <> 'trigger'::regtype "
                "AND has_function_privilege(:g, p.oid, 'EXECUTE')"
            ),
            {"g": group},
        ).all()
    assert rows
    for row in rows:
        if row.prosecdef:
            assert any(c.startswith("search_path=") for c in (row.proconfig or [])), row.name
        else:
            assert row.provolatile in ("s", "i"), f"{row.name} writes without checking"


def test_no_group_takes_a_clerks_lookup_counter(db, login_as):
    """The per-clerk lookup quota (0025) is a pair of sequences made with the
    clerk: a setval would lift the limit on full numbers."""
    with db.write() as s:
        make_reference(s)  # hall HQ
    _login, clerk = login_as("clerk")
    with db.read() as s:
        sequences = (
            s.execute(
                text(
                    "SELECT c.oid::regclass::text FROM pg_class c WHERE c.relkind = 'S' "
                    "AND c.relname IN (:a, :b)"
                ),
                {"a": f"counter_lookups_{clerk.id}", "b": f"counter_refusals_{clerk.id}"},
            )
            .scalars()
            .all()
        )
        assert len(sequences) == 2
        granted = [
            f"{role} {q}"
            for role in (*GROUPS, clerk.username)
            for q in sequences
            if s.execute(
                text("SELECT has_sequence_privilege(:r, :q, 'USAGE, UPDATE')"), {"r": role, "q": q}
            ).scalar_one()
        ]
    assert granted == []
