"""SQLAlchemy models: the schema of record (migrations are written from it).

Rows that hold posted money (payments, payment_tenders, allocations,
prepayment_ledger, payment_reversals, receipt_reprints) and audit_events are
append-only: in PostgreSQL triggers and privileges refuse UPDATE, DELETE and
TRUNCATE (see migrations/versions/0002_postgres_security.py).

One module on purpose: the models have no relationship(), and SQLAlchemy's
unit of work orders the inserts of unrelated mappers in one flush by
"module.ClassName". Code that adds, say, a Hall and its ReceiptSeries before
one flush depends on that order; splitting this file by area would change it.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from .types import Money, UnitPrice, UTCDateTime, utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# BIGINT identity on PostgreSQL, INTEGER PRIMARY KEY (rowid) on SQLite.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def pk() -> Mapped[int]:
    return mapped_column(BigId, primary_key=True, autoincrement=True)


def created() -> Mapped[datetime]:
    return mapped_column(UTCDateTime(), nullable=False, default=utcnow)


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
    __table_args__ = (
        CheckConstraint("role IN ('clerk','supervisor','admin')", name="role"),
    )
    id: Mapped[int] = pk()
    username: Mapped[str] = mapped_column(String(63), nullable=False, unique=True)
    display_name: Mapped[str] = mapped_column(String(40), nullable=False)
    role: Mapped[str] = mapped_column(String(16), nullable=False)
    hall_code: Mapped[str] = mapped_column(ForeignKey("halls.code"), nullable=False)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    created_at: Mapped[datetime] = created()


class UtilitySetting(Base):
    """Utility-wide configuration as key/value text (utility name, policies)."""

    __tablename__ = "utility_settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


# ---------------------------------------------------------------------- tariffs


class PriceCategory(Base):
    __tablename__ = "price_categories"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(40), nullable=False)


class Tariff(Base):
    """A price schedule for one category, in force from ``effective_from``."""

    __tablename__ = "tariffs"
    id: Mapped[int] = pk()
    code: Mapped[str] = mapped_column(String(32), nullable=False, unique=True)
    name: Mapped[str] = mapped_column(String(80), nullable=False)
    category_code: Mapped[str] = mapped_column(ForeignKey("price_categories.code"), nullable=False)
    effective_from: Mapped[date] = mapped_column(Date, nullable=False)
    effective_to: Mapped[date | None] = mapped_column(Date)


class TariffTier(Base):
    """Annual cumulative tier bound (m³); ``upper_volume`` NULL = unbounded."""

    __tablename__ = "tariff_tiers"
    __table_args__ = (CheckConstraint("tier_no >= 1", name="tier_no"),)
    tariff_id: Mapped[int] = mapped_column(ForeignKey("tariffs.id"), primary_key=True)
    tier_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    upper_volume: Mapped[int | None] = mapped_column(Integer)


class TariffRate(Base):
    """Unit price of a fee component at a tier (tier 1 only = flat component)."""

    __tablename__ = "tariff_rates"
    __table_args__ = (
        CheckConstraint("component IN ('basic','sewage','resource')", name="component"),
        CheckConstraint("unit_price >= 0", name="unit_price"),
    )
    tariff_id: Mapped[int] = mapped_column(ForeignKey("tariffs.id"), primary_key=True)
    component: Mapped[str] = mapped_column(String(16), primary_key=True)
    tier_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_price: Mapped[Decimal] = mapped_column(UnitPrice(), nullable=False)


class ReliefRule(Base):
    """A relief policy as data: per_ton, free_volume or percentage."""

    __tablename__ = "relief_rules"
    __table_args__ = (
        CheckConstraint("kind IN ('per_ton','free_volume','percentage')", name="kind"),
        CheckConstraint("value >= 0", name="value"),
    )
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(80), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    value: Mapped[Decimal] = mapped_column(UnitPrice(), nullable=False)
    component: Mapped[str] = mapped_column(String(16), nullable=False, default="basic")
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


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
    prepayment_balance: Mapped[Decimal] = mapped_column(Money(), nullable=False, default=Decimal("0"))
    archive_no: Mapped[str] = mapped_column(String(32), nullable=False, default="")
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
# Indexes of the customer search (migration 0003, services/search.py).
# Plain column indexes exist on both engines; on PostgreSQL they use the
# pattern operator classes, so a prefix LIKE can use them although the
# database collation is not C. The expression indexes exist on PostgreSQL
# only (counter_grams() is a PostgreSQL function; SQLite autogenerate skips
# expression indexes). The raw mobile / landline / ID number indexes serve
# the security-definer lookup function, not direct queries by clerks.
_PATTERN = "varchar_pattern_ops"
Index("ix_accounts_account_no_pattern", Account.account_no,
      postgresql_ops={"account_no": _PATTERN})
Index("ix_accounts_name", Account.name, postgresql_ops={"name": _PATTERN})
Index("ix_accounts_name_initials", Account.name_initials,
      postgresql_ops={"name_initials": _PATTERN})
Index("ix_accounts_name_pinyin", Account.name_pinyin, postgresql_ops={"name_pinyin": _PATTERN})
Index("ix_accounts_mobile", Account.mobile)
Index("ix_accounts_landline", Account.landline)
Index("ix_accounts_id_number", Account.id_number)
Index("ix_meters_meter_no_pattern", Meter.meter_no, postgresql_ops={"meter_no": _PATTERN})
Index("ix_accounts_name_grams", func.counter_grams(Account.name), postgresql_using="gin")
Index("ix_accounts_place_grams", func.counter_grams(Account.address, Account.meter_location),
      postgresql_using="gin")
Index("ix_accounts_mobile_tail", func.right(Account.mobile_masked, 4))
Index("ix_accounts_id_tail_reversed",
      func.reverse(Account.id_tail).label("id_tail_reversed"),
      postgresql_ops={"id_tail_reversed": "text_pattern_ops"})


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


class Bill(Base):
    """A bill for one account and read period. Never edited once issued:
    what is owed is ``amount`` minus the allocations of unreversed payments."""

    __tablename__ = "bills"
    __table_args__ = (UniqueConstraint("account_id", "period", name="uq_bills_account_period"),)
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


class BillLine(Base):
    __tablename__ = "bill_lines"
    __table_args__ = (CheckConstraint("kind IN ('charge','relief')", name="kind"),)
    bill_id: Mapped[int] = mapped_column(ForeignKey("bills.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), nullable=False)
    component: Mapped[str] = mapped_column(String(16), nullable=False)
    tier_no: Mapped[int | None] = mapped_column(Integer)
    volume: Mapped[int] = mapped_column(BigInteger, nullable=False)
    unit_price: Mapped[Decimal] = mapped_column(UnitPrice(), nullable=False)
    amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    label: Mapped[str] = mapped_column(String(40), nullable=False)


# ----------------------------------------------------------------- posted money


class ReceiptSeries(Base):
    """Gapless receipt numbering per series (one or more per hall)."""

    __tablename__ = "receipt_series"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    hall_code: Mapped[str] = mapped_column(ForeignKey("halls.code"), nullable=False)
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
    ``content_hash`` refuses the same key with different content."""

    __tablename__ = "payments"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount"),
        UniqueConstraint("series_code", "receipt_no", name="uq_payments_series_receipt"),
    )
    id: Mapped[int] = pk()
    client_uuid: Mapped[str] = mapped_column(String(36), nullable=False, unique=True)
    content_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), nullable=False, index=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), nullable=False, index=True)
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"), nullable=False)
    workstation: Mapped[str] = mapped_column(String(64), nullable=False)
    series_code: Mapped[str] = mapped_column(ForeignKey("receipt_series.code"), nullable=False)
    receipt_no: Mapped[int] = mapped_column(BigInteger, nullable=False)
    amount: Mapped[Decimal] = mapped_column(Money(), nullable=False)
    created_at: Mapped[datetime] = created()


class PaymentTender(Base):
    __tablename__ = "payment_tenders"
    __table_args__ = (
        CheckConstraint(
            "tender IN ('cash','wechat','alipay','card','prepayment')", name="tender"
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
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), nullable=False)
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
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payments.id"))
    reversal_id: Mapped[int | None] = mapped_column(ForeignKey("payment_reversals.id"))
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
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id"), nullable=False, index=True)
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
    proposed_masked: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default="")
    evidence: Mapped[str] = mapped_column(Text, nullable=False, default="")
    account_version: Mapped[int] = mapped_column(Integer, nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="pending")
    requested_by: Mapped[int] = mapped_column(ForeignKey("clerks.id"), nullable=False)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decision_note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = created()


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
)


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
