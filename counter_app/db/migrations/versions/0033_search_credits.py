"""The search reads no more of the ID than the mask shows; its hit list
counts corrections as the account screen does

Revision ID: 0033_search_credits
Revises: 0032_adjust_screen
Create Date: 2026-12-04

* ``accounts.id_tail`` (the ID number's last 6 characters) is no longer
  readable by any group role: the mask shows 4 and the search takes 4. The
  search's ID-tail lookup asks ``counter_id_tail_accounts`` (SECURITY
  DEFINER, ids only); ``counter_search_probe`` is 0025's otherwise.
* ``counter_search`` (0024's) sums arrears and overdue as the ledger does
  (``counter_arrears``, ``counter_open_bills``): a credit counts on the bill
  it corrects, never below zero, and asks nothing of its own.

SQL in ``0033_search_credits.sql``. The downgrade writes 0024's search back
and leaves the ID tail to the definer: a rollback never hands the column back
(as 0030's downgrade keeps the contact masked), so it keeps this probe, which
0025's reads the same but for who reads the column.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from alembic import op

from counter_app.db.migrate import run_sql_file

revision = "0033_search_credits"
down_revision = "0032_adjust_screen"
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")
HERE = Path(__file__).parent
# what this migration replaced, as it was (file, function)
REPLACED = (("0024_overdue_late_fees.sql", "counter_search"),)


def _definition(file: str, name: str) -> str:
    """0032's reader of a function as a migration wrote it (one copy)."""
    spec = importlib.util.spec_from_file_location(
        "m0032_adjust_screen", HERE / "0032_adjust_screen.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module._definition(file, name)


def upgrade() -> None:
    run_sql_file(op.get_bind(), SQL)


def downgrade() -> None:
    raw = op.get_bind().connection.driver_connection
    for file, name in REPLACED:
        raw.execute(_definition(file, name))
