"""The attacker's review of migration 0029 (and 0030, what it found open):
every login (clerk, supervisor, admin, batch) used from psql by someone who
wants the full bank account numbers, to block billing, the imports or a
colleague's work, or to read a secret after a rollback of the schema. Each
attack is refused; the books are clean afterwards. The downgrade attacks
are in test_attacks_0029_downgrade.py (they rebuild the schema)."""

from __future__ import annotations

import json
import threading
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from counter_app.domain.localtime import SHANGHAI
from counter_app.services.actions import ActionError, call
from counter_app.services.installation.batch import jsonb
from tests.support import withholding as withholding_fixtures
from tests.support.builders import tariff_draft
from tests.support.database import refused_state
from tests.support.relief import ACTOR, form
from tests.support.waiting import patient
from tests.support.withholding import NUMBERS, _sign_all

hall = withholding_fixtures.hall  # the fixture
GROUPS = ("counter_clerk", "counter_supervisor", "counter_admin", "counter_batch")


def _books_clean(db) -> None:
    with db.read() as s:
        assert s.execute(text("SELECT * FROM counter_books_check()")).all() == []


def _numbers_audits(db) -> list[dict]:
    with db.read() as s:
        return [
            json.loads(d)
            for d in s.execute(
                text(
                    "SELECT details FROM audit_events WHERE action = 'withholding.numbers' "
                    "ORDER BY id"
                )
            ).scalars()
        ]


def _request(login) -> str:
    return call(login, "request_withholding_numbers", "ABC", "2026-11")["token"]


# ----------------------------------------------------------- full bank numbers


def test_a_token_requested_in_a_savepoint_is_uncommitted(hall):
    """A subtransaction (SAVEPOINT, RELEASE) is still the caller's open
    transaction: the numbers wait for a real commit."""
    _sign_all(hall)
    with hall.batch.engine.connect() as conn:
        conn.exec_driver_sql("SAVEPOINT s")
        token = conn.execute(
            text("SELECT counter_request_withholding_numbers('ABC', '2026-11')->>'token'")
        ).scalar_one()
        conn.exec_driver_sql("RELEASE SAVEPOINT s")
        with pytest.raises(DBAPIError) as refused:
            conn.execute(text("SELECT counter_withholding_numbers(CAST(:t AS uuid))"), {"t": token})
        assert "uncommitted" in str(refused.value.orig)
        conn.rollback()
    # a DO block's exception handler is a subtransaction too
    with hall.batch.engine.connect() as conn:
        with pytest.raises(DBAPIError) as refused:
            conn.exec_driver_sql("""
                DO $$
                DECLARE t uuid;
                BEGIN
                    t := (counter_request_withholding_numbers('ABC', '2026-11')->>'token')::uuid;
                    BEGIN
                        PERFORM counter_withholding_numbers(t);
                    EXCEPTION WHEN division_by_zero THEN NULL;
                    END;
                END $$""")
        assert "uncommitted" in str(refused.value.orig)
        conn.rollback()
    assert _numbers_audits(hall.db) == []


def test_a_token_of_a_rolled_back_request_or_a_forged_one_is_nothing(hall):
    _sign_all(hall)
    with hall.batch.engine.connect() as conn:
        token = conn.execute(
            text("SELECT counter_request_withholding_numbers('ABC', '2026-11')->>'token'")
        ).scalar_one()
        conn.rollback()
    for forged in (token, "00000000-0000-0000-0000-000000000000", None):
        with pytest.raises(ActionError) as refused:
            call(hall.batch, "withholding_numbers", forged)
        assert refused.value.code == "no_request"
    _books_clean(hall.db)


def test_a_replay_after_a_rolled_back_use_gives_nothing_the_audit_row_does_not_name(hall):
    """BEGIN; numbers(token); ROLLBACK undoes the 'used' mark (nothing in a
    transaction survives its rollback): the same numbers can be read again
    within the two minutes, but only those of the one committed audit row,
    and never after a committed use."""
    agreements = _sign_all(hall)
    token = _request(hall.batch)
    with hall.batch.engine.connect() as conn:
        first = conn.execute(
            text("SELECT counter_withholding_numbers(CAST(:t AS uuid))"), {"t": token}
        ).scalar_one()["numbers"]
        conn.rollback()
    again = call(hall.batch, "withholding_numbers", token)["numbers"]
    assert again == first
    assert {int(i) for i in again} == {a.id for a in agreements.values()}
    [audit] = _numbers_audits(hall.db)
    assert sorted(audit["agreements"]) == sorted(int(i) for i in again)
    with pytest.raises(ActionError) as used:
        call(hall.batch, "withholding_numbers", token)
    assert used.value.code == "used"


def test_two_redemptions_at_once_give_the_numbers_once(hall, login_batch):
    """Two connections of the same login race on one token: the row lock
    makes the second see the first's use."""
    _sign_all(hall)
    token = _request(hall.batch)
    results: list[object] = []
    with hall.batch.engine.connect() as first:
        got = first.execute(
            text("SELECT counter_withholding_numbers(CAST(:t AS uuid))"), {"t": token}
        ).scalar_one()
        assert got["numbers"]

        def second() -> None:
            try:
                results.append(call(hall.batch, "withholding_numbers", token))
            except ActionError as refused:
                results.append(refused.code)

        racer = threading.Thread(target=second)
        racer.start()
        racer.join(timeout=1)
        assert racer.is_alive()  # waiting on the first's row lock
        first.commit()
    racer.join(timeout=30)
    assert results == ["used"]


def test_no_number_of_an_agreement_outside_the_request(hall):
    """An agreement signed after the request, or cancelled before the use,
    is not handed out; the due list never shows a full number."""
    agreements = _sign_all(hall)
    token = _request(hall.batch)
    cancelled = agreements["01000003"]
    call(hall.clerk, "cancel_withholding", "WS1", cancelled.id, cancelled.version, "客户要求")
    _sign_all(hall, accounts=("01000004",))
    numbers = call(hall.batch, "withholding_numbers", token)["numbers"]
    assert set(numbers.values()) == {NUMBERS["01000001"], NUMBERS["01000002"]}
    _books_clean(hall.db)


def test_the_two_minutes_count_from_the_request_not_from_its_commit(hall):
    """A request held open for three minutes is expired when committed."""
    _sign_all(hall)
    with hall.batch.engine.connect() as conn:
        token = conn.execute(
            text("SELECT counter_request_withholding_numbers('ABC', '2026-11')->>'token'")
        ).scalar_one()
        conn.commit()
    with hall.db.write() as s:  # what three minutes of waiting would look like
        s.execute(
            text(
                "UPDATE withholding_number_requests SET requested_at = requested_at "
                "- interval '2 minutes 1 second' WHERE token = :t"
            ),
            {"t": token},
        )
    with pytest.raises(ActionError) as expired:
        call(hall.batch, "withholding_numbers", token)
    assert expired.value.code == "expired"


def test_injection_through_bank_and_period_isrefused_state(hall):
    _sign_all(hall)
    for bank, period in (
        ("ABC' OR '1'='1", "2026-11"),
        ("ABC", "2026-11' OR '1'='1"),
        ("ABC", "2026-11\n"),
        ("abc", "2026-11"),
        (None, "2026-11"),
        ("ABC", None),
        ("ABC%", "2026-11"),
        ("ABC", "2026-1_"),
    ):
        for action in ("request_withholding_numbers", "withholding_due"):
            with pytest.raises(ActionError) as refused:
                call(hall.batch, action, bank, period)
            assert refused.value.code in ("period", "bank"), (bank, period)
    assert _numbers_audits(hall.db) == []
    _books_clean(hall.db)


def test_no_login_reads_a_number_from_the_tables_or_the_audit_row(hall, login_as):
    _sign_all(hall)
    supervisor, _ = login_as("supervisor")
    admin, _ = login_as("admin")
    token = _request(hall.batch)
    for login in (hall.clerk, supervisor, admin, hall.batch):
        for statement in (
            "SELECT * FROM withholding_number_requests",
            "SELECT token FROM withholding_number_requests",
            "SELECT bank_account FROM withholding_agreements",
            f"SELECT counter_withholding_numbers('{token}')",
            "SELECT counter_mask_bank_account('x')",
        ):
            if login is hall.batch and token in statement:
                continue  # its own token: the audited door
            assert refused_state(login, statement) == "42501", statement
        # whatever of the audit row a login may read carries no full number
        try:
            with login.engine.begin() as conn:
                rows = (
                    conn.execute(text("SELECT to_jsonb(e)::text FROM audit_events e"))
                    .scalars()
                    .all()
                )
        except DBAPIError:
            rows = []
        assert not any(n in row for row in rows for n in NUMBERS.values())
    _books_clean(hall.db)


def test_a_shadow_in_pg_temp_or_public_changes_nothing(hall, login_as):
    """search_path tricks: no login may create in public (nor any schema
    the definers search); a temporary table named like the request table
    or the lock table is never what the definers read."""
    supervisor, _ = login_as("supervisor")
    admin, _ = login_as("admin")
    for login in (hall.clerk, supervisor, admin, hall.batch):
        assert refused_state(login, "CREATE TABLE public.counter_locks_x (a int)") == "42501"
        assert (
            refused_state(
                login,
                "CREATE FUNCTION public.cardinality(bigint[]) RETURNS int "
                "LANGUAGE sql AS 'SELECT 99'",
            )
            == "42501"
        )
    with hall.db.read() as s:
        creators = (
            s.execute(
                text(
                    "SELECT r.rolname FROM pg_roles r WHERE NOT r.rolsuper "
                    "AND r.rolname NOT IN ('counter_owner', 'pg_database_owner', current_user) "
                    "AND has_schema_privilege(r.oid, 'public', 'CREATE')"
                )
            )
            .scalars()
            .all()
        )
        assert creators == []
        assert not s.execute(
            text("SELECT has_schema_privilege('public', 'public', 'CREATE')")
        ).scalar_one()
        # the database's owner (who may create in public) is no login of the app
        assert not any(
            s.execute(
                text(
                    "SELECT pg_has_role(g, d.datdba, 'MEMBER') "
                    "FROM pg_database d, unnest(CAST(:g AS text[])) g "
                    "WHERE d.datname = current_database()"
                ),
                {"g": list(GROUPS)},
            ).scalars()
        )
    _sign_all(hall)
    with hall.batch.engine.connect() as conn:
        try:
            conn.exec_driver_sql(
                "CREATE TEMP TABLE withholding_number_requests (token uuid, login text, "
                "bank_code text, period text, agreement_ids bigint[], audit_id bigint, "
                "requested_at timestamptz, used_at timestamptz)"
            )
            conn.exec_driver_sql("CREATE TEMP TABLE counter_locks (name text, key text)")
        except DBAPIError:  # no TEMP privilege: nothing to shadow with
            conn.rollback()
        else:
            token = conn.execute(
                text("SELECT counter_request_withholding_numbers('ABC', '2026-11')->>'token'")
            ).scalar_one()
            assert (
                conn.exec_driver_sql(
                    "SELECT count(*) FROM pg_temp.withholding_number_requests"
                ).scalar_one()
                == 0
            )
            conn.commit()
            numbers = conn.execute(
                text("SELECT counter_withholding_numbers(CAST(:t AS uuid))"), {"t": token}
            ).scalar_one()["numbers"]
            assert len(numbers) == 3
            conn.commit()
    assert len(_numbers_audits(hall.db)) <= 1
    _books_clean(hall.db)


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
            {"g": list(GROUPS)},
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
    _books_clean(hall.db)


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
    _books_clean(town.db)


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
                {"g": list(GROUPS), "l": list(LOCKERS), "f": list(FUNCTIONS)},
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
    _books_clean(hall.db)
