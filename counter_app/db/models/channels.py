"""Money that does not pass the counter (migration 0022): statements, suspense, deduction.
Rules: docs/rules/payments.md ("Channels")
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    CHAR,
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.db.models._base import Base, pk
from counter_app.db.types import Money, UTCDateTime


class AccountChannelSettings(Base):
    """Whether the account's prepayment pays its bills at billing (no row: yes)."""

    __tablename__ = "account_channel_settings"
    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id"), primary_key=True, autoincrement=False
    )
    deduction: Mapped[bool] = mapped_column(Boolean, nullable=False)
    reason: Mapped[str] = mapped_column(String(200), nullable=False)
    changed_by: Mapped[str] = mapped_column(String(63), nullable=False)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)


class OnlineImport(Base):
    """A platform's statement imported (by the SHA-256 of its content)."""

    __tablename__ = "online_imports"
    __table_args__ = (
        UniqueConstraint("file_hash", name="uq_online_imports_file_hash"),
        CheckConstraint("file_hash ~ '^[0-9a-f]{64}$'", name="file_hash"),
        CheckConstraint("platform IN ('wechat', 'alipay', 'bank')", name="platform"),
    )
    id: Mapped[int] = pk()
    file_hash: Mapped[str] = mapped_column(CHAR(64), nullable=False)
    platform: Mapped[str] = mapped_column(String(16), nullable=False)
    file_name: Mapped[str] = mapped_column(String(200), nullable=False)
    orders: Mapped[int] = mapped_column(Integer, nullable=False)
    posted: Mapped[int] = mapped_column(Integer, nullable=False)
    replayed: Mapped[int] = mapped_column(Integer, nullable=False)
    suspended: Mapped[int] = mapped_column(Integer, nullable=False)
    amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    imported_by: Mapped[str] = mapped_column(String(63), nullable=False)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)


class ChannelSuspense(Base):
    """Channel money not posted: an unknown or closed account, an overpayment."""

    __tablename__ = "channel_suspense"
    __table_args__ = (
        UniqueConstraint("channel", "external_ref", name="uq_channel_suspense_channel"),
        CheckConstraint("channel IN ('withholding', 'online')", name="channel"),
        CheckConstraint("amount > 0", name="amount"),
        CheckConstraint(
            "reason IN ('unknown_account', 'closed_account', 'overpaid')", name="reason"
        ),
    )
    id: Mapped[int] = pk()
    channel: Mapped[str] = mapped_column(String(16), nullable=False)
    external_ref: Mapped[str] = mapped_column(String(100), nullable=False)
    tender: Mapped[str] = mapped_column(String(16), nullable=False)
    account_no: Mapped[str] = mapped_column(String(64), nullable=False)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    owed: Mapped[Decimal | None] = mapped_column(Money())
    paid_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    reason: Mapped[str] = mapped_column(String(16), nullable=False)
    import_id: Mapped[int | None] = mapped_column(ForeignKey("online_imports.id"))
    line: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)


class ChannelSuspenseResolution(Base):
    """How a supervisor resolved a suspense row (once): posted to its account,
    to another account, or refunded."""

    __tablename__ = "channel_suspense_resolutions"
    __table_args__ = (
        UniqueConstraint("payment_id", name="uq_channel_suspense_resolutions_payment_id"),
        CheckConstraint("action IN ('to_prepayment', 'to_account', 'refunded')", name="action"),
    )
    suspense_id: Mapped[int] = mapped_column(
        ForeignKey("channel_suspense.id"), primary_key=True, autoincrement=False
    )
    action: Mapped[str] = mapped_column(String(16), nullable=False)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    payment_id: Mapped[int | None] = mapped_column(BigInteger, ForeignKey("payments.id"))
    reason: Mapped[str] = mapped_column(String(200), nullable=False)
    resolved_by: Mapped[str] = mapped_column(String(63), nullable=False)
    resolved_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
