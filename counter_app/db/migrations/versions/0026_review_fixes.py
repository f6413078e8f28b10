"""The attacker's review of wave 2: an admin's plain SELECT of every full
number taken back, a reveal counted in the lookup quota, TRUNCATE refused
on the withholding tables, a bill's schedule and relief checked, online
orders taken in the time they were paid

Revision ID: 0026_review_fixes
Revises: 0025_hardening
Create Date: 2026-12-04

SQL in ``0026_review_fixes.sql`` (why: there); the attacks in
tests/db/test_attacks_wave2.py and test_attacks_wave2_races.py.
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

from counter_app.db.migrate import run_sql_file

revision = "0026_review_fixes"
down_revision = "0025_hardening"
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")
HERE = Path(__file__).parent

# what this migration replaced, as it was (file, function)
REPLACED = (
    ("0025_hardening.sql", "counter_find_number"),
    ("0025_hardening.sql", "counter_request_contact_reveal"),
    ("0015_actions_screens.sql", "counter_request_reveal"),
    ("0022_channel_payments.sql", "counter_issue_bills"),
    ("0022_channel_payments.sql", "counter_import_online"),
)
TRUNCATE_GUARDED = (
    "withholding_batches",
    "withholding_items",
    "withholding_results",
    "withholding_imports",
)


def _definition(file: str, name: str) -> str:
    """The function as ``file`` created it, as a CREATE OR REPLACE."""
    text = (HERE / file).read_text(encoding="utf-8")
    text = text.replace(f"CREATE OR REPLACE FUNCTION {name}(", f"CREATE FUNCTION {name}(")
    start = text.index(f"CREATE FUNCTION {name}(")
    body = text.index("AS $$", start)
    end = text.index("$$;", body + 5) + 3
    return text[start:end].replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)


def upgrade() -> None:
    run_sql_file(op.get_bind(), SQL)


def downgrade() -> None:
    raw = op.get_bind().connection.driver_connection
    for table in TRUNCATE_GUARDED:
        raw.execute(f"DROP TRIGGER {table}_no_truncate ON {table}")
    for file, name in REPLACED:
        raw.execute(_definition(file, name))
    raw.execute("DROP FUNCTION counter_take_lookup(clerks, text)")
    raw.execute("DROP FUNCTION counter_check_bill_terms(text, jsonb)")
    # no table SELECT on accounts for admins again (0029): a rollback leaves the
    # full numbers unreadable; an admin reads the masked columns as a clerk
