"""Overdue is not current; late fees (违约金) as data, charged at payment; dunning lists

Revision ID: 0024_overdue_late_fees
Revises: 0018_credits_in_open_bills
Create Date: 2026-12-04

SQL in ``0024_overdue_late_fees.sql`` (why: there; the lines changed in the
replaced functions are marked ``0024`` and listed in docs/rules/late_fees.md).
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

from counter_app.db.migrate import run_sql_file

revision = "0024_overdue_late_fees"
down_revision = "0023_withholding"
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")
HERE = Path(__file__).parent
# replaced functions and the migration whose text they go back to
REPLACED = (
    ("0022_channel_payments.sql", "counter_payment_facts"),
    ("0012_actions_money.sql", "counter_shift_totals"),
    ("0022_channel_payments.sql", "counter_books_check"),
    ("0012_actions_money.sql", "counter_payable_account"),
    ("0015_actions_screens.sql", "counter_account_view"),
    ("0015_actions_screens.sql", "counter_search"),
)
NEW_FUNCTIONS = (
    "counter_post_payment(text, text, bigint, bigint, text, numeric, bigint[], numeric, jsonb, "
    "numeric, bigint)",
    "counter_late_fee_rules()",
    "counter_dunning_list(integer, text, text, boolean)",
    "counter_waive_late_fee(text, bigint, numeric, numeric, text)",
    "counter_set_late_fee_rule(text, text, numeric, integer, numeric, integer, numeric, date, text)",
    "counter_charge_late_fees(bigint, bigint, numeric, bigint[], bigint, numeric)",
    "counter_late_fee_due(bigint, numeric, bigint[], bigint)",
)
OLD_POST = (
    "counter_post_payment(text, text, bigint, bigint, text, numeric, bigint[], numeric, jsonb)"
)


def function_text(file: str, name: str) -> str:
    """A function's CREATE statement as an older migration wrote it."""
    text = (HERE / file).read_text(encoding="utf-8")
    text = text.replace(f"CREATE OR REPLACE FUNCTION {name}(", f"CREATE FUNCTION {name}(")
    start = text.index(f"CREATE FUNCTION {name}(")
    end = text.index("$$;", text.index("AS $$", start)) + 3
    return text[start:end]


def upgrade() -> None:
    run_sql_file(op.get_bind(), SQL)


def downgrade() -> None:
    execute = op.get_bind().connection.driver_connection.execute
    for signature in NEW_FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {signature}")
    execute(function_text("0012_actions_money.sql", "counter_post_payment"))
    op.execute(f"REVOKE ALL ON FUNCTION {OLD_POST} FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {OLD_POST} TO counter_clerk")
    for file, name in REPLACED:
        execute(
            function_text(file, name).replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
        )
    op.execute("DROP TABLE late_fee_charges")  # its constraint trigger with it
    op.execute("DROP FUNCTION counter_check_late_fee()")
    op.execute("DROP FUNCTION counter_overdue(bigint, date)")
    op.execute("DROP FUNCTION counter_late_fee(bigint, date)")
    op.execute("DROP FUNCTION counter_late_fee_rule(text, date)")
    op.execute("DROP TABLE late_fee_waivers")
    op.execute("DROP TABLE late_fee_rules")
