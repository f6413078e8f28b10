"""schema v1

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import counter_app.db.types

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "areas",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("meter_reader", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_areas")),
    )
    op.create_table(
        "audit_events",
        sa.Column(
            "id",
            sa.BigInteger(),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("at", counter_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("clerk", sa.String(length=63), nullable=False),
        sa.Column("workstation", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=40), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    op.create_table(
        "halls",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_halls")),
    )
    op.create_table(
        "price_categories",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_price_categories")),
    )
    op.create_table(
        "relief_rules",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column(
            "value", counter_app.db.types.ScaledDecimal(precision=10, scale=4), nullable=False
        ),
        sa.Column("component", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('per_ton','free_volume','percentage')", name=op.f("ck_relief_rules_kind")
        ),
        sa.CheckConstraint("value >= 0", name=op.f("ck_relief_rules_value")),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_relief_rules")),
    )
    op.create_table(
        "utility_settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_utility_settings")),
    )
    op.create_table(
        "accounts",
        sa.Column(
            "id",
            sa.BigInteger(),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("account_no", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("name_pinyin", sa.String(length=200), nullable=False),
        sa.Column("name_initials", sa.String(length=40), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("id_masked", sa.String(length=18), nullable=False),
        sa.Column("id_tail", sa.String(length=6), nullable=False),
        sa.Column("mobile", sa.String(length=11), nullable=True),
        sa.Column("mobile_masked", sa.String(length=11), nullable=False),
        sa.Column("landline", sa.String(length=16), nullable=True),
        sa.Column("landline_masked", sa.String(length=16), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("meter_location", sa.String(length=80), nullable=False),
        sa.Column("account_type", sa.String(length=16), nullable=False),
        sa.Column("households_total", sa.Integer(), nullable=True),
        sa.Column("price_category", sa.String(length=16), nullable=False),
        sa.Column("area_code", sa.String(length=16), nullable=False),
        sa.Column("book_no", sa.String(length=16), nullable=False),
        sa.Column("read_cycle_months", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column(
            "prepayment_balance",
            counter_app.db.types.ScaledDecimal(precision=12, scale=2),
            nullable=False,
        ),
        sa.Column("archive_no", sa.String(length=32), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", counter_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", counter_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "account_type IN ('household','bulk','collective','nonresidential')",
            name=op.f("ck_accounts_account_type"),
        ),
        sa.CheckConstraint(
            "status IN ('active','suspended','closed')", name=op.f("ck_accounts_status")
        ),
        sa.CheckConstraint(
            "households_total IS NULL OR households_total >= 1",
            name=op.f("ck_accounts_households_total"),
        ),
        sa.CheckConstraint(
            "prepayment_balance >= 0", name=op.f("ck_accounts_prepayment_nonnegative")
        ),
        sa.CheckConstraint("read_cycle_months IN (1, 2)", name=op.f("ck_accounts_read_cycle")),
        sa.ForeignKeyConstraint(
            ["area_code"], ["areas.code"], name=op.f("fk_accounts_area_code_areas")
        ),
        sa.ForeignKeyConstraint(
            ["price_category"],
            ["price_categories.code"],
            name=op.f("fk_accounts_price_category_price_categories"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
        sa.UniqueConstraint("account_no", name=op.f("uq_accounts_account_no")),
    )
    op.create_index("ix_accounts_area_book", "accounts", ["area_code", "book_no"], unique=False)
    op.create_table(
        "clerks",
        sa.Column(
            "id",
            sa.BigInteger(),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("username", sa.String(length=63), nullable=False),
        sa.Column("display_name", sa.String(length=40), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("hall_code", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", counter_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("role IN ('clerk','supervisor','admin')", name=op.f("ck_clerks_role")),
        sa.ForeignKeyConstraint(
            ["hall_code"], ["halls.code"], name=op.f("fk_clerks_hall_code_halls")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clerks")),
        sa.UniqueConstraint("username", name=op.f("uq_clerks_username")),
    )
    op.create_table(
        "receipt_series",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("hall_code", sa.String(length=16), nullable=False),
        sa.Column("prefix", sa.String(length=16), nullable=False),
        sa.Column("next_no", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["hall_code"], ["halls.code"], name=op.f("fk_receipt_series_hall_code_halls")
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_receipt_series")),
    )
    op.create_table(
        "tariffs",
        sa.Column(
            "id",
            sa.BigInteger(),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("category_code", sa.String(length=16), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("effective_to", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["category_code"],
            ["price_categories.code"],
            name=op.f("fk_tariffs_category_code_price_categories"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tariffs")),
        sa.UniqueConstraint("code", name=op.f("uq_tariffs_code")),
    )
    op.create_table(
        "complaints",
        sa.Column(
            "id",
            sa.BigInteger(),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("ticket_no", sa.String(length=20), nullable=False),
        sa.Column("account_id", sa.BigInteger(), nullable=True),
        sa.Column("complainant", sa.String(length=80), nullable=False),
        sa.Column("contact", sa.String(length=40), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("category", sa.String(length=24), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("company_at_fault", sa.Boolean(), nullable=False),
        sa.Column("apology_given", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("department", sa.String(length=40), nullable=False),
        sa.Column("due_at", counter_app.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("recall_on", sa.Date(), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.Column("satisfaction", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.BigInteger(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", counter_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", counter_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('open','forwarded','resolved','replied','closed')",
            name=op.f("ck_complaints_status"),
        ),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_complaints_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["clerks.id"], name=op.f("fk_complaints_created_by_clerks")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaints")),
        sa.UniqueConstraint("ticket_no", name=op.f("uq_complaints_ticket_no")),
    )
    op.create_index(op.f("ix_complaints_account_id"), "complaints", ["account_id"], unique=False)
    op.create_table(
        "correction_requests",
        sa.Column(
            "id",
            sa.BigInteger(),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("account_id", sa.BigInteger(), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=False),
        sa.Column("proposed_value", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("account_version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("requested_by", sa.BigInteger(), nullable=False),
        sa.Column("decided_by", sa.BigInteger(), nullable=True),
        sa.Column("decided_at", counter_app.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", counter_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('pending','approved','rejected')",
            name=op.f("ck_correction_requests_status"),
        ),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_correction_requests_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["clerks.id"], name=op.f("fk_correction_requests_decided_by_clerks")
        ),
        sa.ForeignKeyConstraint(
            ["requested_by"], ["clerks.id"], name=op.f("fk_correction_requests_requested_by_clerks")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_correction_requests")),
    )
    op.create_index(
        op.f("ix_correction_requests_account_id"),
        "correction_requests",
        ["account_id"],
        unique=False,
    )
    op.create_table(
        "meters",
        sa.Column(
            "id",
            sa.BigInteger(),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("account_id", sa.BigInteger(), nullable=False),
        sa.Column("meter_no", sa.String(length=32), nullable=False),
        sa.Column("caliber_mm", sa.Integer(), nullable=False),
        sa.Column("dial_digits", sa.Integer(), nullable=False),
        sa.Column("installed_on", sa.Date(), nullable=True),
        sa.Column("verified_on", sa.Date(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.CheckConstraint("dial_digits BETWEEN 4 AND 9", name=op.f("ck_meters_dial_digits")),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_meters_account_id_accounts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meters")),
        sa.UniqueConstraint("meter_no", name=op.f("uq_meters_meter_no")),
    )
    op.create_index(op.f("ix_meters_account_id"), "meters", ["account_id"], unique=False)
    op.create_table(
        "relief_applications",
        sa.Column(
            "id",
            sa.BigInteger(),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("account_id", sa.BigInteger(), nullable=False),
        sa.Column("rule_code", sa.String(length=32), nullable=False),
        sa.Column("certificate_type", sa.String(length=40), nullable=False),
        sa.Column("certificate_no", sa.String(length=40), nullable=False),
        sa.Column("issuing_office", sa.String(length=80), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.Column("holder_name", sa.String(length=80), nullable=False),
        sa.Column("holder_id_number", sa.String(length=18), nullable=True),
        sa.Column("holder_id_masked", sa.String(length=18), nullable=False),
        sa.Column("contact_phone", sa.String(length=16), nullable=True),
        sa.Column("materials_json", sa.Text(), nullable=False),
        sa.Column("low_income_households", sa.Integer(), nullable=True),
        sa.Column("total_households", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("effective_period", sa.String(length=7), nullable=True),
        sa.Column("created_by", sa.BigInteger(), nullable=False),
        sa.Column("decided_by", sa.BigInteger(), nullable=True),
        sa.Column("decided_at", counter_app.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("revoked_reason", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", counter_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('pending','approved','rejected','revoked','expired')",
            name=op.f("ck_relief_applications_status"),
        ),
        sa.CheckConstraint("valid_to >= valid_from", name=op.f("ck_relief_applications_validity")),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_relief_applications_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["clerks.id"], name=op.f("fk_relief_applications_created_by_clerks")
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"], ["clerks.id"], name=op.f("fk_relief_applications_decided_by_clerks")
        ),
        sa.ForeignKeyConstraint(
            ["rule_code"],
            ["relief_rules.code"],
            name=op.f("fk_relief_applications_rule_code_relief_rules"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relief_applications")),
    )
    op.create_index(
        op.f("ix_relief_applications_account_id"),
        "relief_applications",
        ["account_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_relief_applications_certificate_no"),
        "relief_applications",
        ["certificate_no"],
        unique=False,
    )
    op.create_table(
        "shifts",
        sa.Column(
            "id",
            sa.BigInteger(),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("clerk_id", sa.BigInteger(), nullable=False),
        sa.Column("hall_code", sa.String(length=16), nullable=False),
        sa.Column("workstation", sa.String(length=64), nullable=False),
        sa.Column("opened_at", counter_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column(
            "opening_float",
            counter_app.db.types.ScaledDecimal(precision=12, scale=2),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["clerk_id"], ["clerks.id"], name=op.f("fk_shifts_clerk_id_clerks")
        ),
        sa.ForeignKeyConstraint(
            ["hall_code"], ["halls.code"], name=op.f("fk_shifts_hall_code_halls")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shifts")),
    )
    op.create_index(op.f("ix_shifts_clerk_id"), "shifts", ["clerk_id"], unique=False)
    op.create_table(
        "tariff_rates",
        sa.Column("tariff_id", sa.BigInteger(), nullable=False),
        sa.Column("component", sa.String(length=16), nullable=False),
        sa.Column("tier_no", sa.Integer(), nullable=False),
        sa.Column(
            "unit_price", counter_app.db.types.ScaledDecimal(precision=10, scale=4), nullable=False
        ),
        sa.CheckConstraint(
            "component IN ('basic','sewage','resource')", name=op.f("ck_tariff_rates_component")
        ),
        sa.CheckConstraint("unit_price >= 0", name=op.f("ck_tariff_rates_unit_price")),
        sa.ForeignKeyConstraint(
            ["tariff_id"], ["tariffs.id"], name=op.f("fk_tariff_rates_tariff_id_tariffs")
        ),
        sa.PrimaryKeyConstraint("tariff_id", "component", "tier_no", name=op.f("pk_tariff_rates")),
    )
    op.create_table(
        "tariff_tiers",
        sa.Column("tariff_id", sa.BigInteger(), nullable=False),
        sa.Column("tier_no", sa.Integer(), nullable=False),
        sa.Column("upper_volume", sa.Integer(), nullable=True),
        sa.CheckConstraint("tier_no >= 1", name=op.f("ck_tariff_tiers_tier_no")),
        sa.ForeignKeyConstraint(
            ["tariff_id"], ["tariffs.id"], name=op.f("fk_tariff_tiers_tariff_id_tariffs")
        ),
        sa.PrimaryKeyConstraint("tariff_id", "tier_no", name=op.f("pk_tariff_tiers")),
    )
    op.create_table(
        "complaint_events",
        sa.Column(
            "id",
            sa.BigInteger(),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("complaint_id", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("clerk_id", sa.BigInteger(), nullable=False),
        sa.Column("created_at", counter_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["clerk_id"], ["clerks.id"], name=op.f("fk_complaint_events_clerk_id_clerks")
        ),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.id"],
            name=op.f("fk_complaint_events_complaint_id_complaints"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_events")),
    )
    op.create_index(
        op.f("ix_complaint_events_complaint_id"), "complaint_events", ["complaint_id"], unique=False
    )
    op.create_table(
        "payments",
        sa.Column(
            "id",
            sa.BigInteger(),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("client_uuid", sa.String(length=36), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("account_id", sa.BigInteger(), nullable=False),
        sa.Column("shift_id", sa.BigInteger(), nullable=False),
        sa.Column("clerk_id", sa.BigInteger(), nullable=False),
        sa.Column("workstation", sa.String(length=64), nullable=False),
        sa.Column("series_code", sa.String(length=16), nullable=False),
        sa.Column("receipt_no", sa.BigInteger(), nullable=False),
        sa.Column(
            "amount", counter_app.db.types.ScaledDecimal(precision=12, scale=2), nullable=False
        ),
        sa.Column("created_at", counter_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_payments_amount")),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_payments_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["clerk_id"], ["clerks.id"], name=op.f("fk_payments_clerk_id_clerks")
        ),
        sa.ForeignKeyConstraint(
            ["series_code"],
            ["receipt_series.code"],
            name=op.f("fk_payments_series_code_receipt_series"),
        ),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shifts.id"], name=op.f("fk_payments_shift_id_shifts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
        sa.UniqueConstraint("client_uuid", name=op.f("uq_payments_client_uuid")),
        sa.UniqueConstraint("series_code", "receipt_no", name="uq_payments_series_receipt"),
    )
    op.create_index(op.f("ix_payments_account_id"), "payments", ["account_id"], unique=False)
    op.create_index(op.f("ix_payments_shift_id"), "payments", ["shift_id"], unique=False)
    op.create_table(
        "readings",
        sa.Column(
            "id",
            sa.BigInteger(),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("account_id", sa.BigInteger(), nullable=False),
        sa.Column("meter_id", sa.BigInteger(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("read_on", sa.Date(), nullable=False),
        sa.Column("previous_reading", sa.BigInteger(), nullable=False),
        sa.Column("reading", sa.BigInteger(), nullable=False),
        sa.Column("usage", sa.BigInteger(), nullable=False),
        sa.Column("rolled_over", sa.Boolean(), nullable=False),
        sa.Column("flags", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=32), nullable=False),
        sa.Column("created_at", counter_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("reading >= 0", name=op.f("ck_readings_reading")),
        sa.CheckConstraint("usage >= 0", name=op.f("ck_readings_usage")),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_readings_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["meter_id"], ["meters.id"], name=op.f("fk_readings_meter_id_meters")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_readings")),
        sa.UniqueConstraint("meter_id", "period", name="uq_readings_meter_period"),
    )
    op.create_index(op.f("ix_readings_account_id"), "readings", ["account_id"], unique=False)
    op.create_table(
        "shift_closes",
        sa.Column("shift_id", sa.BigInteger(), nullable=False),
        sa.Column("closed_at", counter_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expected_json", sa.Text(), nullable=False),
        sa.Column("counted_json", sa.Text(), nullable=False),
        sa.Column(
            "cash_variance",
            counter_app.db.types.ScaledDecimal(precision=12, scale=2),
            nullable=False,
        ),
        sa.Column("variance_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shifts.id"], name=op.f("fk_shift_closes_shift_id_shifts")
        ),
        sa.PrimaryKeyConstraint("shift_id", name=op.f("pk_shift_closes")),
    )
    op.create_table(
        "bills",
        sa.Column(
            "id",
            sa.BigInteger(),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("account_id", sa.BigInteger(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("reading_id", sa.BigInteger(), nullable=True),
        sa.Column("tariff_id", sa.BigInteger(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("start_reading", sa.BigInteger(), nullable=False),
        sa.Column("end_reading", sa.BigInteger(), nullable=False),
        sa.Column("usage", sa.BigInteger(), nullable=False),
        sa.Column(
            "amount", counter_app.db.types.ScaledDecimal(precision=12, scale=2), nullable=False
        ),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("created_at", counter_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_bills_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["reading_id"], ["readings.id"], name=op.f("fk_bills_reading_id_readings")
        ),
        sa.ForeignKeyConstraint(
            ["tariff_id"], ["tariffs.id"], name=op.f("fk_bills_tariff_id_tariffs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bills")),
        sa.UniqueConstraint("account_id", "period", name="uq_bills_account_period"),
    )
    op.create_table(
        "payment_reversals",
        sa.Column(
            "id",
            sa.BigInteger(),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("payment_id", sa.BigInteger(), nullable=False),
        sa.Column("client_uuid", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("clerk_id", sa.BigInteger(), nullable=False),
        sa.Column("supervisor_id", sa.BigInteger(), nullable=False),
        sa.Column("shift_id", sa.BigInteger(), nullable=False),
        sa.Column("workstation", sa.String(length=64), nullable=False),
        sa.Column("created_at", counter_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["clerk_id"], ["clerks.id"], name=op.f("fk_payment_reversals_clerk_id_clerks")
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_payment_reversals_payment_id_payments")
        ),
        sa.ForeignKeyConstraint(
            ["shift_id"], ["shifts.id"], name=op.f("fk_payment_reversals_shift_id_shifts")
        ),
        sa.ForeignKeyConstraint(
            ["supervisor_id"], ["clerks.id"], name=op.f("fk_payment_reversals_supervisor_id_clerks")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_reversals")),
        sa.UniqueConstraint("client_uuid", name=op.f("uq_payment_reversals_client_uuid")),
        sa.UniqueConstraint("payment_id", name=op.f("uq_payment_reversals_payment_id")),
    )
    op.create_table(
        "payment_tenders",
        sa.Column("payment_id", sa.BigInteger(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("tender", sa.String(length=16), nullable=False),
        sa.Column(
            "amount", counter_app.db.types.ScaledDecimal(precision=12, scale=2), nullable=False
        ),
        sa.Column(
            "received", counter_app.db.types.ScaledDecimal(precision=12, scale=2), nullable=True
        ),
        sa.Column(
            "change_given",
            counter_app.db.types.ScaledDecimal(precision=12, scale=2),
            nullable=False,
        ),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.CheckConstraint(
            "tender IN ('cash','wechat','alipay','card','prepayment')",
            name=op.f("ck_payment_tenders_tender"),
        ),
        sa.CheckConstraint("amount > 0", name=op.f("ck_payment_tenders_amount")),
        sa.CheckConstraint("change_given >= 0", name=op.f("ck_payment_tenders_change_given")),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_payment_tenders_payment_id_payments")
        ),
        sa.PrimaryKeyConstraint("payment_id", "line_no", name=op.f("pk_payment_tenders")),
    )
    op.create_table(
        "receipt_reprints",
        sa.Column(
            "id",
            sa.BigInteger(),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("payment_id", sa.BigInteger(), nullable=False),
        sa.Column("clerk_id", sa.BigInteger(), nullable=False),
        sa.Column("workstation", sa.String(length=64), nullable=False),
        sa.Column("created_at", counter_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["clerk_id"], ["clerks.id"], name=op.f("fk_receipt_reprints_clerk_id_clerks")
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_receipt_reprints_payment_id_payments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_receipt_reprints")),
    )
    op.create_index(
        op.f("ix_receipt_reprints_payment_id"), "receipt_reprints", ["payment_id"], unique=False
    )
    op.create_table(
        "allocations",
        sa.Column("payment_id", sa.BigInteger(), nullable=False),
        sa.Column("bill_id", sa.BigInteger(), nullable=False),
        sa.Column(
            "amount", counter_app.db.types.ScaledDecimal(precision=12, scale=2), nullable=False
        ),
        sa.CheckConstraint("amount > 0", name=op.f("ck_allocations_amount")),
        sa.ForeignKeyConstraint(
            ["bill_id"], ["bills.id"], name=op.f("fk_allocations_bill_id_bills")
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_allocations_payment_id_payments")
        ),
        sa.PrimaryKeyConstraint("payment_id", "bill_id", name=op.f("pk_allocations")),
    )
    op.create_index(op.f("ix_allocations_bill_id"), "allocations", ["bill_id"], unique=False)
    op.create_table(
        "bill_lines",
        sa.Column("bill_id", sa.BigInteger(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("component", sa.String(length=16), nullable=False),
        sa.Column("tier_no", sa.Integer(), nullable=True),
        sa.Column("volume", sa.BigInteger(), nullable=False),
        sa.Column(
            "unit_price", counter_app.db.types.ScaledDecimal(precision=10, scale=4), nullable=False
        ),
        sa.Column(
            "amount", counter_app.db.types.ScaledDecimal(precision=12, scale=2), nullable=False
        ),
        sa.Column("label", sa.String(length=40), nullable=False),
        sa.CheckConstraint("kind IN ('charge','relief')", name=op.f("ck_bill_lines_kind")),
        sa.ForeignKeyConstraint(
            ["bill_id"], ["bills.id"], name=op.f("fk_bill_lines_bill_id_bills")
        ),
        sa.PrimaryKeyConstraint("bill_id", "line_no", name=op.f("pk_bill_lines")),
    )
    op.create_table(
        "prepayment_ledger",
        sa.Column(
            "id",
            sa.BigInteger(),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("account_id", sa.BigInteger(), nullable=False),
        sa.Column("payment_id", sa.BigInteger(), nullable=True),
        sa.Column("reversal_id", sa.BigInteger(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column(
            "amount", counter_app.db.types.ScaledDecimal(precision=12, scale=2), nullable=False
        ),
        sa.Column(
            "balance_after",
            counter_app.db.types.ScaledDecimal(precision=12, scale=2),
            nullable=False,
        ),
        sa.Column("created_at", counter_app.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('deposit','use','reversal','opening')", name=op.f("ck_prepayment_ledger_kind")
        ),
        sa.CheckConstraint("amount <> 0", name=op.f("ck_prepayment_ledger_amount")),
        sa.CheckConstraint("balance_after >= 0", name=op.f("ck_prepayment_ledger_balance_after")),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_prepayment_ledger_account_id_accounts")
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payments.id"], name=op.f("fk_prepayment_ledger_payment_id_payments")
        ),
        sa.ForeignKeyConstraint(
            ["reversal_id"],
            ["payment_reversals.id"],
            name=op.f("fk_prepayment_ledger_reversal_id_payment_reversals"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_prepayment_ledger")),
    )
    op.create_index(
        op.f("ix_prepayment_ledger_account_id"), "prepayment_ledger", ["account_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_prepayment_ledger_account_id"), table_name="prepayment_ledger")
    op.drop_table("prepayment_ledger")
    op.drop_table("bill_lines")
    op.drop_index(op.f("ix_allocations_bill_id"), table_name="allocations")
    op.drop_table("allocations")
    op.drop_index(op.f("ix_receipt_reprints_payment_id"), table_name="receipt_reprints")
    op.drop_table("receipt_reprints")
    op.drop_table("payment_tenders")
    op.drop_table("payment_reversals")
    op.drop_table("bills")
    op.drop_table("shift_closes")
    op.drop_index(op.f("ix_readings_account_id"), table_name="readings")
    op.drop_table("readings")
    op.drop_index(op.f("ix_payments_shift_id"), table_name="payments")
    op.drop_index(op.f("ix_payments_account_id"), table_name="payments")
    op.drop_table("payments")
    op.drop_index(op.f("ix_complaint_events_complaint_id"), table_name="complaint_events")
    op.drop_table("complaint_events")
    op.drop_table("tariff_tiers")
    op.drop_table("tariff_rates")
    op.drop_index(op.f("ix_shifts_clerk_id"), table_name="shifts")
    op.drop_table("shifts")
    op.drop_index(op.f("ix_relief_applications_certificate_no"), table_name="relief_applications")
    op.drop_index(op.f("ix_relief_applications_account_id"), table_name="relief_applications")
    op.drop_table("relief_applications")
    op.drop_index(op.f("ix_meters_account_id"), table_name="meters")
    op.drop_table("meters")
    op.drop_index(op.f("ix_correction_requests_account_id"), table_name="correction_requests")
    op.drop_table("correction_requests")
    op.drop_index(op.f("ix_complaints_account_id"), table_name="complaints")
    op.drop_table("complaints")
    op.drop_table("tariffs")
    op.drop_table("receipt_series")
    op.drop_table("clerks")
    op.drop_index("ix_accounts_area_book", table_name="accounts")
    op.drop_table("accounts")
    op.drop_table("utility_settings")
    op.drop_table("relief_rules")
    op.drop_table("price_categories")
    op.drop_table("halls")
    op.drop_table("audit_events")
    op.drop_table("areas")
