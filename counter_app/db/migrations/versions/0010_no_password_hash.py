"""Clerks: no password hash in our tables

Revision ID: 0010_no_password_hash
Revises: 0009_complaint_limits
Create Date: 2026-12-04

The argon2 hash served the file database's logins. Every clerk is now a
PostgreSQL login role (on the embedded server too); the server keeps the
SCRAM verifier and nothing about a password stays in ``clerks``. No role
could read the column (0002 grants the identity columns only).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_no_password_hash"
down_revision = "0009_complaint_limits"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_column("clerks", "password_hash")


def downgrade() -> None:
    op.add_column("clerks", sa.Column("password_hash", sa.String(length=200), nullable=True))
