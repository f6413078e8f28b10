"""Late fees (违约金/滞纳金, migration 0024): the rules as data, a
supervisor's waivers and the fees a payment charged. Append-only (a trigger
refuses UPDATE and DELETE); written only by the database's actions."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.db.models._base import Base, pk
from counter_app.db.types import Money, ScaledDecimal, UTCDateTime


def Rate() -> ScaledDecimal:  # noqa: N802 - reads like a type in models
    """NUMERIC(8,6): a rate per day (0.0003 is 万分之三)."""
    return ScaledDecimal(8, 6)


class LateFeeRule(Base):
    """The fee of a price category (NULL: utility-wide) from a day on, and the
    suspension thresholds (停供) that go with it. One per scope and day."""

    __tablename__ = "late_fee_rules"
    __table_args__ = (
        Index(
            "uq_late_fee_rules_scope_from",
            text("coalesce(price_category, '')"),
            "effective_from",
            unique=True,
        ),
    )
    id: Mapped[int] = pk()
    price_category: Mapped[str | None] = mapped_column(ForeignKey("price_categories.code"))
    rate_per_day: Mapped[Decimal] = mapped_column(Rate(), nullable=False)
    delay_days: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    cap_ratio: Mapped[Decimal | None] = mapped_column(ScaledDecimal(6, 4))
    suspend_after_days: Mapped[int | None] = mapped_column(Integer)
    suspend_min_amount: Mapped[Decimal | None] = mapped_column(Money())
    effective_from: Mapped[date] = mapped_column(Date, nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_by: Mapped[int | None] = mapped_column(BigInteger, ForeignKey("clerks.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)


class LateFeeWaiver(Base):
    """A supervisor's waiver of (part of) an account's late fee of one day."""

    __tablename__ = "late_fee_waivers"
    id: Mapped[int] = pk()
    account_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("accounts.id"), nullable=False, index=True
    )
    as_of: Mapped[date] = mapped_column(Date, nullable=False)
    fee: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    supervisor_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("clerks.id"), nullable=False)
    workstation: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)


class LateFeeCharge(Base):
    """The late fee a payment charged on one bill (``amount`` = ``fee`` - ``waived``)."""

    __tablename__ = "late_fee_charges"
    payment_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("payments.id"), primary_key=True)
    bill_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("bills.id"), primary_key=True, index=True
    )
    as_of: Mapped[date] = mapped_column(Date, nullable=False)
    days: Mapped[int] = mapped_column(Integer, nullable=False)
    base: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    rate: Mapped[Decimal] = mapped_column(Rate(), nullable=False)
    fee: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    waived: Mapped[Decimal] = mapped_column(Money(), nullable=False, default=Decimal("0"))
    amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    waiver_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("late_fee_waivers.id"), index=True
    )
