"""Going live: the old system's accounts and opening balances, imported by the batch

Revision ID: 0020_accounts_import
Revises: 0019_archive_numbers
Create Date: 2026-12-04

``counter_import_accounts`` (accounts, their meter and the meter's last
reading) and ``counter_import_balances`` (unpaid bills as opening bills, with
one ``bill_lines`` line of kind ``opening``; the prepayment balance as an
``opening`` ledger row) run under the ``counter_batch`` group; each file is
written whole or not at all and is known by its SHA-256 in ``golive_imports``
(the same file again writes nothing). ``accounts.archive_no`` becomes
nullable and unique where present, ``accounts.cabinet_no`` comes (as the
archive-numbers migration has them). The SQL is in ``0020_accounts_import.sql``.
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

from counter_app.db.migrate import run_sql_file

revision = "0020_accounts_import"
down_revision = "0019_archive_numbers"  # which makes the archive columns it fills
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")
FUNCTIONS = (
    "counter_import_accounts(text, text, jsonb)",
    "counter_import_balances(text, text, jsonb, jsonb)",
    "counter_text_date(text)",
)


def upgrade() -> None:
    run_sql_file(op.get_bind(), SQL)


def downgrade() -> None:
    ex = op.execute
    for signature in FUNCTIONS:
        ex(f"DROP FUNCTION IF EXISTS {signature}")
    ex("DROP TABLE IF EXISTS golive_imports")
    ex("REVOKE SELECT (archive_no) ON accounts FROM counter_batch")
    ex("REVOKE SELECT ON areas FROM counter_batch")
    # opening bills have no place in the older schema (a payment allocated to
    # one keeps the downgrade from going through, as it should)
    ex("ALTER TABLE bills DISABLE TRIGGER bills_append_only")
    ex("ALTER TABLE bill_lines DISABLE TRIGGER bill_lines_append_only")
    ex(
        "CREATE TEMP TABLE golive_opening_bills ON COMMIT DROP AS "
        "SELECT bill_id FROM bill_lines WHERE kind = 'opening'"
    )
    ex("DELETE FROM bill_lines WHERE kind = 'opening'")
    ex("DELETE FROM bills WHERE id IN (SELECT bill_id FROM golive_opening_bills)")
    ex("ALTER TABLE bills ENABLE TRIGGER bills_append_only")
    ex("ALTER TABLE bill_lines ENABLE TRIGGER bill_lines_append_only")
    ex("ALTER TABLE bill_lines DROP CONSTRAINT ck_bill_lines_kind")
    ex(
        "ALTER TABLE bill_lines ADD CONSTRAINT ck_bill_lines_kind "
        "CHECK (kind IN ('charge', 'relief', 'adjust'))"
    )
