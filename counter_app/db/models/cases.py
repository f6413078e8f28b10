"""Cases a clerk files: relief applications, complaints and their events,
data-correction requests, and announced outages."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.db.models._base import Base, created, pk
from counter_app.db.types import UTCDateTime

# ------------------------------------------------------------ relief, complaints


class ReliefApplication(Base):
    """特困低保户用水优惠 application and its life cycle."""

    __tablename__ = "relief_applications"
    __table_args__ = (
        CheckConstraint(
            "status IN ('pending','approved','rejected','revoked','expired')", name="status"
        ),
        CheckConstraint("valid_to >= valid_from", name="validity"),
    )
    id: Mapped[int] = pk()
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), nullable=False, index=True)
    rule_code: Mapped[str] = mapped_column(ForeignKey("relief_rules.code"), nullable=False)
    certificate_type: Mapped[str] = mapped_column(String(40), nullable=False)
    certificate_no: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    issuing_office: Mapped[str] = mapped_column(String(80), nullable=False, default="")
    valid_from: Mapped[date] = mapped_column(Date, nullable=False)
    valid_to: Mapped[date] = mapped_column(Date, nullable=False)
    holder_name: Mapped[str] = mapped_column(String(80), nullable=False)
    holder_id_number: Mapped[str | None] = mapped_column(String(18))
    holder_id_masked: Mapped[str] = mapped_column(String(18), nullable=False, default="")
    contact_phone: Mapped[str | None] = mapped_column(String(16))
    contact_phone_masked: Mapped[str] = mapped_column(
        String(16), nullable=False, default="", server_default=""
    )
    materials_json: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    low_income_households: Mapped[int | None] = mapped_column(Integer)
    total_households: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="pending")
    applied_on: Mapped[date] = mapped_column(Date, nullable=False)
    effective_period: Mapped[str | None] = mapped_column(String(7))
    created_by: Mapped[int] = mapped_column(ForeignKey("clerks.id"), nullable=False)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = created()


class Complaint(Base):
    __tablename__ = "complaints"
    __table_args__ = (
        CheckConstraint(
            "status IN ('open','forwarded','resolved','replied','closed')", name="status"
        ),
    )
    id: Mapped[int] = pk()
    ticket_no: Mapped[str] = mapped_column(String(20), nullable=False, unique=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    complainant: Mapped[str] = mapped_column(String(80), nullable=False)
    contact: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    # written by a trigger (migration 0025); the clerks read this, not contact
    contact_masked: Mapped[str] = mapped_column(
        String(40), nullable=False, default="", server_default=""
    )
    channel: Mapped[str] = mapped_column(String(16), nullable=False)
    category: Mapped[str] = mapped_column(String(24), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False)
    company_at_fault: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    apology_given: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="open")
    department: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    recall_on: Mapped[date | None] = mapped_column(Date)
    resolution: Mapped[str] = mapped_column(Text, nullable=False, default="")
    satisfaction: Mapped[str] = mapped_column(String(16), nullable=False, default="")
    created_by: Mapped[int] = mapped_column(ForeignKey("clerks.id"), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = created()
    updated_at: Mapped[datetime] = created()


class ComplaintEvent(Base):
    """The complaint's log: received, forwarded, follow-up, reply, closed, reopened."""

    __tablename__ = "complaint_events"
    id: Mapped[int] = pk()
    complaint_id: Mapped[int] = mapped_column(
        ForeignKey("complaints.id"), nullable=False, index=True
    )
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    content: Mapped[str] = mapped_column(Text, nullable=False, default="")
    channel: Mapped[str] = mapped_column(String(16), nullable=False, default="")
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"), nullable=False)
    created_at: Mapped[datetime] = created()


class CorrectionRequest(Base):
    """A request to correct an account field, decided by a supervisor."""

    __tablename__ = "correction_requests"
    __table_args__ = (
        CheckConstraint("status IN ('pending','approved','rejected')", name="status"),
    )
    id: Mapped[int] = pk()
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), nullable=False, index=True)
    field: Mapped[str] = mapped_column(String(32), nullable=False)
    old_value: Mapped[str] = mapped_column(Text, nullable=False, default="")  # masked if personal
    proposed_value: Mapped[str] = mapped_column(Text, nullable=False)  # supervisors read it (PG)
    proposed_masked: Mapped[str] = mapped_column(
        Text, nullable=False, default="", server_default=""
    )
    evidence: Mapped[str] = mapped_column(Text, nullable=False, default="")
    account_version: Mapped[int] = mapped_column(Integer, nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="pending")
    requested_by: Mapped[int] = mapped_column(ForeignKey("clerks.id"), nullable=False)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decision_note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = created()


# ------------------------------------------------------------------- complaints


class Outage(Base):
    """An announced interruption of supply (停水公告) in an area, kept by
    supervisors; the consultation guide shows it beside the pressure checklist."""

    __tablename__ = "outages"
    __table_args__ = (CheckConstraint("ends_at > starts_at", name="period"),)
    id: Mapped[int] = pk()
    area_code: Mapped[str] = mapped_column(ForeignKey("areas.code"), nullable=False, index=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    cancelled: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_by: Mapped[int] = mapped_column(ForeignKey("clerks.id"), nullable=False)
    created_at: Mapped[datetime] = created()
