"""Server-side actions of the cases area: complaints, corrections, outages, departments

Revision ID: 0014_actions_cases
Revises: 0013_actions_relief
Create Date: 2026-12-04

The functions are in ``0014_actions_cases.sql`` beside this file. Once they
exist, the group roles lose the table writes only this area used (granted
by 0002 and 0005) and the supervisors' read of a correction's raw proposed
value (0008): complaints, their events, correction requests and outages are
written by the actions only, accounts' personal columns are changed by an
approved correction only, and the raw proposed value is read by the approve
and reveal actions only. INSERT on audit_events stays (the other areas write
it until they are converted; the lead revokes it last), and so do the
clerks' UPDATE (prepayment_balance, version, updated_at) on accounts (money).
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

from counter_app.db.migrate import run_sql_file

revision = "0014_actions_cases"
down_revision = "0013_actions_relief"
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")

FUNCTIONS = (
    "counter_outage_list(text, timestamptz)",
    "counter_withdraw_outage(text, bigint)",
    "counter_end_outage(text, bigint)",
    "counter_announce_outage(text, text, timestamptz, timestamptz, text)",
    "counter_outage_json(bigint)",
    "counter_reveal_correction(text, bigint)",
    "counter_reject_correction(text, bigint, int, text)",
    "counter_approve_correction(text, bigint, int, text, text, text)",
    "counter_correction_pending(bigint, int)",
    "counter_file_correction(text, bigint, text, text, text, int)",
    "counter_correction_list(text, bigint)",
    "counter_correction_json(text, bigint)",
    "counter_set_complaint_departments(text, text[], text[], text[])",
    "counter_complaint_list(jsonb, int, timestamptz)",
    "counter_complaint_detail(bigint)",
    "counter_reopen_complaint(text, bigint, int, text)",
    "counter_close_complaint(text, bigint, int, text, text)",
    "counter_reply_complaint(text, bigint, int, text, text)",
    "counter_follow_up_complaint(text, bigint, int, text, date)",
    "counter_forward_complaint(text, bigint, int, text, timestamptz, text)",
    "counter_resolve_complaint(text, bigint, int, text, boolean, boolean)",
    "counter_receive_complaint(text, jsonb)",
    "counter_complaint_text(text, text, int)",
    "counter_complaint_step(clerks, text, bigint, int, text, text[], jsonb, text, text)",
    "counter_complaint_json(bigint)",
    "counter_complaint_ticket(timestamptz)",
    "counter_mask_value(text, text)",
    "counter_check_correction(text, text)",
)

# (privilege, table, role): what 0002, 0005 and 0008 granted and the actions replace
COMPLAINT_COLUMNS = (
    "status, department, due_at, recall_on, resolution, satisfaction, company_at_fault, "
    "apology_given, version, updated_at"
)
ACCOUNT_PERSONAL = (
    "name, name_pinyin, name_initials, id_number, id_masked, id_tail, mobile, mobile_masked, "
    "landline, landline_masked, address, meter_location, households_total, status, archive_no"
)
REVOKED = (
    ("INSERT", "complaints", "counter_clerk"),
    (f"UPDATE ({COMPLAINT_COLUMNS})", "complaints", "counter_clerk"),
    ("INSERT", "complaint_events", "counter_clerk"),
    ("INSERT", "correction_requests", "counter_clerk"),
    (
        "UPDATE (status, decided_by, decided_at, decision_note, version)",
        "correction_requests",
        "counter_supervisor",
    ),
    ("SELECT (proposed_value)", "correction_requests", "counter_supervisor"),
    ("INSERT, UPDATE", "outages", "counter_supervisor"),
    (f"UPDATE ({ACCOUNT_PERSONAL})", "accounts", "counter_supervisor"),
)


def upgrade() -> None:
    run_sql_file(op.get_bind(), SQL)
    for privilege, table, role in REVOKED:
        op.execute(f"REVOKE {privilege} ON {table} FROM {role}")


def downgrade() -> None:
    # the reads come back as they were; the writes do not
    for privilege, table, role in REVOKED:
        if privilege.startswith("SELECT"):
            op.execute(f"GRANT {privilege} ON {table} TO {role}")
    # A downgrade never hands a group table writes back (DESIGN.md §5): an older
    # client on a downgraded database reads but cannot write until it is upgraded.
    for signature in FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {signature}")
