"""Leftovers: locks no login can hold, full bank account numbers only through
a committed audit row

Revision ID: 0029_leftovers
Revises: 0028_whoami
Create Date: 2026-12-04

SQL in ``0029_leftovers.sql`` (why: there). The actions that took an
advisory lock with a fixed or guessable key are written here from their
frozen source with that one statement replaced by ``counter_lock()`` (a row
of ``counter_locks``, which no login can lock); the downgrade writes them
back as they were. Tests: tests/db/test_leftovers_*.py.
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

from counter_app.db.migrate import run_sql_file

revision = "0029_leftovers"
down_revision = "0028_whoami"
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")
HERE = Path(__file__).parent

# (file, function as that file names it, its name now, [(advisory lock, row lock)])
LOCKS = (
    (
        "0012_actions_money.sql",
        "counter_open_shift_of",
        "counter_open_shift_of",
        [
            (
                "PERFORM pg_advisory_xact_lock(7301, p_shift_id::int);",
                "PERFORM counter_lock('shift', p_shift_id::text);",
            ),
            (
                "PERFORM pg_advisory_xact_lock_shared(7301, p_shift_id::int);",
                "PERFORM counter_lock('shift', p_shift_id::text, true);",
            ),
        ],
    ),
    (
        "0012_actions_money.sql",
        "counter_open_shift",
        "counter_open_shift",
        [
            (
                "PERFORM pg_advisory_xact_lock(7303, v_me.id::int);",
                "PERFORM counter_lock('open_shift', v_me.id::text);",
            ),
        ],
    ),
    (
        "0014_actions_cases.sql",
        "counter_complaint_ticket",
        "counter_complaint_ticket",
        [
            (
                "PERFORM pg_advisory_xact_lock(hashtext('counter_complaint_ticket'));",
                "PERFORM counter_lock('complaint_ticket');",
            ),
        ],
    ),
    (
        "0014_actions_cases.sql",
        "counter_set_complaint_departments",
        "counter_set_complaint_departments",
        [
            (
                "PERFORM pg_advisory_xact_lock(hashtext('counter_complaint_departments'));",
                "PERFORM counter_lock('complaint_departments');",
            ),
        ],
    ),
    # 0022 renamed 0016's counter_issue_bills to counter_issue_bills_only
    (
        "0016_actions_batch.sql",
        "counter_issue_bills",
        "counter_issue_bills_only",
        [
            (
                "PERFORM pg_advisory_xact_lock(hashtext('counter_issue_bills'), hashtext(p_period));",
                "PERFORM counter_lock('issue_bills', p_period);",
            ),
        ],
    ),
    (
        "0016_actions_batch.sql",
        "counter_import_readings",
        "counter_import_readings",
        [
            (
                "PERFORM pg_advisory_xact_lock(hashtext('counter_import_readings'));",
                "PERFORM counter_lock('import_readings');",
            ),
        ],
    ),
    (
        "0019_archive_numbers.sql",
        "counter_assign_archive_numbers",
        "counter_assign_archive_numbers",
        [
            (
                "PERFORM pg_advisory_xact_lock(hashtext('counter_assign_archive_numbers'));",
                "PERFORM counter_lock('assign_archive_numbers');",
            ),
        ],
    ),
    (
        "0020_accounts_import.sql",
        "counter_import_accounts",
        "counter_import_accounts",
        [
            (
                "PERFORM pg_advisory_xact_lock(hashtext('counter_golive_import'));",
                "PERFORM counter_lock('golive_import');",
            ),
        ],
    ),
    (
        "0020_accounts_import.sql",
        "counter_import_balances",
        "counter_import_balances",
        [
            (
                "PERFORM pg_advisory_xact_lock(hashtext('counter_golive_import'));",
                "PERFORM counter_lock('golive_import');",
            ),
        ],
    ),
    (
        "0023_withholding.sql",
        "counter_export_withholding",
        "counter_export_withholding",
        [
            (
                "PERFORM pg_advisory_xact_lock(hashtext('counter_export_withholding'), hashtext(p_bank));",
                "PERFORM counter_lock('export_withholding', p_bank);",
            ),
        ],
    ),
    (
        "0023_withholding.sql",
        "counter_import_withholding",
        "counter_import_withholding",
        [
            (
                "PERFORM pg_advisory_xact_lock(hashtext('counter_import_withholding'), hashtext(p_bank));",
                "PERFORM counter_lock('import_withholding', p_bank);",
            ),
        ],
    ),
)
# what the SQL file replaced, as it was (file, function)
REPLACED = (("0023_withholding.sql", "counter_withholding_due"),)


def _definition(file: str, name: str) -> str:
    """The function as ``file`` created it, as a CREATE OR REPLACE."""
    text = (HERE / file).read_text(encoding="utf-8")
    text = text.replace(f"CREATE OR REPLACE FUNCTION {name}(", f"CREATE FUNCTION {name}(")
    start = text.index(f"CREATE FUNCTION {name}(")
    body = text.index("AS $$", start)
    end = text.index("$$;", body + 5) + 3
    return text[start:end].replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)


def _renamed(file: str, name: str, now: str) -> str:
    return _definition(file, name).replace(f"FUNCTION {name}(", f"FUNCTION {now}(", 1)


def locked_by_rows(file: str, name: str, now: str, swaps: list[tuple[str, str]]) -> str:
    """``name`` of ``file`` (as ``now``) with each advisory lock replaced;
    each must be there exactly once (a silent miss would keep the old lock)."""
    sql = _renamed(file, name, now)
    for advisory, row in swaps:
        if sql.count(advisory) != 1:
            raise RuntimeError(f"{file} {name}: {advisory!r} found {sql.count(advisory)} times")
        sql = sql.replace(advisory, row)
    if "pg_advisory" in sql:
        raise RuntimeError(f"{file} {name}: an advisory lock is left")
    return sql


def upgrade() -> None:
    run_sql_file(op.get_bind(), SQL)
    raw = op.get_bind().connection.driver_connection
    for file, name, now, swaps in LOCKS:
        raw.execute(locked_by_rows(file, name, now, swaps))


def downgrade() -> None:
    raw = op.get_bind().connection.driver_connection
    for file, name, now, _swaps in LOCKS:
        raw.execute(_renamed(file, name, now))
    # REPLACED is not written back: 0028's counter_withholding_due handed the
    # batch login every full bank account number unaudited. The masked one
    # stays (it needs only 0023's helpers), so the rolled-back client's
    # export fails cleanly for lack of numbers rather than leaking them, as
    # 0025/0026/0030/0033's downgrades keep their secrets closed.
    raw.execute("DROP FUNCTION counter_withholding_numbers(uuid)")
    raw.execute("DROP FUNCTION counter_request_withholding_numbers(text, text)")
    raw.execute("DROP TABLE withholding_number_requests")
    raw.execute("DROP FUNCTION counter_lock(text, text, boolean)")
    raw.execute("DROP TABLE counter_locks")
