"""Hardening the shared database: installations apart, the lookup not an oracle,
complaint contacts masked, complaint dates in a window

Revision ID: 0025_hardening
Revises: 0018_credits_in_open_bills
Create Date: 2026-12-04

SQL in ``0025_hardening.sql`` (why: there). The installation role itself and
its CONNECT are the DBA's (``db/installation.py``, run by ``migrate``).
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

from counter_app.db.migrate import run_sql_file

revision = "0025_hardening"
down_revision = "0024_overdue_late_fees"
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")
HERE = Path(__file__).parent

# what this migration replaced, as it was (file, function)
REPLACED = (
    ("0011_actions_core.sql", "counter_caller"),
    ("0016_actions_batch.sql", "counter_batch_caller"),
    ("0016_actions_batch.sql", "counter_admin_caller"),
    ("0019_archive_numbers.sql", "counter_search_probe"),
    ("0015_actions_screens.sql", "counter_reveal_value"),
    ("0014_actions_cases.sql", "counter_complaint_json"),
)

DROPPED = (
    "counter_request_contact_reveal(bigint, text)",
    "counter_lookup_flags()",
    "counter_find_number(text, text[], text)",
    "counter_one_number(text, text[])",
    "counter_lookup_limit()",
    "counter_complaint_contact_mask()",
    "counter_complaint_dates()",
    "counter_lookup_sequences()",
    "counter_in_installation(name)",
    "counter_installation_role()",
)


def _definition(file: str, name: str) -> str:
    text = (HERE / file).read_text(encoding="utf-8")
    text = text.replace(f"CREATE OR REPLACE FUNCTION {name}(", f"CREATE FUNCTION {name}(")
    start = text.index(f"CREATE FUNCTION {name}(")
    body = text.index("AS $$", start)
    end = text.index("$$;", body + 5) + 3
    return text[start:end].replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)


def upgrade() -> None:
    run_sql_file(op.get_bind(), SQL)


def downgrade() -> None:
    raw = op.get_bind().connection.driver_connection
    raw.execute("DROP TRIGGER clerks_lookup_sequences ON clerks")
    raw.execute("DROP TRIGGER complaints_contact_masked ON complaints")
    raw.execute("DROP TRIGGER complaints_dates ON complaints")
    sequences = [
        r[0]
        for r in raw.execute(
            "SELECT c.relname FROM pg_class c WHERE c.relkind = 'S' "
            "AND (c.relname LIKE 'counter\\_lookups\\_%' OR c.relname LIKE 'counter\\_refusals\\_%')"
        )
    ]
    for name in sequences:
        raw.execute(f'DROP SEQUENCE "{name}"')
    for file, name in REPLACED:
        sql = _definition(file, name)
        if name == "counter_complaint_json":
            # a rollback never hands the full contact back (0029): the mask, computed
            sql = sql.replace(
                "'contact', c.contact,", "'contact', counter_mask_value('mobile', c.contact),"
            )
        raw.execute(sql)
    raw.execute("DELETE FROM reveal_requests WHERE field = 'contact'")
    raw.execute("ALTER TABLE reveal_requests DROP CONSTRAINT reveal_requests_field_check")
    raw.execute("ALTER TABLE reveal_requests DROP COLUMN complaint_id")
    raw.execute("ALTER TABLE reveal_requests ALTER COLUMN account_id SET NOT NULL")
    raw.execute(
        "ALTER TABLE reveal_requests ADD CONSTRAINT reveal_requests_field_check "
        "CHECK (field IN ('id_number', 'mobile', 'landline'))"
    )
    for signature in DROPPED:
        raw.execute(f"DROP FUNCTION {signature}")
    raw.execute("ALTER TABLE complaints DROP COLUMN contact_masked")
    # the clerks read every column again but the contact (0029: before 0025
    # they read it too; a rollback leaves it unreadable rather than readable)
    raw.execute(
        "GRANT SELECT (id, ticket_no, account_id, complainant, channel, category, "
        "description, company_at_fault, apology_given, status, department, due_at, "
        "recall_on, resolution, satisfaction, created_by, created_at, updated_at, "
        "version) ON complaints TO counter_clerk"
    )
    raw.execute("REVOKE SELECT ON alembic_version FROM PUBLIC")
    raw.execute(
        "REVOKE EXECUTE ON FUNCTION counter_create_hall(text, text, text, text, text), "
        "counter_save_clerk(text, text, text, text, text) FROM counter_dba"
    )
    # no EXECUTE on counter_find_accounts for the clerks again (0030's review):
    # unlimited and unaudited, it let a clerk try every middle of a mask from
    # psql; on a rolled-back schema a search by full number is refused
