"""The account screen carries the withholding line and the deduction state

Revision ID: 0027_wave_leftovers
Revises: 0025_hardening
Create Date: 2026-12-04

Opening an account is one round trip again: ``counter_account_screen``
(0019's, exactly) gains the keys ``withholding`` (the account's latest
agreement, masked, with its last result: the account view's 代扣 line) and
``deduction`` (预存扣款 on or off for the account, the utility's switch, and
who changed it why: ``counter_account_deduction``). SQL in
``0027_wave_leftovers.sql``.
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

from counter_app.db.migrate import run_sql_file

revision = "0027_wave_leftovers"
down_revision = "0025_hardening"
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")
HERE = Path(__file__).parent
# what this migration replaced, as it was (file, function)
REPLACED = (("0019_archive_numbers.sql", "counter_account_screen"),)
DROPPED = ("counter_account_deduction(bigint)",)


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
    for signature in DROPPED:
        raw.execute(f"DROP FUNCTION {signature}")
