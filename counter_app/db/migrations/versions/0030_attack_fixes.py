"""What the attacker's review of 0029 found open: the tariff category and
the relief certificate no longer lock on guessable advisory keys

Revision ID: 0030_attack_fixes
Revises: 0029_leftovers
Create Date: 2026-12-04

0029 left two advisory keys that are not "nobody knows them before the
call": a tariff category (7321, hashtext of a code such as 'RES', the same
few codes for ever) and a relief certificate (7320, hashtext of the number
printed on the customer's papers). Any login could take them from psql with
pg_advisory_lock() and hold them for its session: no admin could save a
tariff of the category, no clerk could file that customer's relief. Both now
lock a row of ``counter_locks`` (0029), which no login can hold: the two
actions are written from their frozen source with that one statement
swapped (0029's ``locked_by_rows``); the downgrade writes them back as they
were. No SQL file: nothing else changes. Tests: tests/db/test_attacks_0029.py.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from alembic import op

revision = "0030_attack_fixes"
down_revision = "0029_leftovers"
branch_labels = None
depends_on = None

HERE = Path(__file__).parent

# (file, function, its name now, [(advisory lock, row lock)]) as 0029's LOCKS
LOCKS = (
    (
        "0013_actions_relief.sql",
        "counter_file_relief",
        "counter_file_relief",
        [
            (
                "PERFORM pg_advisory_xact_lock(7320, hashtext(v_cert));",
                "PERFORM counter_lock('relief_certificate', v_cert);",
            ),
        ],
    ),
    (
        "0021_tariffs_data.sql",
        "counter_save_tariff",
        "counter_save_tariff",
        [
            (
                "PERFORM pg_advisory_xact_lock(7321, hashtext(v_category));",
                "PERFORM counter_lock('tariff_category', v_category);",
            ),
        ],
    ),
)


def _leftovers() -> ModuleType:
    """0029's migration module (its helpers read the frozen sources)."""
    spec = importlib.util.spec_from_file_location("m0029_leftovers", HERE / "0029_leftovers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def upgrade() -> None:
    leftovers = _leftovers()
    raw = op.get_bind().connection.driver_connection
    for file, name, now, swaps in LOCKS:
        raw.execute(leftovers.locked_by_rows(file, name, now, swaps))


def downgrade() -> None:
    leftovers = _leftovers()
    raw = op.get_bind().connection.driver_connection
    for file, name, now, _swaps in LOCKS:
        raw.execute(leftovers._renamed(file, name, now))
