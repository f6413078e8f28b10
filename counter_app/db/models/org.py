"""The organisation: service halls, areas (reading books), clerks and the
utility-wide settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.db.models._base import Base, created, pk

# --------------------------------------------------------------------------- org


class Hall(Base):
    """A service hall (营业厅); each has its own receipt series."""

    __tablename__ = "halls"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(80), nullable=False)
    address: Mapped[str] = mapped_column(String(200), nullable=False, default="")


class Area(Base):
    """A meter-reading area (片区) with its meter reader."""

    __tablename__ = "areas"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(80), nullable=False)
    meter_reader: Mapped[str] = mapped_column(String(40), nullable=False, default="")


class Clerk(Base):
    """A person who logs in. In PostgreSQL mode ``username`` is their login role."""

    __tablename__ = "clerks"
    __table_args__ = (CheckConstraint("role IN ('clerk','supervisor','admin')", name="role"),)
    id: Mapped[int] = pk()
    username: Mapped[str] = mapped_column(String(63), nullable=False, unique=True)
    display_name: Mapped[str] = mapped_column(String(40), nullable=False)
    role: Mapped[str] = mapped_column(String(16), nullable=False)
    hall_code: Mapped[str] = mapped_column(ForeignKey("halls.code"), nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    created_at: Mapped[datetime] = created()


class UtilitySetting(Base):
    """Utility-wide configuration as key/value text (utility name, policies)."""

    __tablename__ = "utility_settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)
