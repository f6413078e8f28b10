"""Payments that do not pass a counter: prepayment deduction, bank
withholding, online payments; the suspense list

Revision ID: 0022_channel_payments
Revises: 0018_credits_in_open_bills
Create Date: 2026-12-04

A payment has a channel ('counter' as before, or 'deduction', 'withholding',
'online' without a shift or a clerk, with the channel's own reference and
receipt series), posted by the internal ``counter_post_channel_payment``.
Billing's ``counter_issue_bills`` lets the prepayments pay the bills in the
same call; ``counter_import_online`` posts a platform's statement; the
suspense list is a supervisor's. The SQL is in ``0022_channel_payments.sql``.
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

from counter_app.db.migrate import run_sql_file

revision = "0022_channel_payments"
down_revision = "0021_tariffs_data"
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")
MONEY_SQL = Path(__file__).with_name("0012_actions_money.sql")
#: 0012's functions this migration replaces, restored as they were
REPLACED = (
    "counter_payment_facts",
    "counter_reverse_payment",
    "counter_check_payment",
    "counter_books_check",
    "counter_check_series",
    "counter_check_account_prepayment",
)
FUNCTIONS = (
    "counter_channel_day(date, text)",
    "counter_resolve_suspense(text, bigint, text, text, text)",
    "counter_suspense_list(text)",
    "counter_suspense_row(bigint)",
    "counter_import_online(text, text, text, jsonb)",
    "counter_owed_at(bigint, timestamptz)",
    "counter_set_channel_setting(text, text, text)",
    "counter_set_account_deduction(text, bigint, boolean, text)",
    "counter_apply_prepayments()",
    "counter_issue_bills(text, jsonb)",
    "counter_deduct_prepayments(text)",
    "counter_deduct_prepayment(bigint, text)",
    "counter_deduction_on(bigint)",
    "counter_post_channel_payment(text, text, bigint, numeric, timestamptz, text, text)",
    "counter_channel_result(bigint, boolean)",
    "counter_channel_prefix(text)",
)


def upgrade() -> None:
    run_sql_file(op.get_bind(), SQL)


def _restore_0012() -> None:
    text = MONEY_SQL.read_text(encoding="utf-8")
    raw = op.get_bind().connection.driver_connection
    for name in REPLACED:
        start = text.index(f"CREATE FUNCTION {name}(")
        end = text.index("$$;", text.index("AS $$", start)) + 3
        raw.execute(text[start:end].replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))


def downgrade() -> None:
    ex = op.execute
    for signature in FUNCTIONS:
        ex(f"DROP FUNCTION IF EXISTS {signature}")
    ex("ALTER FUNCTION counter_issue_bills_only(text, jsonb) RENAME TO counter_issue_bills")
    ex("GRANT EXECUTE ON FUNCTION counter_issue_bills(text, jsonb) TO counter_batch")
    # counter_books_check reads the suspense tables: 0012's first
    _restore_0012()
    ex("DROP TABLE channel_suspense_resolutions")
    ex("DROP TABLE channel_suspense")
    ex("DROP TABLE online_imports")
    ex("DROP TABLE account_channel_settings")
    # a channel payment has no place in the older schema (one keeps the
    # downgrade from going through, as it should)
    ex("ALTER TABLE payment_reversals ALTER COLUMN shift_id SET NOT NULL")
    ex("DELETE FROM receipt_series WHERE hall_code IS NULL")
    ex(
        "ALTER TABLE receipt_series DROP CONSTRAINT ck_receipt_series_channel, "
        "ALTER COLUMN hall_code SET NOT NULL"
    )
    ex("ALTER TABLE payment_tenders DROP CONSTRAINT ck_payment_tenders_tender")
    ex(
        "ALTER TABLE payment_tenders ADD CONSTRAINT ck_payment_tenders_tender "
        "CHECK (tender IN ('cash','wechat','alipay','card','prepayment'))"
    )
    ex(
        "ALTER TABLE payments DROP CONSTRAINT uq_payments_channel, "
        "DROP CONSTRAINT ck_payments_channel_shape, DROP CONSTRAINT ck_payments_channel, "
        "DROP COLUMN note, DROP COLUMN paid_at, DROP COLUMN external_ref, DROP COLUMN channel, "
        "ALTER COLUMN shift_id SET NOT NULL, ALTER COLUMN clerk_id SET NOT NULL"
    )
