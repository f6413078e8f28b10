"""Complaints: announced outages and their privileges

Revision ID: 0005
Revises: 0003
Create Date: 2026-11-24

* ``outages``: announced interruptions of supply per area (停水公告), kept
  by supervisors, read by everyone (the consultation guide shows them).
* The department list of forwarded complaints is configuration in
  ``utility_settings`` (key ``complaint_departments``, one name per line);
  services/complaints/service.py falls back to a default list when it is absent.

PostgreSQL privileges: clerks SELECT outages; supervisors INSERT and UPDATE
them (and use their sequence).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import counter_app.db.types

revision = "0005"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outages",
        sa.Column(
            "id",
            sa.BigInteger(),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("area_code", sa.String(length=16), nullable=False),
        sa.Column("starts_at", counter_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ends_at", counter_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.BigInteger(), nullable=False),
        sa.Column("created_at", counter_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("ends_at > starts_at", name=op.f("ck_outages_period")),
        sa.ForeignKeyConstraint(
            ["area_code"], ["areas.code"], name=op.f("fk_outages_area_code_areas")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["clerks.id"], name=op.f("fk_outages_created_by_clerks")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outages")),
    )
    op.create_index(op.f("ix_outages_area_code"), "outages", ["area_code"], unique=False)
    op.execute("GRANT SELECT ON outages TO counter_clerk")
    op.execute("GRANT INSERT, UPDATE ON outages TO counter_supervisor")
    op.execute("GRANT USAGE ON SEQUENCE outages_id_seq TO counter_supervisor")


def downgrade() -> None:
    op.drop_index(op.f("ix_outages_area_code"), table_name="outages")
    op.drop_table("outages")
