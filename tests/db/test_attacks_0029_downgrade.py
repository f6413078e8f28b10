"""The attacker's review of 0029, the rollbacks: after ``alembic downgrade``
to 0024 (before the hardening of 0025/0026) which group role reads a
secret? 0029 closed the column grants; the 0025 downgrade still handed the
clerks EXECUTE on counter_find_accounts again: an unlimited, unaudited
exact lookup by full number, so a clerk who sees the mask 138****5678 tried
the 10,000 middles from psql and had the full mobile (an ID number the same
way). Since 0030's review the downgrade leaves it to the definers: on a
rolled-back schema the old client's search by full number is refused
(as the complaint contact shows the mask), the rest of the search works."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from sqlalchemy import text

from counter_app.db.migrate import migrate
from tests.support.builders import make_account, make_reference
from tests.support.database import downgrade, refused_state
from tests.support.logins import GROUP_ROLES


def _lookup_callers(db) -> list[str]:
    with db.read() as s:
        return [
            g
            for g in GROUP_ROLES
            if s.execute(
                text(
                    "SELECT has_function_privilege(:g, 'counter_find_accounts(text, text)', 'EXECUTE')"
                ),
                {"g": g},
            ).scalar_one()
        ]


def test_down_to_0024_no_clerk_tries_full_numbers_unaudited(db, login_as):
    with db.write() as s:
        make_reference(s)
        make_account(s, "01000001", name="张三")  # mobile 13812345678, shown 138****5678
    clerk, _ = login_as("clerk")
    assert _lookup_callers(db) == []

    downgrade(db, "0024_overdue_late_fees")
    assert _lookup_callers(db) == []
    guesses = ", ".join(f"('138{n:04d}5678')" for n in range(1230, 1240))
    assert (
        refused_state(
            clerk,
            "SELECT v.m FROM (VALUES " + guesses + ") v(m) "
            "WHERE EXISTS (SELECT 1 FROM counter_find_accounts('mobile', v.m))",
        )
        == "42501"
    )
    assert (
        refused_state(
            clerk, "SELECT * FROM counter_find_accounts('id_number', '370829199001011234')"
        )
        == "42501"
    )
    with clerk.engine.begin() as conn:  # the masked columns stay the clerk's
        assert (
            conn.execute(text("SELECT mobile_masked FROM accounts")).scalar_one() == "138****5678"
        )

    migrate(db.engine)  # and up again
    assert _lookup_callers(db) == []
    with db.read() as s:
        assert s.execute(text("SELECT * FROM counter_books_check()")).all() == []


VERSIONS = Path(__file__).resolve().parents[2] / "counter_app/db/migrations/versions"
PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")


def _migration(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"m{name}", VERSIONS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _table_privileges(db) -> set[tuple[str, str, str]]:
    with db.read() as s:
        return {
            tuple(r)
            for r in s.execute(
                text(
                    "SELECT g, c.relname::text, p FROM pg_class c "
                    "JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public', "
                    "unnest(CAST(:g AS text[])) g, unnest(CAST(:p AS text[])) p "
                    "WHERE c.relkind IN ('r', 'v', 'm', 'p') AND has_table_privilege(g, c.oid, p)"
                ),
                {"g": list(GROUP_ROLES), "p": list(PRIVILEGES)},
            )
        }


def _body(db, name: str) -> str:
    with db.read() as s:
        return s.execute(
            text(
                "SELECT p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                "WHERE n.nspname = 'public' AND p.proname = :n"
            ),
            {"n": name},
        ).scalar_one()


def test_down_to_0028_the_bodies_are_0028s_and_no_group_gains_a_privilege(db):
    """0030's and 0029's downgrades write back exactly the frozen bodies
    (no counter_lock left, no advisory lock lost) but keep the masked
    counter_withholding_due, and grant nothing: every
    group's table privileges after the rollback are a subset of head's."""
    leftovers, fixes = _migration("0029_leftovers"), _migration("0030_attack_fixes")
    written = [(f, n, now) for f, n, now, _ in leftovers.LOCKS + fixes.LOCKS]
    at_head = _table_privileges(db)
    assert not {p for p in at_head if p[2] in ("INSERT", "UPDATE", "DELETE", "TRUNCATE")}

    downgrade(db, "0028_whoami")
    for file, name, now in written:
        frozen = leftovers._renamed(file, name, now)
        body = frozen[frozen.index("AS $$") + 5 : frozen.rindex("$$;")]
        assert _body(db, now) == body, now
        assert "counter_lock(" not in body
    # the masked counter_withholding_due stays: no full bank number unaudited
    masked = leftovers._definition("0029_leftovers.sql", "counter_withholding_due")
    assert (
        _body(db, "counter_withholding_due")
        == masked[masked.index("AS $$") + 5 : masked.rindex("$$;")]
    )
    assert _table_privileges(db) <= at_head
    with db.read() as s:
        assert s.execute(
            text("SELECT to_regclass('counter_locks'), to_regclass('withholding_number_requests')")
        ).one() == (None, None)

    migrate(db.engine)
    assert _table_privileges(db) == at_head
