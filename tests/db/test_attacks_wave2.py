"""The attacker's review of wave 2 (migrations 0019-0025): every login of the
app (clerk, supervisor, admin, batch) used from psql by someone who wants to
steal or hide money, or read what they must not. Listed from the catalogue
where possible, so a function or table added later without care fails here.
The races (two connections at once) are in test_attacks_wave2_races.py."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from counter_app.services.actions import ActionError, call
from tests.support.builders import make_account, make_reference

GROUPS = ("counter_clerk", "counter_supervisor", "counter_admin", "counter_batch")

# Building blocks of the actions: called inside a SECURITY DEFINER action
# that checked its caller, never by a login.
INTERNAL = (
    "counter_post_channel_payment(text, text, bigint, numeric, timestamptz, text, text)",
    "counter_issue_bills_only(text, jsonb)",
    "counter_charge_late_fees(bigint, bigint, numeric, bigint[], bigint, numeric)",
    "counter_late_fee_due(bigint, numeric, bigint[], bigint)",
    "counter_archive_issue(text, integer)",
    "counter_archive_format(text, integer, integer)",
    "counter_deduct_prepayment(bigint, text)",
    "counter_deduct_prepayments(text)",
    "counter_withholding_due_rows(text, text)",
    "counter_withholding_next_batch_no(text, text)",
    "counter_withholding_owed(bigint, text)",
    "counter_withholding_reconciliation(bigint)",
    "counter_find_accounts(text, text)",
    "counter_reveal(bigint, text, text, text)",
    "counter_suspense_row(bigint)",
    "counter_channel_result(bigint, boolean)",
    "counter_payment_facts(bigint, boolean)",
    "counter_owed_at(bigint, timestamptz)",
    "counter_open_bills(bigint)",
    "counter_audit(text, text, text, text, jsonb)",
    "counter_lookup_limit()",
    "counter_mask_bank_account(text)",
    "counter_tariff_last_billed(bigint)",
    "counter_deduction_on(bigint)",
)

# What a login may call without SECURITY DEFINER: pure text helpers
# (the search's trigram parts), executable by PUBLIC since 0003/0006.
PUBLIC_HARMLESS = {"counter_grams(text)", "counter_grams(text,text)", "counter_trigrams(text)"}

# Actions whose caller check sits one call down (a one-line SQL wrapper).
DELEGATING = {
    "counter_reject_relief(text,bigint,integer,text)": "counter_relief_close",
    "counter_withdraw_relief(text,bigint,integer,text)": "counter_relief_close",
}

# The tables of wave 2 (and the money tables they write), each attacked
# with INSERT, UPDATE, DELETE and TRUNCATE by every login.
TABLES = (
    "archive_sequences",
    "golive_imports",
    "tariffs",
    "tariff_tiers",
    "tariff_rates",
    "fee_components",
    "price_categories",
    "account_channel_settings",
    "online_imports",
    "channel_suspense",
    "channel_suspense_resolutions",
    "withholding_banks",
    "withholding_agreements",
    "withholding_batches",
    "withholding_items",
    "withholding_results",
    "withholding_imports",
    "late_fee_rules",
    "late_fee_waivers",
    "late_fee_charges",
    "payments",
    "payment_tenders",
    "allocations",
    "prepayment_ledger",
    "bills",
    "bill_lines",
    "accounts",
    "utility_settings",
    "receipt_series",
    "reveal_requests",
    "complaints",
    "audit_events",
    "clerks",
)

# Columns no login reads directly: a masked copy, or a reveal that is
# audited and rate-limited, stands for each.
SECRETS = (
    ("accounts", "id_number"),
    ("accounts", "mobile"),
    ("accounts", "landline"),
    ("withholding_agreements", "bank_account"),
    ("complaints", "contact"),
    ("relief_applications", "holder_id_number"),
    ("relief_applications", "contact_phone"),
    ("correction_requests", "proposed_value"),
)


def _catalogue(db, sql: str) -> list:
    with db.read() as s:
        return s.execute(text(sql)).all()


# -- the catalogue -----------------------------------------------------------------------------


def test_every_security_definer_function_pins_its_search_path(db):
    rows = _catalogue(
        db,
        """
        SELECT p.oid::regprocedure::text AS name, p.proconfig
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.prosecdef""",
    )
    assert len(rows) > 80
    loose = [
        r.name
        for r in rows
        if not any(c.startswith("search_path=public, pg_temp") for c in (r.proconfig or []))
    ]
    assert loose == []


def test_every_counter_function_is_owned_by_counter_owner_and_pins_its_path(db):
    """The owner is the only role a SECURITY DEFINER runs as; an unpinned
    path even in an owner-only helper is one grant away from a hole."""
    rows = _catalogue(
        db,
        """
        SELECT p.oid::regprocedure::text AS name, pg_get_userbyid(p.proowner) AS owner,
               p.proconfig, p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'sql')
                            AND p.provolatile = 'i' AS inlinable
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.proname LIKE 'counter%'""",
    )
    assert {r.owner for r in rows} == {"counter_owner"}
    loose = [
        r.name
        for r in rows
        if not r.inlinable
        and not any(c.startswith("search_path=") for c in (r.proconfig or []))
        and r.name not in PUBLIC_HARMLESS
        and not r.name.startswith(
            (
                "counter_refuse_change",
                "counter_arrears",
                "counter_bill_paid",
                "counter_cover_grams",
                "counter_next_string",
            )
        )
    ]
    assert loose == []


def test_no_security_definer_function_is_executable_by_public(db):
    rows = _catalogue(
        db,
        """
        SELECT p.oid::regprocedure::text AS name, p.prosecdef
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.proname LIKE 'counter%'
          AND p.prorettype <> 'trigger'::regtype
          AND EXISTS (SELECT 1 FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                      WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE')""",
    )
    assert {r.name for r in rows} == PUBLIC_HARMLESS
    assert not any(r.prosecdef for r in rows)


@pytest.mark.parametrize("group", GROUPS)
def test_no_group_may_call_an_internal_function(db, group):
    with db.read() as s:
        granted = [
            f
            for f in INTERNAL
            if s.execute(
                text("SELECT has_function_privilege(:g, CAST(:f AS regprocedure), 'EXECUTE')"),
                {"g": group, "f": f},
            ).scalar_one()
        ]
    assert granted == []


@pytest.mark.parametrize("group", GROUPS)
def test_every_function_a_group_may_call_checks_its_caller_or_only_reads(db, group):
    rows = _catalogue(
        db,
        f"""
        SELECT p.oid::regprocedure::text AS name, p.prosecdef, p.provolatile, p.prosrc
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.proname LIKE 'counter%'
          AND p.prorettype <> 'trigger'::regtype
          AND has_function_privilege('{group}', p.oid, 'EXECUTE')""",
    )
    assert rows
    for row in rows:
        if row.provolatile == "v":
            assert row.prosecdef, f"{row.name} writes as the caller"
            checks = ("counter_caller(", "counter_batch_caller(", "counter_admin_caller(")
            assert (
                any(c in row.prosrc for c in checks) or DELEGATING.get(row.name, "\0") in row.prosrc
            ), f"{row.name} checks no caller"
        else:
            assert row.provolatile in ("s", "i"), row.name


# -- real logins against the tables, sequences and internal functions -------------------------


@pytest.fixture
def logins(db, login_as, login_batch) -> dict:
    with db.write() as s:
        make_reference(s)
        make_account(s)
    made = {role: login_as(role)[0] for role in ("clerk", "supervisor", "admin")}
    made["batch"] = login_batch()[0]
    return made


def _refusals(database, statements: list[str]) -> list[str]:
    """Each statement on its own transaction; the ones NOT refused."""
    passed = []
    with database.engine.connect() as conn:
        for statement in statements:
            try:
                conn.execute(text(statement))
                passed.append(statement)
            except Exception as exc:  # noqa: BLE001 - any refusal is what we want
                assert "permission denied" in str(exc) or "must be owner" in str(exc), (
                    f"{statement}: {exc}"
                )
            conn.rollback()
    return passed


def _first_column(db, table: str) -> str:
    with db.read() as s:
        return s.execute(
            text(
                "SELECT attname FROM pg_attribute WHERE attrelid = CAST(:t AS regclass) "
                "AND attnum > 0 AND NOT attisdropped ORDER BY attnum LIMIT 1"
            ),
            {"t": table},
        ).scalar_one()


@pytest.mark.parametrize("role", ["clerk", "supervisor", "admin", "batch"])
def test_no_login_writes_a_table_of_wave_2(db, logins, role):
    statements = []
    for table in TABLES:
        column = _first_column(db, table)
        statements += [
            f"INSERT INTO {table} DEFAULT VALUES",
            f"UPDATE {table} SET {column} = {column}",
            f"DELETE FROM {table}",
            f"TRUNCATE {table}",
        ]
    assert _refusals(logins[role], statements) == []


@pytest.mark.parametrize("role", ["clerk", "supervisor", "admin", "batch"])
def test_no_login_takes_a_sequence_value_or_calls_an_internal_function(db, logins, role):
    with db.read() as s:
        sequences = (
            s.execute(
                text(
                    "SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n "
                    "ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S'"
                )
            )
            .scalars()
            .all()
        )
    # the clerks' own lookup counters (0025) are among them: a reset would
    # lift the rate limit on full numbers
    assert any(q.startswith("counter_lookups_") for q in sequences)
    statements = [f"SELECT nextval('{q}')" for q in sequences]
    statements += [f"SELECT setval('{q}', 1)" for q in sequences]
    calls = {
        "counter_post_channel_payment": "('online', 'x', 1, 10, now(), 'wechat', 'x')",
        "counter_issue_bills_only": "('2026-01', '[]')",
        "counter_charge_late_fees": "(1, 1, 1, '{}', NULL, 100)",
        "counter_late_fee_due": "(1, 1, '{}', NULL)",
        "counter_archive_issue": "('370829', 2026)",
        "counter_deduct_prepayment": "(1, 'x')",
        "counter_deduct_prepayments": "('x')",
        "counter_withholding_due_rows": "('ABC', '2026-11')",
        "counter_find_accounts": "('mobile', '13812345678')",
        "counter_reveal": "(1, 'mobile', 'x', 'x')",
        "counter_audit": "('x', 'x', 'x', 'x', '{}')",
    }
    statements += [f"SELECT {name}{args}" for name, args in calls.items()]
    assert _refusals(logins[role], statements) == []


@pytest.mark.parametrize("role", ["clerk", "supervisor", "admin", "batch"])
def test_no_login_reads_a_full_number(db, logins, role):
    """The full ID/phone numbers only through counter_find_number (audited,
    rate-limited) or a reveal; the bank account only in the batch's request
    file; a complaint's contact only through a supervisor's reveal."""
    statements = [f"SELECT {column} FROM {table}" for table, column in SECRETS]
    statements += [f"SELECT * FROM {table}" for table, _ in SECRETS]
    passed = _refusals(logins[role], statements)
    assert passed == [], "; ".join(passed)


def test_a_supervisor_cannot_reveal_every_number_past_the_lookup_quota(db, login_as):
    """A reveal gives a full number for an account: the same per-minute quota
    as a lookup by full number (0025), or a supervisor dumps the whole town
    one audited reveal at a time. A complaint's contact shares it."""
    with db.write() as s:
        make_reference(s)
        account = make_account(s).id
    boss, _ = login_as("supervisor")
    with db.read() as s:
        limit = s.execute(text("SELECT counter_lookup_limit()")).scalar_one()
    refused = None
    for n in range(2 * limit + 1):  # a minute may turn once while this runs
        try:
            token = call(boss, "request_reveal", account, "mobile", "WS1")["token"]
        except ActionError as exc:
            refused = (n, exc.code)
            break
        assert call(boss, "reveal_value", token)["value"] == "13812345678"
    assert refused is not None and refused[1] == "rate_limit" and refused[0] >= limit
    with pytest.raises(ActionError) as contact:
        call(boss, "request_contact_reveal", 1, "WS1")
    assert contact.value.code == "rate_limit"
    # the lookups by full number share it
    with pytest.raises(ActionError) as lookup:
        call(boss, "find_number", "mobile", ["13812345678"], "WS1")
    assert lookup.value.code == "rate_limit"


def test_0026_downgrades_to_0025_and_upgrades_again(pg_db):
    from alembic import command

    from counter_app.db.migrate import _config

    def state(conn) -> tuple:
        return conn.execute(
            text(
                "SELECT has_table_privilege('counter_admin', 'accounts', 'SELECT'), "
                "to_regprocedure('counter_take_lookup(clerks, text)') IS NOT NULL, "
                "(SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'withholding%no_truncate'), "
                "position('counter_take_lookup' in "
                "         pg_get_functiondef('counter_request_reveal'::regproc)) > 0"
            )
        ).one()

    with pg_db.engine.connect() as conn:
        assert tuple(state(conn)) == (False, True, 4, True)
    with pg_db.engine.begin() as conn:
        conn.execute(text("SET LOCAL ROLE counter_owner"))
        command.downgrade(_config(conn), "0025_hardening")
    with pg_db.engine.connect() as conn:
        # the admin's table SELECT on accounts is not handed back (0029)
        assert tuple(state(conn)) == (False, False, 0, False)
    with pg_db.engine.begin() as conn:
        conn.execute(text("SET LOCAL ROLE counter_owner"))
        command.upgrade(_config(conn), "head")
    with pg_db.engine.connect() as conn:
        assert tuple(state(conn)) == (False, True, 4, True)


# The wave's actions and who may call them (a direct grant; the groups
# above inherit: admin -> supervisor -> clerk).
WAVE2_GRANTS = {
    "counter_assign_archive_numbers": {"counter_admin", "counter_batch"},
    "counter_assign_archive_no": {"counter_supervisor"},
    "counter_set_cabinet_no": {"counter_supervisor"},
    "counter_archive_catalogue": {"counter_supervisor"},
    "counter_import_accounts": {"counter_batch"},
    "counter_import_balances": {"counter_batch"},
    "counter_save_tariff": {"counter_admin"},
    "counter_save_fee_component": {"counter_admin"},
    "counter_save_price_category": {"counter_admin"},
    "counter_tariff_basis": {"counter_clerk"},
    "counter_tariff_catalog": {"counter_clerk"},
    "counter_issue_bills": {"counter_batch"},
    "counter_apply_prepayments": {"counter_batch"},
    "counter_import_online": {"counter_batch"},
    "counter_resolve_suspense": {"counter_supervisor"},
    "counter_suspense_list": {"counter_supervisor"},
    "counter_set_account_deduction": {"counter_supervisor"},
    "counter_set_channel_setting": {"counter_admin"},
    "counter_channel_day": {"counter_supervisor"},
    "counter_sign_withholding": {"counter_clerk"},
    "counter_cancel_withholding": {"counter_clerk"},
    "counter_withholding_screen": {"counter_clerk"},
    "counter_withholding_due": {"counter_batch"},
    "counter_export_withholding": {"counter_batch"},
    "counter_import_withholding": {"counter_batch"},
    "counter_waive_late_fee": {"counter_supervisor"},
    "counter_set_late_fee_rule": {"counter_admin"},
    "counter_late_fee": {"counter_clerk"},
    "counter_overdue": {"counter_clerk"},
    "counter_dunning_list": {"counter_supervisor"},
    "counter_post_payment": {"counter_clerk"},
    "counter_find_number": {"counter_clerk"},
    "counter_lookup_flags": {"counter_supervisor"},
    "counter_request_contact_reveal": {"counter_supervisor"},
    "counter_request_reveal": {"counter_clerk"},
    "counter_reveal_value": {"counter_clerk"},
    "counter_books_check": {"counter_supervisor"},
    "counter_installation_role": {"counter_clerk", "counter_batch"},
    "counter_take_lookup": set(),
    "counter_check_bill_terms": set(),
}


def test_each_action_of_the_wave_is_granted_to_its_group_only(db):
    names = ", ".join(f"'{n}'" for n in WAVE2_GRANTS)
    rows = _catalogue(
        db,
        f"""
        SELECT p.proname, coalesce(array_agg(DISTINCT pg_get_userbyid(a.grantee))
                                   FILTER (WHERE a.grantee <> p.proowner), '{{}}') AS grantees
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        LEFT JOIN LATERAL aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
               ON a.privilege_type = 'EXECUTE'
        WHERE n.nspname = 'public' AND p.proname IN ({names})
        GROUP BY p.oid, p.proname""",
    )
    assert {r.proname for r in rows} == set(WAVE2_GRANTS)
    wrong = {r.proname: set(r.grantees) for r in rows if set(r.grantees) != WAVE2_GRANTS[r.proname]}
    assert wrong == {}
