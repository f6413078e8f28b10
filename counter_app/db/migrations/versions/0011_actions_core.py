"""Server-side actions: the shared helpers (caller, audit, refusal, money)

Revision ID: 0011_actions_core
Revises: 0010_no_password_hash
Create Date: 2026-12-04

The SQL is in ``0011_actions_core.sql`` beside this file (read as it is at
this revision: a later change to an action comes as a new migration with its
own file). See docs/architecture.md, "Server-side actions".
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

from counter_app.db.migrate import run_sql_file

revision = "0011_actions_core"
down_revision = "0010_no_password_hash"
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")
FUNCTIONS = (
    "counter_money(numeric, text, boolean)",
    "counter_audit(text, text, text, text, jsonb)",
    "counter_caller(text)",
    "counter_fail(text, text, text, text)",
)


def upgrade() -> None:
    run_sql_file(op.get_bind(), SQL)


def downgrade() -> None:
    for signature in FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {signature}")
