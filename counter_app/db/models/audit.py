"""The audit log, and which tables are append-only."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    String,
    Text,
    Uuid,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.db.models._base import Base, BigId, created, pk
from counter_app.db.types import UTCDateTime


class AuditEvent(Base):
    """Append-only: who did what, where, when, to which entity."""

    __tablename__ = "audit_events"
    id: Mapped[int] = pk()
    at: Mapped[datetime] = created()
    clerk: Mapped[str] = mapped_column(String(63), nullable=False)
    workstation: Mapped[str] = mapped_column(String(64), nullable=False)
    action: Mapped[str] = mapped_column(String(40), nullable=False)
    entity: Mapped[str] = mapped_column(String(40), nullable=False)
    entity_id: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    details: Mapped[str] = mapped_column(Text, nullable=False, default="{}")


class RevealRequest(Base):
    """Step 1 of revealing a full number (migration 0015): the committed audit
    row and a one-time token; step 2 returns the value for the token once."""

    __tablename__ = "reveal_requests"
    __table_args__ = (
        CheckConstraint(
            "(field IN ('id_number', 'mobile', 'landline') AND account_id IS NOT NULL"
            " AND complaint_id IS NULL)"
            " OR (field = 'contact' AND complaint_id IS NOT NULL AND account_id IS NULL)",
            name="reveal_requests_field_check",
        ),
    )
    token: Mapped[uuid.UUID] = mapped_column(
        Uuid, primary_key=True, server_default=text("gen_random_uuid()")
    )
    login: Mapped[str] = mapped_column(Text, nullable=False)
    account_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("accounts.id"))
    # a complaint's contact (migration 0025)
    complaint_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("complaints.id"))
    field: Mapped[str] = mapped_column(Text, nullable=False)
    audit_id: Mapped[int] = mapped_column(BigId, ForeignKey("audit_events.id"), nullable=False)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


APPEND_ONLY_TABLES = (
    "payments",
    "payment_tenders",
    "allocations",
    "payment_reversals",
    "prepayment_ledger",
    "receipt_reprints",
    "shift_closes",
    "audit_events",
    "complaint_events",
    "bills",
    "bill_lines",
    "reading_imports",
)
