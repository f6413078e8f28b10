"""The tier split of a bill checked by the database: counter_issue_bills
refuses a bill whose volumes per tier are not the tariff's tiers for the
account's usage of the tier year (CT400 tier_split)

Revision ID: 0031_tier_check
Revises: 0030_attack_fixes
Create Date: 2026-12-04

SQL in ``0031_tier_check.sql`` (why: there); tests in tests/db/test_tier_check.py.
The same file makes 0026's ``counter_check_bill_terms`` linear (same rules).
The downgrade writes back 0026's ``counter_issue_bills`` and
``counter_check_bill_terms`` as they were.
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

from counter_app.db.migrate import frozen_function, run_sql_file

revision = "0031_tier_check"
down_revision = "0030_attack_fixes"
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")
PREVIOUS = Path(__file__).with_name("0026_review_fixes.sql")


def upgrade() -> None:
    run_sql_file(op.get_bind(), SQL)


def downgrade() -> None:
    raw = op.get_bind().connection.driver_connection
    for name in ("counter_issue_bills", "counter_check_bill_terms"):
        raw.execute(frozen_function(PREVIOUS, name))
    raw.execute("DROP FUNCTION counter_check_bill_tiers(text, jsonb)")
