"""Posted money: receipt series, shifts and their closes, payments with
tenders, allocations, reversals, the prepayment ledger and reprints. Append-only
(see the package docstring)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.db.models._base import Base, created, pk
from counter_app.db.types import Money, UTCDateTime

# ----------------------------------------------------------------- posted money


class ReceiptSeries(Base):
    """Gapless receipt numbering per series (one or more per hall; one per
    payment channel for the utility, code ``ch:<channel>``, no hall: 0022)."""

    __tablename__ = "receipt_series"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    hall_code: Mapped[str | None] = mapped_column(ForeignKey("halls.code"))
    prefix: Mapped[str] = mapped_column(String(16), nullable=False)
    next_no: Mapped[int] = mapped_column(BigInteger, nullable=False, default=1)


class Shift(Base):
    """A clerk's till session; closed by inserting a ShiftClose."""

    __tablename__ = "shifts"
    id: Mapped[int] = pk()
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"), nullable=False, index=True)
    hall_code: Mapped[str] = mapped_column(ForeignKey("halls.code"), nullable=False)
    workstation: Mapped[str] = mapped_column(String(64), nullable=False)
    opened_at: Mapped[datetime] = created()
    opening_float: Mapped[Decimal] = mapped_column(Money(), nullable=False, default=Decimal("0"))


class ShiftClose(Base):
    __tablename__ = "shift_closes"
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), primary_key=True)
    closed_at: Mapped[datetime] = created()
    expected_json: Mapped[str] = mapped_column(Text, nullable=False)
    counted_json: Mapped[str] = mapped_column(Text, nullable=False)
    cash_variance: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    variance_reason: Mapped[str] = mapped_column(Text, nullable=False, default="")


class Payment(Base):
    """Money received at the counter. ``client_uuid`` makes a retry post once;
    ``content_hash`` refuses the same key with different content. A payment
    of another ``channel`` (deduction, withholding, online; migration 0022)
    has no shift and no clerk, and its channel's ``external_ref`` (unique per
    channel) and ``paid_at``."""

    __tablename__ = "payments"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount"),
        UniqueConstraint("series_code", "receipt_no", name="uq_payments_series_receipt"),
        UniqueConstraint("channel", "external_ref", name="uq_payments_channel"),
    )
    id: Mapped[int] = pk()
    client_uuid: Mapped[str] = mapped_column(String(36), nullable=False, unique=True)
    content_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), nullable=False, index=True)
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id"), index=True)
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    workstation: Mapped[str] = mapped_column(String(64), nullable=False)
    series_code: Mapped[str] = mapped_column(ForeignKey("receipt_series.code"), nullable=False)
    receipt_no: Mapped[int] = mapped_column(BigInteger, nullable=False)
    amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    created_at: Mapped[datetime] = created()
    channel: Mapped[str] = mapped_column(
        String(16), nullable=False, default="counter", server_default="counter"
    )
    external_ref: Mapped[str | None] = mapped_column(String(100))
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    note: Mapped[str] = mapped_column(String(200), nullable=False, default="", server_default="")


class PaymentTender(Base):
    __tablename__ = "payment_tenders"
    __table_args__ = (
        CheckConstraint(
            "tender IN ('cash','wechat','alipay','card','prepayment','bank')", name="tender"
        ),
        CheckConstraint("amount > 0", name="amount"),
        CheckConstraint("change_given >= 0", name="change_given"),
    )
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    tender: Mapped[str] = mapped_column(String(16), nullable=False)
    amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    received: Mapped[Decimal | None] = mapped_column(Money())
    change_given: Mapped[Decimal] = mapped_column(Money(), nullable=False, default=Decimal("0"))
    reference: Mapped[str] = mapped_column(String(64), nullable=False, default="")


class Allocation(Base):
    __tablename__ = "allocations"
    __table_args__ = (CheckConstraint("amount > 0", name="amount"),)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"), primary_key=True)
    bill_id: Mapped[int] = mapped_column(ForeignKey("bills.id"), primary_key=True, index=True)
    amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)


class PaymentReversal(Base):
    """冲正: at most one per payment, approved by a supervisor."""

    __tablename__ = "payment_reversals"
    id: Mapped[int] = pk()
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"), nullable=False, unique=True)
    client_uuid: Mapped[str] = mapped_column(String(36), nullable=False, unique=True)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"), nullable=False)
    supervisor_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"), nullable=False)
    # none for a channel payment's reversal: no till refunds it (migration 0022)
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id"))
    workstation: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[datetime] = created()


class PrepaymentEntry(Base):
    """Prepayment (预存) ledger; ``accounts.prepayment_balance`` is its running sum."""

    __tablename__ = "prepayment_ledger"
    __table_args__ = (
        CheckConstraint("amount <> 0", name="amount"),
        CheckConstraint("balance_after >= 0", name="balance_after"),
        CheckConstraint("kind IN ('deposit','use','reversal','opening')", name="kind"),
    )
    id: Mapped[int] = pk()
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), nullable=False, index=True)
    # indexed for the books' triggers and the actions' results (migration 0012)
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"), index=True)
    reversal_id: Mapped[int | None] = mapped_column(ForeignKey("payment_reversals.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    balance_after: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    created_at: Mapped[datetime] = created()


class ReceiptReprint(Base):
    __tablename__ = "receipt_reprints"
    id: Mapped[int] = pk()
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"), nullable=False, index=True)
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"), nullable=False)
    workstation: Mapped[str] = mapped_column(String(64), nullable=False)
    created_at: Mapped[datetime] = created()
