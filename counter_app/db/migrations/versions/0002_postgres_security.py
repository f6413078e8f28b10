"""PostgreSQL privileges, append-only triggers and personal-data columns

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

Runs as ``counter_owner`` (see counter_app.db.migrate).

Group roles (members inherit):
  counter_clerk       read the business tables (not the raw ID number and
                      phone columns), post payments, deposits and reprints,
                      open and close shifts, file reliefs, complaints and
                      correction requests, write audit events
  counter_supervisor  + reverse payments, decide reliefs and corrections,
                      apply corrections to accounts
  counter_admin       + reference data, clerks, meters, readings, bills
No group may UPDATE, DELETE or TRUNCATE posted money or the audit log: the
privileges are not granted and triggers refuse it even for the owner.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

APPEND_ONLY = (
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

# Personal data (accounts.id_number, mobile, landline and the relief holder's
# ID number and phone) is not readable by clerks or supervisors: they see the
# masked and tail columns; revealing goes through an audited function.
ACCOUNT_PUBLIC = (
    "id",
    "account_no",
    "name",
    "name_pinyin",
    "name_initials",
    "id_masked",
    "id_tail",
    "mobile_masked",
    "landline_masked",
    "address",
    "meter_location",
    "account_type",
    "households_total",
    "price_category",
    "area_code",
    "book_no",
    "read_cycle_months",
    "status",
    "prepayment_balance",
    "archive_no",
    "opened_on",
    "version",
    "created_at",
    "updated_at",
)
CLERK_PUBLIC = ("id", "username", "display_name", "role", "hall_code", "active", "created_at")

READ_ALL = (
    "halls",
    "areas",
    "utility_settings",
    "price_categories",
    "tariffs",
    "tariff_tiers",
    "tariff_rates",
    "relief_rules",
    "meters",
    "readings",
    "bills",
    "bill_lines",
    "receipt_series",
    "shifts",
    "shift_closes",
    "payments",
    "payment_tenders",
    "allocations",
    "payment_reversals",
    "prepayment_ledger",
    "receipt_reprints",
    "complaints",
    "complaint_events",
    "correction_requests",
    "audit_events",
    "alembic_version",
)
CLERK_INSERT = (
    "payments",
    "payment_tenders",
    "allocations",
    "prepayment_ledger",
    "receipt_reprints",
    "shifts",
    "shift_closes",
    "complaints",
    "complaint_events",
    "relief_applications",
    "correction_requests",
    "audit_events",
)
CLERK_UPDATE = {
    "accounts": ("prepayment_balance", "version", "updated_at"),
    "receipt_series": ("next_no",),
    "complaints": (
        "status",
        "department",
        "due_at",
        "recall_on",
        "resolution",
        "satisfaction",
        "company_at_fault",
        "apology_given",
        "version",
        "updated_at",
    ),
}
SUPERVISOR_INSERT = ("payment_reversals",)
SUPERVISOR_UPDATE = ("relief_applications", "correction_requests", "accounts")
ADMIN_WRITE = (
    "halls",
    "areas",
    "utility_settings",
    "price_categories",
    "tariffs",
    "tariff_tiers",
    "tariff_rates",
    "relief_rules",
    "clerks",
    "meters",
    "readings",
    "bills",
    "bill_lines",
    "accounts",
    "receipt_series",
)


def _cols(cols: tuple[str, ...]) -> str:
    return ", ".join(cols)


def upgrade() -> None:
    ex = op.execute

    ex("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC")
    ex("GRANT USAGE ON SCHEMA public TO counter_clerk")

    # --- append-only, enforced below the privileges too -----------------------
    ex(
        """
        CREATE FUNCTION counter_refuse_change() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END $$
        """
    )
    for table in APPEND_ONLY:
        ex(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION counter_refuse_change()"
        )
        ex(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION counter_refuse_change()"
        )

    # --- clerk ----------------------------------------------------------------
    ex(f"GRANT SELECT ON {_cols(READ_ALL)} TO counter_clerk")
    ex(f"GRANT SELECT ({_cols(ACCOUNT_PUBLIC)}) ON accounts TO counter_clerk")
    relief_public = (
        "id, account_id, rule_code, certificate_type, certificate_no, issuing_office, "
        "valid_from, valid_to, holder_name, holder_id_masked, materials_json, "
        "low_income_households, total_households, notes, status, applied_on, "
        "effective_period, created_by, decided_by, decided_at, revoked_reason, version, "
        "created_at"
    )
    ex(f"GRANT SELECT ({relief_public}) ON relief_applications TO counter_clerk")
    ex(f"GRANT SELECT ({_cols(CLERK_PUBLIC)}) ON clerks TO counter_clerk")
    ex(f"GRANT INSERT ON {_cols(CLERK_INSERT)} TO counter_clerk")
    for table, cols in CLERK_UPDATE.items():
        ex(f"GRANT UPDATE ({_cols(cols)}) ON {table} TO counter_clerk")
    ex("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO counter_clerk")

    # --- supervisor -------------------------------------------------------------
    ex(f"GRANT INSERT ON {_cols(SUPERVISOR_INSERT)} TO counter_supervisor")
    ex(
        "GRANT UPDATE (status, effective_period, decided_by, decided_at, revoked_reason, "
        "version) ON relief_applications TO counter_supervisor"
    )
    ex(
        "GRANT UPDATE (status, decided_by, decided_at, decision_note, version) "
        "ON correction_requests TO counter_supervisor"
    )
    ex(
        "GRANT UPDATE (name, name_pinyin, name_initials, id_number, id_masked, id_tail, "
        "mobile, mobile_masked, landline, landline_masked, address, meter_location, "
        "households_total, status, archive_no) ON accounts TO counter_supervisor"
    )

    # --- admin --------------------------------------------------------------------
    ex(f"GRANT SELECT, INSERT, UPDATE ON {_cols(ADMIN_WRITE)} TO counter_admin")
    ex("GRANT DELETE ON tariff_tiers, tariff_rates TO counter_admin")


def downgrade() -> None:
    for table in APPEND_ONLY:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
    op.execute("DROP FUNCTION IF EXISTS counter_refuse_change()")
    for role in ("counter_clerk", "counter_supervisor", "counter_admin"):
        op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role}")
