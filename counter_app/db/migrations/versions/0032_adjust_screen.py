"""The bill list shows the corrections of issued bills

Revision ID: 0032_adjust_screen
Revises: 0031_tier_check
Create Date: 2026-12-04

``counter_bills_json`` (0015's, read by the account screen, its history and
the account view) gains per bill ``adjusts_bill_id``, ``reason``,
``approved_by`` and ``adjusted`` (what its adjustments sum to), and counts a
credit on the bill it corrects in ``outstanding`` as the ledger does; the
account view's ``counter_arrears`` sums what the ledger sums (a credit on a
paid bill no longer lowers the debt of the others). SQL in
``0032_adjust_screen.sql``; the downgrade writes 0015's functions back.
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

from counter_app.db.migrate import run_sql_file

revision = "0032_adjust_screen"
down_revision = "0031_tier_check"
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")
HERE = Path(__file__).parent
# what this migration replaced, as it was (file, function)
REPLACED = (("0015_actions_screens.sql", "counter_bills_json"),)
# 0015's counter_arrears (a SQL-standard body, RETURN (...): no $$ to cut at)
ARREARS_0015 = """
CREATE OR REPLACE FUNCTION counter_arrears(p_account_id bigint) RETURNS numeric
    LANGUAGE sql STABLE PARALLEL SAFE
RETURN (
    SELECT coalesce(sum(b.amount - public.counter_bill_paid(b.id)), 0)::numeric(12, 2)
    FROM public.bills b WHERE b.account_id = p_account_id
)"""


def _definition(file: str, name: str) -> str:
    text = (HERE / file).read_text(encoding="utf-8")
    text = text.replace(f"CREATE OR REPLACE FUNCTION {name}(", f"CREATE FUNCTION {name}(")
    start = text.index(f"CREATE FUNCTION {name}(")
    body = text.index("AS $$", start)
    end = text.index("$$;", body + 5) + 3
    return text[start:end].replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)


def upgrade() -> None:
    run_sql_file(op.get_bind(), SQL)


def downgrade() -> None:
    raw = op.get_bind().connection.driver_connection
    for file, name in REPLACED:
        raw.execute(_definition(file, name))
    raw.execute(ARREARS_0015)
