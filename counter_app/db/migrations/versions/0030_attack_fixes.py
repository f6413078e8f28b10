"""What the attacker's review of 0029 found open: no action waits on an
advisory key a login can compute

Revision ID: 0030_attack_fixes
Revises: 0029_leftovers
Create Date: 2026-12-04

0029 left advisory keys that are not "nobody knows them before the call";
any login could take them from psql with pg_advisory_lock() and hold them
for its session:

* a channel payment's reference (7304, hashtext(channel:reference)): a
  deduction's reference is 'account id:last prepayment row', both readable
  by every clerk, so the prepayment sweep and billing (which deducts) waited
  for ever; an online order's reference is on the payer's phone, and the
  day's statement, a supervisor's resolution of it, waited on it;
* a statement file's hash (7305): the same file sent again;
* a tariff category (7321, hashtext of a code such as 'RES'): no admin could
  save a tariff of the category;
* a relief certificate (7320, the number on the customer's papers): no
  clerk could file that customer's relief.

Each now locks a row of ``counter_locks`` (0029), which no login can hold:
the actions are written from their frozen source with that statement
swapped (0029's ``locked_by_rows``, which refuses a miss); the downgrade
writes them back as they were. Left on an advisory key: the counter
payment's client UUID (made by the client, never shown before the call).
No SQL file: nothing else changes. Tests: tests/db/test_attacks_0029.py.
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
REF = "PERFORM pg_advisory_xact_lock(7304, hashtext({}));"
ROW = "PERFORM counter_lock('channel_ref', {});"

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
    (
        "0022_channel_payments.sql",
        "counter_post_channel_payment",
        "counter_post_channel_payment",
        [
            (REF.format("p_channel || ':' || v_ref"), ROW.format("p_channel || ':' || v_ref")),
        ],
    ),
    (
        "0022_channel_payments.sql",
        "counter_resolve_suspense",
        "counter_resolve_suspense",
        [
            (
                REF.format("v_sus.channel || ':' || v_sus.external_ref"),
                ROW.format("v_sus.channel || ':' || v_sus.external_ref"),
            ),
        ],
    ),
    # 0026 rewrote 0022's import; the keys are the same strings as above
    (
        "0026_review_fixes.sql",
        "counter_import_online",
        "counter_import_online",
        [
            (
                "PERFORM pg_advisory_xact_lock(7305, hashtext(p_file_hash));",
                "PERFORM counter_lock('online_file', p_file_hash);",
            ),
            (REF.format("v_ref"), ROW.format("v_ref")),
            (REF.format("'online:' || v_ref"), ROW.format("'online:' || v_ref")),
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
