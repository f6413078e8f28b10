"""No login writes a table; the reversal policy below the actions

Revision ID: 0017_no_table_writes
Revises: 0016_actions_batch
Create Date: 2026-12-04

After 0012-0016 every write of the app is a server-side action running as
``counter_owner``. What the group roles still held (INSERT on the audit log,
the admins' reference tables, USAGE on the sequences) goes here, so a clerk
with psql and their own password can forge nothing. The reversal policy
(same day, or any time) is enforced on ``payment_reversals`` itself and set
by an administrator's action. SQL in ``0017_no_table_writes.sql``.
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

from counter_app.db.migrate import run_sql_file

revision = "0017_no_table_writes"
down_revision = "0016_actions_batch"
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")


def upgrade() -> None:
    run_sql_file(op.get_bind(), SQL)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS payment_reversals_policy ON payment_reversals")
    op.execute("DROP FUNCTION IF EXISTS counter_reversal_policy_check()")
    op.execute("DROP FUNCTION IF EXISTS counter_set_reversal_policy(text, text, int)")
    op.execute("DROP INDEX IF EXISTS ix_bills_account_period")
    # what 0002 granted to read comes back
    # A downgrade never hands a group table writes back (DESIGN.md §5): an older
    # client on a downgraded database reads but cannot write until it is upgraded.
    op.execute(
        "GRANT SELECT ON halls, areas, utility_settings, "
        "price_categories, relief_rules, meters, accounts, receipt_series "
        "TO counter_admin"
    )
