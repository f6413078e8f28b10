"""Column order of every table the demo writes: all columns, so no
Python-side default (``created_at = now()``) ever fills a value."""

from __future__ import annotations

__all__ = ["CHUNK_TABLES", "COLUMNS", "STAGED"]

COLUMNS: dict[str, tuple[str, ...]] = {
    "shifts": ("id", "clerk_id", "hall_code", "workstation", "opened_at", "opening_float"),
    "accounts": (
        "id", "account_no", "name", "name_pinyin", "name_initials", "id_number", "id_masked",
        "id_tail", "mobile", "mobile_masked", "landline", "landline_masked", "address",
        "meter_location", "account_type", "households_total", "price_category", "area_code",
        "book_no", "read_cycle_months", "status", "prepayment_balance", "archive_no",
        "cabinet_no", "opened_on", "version", "created_at", "updated_at",
    ),
    "meters": (
        "id", "account_id", "meter_no", "caliber_mm", "dial_digits", "installed_on",
        "verified_on", "active",
    ),
    "readings": (
        "id", "account_id", "meter_id", "period", "read_on", "previous_reading", "reading",
        "usage", "rolled_over", "flags", "source", "created_at",
    ),
    "bills": (
        "id", "account_id", "period", "reading_id", "tariff_id", "period_start", "period_end",
        "start_reading", "end_reading", "usage", "amount", "due_on", "created_at",
        "adjusts_bill_id", "reason", "approved_by",  # adjustments: never seeded
    ),
    "bill_lines": (
        "bill_id", "line_no", "kind", "component", "tier_no", "volume", "unit_price", "amount",
        "label",
    ),
    "relief_applications": (
        "id", "account_id", "rule_code", "certificate_type", "certificate_no", "issuing_office",
        "valid_from", "valid_to", "holder_name", "holder_id_number", "holder_id_masked",
        "contact_phone", "contact_phone_masked", "materials_json", "low_income_households",
        "total_households", "notes", "status", "applied_on", "effective_period", "created_by", "decided_by",
        "decided_at", "revoked_reason", "version", "created_at",
    ),
    "complaints": (
        "id", "ticket_no", "account_id", "complainant", "contact", "contact_masked", "channel",
        "category",
        "description", "company_at_fault", "apology_given", "status", "department", "due_at",
        "recall_on", "resolution", "satisfaction", "created_by", "version", "created_at",
        "updated_at",
    ),
    "complaint_events": ("id", "complaint_id", "kind", "content", "channel", "clerk_id",
                         "created_at"),
    "payments": (
        "id", "client_uuid", "content_hash", "account_id", "shift_id", "clerk_id",
        "workstation", "series_code", "receipt_no", "amount", "created_at",
        "channel", "external_ref", "paid_at", "note",
    ),
    "payment_tenders": ("payment_id", "line_no", "tender", "amount", "received",
                        "change_given", "reference"),
    "allocations": ("payment_id", "bill_id", "amount"),
    "prepayment_ledger": ("id", "account_id", "payment_id", "reversal_id", "kind", "amount",
                          "balance_after", "created_at"),
    "shift_closes": ("shift_id", "closed_at", "expected_json", "counted_json",
                     "cash_variance", "variance_reason"),
    "audit_events": ("id", "at", "clerk", "workstation", "action", "entity", "entity_id",
                     "details"),
}
# Written per chunk, parents first.
CHUNK_TABLES = (
    "accounts", "meters", "readings", "bills", "bill_lines", "relief_applications",
    "complaints", "complaint_events",
)
STAGED = ("payments", "payment_tenders", "allocations", "prepayment_ledger")
