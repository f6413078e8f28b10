"""Bank withholding (银行代扣, migration 0023): banks and layouts, agreements, batches, results.
Rules: docs/rules/withholding.md
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    CHAR,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    Uuid,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.db.models._base import Base, created, pk
from counter_app.db.types import Money, UTCDateTime


class WithholdingBank(Base):
    """A bank taking withholding files; ``layout`` is its request and return
    file formats (docs/rules/withholding.md). Written by the DBA only."""

    __tablename__ = "withholding_banks"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(80), nullable=False)
    layout: Mapped[dict] = mapped_column(JSONB, nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class WithholdingAgreement(Base):
    """代扣协议: at most one active per account (partial unique index)."""

    __tablename__ = "withholding_agreements"
    __table_args__ = (
        Index(
            "uq_withholding_agreements_active",
            "account_id",
            unique=True,
            postgresql_where=text("status = 'active'"),
        ),
    )
    id: Mapped[int] = pk()
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), nullable=False, index=True)
    bank_code: Mapped[str] = mapped_column(ForeignKey("withholding_banks.code"), nullable=False)
    bank_account: Mapped[str] = mapped_column(String(32), nullable=False)
    bank_account_masked: Mapped[str] = mapped_column(String(32), nullable=False)
    bank_account_tail: Mapped[str] = mapped_column(String(4), nullable=False)
    holder_name: Mapped[str] = mapped_column(String(80), nullable=False)
    signed_on: Mapped[date] = mapped_column(Date, nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="active")
    cancelled_on: Mapped[date | None] = mapped_column(Date)
    cancel_reason: Mapped[str | None] = mapped_column(String(200))
    signed_by: Mapped[int] = mapped_column(ForeignKey("clerks.id"), nullable=False)
    cancelled_by: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    last_result: Mapped[str | None] = mapped_column(String(16))
    last_result_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_amount: Mapped[Decimal | None] = mapped_column(Money())
    last_reason: Mapped[str | None] = mapped_column(String(80))
    created_at: Mapped[datetime] = created()
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)


class WithholdingBatch(Base):
    """A request file sent to a bank (what each account owed up to ``period``)."""

    __tablename__ = "withholding_batches"
    __table_args__ = (CheckConstraint("file_hash ~ '^[0-9a-f]{64}$'", name="file_hash"),)
    id: Mapped[int] = pk()
    batch_no: Mapped[str] = mapped_column(String(20), nullable=False, unique=True)
    bank_code: Mapped[str] = mapped_column(ForeignKey("withholding_banks.code"), nullable=False)
    period: Mapped[str] = mapped_column(String(7), nullable=False)
    file_name: Mapped[str] = mapped_column(String(200), nullable=False)
    file_hash: Mapped[str] = mapped_column(CHAR(64), nullable=False, unique=True)
    item_count: Mapped[int] = mapped_column(Integer, nullable=False)
    total_amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    created_by: Mapped[str] = mapped_column(String(63), nullable=False)
    created_at: Mapped[datetime] = created()


class WithholdingItem(Base):
    __tablename__ = "withholding_items"
    __table_args__ = (CheckConstraint("amount > 0", name="amount"),)
    batch_id: Mapped[int] = mapped_column(ForeignKey("withholding_batches.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), nullable=False, index=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("withholding_agreements.id"), nullable=False
    )
    amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)


class WithholdingResult(Base):
    """The bank's answer to one item, once (a success with its payment)."""

    __tablename__ = "withholding_results"
    __table_args__ = (
        ForeignKeyConstraint(
            ["batch_id", "seq"],
            ["withholding_items.batch_id", "withholding_items.seq"],
            name="fk_withholding_results_batch_id_withholding_items",
        ),
        Index(
            "uq_withholding_results_bank_ref",
            "bank_code",
            "bank_ref",
            unique=True,
            postgresql_where=text("bank_ref IS NOT NULL"),
        ),
    )
    batch_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    bank_code: Mapped[str] = mapped_column(String(16), nullable=False)
    paid: Mapped[bool] = mapped_column(Boolean, nullable=False)
    result_code: Mapped[str] = mapped_column(String(16), nullable=False)
    reason: Mapped[str] = mapped_column(String(80), nullable=False)
    bank_ref: Mapped[str | None] = mapped_column(String(40))
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"))
    file_hash: Mapped[str] = mapped_column(CHAR(64), nullable=False)
    created_at: Mapped[datetime] = created()


class WithholdingImport(Base):
    """A return file imported (by its SHA-256): the same file twice posts once."""

    __tablename__ = "withholding_imports"
    __table_args__ = (CheckConstraint("file_hash ~ '^[0-9a-f]{64}$'", name="file_hash"),)
    file_hash: Mapped[str] = mapped_column(CHAR(64), primary_key=True)
    file_name: Mapped[str] = mapped_column(String(200), nullable=False)
    bank_code: Mapped[str] = mapped_column(String(16), nullable=False)
    batch_id: Mapped[int] = mapped_column(ForeignKey("withholding_batches.id"), nullable=False)
    report: Mapped[str] = mapped_column(Text, nullable=False)
    imported_by: Mapped[str] = mapped_column(String(63), nullable=False)
    imported_at: Mapped[datetime] = created()


class WithholdingNumberRequest(Base):
    """Step 1 of handing the batch the full bank account numbers of a request
    file (migration 0029): the committed audit row, the agreements it names
    and a one-time token; step 2 returns their numbers for the token once."""

    __tablename__ = "withholding_number_requests"
    token: Mapped[uuid.UUID] = mapped_column(
        Uuid, primary_key=True, server_default=text("gen_random_uuid()")
    )
    login: Mapped[str] = mapped_column(Text, nullable=False)
    bank_code: Mapped[str] = mapped_column(ForeignKey("withholding_banks.code"), nullable=False)
    period: Mapped[str] = mapped_column(CHAR(7), nullable=False)
    agreement_ids: Mapped[list[int]] = mapped_column(ARRAY(BigInteger), nullable=False)
    audit_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("audit_events.id"), nullable=False)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
