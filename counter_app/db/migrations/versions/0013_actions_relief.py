"""Server-side actions of low-income relief: file, approve, reject, withdraw, the register

Revision ID: 0013_actions_relief
Revises: 0012_actions_money
Create Date: 2026-12-04

The SQL is in ``0013_actions_relief.sql`` beside this file. After it, no
group role writes ``relief_applications``: clerks file through
``counter_file_relief``, supervisors decide through
``counter_approve_relief`` / ``counter_reject_relief`` /
``counter_withdraw_relief`` (the decider and the time are the server's), and
the relief page loads with ``counter_relief_register`` (one call). See
docs/architecture.md, "Server-side actions".
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

from counter_app.db.migrate import run_sql_file

revision = "0013_actions_relief"
down_revision = "0012_actions_money"
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")
FUNCTIONS = (  # callers first, helpers last
    "counter_relief_context(bigint)",
    "counter_relief_register(text, text, text, int, bigint, int, int, text, text)",
    "counter_withdraw_relief(text, bigint, int, text)",
    "counter_reject_relief(text, bigint, int, text)",
    "counter_approve_relief(text, bigint, int)",
    "counter_file_relief(text, bigint, text, text, text, date, date, text, text, text, text[], "
    "int, int, text)",
    "counter_relief_close(text, bigint, int, text, text, text[], text)",
    "counter_relief_text(text, text, int, boolean)",
    "counter_relief_reason(text)",
    "counter_relief_for_decision(clerks, bigint, int, text[])",
    "counter_relief_json(relief_applications, date)",
    "counter_relief_effective_period(bigint, date)",
    "counter_relief_phone_mask(text)",
    "counter_relief_phone(text)",
    "counter_relief_id_problem(text, date)",
    "counter_relief_options()",
    "counter_relief_certificate_key(text)",
    "counter_relief_today()",
)
CONSTRAINTS = ("relief_applications_certificate_key",)


def upgrade() -> None:
    run_sql_file(op.get_bind(), SQL)


def downgrade() -> None:
    for name in CONSTRAINTS:
        op.execute(f"ALTER TABLE relief_applications DROP CONSTRAINT IF EXISTS {name}")
    for signature in FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {signature}")
    # A downgrade never hands a group table writes back (DESIGN.md §5): an older
    # client on a downgraded database reads but cannot write until it is upgraded.
