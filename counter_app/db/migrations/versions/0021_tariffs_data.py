"""Tariffs as data: fee components, schedules with 文号, tier basis and
households scaling, kept by an administrator; 收费依据 for the clerk

Revision ID: 0021_tariffs_data
Revises: 0018_credits_in_open_bills
Create Date: 2026-12-04

SQL in ``0021_tariffs_data.sql`` (what and why: there).
"""

from __future__ import annotations

from pathlib import Path

from alembic import op

from counter_app.db.migrate import run_sql_file

revision = "0021_tariffs_data"
down_revision = "0020_accounts_import"
branch_labels = None
depends_on = None

SQL = Path(__file__).with_suffix(".sql")
FUNCTIONS = (
    "counter_save_tariff(jsonb, text)",
    "counter_save_fee_component(text, text, boolean, integer, text)",
    "counter_save_price_category(text, text, text)",
    "counter_tariff_basis(bigint)",
    "counter_tariff_catalog()",
    "counter_tariff_json(bigint)",
    "counter_tariff_date(jsonb, text, boolean)",
    "counter_tariffs_frozen()",
    "counter_tariff_last_billed(bigint)",
    "counter_tariffs_sequence_check()",
    "counter_tariff_sequence_problem(text)",
)
TRIGGERS = (
    ("tariffs_sequence", "tariffs"),
    ("tariffs_frozen", "tariffs"),
    ("tariff_tiers_frozen", "tariff_tiers"),
    ("tariff_rates_frozen", "tariff_rates"),
)


def upgrade() -> None:
    run_sql_file(op.get_bind(), SQL)


def downgrade() -> None:
    ex = op.execute
    for trigger, table in TRIGGERS:
        ex(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
    for signature in FUNCTIONS:
        ex(f"DROP FUNCTION IF EXISTS {signature}")
    # the older schema knows only the three water components: a schedule or a
    # relief rule with another one keeps the downgrade from going through
    ex("ALTER TABLE relief_rules DROP CONSTRAINT fk_relief_rules_component_fee_components")
    ex("ALTER TABLE tariff_rates DROP CONSTRAINT fk_tariff_rates_component_fee_components")
    ex(
        "ALTER TABLE tariff_rates ADD CONSTRAINT ck_tariff_rates_component "
        "CHECK (component IN ('basic','sewage','resource'))"
    )
    ex(
        "ALTER TABLE tariffs DROP CONSTRAINT ck_tariffs_effective_range, "
        "DROP CONSTRAINT ck_tariffs_tier_basis, DROP COLUMN households_scaling, "
        "DROP COLUMN tier_basis, DROP COLUMN doc_no"
    )
    ex("DROP TABLE fee_components")
