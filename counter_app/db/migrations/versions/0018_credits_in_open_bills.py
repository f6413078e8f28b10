"""What a bill still asks for counts its credit adjustments

Revision ID: 0018_credits_in_open_bills
Revises: 0017_no_table_writes
Create Date: 2026-12-04

SQL in ``0018_credits_in_open_bills.sql`` (why: there).
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

from counter_app.db.migrate import run_sql_file

revision = "0018_credits_in_open_bills"
down_revision = "0017_no_table_writes"
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")
PREVIOUS = Path(__file__).with_name("0012_actions_money.sql")


def upgrade() -> None:
    run_sql_file(op.get_bind(), SQL)


def downgrade() -> None:
    # 0012's definition, as it was
    text = PREVIOUS.read_text(encoding="utf-8")
    start = text.index("CREATE FUNCTION counter_open_bills(")
    end = text.index("$$;", text.index("AS $$", start)) + 3
    op.get_bind().connection.driver_connection.execute(
        text[start:end].replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
    )
