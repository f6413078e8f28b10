"""Customer accounts and their meters (with the indexes of the customer
search), meter readings, bills and bill lines."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    CHAR,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.db.models._base import Base, created, pk
from counter_app.db.types import Money, UnitPrice

# --------------------------------------------------------------------- accounts


class Account(Base):
    """A customer account (用户). ID number and phones are personal data:
    clerks in PostgreSQL cannot SELECT the raw columns; they see the masked
    and tail columns, and reveal through an audited function."""

    __tablename__ = "accounts"
    __table_args__ = (
        CheckConstraint(
            "account_type IN ('household','bulk','collective','nonresidential')",
            name="account_type",
        ),
        CheckConstraint("status IN ('active','suspended','closed')", name="status"),
        CheckConstraint("read_cycle_months IN (1, 2)", name="read_cycle"),
        CheckConstraint("prepayment_balance >= 0", name="prepayment_nonnegative"),
        CheckConstraint(
            "households_total IS NULL OR households_total >= 1", name="households_total"
        ),
        Index("ix_accounts_area_book", "area_code", "book_no"),
        # 属地-年度-序号, or a number kept from the old system (migration 0019)
        Index(
            "uq_accounts_archive_no",
            "archive_no",
            unique=True,
            postgresql_where=text("archive_no IS NOT NULL"),
        ),
    )
    id: Mapped[int] = pk()
    account_no: Mapped[str] = mapped_column(String(16), nullable=False, unique=True)
    name: Mapped[str] = mapped_column(String(80), nullable=False)
    name_pinyin: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    name_initials: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    id_number: Mapped[str | None] = mapped_column(String(18))
    id_masked: Mapped[str] = mapped_column(String(18), nullable=False, default="")
    id_tail: Mapped[str] = mapped_column(String(6), nullable=False, default="")
    mobile: Mapped[str | None] = mapped_column(String(11))
    mobile_masked: Mapped[str] = mapped_column(String(11), nullable=False, default="")
    landline: Mapped[str | None] = mapped_column(String(16))
    landline_masked: Mapped[str] = mapped_column(String(16), nullable=False, default="")
    address: Mapped[str] = mapped_column(String(200), nullable=False)
    meter_location: Mapped[str] = mapped_column(String(80), nullable=False, default="")
    account_type: Mapped[str] = mapped_column(String(16), nullable=False)
    households_total: Mapped[int | None] = mapped_column(Integer)
    price_category: Mapped[str] = mapped_column(ForeignKey("price_categories.code"), nullable=False)
    area_code: Mapped[str] = mapped_column(ForeignKey("areas.code"), nullable=False)
    book_no: Mapped[str] = mapped_column(String(16), nullable=False, default="")
    read_cycle_months: Mapped[int] = mapped_column(Integer, nullable=False, default=2)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="active")
    prepayment_balance: Mapped[Decimal] = mapped_column(
        Money(), nullable=False, default=Decimal("0")
    )
    archive_no: Mapped[str | None] = mapped_column(String(32))
    cabinet_no: Mapped[str] = mapped_column(
        String(16), nullable=False, default="", server_default=""
    )
    opened_on: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = created()
    updated_at: Mapped[datetime] = created()


class Meter(Base):
    __tablename__ = "meters"
    __table_args__ = (CheckConstraint("dial_digits BETWEEN 4 AND 9", name="dial_digits"),)
    id: Mapped[int] = pk()
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), nullable=False, index=True)
    meter_no: Mapped[str] = mapped_column(String(32), nullable=False, unique=True)
    caliber_mm: Mapped[int] = mapped_column(Integer, nullable=False, default=20)
    dial_digits: Mapped[int] = mapped_column(Integer, nullable=False, default=5)
    installed_on: Mapped[date | None] = mapped_column(Date)
    verified_on: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


# ---------------------------------------------------------------- search
# Indexes of the customer search (migration 0003, services/accounts/search.py).
# The plain column indexes use the pattern operator classes, so a prefix
# LIKE can use them although the database collation is not C. The
# expression indexes use counter_grams(), a function of migration 0003.
# The raw mobile / landline / ID number indexes serve the security-definer
# lookup function, not direct queries by clerks.
_PATTERN = "varchar_pattern_ops"
Index("ix_accounts_account_no_pattern", Account.account_no, postgresql_ops={"account_no": _PATTERN})
Index("ix_accounts_name", Account.name, postgresql_ops={"name": _PATTERN})
Index(
    "ix_accounts_name_initials", Account.name_initials, postgresql_ops={"name_initials": _PATTERN}
)
Index("ix_accounts_name_pinyin", Account.name_pinyin, postgresql_ops={"name_pinyin": _PATTERN})
Index("ix_accounts_mobile", Account.mobile)
Index("ix_accounts_landline", Account.landline)
Index("ix_accounts_id_number", Account.id_number)
Index("ix_meters_meter_no_pattern", Meter.meter_no, postgresql_ops={"meter_no": _PATTERN})
Index("ix_accounts_name_grams", func.counter_grams(Account.name), postgresql_using="gin")
Index(
    "ix_accounts_place_grams",
    func.counter_grams(Account.address, Account.meter_location),
    postgresql_using="gin",
)
Index("ix_accounts_mobile_tail", func.right(Account.mobile_masked, 4))
Index(
    "ix_accounts_id_tail_reversed",
    func.reverse(Account.id_tail).label("id_tail_reversed"),
    postgresql_ops={"id_tail_reversed": "text_pattern_ops"},
)


class Reading(Base):
    """One meter reading closing a read period (``period`` = 'YYYY-MM')."""

    __tablename__ = "readings"
    __table_args__ = (
        UniqueConstraint("meter_id", "period", name="uq_readings_meter_period"),
        CheckConstraint("reading >= 0", name="reading"),
        CheckConstraint("usage >= 0", name="usage"),
    )
    id: Mapped[int] = pk()
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), nullable=False, index=True)
    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"), nullable=False)
    period: Mapped[str] = mapped_column(String(7), nullable=False)
    read_on: Mapped[date] = mapped_column(Date, nullable=False)
    previous_reading: Mapped[int] = mapped_column(BigInteger, nullable=False)
    reading: Mapped[int] = mapped_column(BigInteger, nullable=False)
    usage: Mapped[int] = mapped_column(BigInteger, nullable=False)
    rolled_over: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    flags: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    source: Mapped[str] = mapped_column(String(32), nullable=False, default="reading-system")
    created_at: Mapped[datetime] = created()


class ReadingImport(Base):
    """A readings file imported (by the SHA-256 of its content): the same file
    a second time posts nothing (counter_import_readings). Append-only."""

    __tablename__ = "reading_imports"
    __table_args__ = (CheckConstraint("file_hash ~ '^[0-9a-f]{64}$'", name="file_hash"),)
    file_hash: Mapped[str] = mapped_column(CHAR(64), primary_key=True)
    file_name: Mapped[str] = mapped_column(String(200), nullable=False)
    rows_written: Mapped[int] = mapped_column(Integer, nullable=False)
    imported_by: Mapped[str] = mapped_column(String(63), nullable=False)
    imported_at: Mapped[datetime] = created()


class Bill(Base):
    """A bill for one account and read period. Never edited once issued (a
    trigger refuses it): a correction is an adjustment bill linked to it.
    What is owed is ``amount`` minus the allocations of unreversed payments."""

    __tablename__ = "bills"
    __table_args__ = (
        # one issued bill per account and period; adjustments come beside it
        Index(
            "uq_bills_account_period",
            "account_id",
            "period",
            unique=True,
            postgresql_where=text("adjusts_bill_id IS NULL"),
        ),
        Index(
            "uq_bills_reading_id",
            "reading_id",
            unique=True,
            postgresql_where=text("reading_id IS NOT NULL"),
        ),
        Index(
            "ix_bills_adjusts_bill_id",
            "adjusts_bill_id",
            postgresql_where=text("adjusts_bill_id IS NOT NULL"),
        ),
        # every screen reads an account's bills (adjustments included): 0017
        Index("ix_bills_account_period", "account_id", "period"),
        CheckConstraint(
            "(adjusts_bill_id IS NULL AND reason IS NULL AND approved_by IS NULL AND amount >= 0)"
            " OR (adjusts_bill_id IS NOT NULL AND btrim(coalesce(reason, '')) <> ''"
            " AND approved_by IS NOT NULL AND reading_id IS NULL AND amount <> 0)",
            name="adjustment",
        ),
    )
    id: Mapped[int] = pk()
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), nullable=False)
    period: Mapped[str] = mapped_column(String(7), nullable=False)
    reading_id: Mapped[int | None] = mapped_column(ForeignKey("readings.id"))
    tariff_id: Mapped[int] = mapped_column(ForeignKey("tariffs.id"), nullable=False)
    period_start: Mapped[date] = mapped_column(Date, nullable=False)
    period_end: Mapped[date] = mapped_column(Date, nullable=False)
    start_reading: Mapped[int] = mapped_column(BigInteger, nullable=False)
    end_reading: Mapped[int] = mapped_column(BigInteger, nullable=False)
    usage: Mapped[int] = mapped_column(BigInteger, nullable=False)
    amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    due_on: Mapped[date] = mapped_column(Date, nullable=False)
    created_at: Mapped[datetime] = created()
    # an adjustment bill (counter_adjust_bill): the bill it corrects, why, and
    # the supervisor who approved it; NULL on an issued bill
    adjusts_bill_id: Mapped[int | None] = mapped_column(ForeignKey("bills.id"))
    reason: Mapped[str | None] = mapped_column(String(200))
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))


class BillLine(Base):
    __tablename__ = "bill_lines"
    # 'opening': the one line of an opening bill carried over at go-live (0020)
    __table_args__ = (
        CheckConstraint("kind IN ('charge', 'relief', 'adjust', 'opening')", name="kind"),
    )
    bill_id: Mapped[int] = mapped_column(ForeignKey("bills.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), nullable=False)
    component: Mapped[str] = mapped_column(String(16), nullable=False)
    tier_no: Mapped[int | None] = mapped_column(Integer)
    volume: Mapped[int] = mapped_column(BigInteger, nullable=False)
    unit_price: Mapped[Decimal] = mapped_column(UnitPrice(), nullable=False)
    amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    label: Mapped[str] = mapped_column(String(40), nullable=False)
