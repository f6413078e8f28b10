"""Screen loads as one call each, and reveal in two committed steps

Revision ID: 0015_actions_screens
Revises: 0014_actions_cases
Create Date: 2026-12-05

The SQL is in ``0015_actions_screens.sql`` beside this file. See
docs/architecture.md, "Server-side actions" and "Screen loads".
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

from counter_app.db.migrate import run_sql_file

revision = "0015_actions_screens"
down_revision = "0014_actions_cases"
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")
FUNCTIONS = (
    "counter_reveal_value(uuid)",
    "counter_request_reveal(bigint, text, text)",
    "counter_payment_account(bigint, text)",
    "counter_account_screen(bigint)",
    "counter_account_history(bigint, text, text)",
    "counter_account_view(bigint, date)",
    "counter_payments_json(bigint, text, text)",
    "counter_bills_json(bigint, text, text)",
    "counter_search(jsonb, integer)",
    "counter_search_probe(text, text, text, text[], integer)",
    "counter_cover_grams(text, integer)",
    "counter_next_string(text)",
    "counter_require_account(bigint)",
    "counter_check_period(text, text)",
    "counter_arrears(bigint)",
    "counter_bill_paid(bigint)",
)


def upgrade() -> None:
    run_sql_file(op.get_bind(), SQL)


def downgrade() -> None:
    for signature in FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {signature}")
    op.execute("DROP TABLE IF EXISTS reveal_requests")
    op.execute(
        "GRANT EXECUTE ON FUNCTION counter_reveal(bigint, text, text, text) TO counter_clerk"
    )
