"""Relief applications: masked contact phone readable by clerks

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25

``relief_applications.contact_phone`` is personal data that no group role
may read (0002), so the register and the printed application
form showed it blank. As ``accounts.mobile`` / ``mobile_masked`` do, the new
``contact_phone_masked`` (``138****5678``, ``0537-****345``) is written by
the relief service next to the raw value and is readable by
``counter_clerk`` (and so by supervisors and admins, its members); the raw
column stays unreadable to every group.

Existing rows are backfilled with the domain's masking rule as it was when
this revision was written (:func:`counter_app.domain.masking.mask_phone`, frozen in
counter_app/db/frozen_masking.py so that a later change of the rule
does not change what replaying this migration writes), in batches by id.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from counter_app.db.frozen_masking import mask_phone as _mask_phone

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

BATCH = 5000

_t = sa.table(
    "relief_applications",
    sa.column("id", sa.BigInteger()),
    sa.column("contact_phone", sa.String()),
    sa.column("contact_phone_masked", sa.String()),
)


def _backfill(bind) -> None:
    fill = (
        sa.update(_t)
        .where(_t.c.id == sa.bindparam("b_id"))
        .values(contact_phone_masked=sa.bindparam("b_masked"))
    )
    last = None
    while True:
        q = (
            sa.select(_t.c.id, _t.c.contact_phone)
            .where(_t.c.contact_phone.is_not(None), _t.c.contact_phone != "")
            .order_by(_t.c.id)
            .limit(BATCH)
        )
        if last is not None:
            q = q.where(_t.c.id > last)
        rows = bind.execute(q).all()
        if not rows:
            return
        bind.execute(fill, [{"b_id": i, "b_masked": _mask_phone(phone)} for i, phone in rows])
        last = rows[-1][0]


def upgrade() -> None:
    op.add_column(
        "relief_applications",
        sa.Column("contact_phone_masked", sa.String(length=16), server_default="", nullable=False),
    )
    _backfill(op.get_bind())
    op.execute("GRANT SELECT (contact_phone_masked) ON relief_applications TO counter_clerk")


def downgrade() -> None:
    # the column's privileges go with it
    op.drop_column("relief_applications", "contact_phone_masked")
