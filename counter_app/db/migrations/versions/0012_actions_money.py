"""Server-side actions: the money (payments, reversals, reprints, tills)

Revision ID: 0012_actions_money
Revises: 0011_actions_core
Create Date: 2026-12-04

The SQL is in ``0012_actions_money.sql`` beside this file: the actions
(counter_post_payment, counter_lookup_payment, counter_receipt_facts,
counter_reverse_payment, counter_lookup_reversal, counter_record_reprint,
counter_open_shift, counter_close_shift), counter_books_check(), the deferred
constraint triggers that hold the books, and the revoked table grants.
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

from counter_app.db.migrate import run_sql_file

revision = "0012_actions_money"
down_revision = "0011_actions_core"
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")
TRIGGERS = (
    ("payments_books", "payments"),
    ("allocations_books", "allocations"),
    ("prepayment_ledger_books", "prepayment_ledger"),
    ("accounts_prepayment_books", "accounts"),
    ("receipt_series_books", "receipt_series"),
)
FUNCTIONS = (
    "counter_books_check()",
    "counter_close_shift(text, bigint, jsonb, text)",
    "counter_day_close_report(bigint)",
    "counter_till(date, text)",
    "counter_shift(bigint)",
    "counter_shift_report(bigint)",
    "counter_shift_summary(bigint)",
    "counter_shift_totals(bigint)",
    "counter_open_shift(text, numeric)",
    "counter_record_reprint(text, bigint)",
    "counter_lookup_reversal(bigint, text)",
    "counter_reverse_payment(text, bigint, text, text, bigint)",
    "counter_reversal_result(payment_reversals, boolean)",
    "counter_receipt_facts(bigint)",
    "counter_payable_account(bigint, text)",
    "counter_lookup_payment(text, bigint, int)",
    "counter_post_payment(text, text, bigint, bigint, text, numeric, bigint[], numeric, jsonb)",
    "counter_open_shift_of(clerks, bigint, boolean, boolean)",
    "counter_payment_hash(bigint, bigint, numeric, bigint[], jsonb)",
    "counter_payment_facts(bigint, boolean)",
    "counter_open_bills(bigint)",
    "counter_check_series()",
    "counter_check_account_prepayment()",
    "counter_check_prepayment()",
    "counter_check_bill_allocations()",
    "counter_check_payment()",
)
INDEXES = ("ix_prepayment_ledger_payment_id", "ix_prepayment_ledger_reversal_id")


def upgrade() -> None:
    run_sql_file(op.get_bind(), SQL)


def downgrade() -> None:
    # A downgrade never hands a group table writes back (DESIGN.md §5): an older
    # client on a downgraded database reads but cannot write until it is upgraded.
    for trigger, table in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
    for signature in FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {signature}")
    for index in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {index}")
