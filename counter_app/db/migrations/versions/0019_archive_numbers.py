"""Archive numbers by the rule 属地-年度-序号

Revision ID: 0019_archive_numbers
Revises: 0018_credits_in_open_bills
Create Date: 2026-12-04

The customer file's number (用户档案号) and cabinet (档案柜号) on
``accounts``, the gapless sequence per locality and year
(``archive_sequences``), the actions that number one account, move its
cabinet and number every account still without one, the catalogue, the
archive number in the search and on the account screen. SQL (and why) in
``0019_archive_numbers.sql``.
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

from counter_app.db.migrate import run_sql_file

revision = "0019_archive_numbers"
down_revision = "0018_credits_in_open_bills"
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")
SCREENS = Path(__file__).with_name("0015_actions_screens.sql")
FUNCTIONS = (
    "counter_archive_catalogue(text)",
    "counter_assign_archive_numbers(text, text)",
    "counter_set_cabinet_no(bigint, text, text)",
    "counter_assign_archive_no(bigint, text, text)",
    "counter_archive_cabinet(text)",
    "counter_archive_issue(text, integer)",
    "counter_archive_year(date)",
    "counter_archive_format(text, integer, integer)",
)


def upgrade() -> None:
    run_sql_file(op.get_bind(), SQL)


def _previous(name: str) -> str:
    """0015's definition of a function this migration replaced, as it was."""
    text = SCREENS.read_text(encoding="utf-8")
    start = text.index(f"CREATE FUNCTION {name}(")
    end = text.index("$$;", text.index("AS $$", start)) + 3
    return text[start:end].replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)


def downgrade() -> None:
    driver = op.get_bind().connection.driver_connection
    for name in ("counter_search_probe", "counter_account_screen"):
        driver.execute(_previous(name))
    for signature in FUNCTIONS:
        op.execute(f"DROP FUNCTION IF EXISTS {signature}")
    op.execute("DROP TABLE IF EXISTS archive_sequences")
    op.execute("DROP INDEX IF EXISTS uq_accounts_archive_no")
    op.execute("ALTER TABLE accounts DROP COLUMN IF EXISTS cabinet_no")
    op.execute("UPDATE accounts SET archive_no = '' WHERE archive_no IS NULL")
    op.execute("ALTER TABLE accounts ALTER COLUMN archive_no SET DEFAULT ''")
    op.execute("ALTER TABLE accounts ALTER COLUMN archive_no SET NOT NULL")
