"""Correction requests: masked proposed value, the raw one for supervisors only

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26

A data-correction request keeps the clerk's proposed value in plain text
(``proposed_value``), and 0002 let every clerk read the whole table, so a
correction of an ID number or phone showed the full new value to all clerks.
As ``accounts.id_number`` / ``id_masked`` do, the new ``proposed_masked``
(``370829********1234``, ``138****5678``; the value itself for the other
fields) is written by the correction service next to the raw value. On
PostgreSQL ``counter_clerk`` keeps INSERT on the table but may SELECT every
column except ``proposed_value``; ``counter_supervisor`` is granted
``proposed_value`` to check and apply it. ``old_value`` needs nothing: the
service has always stored it from the account's masked columns.

Existing rows are backfilled with the domain's masking rule as it was when
this revision was written (:func:`counter_app.domain.masking.mask_field`, frozen in
counter_app/db/frozen_masking.py so that a later change of the rule
does not change what replaying this migration writes), in batches by id.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from counter_app.db.frozen_masking import mask_field as _mask_field

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

BATCH = 5000

# every column but proposed_value
CLERK_COLUMNS = (
    "id",
    "account_id",
    "field",
    "old_value",
    "proposed_masked",
    "evidence",
    "account_version",
    "status",
    "requested_by",
    "decided_by",
    "decided_at",
    "decision_note",
    "version",
    "created_at",
)

_t = sa.table(
    "correction_requests",
    sa.column("id", sa.BigInteger()),
    sa.column("field", sa.String()),
    sa.column("proposed_value", sa.Text()),
    sa.column("proposed_masked", sa.Text()),
)


def _backfill(bind) -> None:
    fill = (
        sa.update(_t)
        .where(_t.c.id == sa.bindparam("b_id"))
        .values(proposed_masked=sa.bindparam("b_masked"))
    )
    last = None
    while True:
        q = sa.select(_t.c.id, _t.c.field, _t.c.proposed_value).order_by(_t.c.id).limit(BATCH)
        if last is not None:
            q = q.where(_t.c.id > last)
        rows = bind.execute(q).all()
        if not rows:
            return
        bind.execute(
            fill,
            [{"b_id": i, "b_masked": _mask_field(field, value)} for i, field, value in rows],
        )
        last = rows[-1][0]


def upgrade() -> None:
    op.add_column(
        "correction_requests",
        sa.Column("proposed_masked", sa.Text(), server_default="", nullable=False),
    )
    _backfill(op.get_bind())
    # the table-wide SELECT of 0002 goes; INSERT stays
    op.execute("REVOKE SELECT ON correction_requests FROM counter_clerk")
    op.execute(f"GRANT SELECT ({', '.join(CLERK_COLUMNS)}) ON correction_requests TO counter_clerk")
    op.execute("GRANT SELECT (proposed_value) ON correction_requests TO counter_supervisor")


def downgrade() -> None:
    # revoking the table privilege revokes the column privileges too
    op.execute("REVOKE SELECT ON correction_requests FROM counter_clerk, counter_supervisor")
    op.execute("GRANT SELECT ON correction_requests TO counter_clerk")
    op.drop_column("correction_requests", "proposed_masked")
