"""Complaints: the lengths and the phone format the books rely on, as CHECKs

Revision ID: 0009_complaint_limits
Revises: 0008
Create Date: 2026-11-27

A complainant of 1,000 characters and a contact "abc" were stored and
printed. The complaint service
and form refuse them now (``complaint_types.LIMITS``, ``contact_phone``);
these CHECK constraints hold the same rules for any writer:

* complainant 1..40 characters, description 1..500, resolution at most 500;
* contact empty or a normalised mobile (``1[3-9]`` + 9 digits) or fixed-line
  number (area code and local number, digits only, 10..12 digits, or a
  bare 7-8 digit local number), as ``domain.phone.validate_phone`` returns.

They are added ``NOT VALID``: PostgreSQL checks every new or changed row
but does not scan the rows already stored, so an old complaint that breaks
a rule cannot stop the upgrade (nothing is rewritten or deleted). A
supervisor may fix such rows and then run ``ALTER TABLE complaints VALIDATE
CONSTRAINT …``.
"""

from __future__ import annotations

from alembic import op

revision = "0009_complaint_limits"
down_revision = "0008"
branch_labels = None
depends_on = None

CHECKS = {
    "ck_complaints_complainant_len": "char_length(complainant) BETWEEN 1 AND 40",
    "ck_complaints_description_len": "char_length(description) BETWEEN 1 AND 500",
    "ck_complaints_resolution_len": "char_length(resolution) <= 500",
    "ck_complaints_contact_phone": (
        "contact = '' OR contact ~ '^1[3-9][0-9]{9}$' OR contact ~ '^0[1-9][0-9]{8,10}$'"
        " OR contact ~ '^[2-9][0-9]{6,7}$'"
    ),
}


def upgrade() -> None:
    for name, condition in CHECKS.items():
        op.execute(f"ALTER TABLE complaints ADD CONSTRAINT {name} CHECK ({condition}) NOT VALID")


def downgrade() -> None:
    for name in CHECKS:
        op.execute(f"ALTER TABLE complaints DROP CONSTRAINT IF EXISTS {name}")
