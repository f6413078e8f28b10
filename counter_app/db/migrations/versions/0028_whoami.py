"""Sign-in in one call: counter_whoami()

Revision ID: 0028_whoami
Revises: 0025_hardening
Create Date: 2026-12-04

SQL in ``0028_whoami.sql`` (why: there; used by services/auth.py).
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

from counter_app.db.migrate import run_sql_file

revision = "0028_whoami"
down_revision = "0027_wave_leftovers"
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")


def upgrade() -> None:
    run_sql_file(op.get_bind(), SQL)


def downgrade() -> None:
    op.get_bind().connection.driver_connection.execute("DROP FUNCTION counter_whoami()")
