"""The audit log, and which tables are append-only."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from ._base import Base, created, pk


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
