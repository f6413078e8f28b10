"""Relief lines recomputed by the database: counter_issue_bills refuses a
relief line whose amount is not the account's relief exactly (free_volume
priced at the tiers, per_ton, percentage; CT400 relief_amount)

Revision ID: 0034_free_volume
Revises: 0033_search_credits
Create Date: 2026-12-04

SQL in ``0034_free_volume.sql`` (why: there); tests in tests/db/test_relief_check.py.
The downgrade writes back 0031's ``counter_issue_bills`` as it was and drops
``counter_check_bill_relief``.
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

from counter_app.db.migrate import frozen_function, run_sql_file

revision = "0034_free_volume"
# TEMPORARY: chained to 0032 to test on this branch; the lead re-chains to
# "0033_search_credits" when merging.
down_revision = "0033_search_credits"
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")
PREVIOUS = Path(__file__).with_name("0031_tier_check.sql")


def upgrade() -> None:
    run_sql_file(op.get_bind(), SQL)


def downgrade() -> None:
    raw = op.get_bind().connection.driver_connection
    raw.execute(frozen_function(PREVIOUS, "counter_issue_bills"))
    raw.execute("DROP FUNCTION counter_check_bill_relief(text, jsonb)")
