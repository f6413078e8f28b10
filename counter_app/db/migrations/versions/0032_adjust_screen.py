"""The bill list shows the corrections of issued bills

Revision ID: 0032_adjust_screen
Revises: 0029_leftovers
Create Date: 2026-12-04

``counter_bills_json`` (0015's, read by the account screen, its history and
the account view) gains per bill ``adjusts_bill_id``, ``reason``,
``approved_by`` and ``adjusted`` (what its adjustments sum to), and counts a
credit on the bill it corrects in ``outstanding`` as the ledger does. SQL in
``0032_adjust_screen.sql``; the downgrade writes 0015's function back.
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

from counter_app.db.migrate import run_sql_file

revision = "0032_adjust_screen"
down_revision = "0029_leftovers"
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")
HERE = Path(__file__).parent
# what this migration replaced, as it was (file, function)
REPLACED = (("0015_actions_screens.sql", "counter_bills_json"),)


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
