"""A bill's period_start checked by the database: counter_issue_bills refuses
any period_start other than the batch's (the day after the meter's previous
reading, else the first day of the read cycle; CT400 period_start)

Revision ID: 0035_period_start
Revises: 0034_free_volume
Create Date: 2026-12-04

SQL in ``0035_period_start.sql`` (why: there); tests in
tests/db/test_period_start_check.py. The downgrade writes back 0034's
``counter_issue_bills`` as it was and drops ``counter_check_bill_period_start``.
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

from counter_app.db.migrate import frozen_function, run_sql_file

revision = "0035_period_start"
down_revision = "0034_free_volume"
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")
PREVIOUS = Path(__file__).with_name("0034_free_volume.sql")


def upgrade() -> None:
    run_sql_file(op.get_bind(), SQL)


def downgrade() -> None:
    raw = op.get_bind().connection.driver_connection
    raw.execute(frozen_function(PREVIOUS, "counter_issue_bills"))
    raw.execute("DROP FUNCTION counter_check_bill_period_start(text, jsonb)")
