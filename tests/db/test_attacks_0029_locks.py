"""The attacker's review of migration 0029 (and 0030, what it found open),
the locks and the catalogue: a login used from psql to block billing, the
imports, a tariff, a relief or a colleague's shift by holding the locks,
and every function of 0029 pinned, revoked and granted to the least group.
Each attack is refused; the books are clean afterwards. The full bank
numbers are in test_attacks_0029_numbers.py, the downgrade attacks in
test_attacks_0029_downgrade.py (they rebuild the schema)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from counter_app.domain.localtime import SHANGHAI
from counter_app.services.actions import call
from counter_app.services.installation.batch import jsonb
from tests.support import withholding as withholding_fixtures
from tests.support.builders import tariff_draft
from tests.support.database import refused_state
from tests.support.logins import GROUP_ROLES
from tests.support.payments import books
from tests.support.relief import ACTOR, form
from tests.support.waiting import patient

hall = withholding_fixtures.hall  # the fixture


# ----------------------------------------------------------------------- locks


def test_no_login_references_triggers_or_owns_the_lock_table(hall, login_as):
    """A foreign key to counter_locks would take FOR KEY SHARE on its rows
    (and block FOR UPDATE); a trigger or ownership would do anything."""
    supervisor, _ = login_as("supervisor")
    admin, _ = login_as("admin")
    with hall.db.read() as s:
        held = s.execute(
            text(
                "SELECT g, p FROM unnest(CAST(:g AS text[])) g, unnest(ARRAY['SELECT', 'INSERT', "
                "'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) p "
                "WHERE has_table_privilege(g, 'counter_locks', p) "
                "OR has_table_privilege(g, 'withholding_number_requests', p)"
            ),
            {"g": list(GROUP_ROLES)},
        ).all()
        assert held == []
        owner = s.execute(
            text("SELECT tableowner FROM pg_tables WHERE tablename = 'counter_locks'")
        ).scalar_one()
        assert owner == "counter_owner"
    for login in (hall.clerk, supervisor, admin, hall.batch):
        for statement in (
            "CREATE TEMP TABLE holds (name text, key text, "
            "FOREIGN KEY (name, key) REFERENCES counter_locks)",
            "ALTER TABLE counter_locks ADD COLUMN x int",
            "COMMENT ON TABLE counter_locks IS 'x'",
            "SELECT counter_lock('shift', '1', true)",
            "SELECT counter_lock('tariff_category', 'RES')",
            "SELECT counter_lock('relief_certificate', 'X')",
        ):
            # 42P16: a temporary table may reference temporary tables only
            assert refused_state(login, statement) in ("42501", "42P16"), statement


def test_a_clerk_cannot_hold_a_colleagues_shift_through_an_action(hall, login_as):
    """The shift lock is taken before the owner check; the refusal ends the
    caller's transaction, so nothing stays held for the colleague's till."""
    attacker, _ = login_as("clerk")
    patient(hall.db, hall.who.username)
    hall.clerk.engine.dispose()
    shift = call(hall.clerk, "open_shift", "WS1", 0)["shift_id"]
    with attacker.engine.connect() as held:
        with pytest.raises(DBAPIError):
            held.execute(
                text("SELECT counter_close_shift('WS9', :s, '[]'::jsonb, NULL)"), {"s": shift}
            )
        # the psql session stays in the failed transaction, never committed
        posted = call(
            hall.clerk,
            "post_payment",
            "WS1",
            "6b2d5f2e-0000-4000-8000-000000000001",
            hall.accounts["01000004"],
            shift,
            None,
            "25.20",
            [],
            None,
            jsonb([{"tender": "cash", "amount": "25.20"}]),
        )
        assert posted["receipt_no"]
        held.rollback()
    assert books(hall.db) == []


def test_a_clerk_holding_the_guessable_keys_blocks_no_tariff_and_no_relief(town, login_as):
    """0029 left two advisory keys anyone can compute: a tariff category
    (7321, hashtext of a code like 'RES') and a relief certificate (7320,
    hashtext of the number printed on the customer's papers). A clerk who
    holds them from psql blocked every tariff change of the category and the
    customer's filing for ever; since 0030 they are counter_locks rows."""
    attacker, _ = login_as("clerk")
    admin, who = login_as("admin")
    clerk_db = town.service.db
    application = form(town.household)
    with town.db.read() as s:
        cert = s.execute(
            text("SELECT counter_relief_certificate_key(:n)"), {"n": application.certificate_no}
        ).scalar_one()
    clerk_name = town.clerk.username
    patient(town.db, who.username, clerk_name)
    admin.engine.dispose()
    clerk_db.engine.dispose()
    with attacker.engine.connect() as held:
        for key in ("7321, hashtext('RES')", "7320, hashtext(:c)"):
            assert held.execute(
                text(f"SELECT pg_try_advisory_lock({key})"), {"c": cert}
            ).scalar_one()
        held.commit()
        saved = call(
            admin,
            "save_tariff",
            jsonb(tariff_draft(code="RES-2027", effective_from="2027-01-01")),
            "WS1",
        )
        assert saved
        assert town.service.apply(application, ACTOR).id
        assert (
            held.execute(
                text(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = "
                    "pg_backend_pid() AND granted"
                )
            ).scalar_one()
            == 2
        )
    assert books(town.db) == []


# ------------------------------------------------------------------ catalogue

# What 0029 and 0030 created or replaced: (signature, groups allowed to call it)
FUNCTIONS = {
    "counter_lock(text,text,boolean)": set(),
    "counter_request_withholding_numbers(text,text)": {"counter_batch"},
    "counter_withholding_numbers(uuid)": {"counter_batch"},
    "counter_withholding_due(text,text)": {"counter_batch"},
}
LOCKERS = (
    "counter_open_shift_of",
    "counter_open_shift",
    "counter_complaint_ticket",
    "counter_set_complaint_departments",
    "counter_issue_bills_only",
    "counter_import_readings",
    "counter_assign_archive_numbers",
    "counter_import_accounts",
    "counter_import_balances",
    "counter_export_withholding",
    "counter_import_withholding",
    "counter_file_relief",
    "counter_save_tariff",
    "counter_post_channel_payment",
    "counter_resolve_suspense",
    "counter_import_online",
)

INTERNAL_LOCKERS = {
    "counter_open_shift_of",
    "counter_issue_bills_only",
    "counter_complaint_ticket",
    "counter_post_channel_payment",
}


def test_every_function_of_0029_is_pinned_revoked_and_least_granted(db):
    with db.read() as s:
        rows = (
            s.execute(
                text(
                    "SELECT p.oid::regprocedure::text AS sig, p.prosecdef, p.proconfig, "
                    "has_function_privilege('public', p.oid, 'EXECUTE') AS public_exec, "
                    "ARRAY(SELECT g FROM unnest(CAST(:g AS text[])) g "
                    "      WHERE has_function_privilege(g, p.oid, 'EXECUTE')) AS callers "
                    "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                    "WHERE n.nspname = 'public' AND (p.proname = ANY(CAST(:l AS text[])) "
                    "OR p.oid::regprocedure::text = ANY(CAST(:f AS text[])))"
                ),
                {"g": list(GROUP_ROLES), "l": list(LOCKERS), "f": list(FUNCTIONS)},
            )
            .mappings()
            .all()
        )
    seen = {r["sig"].replace(", ", ",") for r in rows}
    assert set(FUNCTIONS) <= seen
    assert {s.split("(")[0] for s in seen} >= set(LOCKERS)
    for r in rows:
        sig = r["sig"].replace(", ", ",")
        assert "search_path=public, pg_temp" in (r["proconfig"] or []), sig
        assert not r["public_exec"], sig
        if sig in FUNCTIONS:
            assert set(r["callers"]) == FUNCTIONS[sig], sig
            assert r["prosecdef"] == bool(FUNCTIONS[sig]), sig
        elif sig.split("(")[0] in INTERNAL_LOCKERS:  # building blocks: no login calls them
            assert r["callers"] == [], sig
        else:  # an action: checks its caller, runs as the definer
            assert r["prosecdef"] and r["callers"], sig


def test_a_clerk_holding_a_channel_reference_blocks_neither_billing_nor_an_import(hall, login_as):
    """The channel payments lock on 7304 and hashtext(channel:reference).
    A deduction's reference is 'account id:last prepayment row' (both
    readable by every clerk), so a clerk could hold the key of every account
    with a prepayment and stop the prepayment sweep and billing (which
    deducts) for ever; an online order's reference is on the payer's phone
    (the clerk's own order), and the day's statement waits on it. Since
    0030 they are counter_locks rows."""
    attacker, _ = login_as("clerk")
    patient(hall.db, hall.batch_name, hall.who.username)
    hall.batch.engine.dispose()
    hall.clerk.engine.dispose()
    shift = call(hall.clerk, "open_shift", "WS1", 0)["shift_id"]
    call(
        hall.clerk,
        "post_payment",
        "WS1",
        "6b2d5f2e-0000-4000-8000-000000000002",
        hall.accounts["01000004"],
        shift,
        None,
        "0.00",
        [],
        None,
        jsonb([{"tender": "cash", "amount": "10.00"}]),
    )  # 10.00 to the prepayment
    with attacker.engine.connect() as held:
        refs = (
            held.execute(
                text(
                    "SELECT 'deduction:' || l.account_id || ':' || max(l.id) "
                    "FROM prepayment_ledger l GROUP BY l.account_id"
                )
            )
            .scalars()
            .all()
        )
        assert refs
        paid_at = (datetime.now(SHANGHAI) - timedelta(minutes=5)).isoformat()
        order = {
            "line": 2,
            "order_id": "4200001234",
            "paid_at": paid_at,
            "account_no": "01000003",
            "amount": "17.00",
        }
        refs.append("online:wechat:4200001234")
        for ref in refs:
            assert held.execute(
                text("SELECT pg_try_advisory_lock(7304, hashtext(:r))"), {"r": ref}
            ).scalar_one()
        digest = "d" * 64
        assert held.execute(
            text("SELECT pg_try_advisory_lock(7305, hashtext(:h))"), {"h": digest}
        ).scalar_one()
        held.commit()
        swept = call(hall.batch, "apply_prepayments")
        assert int(swept["deducted"]) >= 1
        imported = call(
            hall.batch, "import_online", "wechat", digest, "wx.csv", json.dumps([order])
        )
        assert imported["posted"] + imported["suspended"] == 1, imported  # past the locks
        assert (
            held.execute(
                text(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = "
                    "pg_backend_pid() AND granted"
                )
            ).scalar_one()
            == len(refs) + 1
        )
    assert books(hall.db) == []
