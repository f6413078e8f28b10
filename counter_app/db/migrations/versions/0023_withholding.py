"""Bank withholding (银行代扣): agreements, bank file layouts, request batches
and their results, posted through counter_post_channel_payment

Revision ID: 0023_withholding
Revises: 0022_channel_payments
Create Date: 2026-12-04

SQL in ``0023_withholding.sql``; the design is in docs/rules/withholding.md.
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

from counter_app.db.migrate import run_sql_file

revision = "0023_withholding"
down_revision = "0022_channel_payments"
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")
FUNCTIONS = (
    "counter_import_withholding(text, text, text, jsonb)",
    "counter_withholding_reconciliation(bigint)",
    "counter_export_withholding(text, text, text, text, text, jsonb)",
    "counter_withholding_next_batch_no(text, text)",
    "counter_withholding_due_rows(text, text)",
    "counter_withholding_due(text, text)",
    "counter_withholding_screen(bigint)",
    "counter_cancel_withholding(text, bigint, int, text)",
    "counter_sign_withholding(text, bigint, text, text, text, date)",
    "counter_withholding_agreement_facts(bigint)",
    "counter_withholding_owed(bigint, text)",
    "counter_mask_bank_account(text)",
)
TABLES = (
    "withholding_imports",
    "withholding_results",
    "withholding_items",
    "withholding_batches",
    "withholding_agreements",
    "withholding_banks",
)


def upgrade() -> None:
    run_sql_file(op.get_bind(), SQL)


def downgrade() -> None:
    for signature in FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {signature}")
    op.execute("DROP VIEW IF EXISTS withholding_agreements_masked")
    # the append-only triggers refuse DELETE, not DROP: the tables go whole
    for table in TABLES:
        op.execute(f"DROP TABLE IF EXISTS {table}")
