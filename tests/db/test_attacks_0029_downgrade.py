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

from sqlalchemy import text

from counter_app.db.migrate import migrate
from tests.db.test_leftovers_downgrade import GROUPS, _denied, _downgrade
from tests.support.builders import make_account, make_reference


def _lookup_callers(db) -> list[str]:
    with db.read() as s:
        return [
            g
            for g in GROUPS
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

    _downgrade(db, "0024_overdue_late_fees")
    assert _lookup_callers(db) == []
    guesses = ", ".join(f"('138{n:04d}5678')" for n in range(1230, 1240))
    _denied(
        clerk,
        "SELECT v.m FROM (VALUES " + guesses + ") v(m) "
        "WHERE EXISTS (SELECT 1 FROM counter_find_accounts('mobile', v.m))",
    )
    _denied(clerk, "SELECT * FROM counter_find_accounts('id_number', '370829199001011234')")
    with clerk.engine.begin() as conn:  # the masked columns stay the clerk's
        assert (
            conn.execute(text("SELECT mobile_masked FROM accounts")).scalar_one() == "138****5678"
        )

    migrate(db.engine)  # and up again
    assert _lookup_callers(db) == []
    with db.read() as s:
        assert s.execute(text("SELECT * FROM counter_books_check()")).all() == []
