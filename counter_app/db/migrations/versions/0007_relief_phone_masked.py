"""Relief applications: masked contact phone readable by clerks

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25

``relief_applications.contact_phone`` is personal data that no group role
may read on PostgreSQL (0002), so the register and the printed application
form showed it blank. As ``accounts.mobile`` / ``mobile_masked`` do, the new
``contact_phone_masked`` (``138****5678``, ``0537-****345``) is written by
the relief service next to the raw value and is readable by
``counter_clerk`` (and so by supervisors and admins, its members); the raw
column stays unreadable to every group.

Existing rows are backfilled with the domain's masking rule as it was when
this revision was written (:func:`counter_app.domain.masking.mask_phone`, copied
below so that a later change of the rule does not change what replaying this
migration writes), in batches by id, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

BATCH = 5000

# The masking rule as it was when this revision was written
# (counter_app.domain.masking with the normalisation of domain.text and
# domain.phone), copied on purpose: replaying the migration must write what it
# wrote then, whatever the live rule becomes. tests/db/test_migrations.py
# checks that it still agrees with the live rule today.
_WHITESPACE = re.compile(r"\s+")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015()\[\].]")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_LOCAL = re.compile(r"[2-9][0-9]{6,7}")


def _normalize(s: str) -> str:
    s = _WHITESPACE.sub(" ", s)
    s = "".join(ch for ch in s if unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFKC", s)).strip()


def _normalize_phone(s: str) -> str:
    t = _SEPARATORS.sub("", _normalize(s))
    for prefix in ("+86", "0086"):
        if t.startswith(prefix):
            t = t[len(prefix) :]
            if t and not _MOBILE.fullmatch(t) and not t.startswith("0"):
                t = "0" + t
            break
    return t


def _split_landline(t: str) -> tuple[str, str] | None:
    if _LOCAL.fullmatch(t):
        return "", t
    if t.startswith("0") and len(t) > 1:
        n = 3 if t[1] in "12" else 4
        area, local = t[:n], t[n:]
        if area.isdigit() and area.isascii() and _LOCAL.fullmatch(local):
            return area, local
    return None


def _mask_phone(s: str | None) -> str:
    value = _normalize_phone(s) if s else ""
    if not value:
        return ""
    again = _normalize_phone(value)  # the live rule's checks normalise once more
    if _MOBILE.fullmatch(again):
        return value[:3] + "*" * 4 + value[-4:]
    split = _split_landline(again) if again else None
    if split is None:
        return "*" * (len(value) - 3) + value[-3:] if len(value) >= 7 else "*" * len(value)
    area, local = split
    masked_local = "*" * (len(local) - 3) + local[-3:]
    return f"{area}-{masked_local}" if area else masked_local

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
        sa.Column(
            "contact_phone_masked", sa.String(length=16), server_default="", nullable=False
        ),
    )
    bind = op.get_bind()
    _backfill(bind)
    if bind.dialect.name != "postgresql":
        return
    op.execute("GRANT SELECT (contact_phone_masked) ON relief_applications TO counter_clerk")


def downgrade() -> None:
    # the column's privileges go with it
    op.drop_column("relief_applications", "contact_phone_masked")
