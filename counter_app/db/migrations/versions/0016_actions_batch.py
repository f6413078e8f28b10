"""Server-side actions of the batch and the administration; issued bills immutable

Revision ID: 0016_actions_batch
Revises: 0015_actions_screens
Create Date: 2026-12-04

Billing (``counter_issue_bills``) and readings imports
(``counter_import_readings``) run under the ``counter_batch`` group; halls
(``counter_create_hall``) and clerks' rows (``counter_save_clerk``) are an
admin's (or the DBA's); a correction of an issued bill is an adjustment bill
(``counter_adjust_bill``, a supervisor). Bills and bill lines refuse UPDATE,
DELETE and TRUNCATE for everyone. The SQL is in ``0016_actions_batch.sql``.
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

from counter_app.db.migrate import run_sql_file

revision = "0016_actions_batch"
down_revision = "0015_actions_screens"
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")
FUNCTIONS = (
    "counter_issue_bills(text, jsonb)",
    "counter_adjust_bill(bigint, numeric, text, text)",
    "counter_import_readings(text, text, jsonb)",
    "counter_create_hall(text, text, text, text, text)",
    "counter_save_clerk(text, text, text, text, text)",
    "counter_batch_caller()",
    "counter_admin_caller()",
)
TRIGGERS = (
    ("bills_append_only", "bills"),
    ("bills_no_truncate", "bills"),
    ("bill_lines_append_only", "bill_lines"),
    ("bill_lines_no_truncate", "bill_lines"),
)


def upgrade() -> None:
    run_sql_file(op.get_bind(), SQL)


def downgrade() -> None:
    ex = op.execute
    for signature in FUNCTIONS:
        ex(f"DROP FUNCTION IF EXISTS {signature}")
    for trigger, table in TRIGGERS:
        ex(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
    ex("DROP TABLE IF EXISTS reading_imports")
    ex("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM counter_batch")
    ex("REVOKE USAGE ON SCHEMA public FROM counter_batch")
    # adjustment bills have no place in the older schema (a payment allocated
    # to one keeps the downgrade from going through, as it should)
    ex("DELETE FROM bill_lines WHERE kind = 'adjust'")
    ex("DELETE FROM bills WHERE adjusts_bill_id IS NOT NULL")
    ex("ALTER TABLE bill_lines DROP CONSTRAINT ck_bill_lines_kind")
    ex(
        "ALTER TABLE bill_lines ADD CONSTRAINT ck_bill_lines_kind "
        "CHECK (kind IN ('charge','relief'))"
    )
    ex("DROP INDEX uq_bills_account_period")
    ex("DROP INDEX uq_bills_reading_id")
    ex("ALTER TABLE bills ADD CONSTRAINT uq_bills_account_period UNIQUE (account_id, period)")
    ex("ALTER TABLE bills DROP COLUMN approved_by, DROP COLUMN reason, DROP COLUMN adjusts_bill_id")
    # A downgrade never hands a group table writes back (DESIGN.md §5): an older
    # client on a downgraded database reads but cannot write until it is upgraded.
