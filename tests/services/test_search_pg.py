"""Search as a clerk's own PostgreSQL login: raw numbers only through the
security-definer function, every kind still works, the plans use the indexes."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from counter_app.db.engine import Database
from counter_app.services.accounts.search import SearchService
from tests.support.search_people import ID_X, ID_ZHANG, populate

pytestmark = pytest.mark.postgres


@pytest.fixture
def town(pg_db):
    return pg_db, populate(pg_db)


@pytest.fixture
def db(pg_db):  # login_as (tests/conftest.py) signs in to this database
    return pg_db


def _denied(db: Database, sql: str) -> None:
    with pytest.raises(DBAPIError) as info:
        with db.engine.begin() as conn:
            conn.execute(text(sql))
    assert "permission denied" in str(info.value.orig)


def test_clerk_finds_by_full_mobile_and_id_without_reading_them(town, login_as):
    _, ids = town
    clerk, _ = login_as("clerk")
    _denied(clerk, "SELECT mobile FROM accounts")
    _denied(clerk, "SELECT id FROM accounts WHERE mobile = '13812345678'")
    _denied(clerk, "SELECT id FROM accounts WHERE id_number = '370829199001011234'")
    service = SearchService(clerk)
    for raw, who in (
        ("13812345678", "zhangsan"),
        (ID_ZHANG, "zhangsan"),
        (ID_X.lower(), "lizhangsan"),
        ("6812345", "lizhangsan"),
        ("0537-6812345", "lizhangsan"),
    ):
        result = service.search(raw)
        assert [h.account_id for h in result.hits] == [ids[who]], raw
        hit = result.hits[0]
        assert "*" in (hit.mobile_masked + hit.id_masked)  # still masked


QUERIES = [
    "张三",
    "张",
    "三丰",
    "zs",
    "zgf",
    "01000001",
    "0100",
    "5678",
    "1234",
    "15002x",
    "JX2400000002",
    "meter:jx24",
    "幸福路12号",
    "院内表井",
    "㵘",
    "%",
    "",
    "王",
]


def test_every_kind_runs_with_clerk_privileges(town, login_as):
    admin, _ = town
    as_clerk, as_admin = SearchService(login_as("clerk")[0]), SearchService(admin)
    for raw in QUERIES:
        assert as_clerk.search(raw) == as_admin.search(raw), raw


def test_lookup_function_takes_exact_values_only(town, login_as):
    """A clerk's full-number lookup (counter_find_number, migration 0025;
    the unlimited counter_find_accounts is not a clerk's any more): exact
    values only, one number per call."""
    clerk, _ = login_as("clerk")
    with clerk.engine.connect() as conn:

        def find(kind: str, value: str | None) -> list[int]:
            return conn.execute(
                text("SELECT counter_find_number(:k, ARRAY[CAST(:v AS text)], '')"),
                {"k": kind, "v": value},
            ).scalar_one()

        assert len(find("mobile", "13812345678")) == 1
        for pattern in ("138%", "%", "_3812345678", "1381234567", "138123456789"):
            assert find("mobile", pattern) == [], pattern
        for pattern in ("3708%", "%", "370829********1234"):
            assert find("id_number", pattern) == [], pattern
        assert find("landline", "6812345%") == []
        for kind, value in (
            ("name", "张三"),
            ("mobile", None),
            ("mobile", ""),
            ("landline", "681234"),
        ):
            with pytest.raises(DBAPIError) as refused:
                find(kind, value)
            assert getattr(refused.value.orig, "sqlstate", "") == "CT400"
            conn.rollback()
        with pytest.raises(DBAPIError, match="permission denied"):
            conn.execute(text("SELECT * FROM counter_find_accounts('mobile', '13812345678')"))


def test_functions_are_owned_by_the_owner_and_not_public(pg_db):
    with pg_db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT p.proname, pg_get_userbyid(p.proowner), p.prosecdef, "
                "has_function_privilege('public', p.oid, 'EXECUTE') "
                "FROM pg_proc p WHERE p.proname IN ('counter_find_accounts', 'counter_reveal')"
            )
        ).all()
        config = conn.execute(
            text("SELECT proconfig FROM pg_proc WHERE proname = 'counter_find_accounts'")
        ).scalar_one()
    assert sorted(r[0] for r in rows) == ["counter_find_accounts", "counter_reveal"]
    assert all(r[1] == "counter_owner" and r[2] and not r[3] for r in rows)
    assert "search_path=public, pg_temp" in config


def _nested_plans(admin: Database, sql: str, params: tuple) -> list[str]:
    """The plans of every statement ``sql`` runs inside its functions
    (auto_explain, sent to the client as LOG messages)."""
    plans: list[str] = []
    raw = admin.engine.raw_connection()
    try:
        conn = raw.driver_connection
        conn.add_notice_handler(lambda diag: plans.append(diag.message_primary or ""))
        for setting in (
            "LOAD 'auto_explain'",
            "SET auto_explain.log_min_duration = 0",
            "SET auto_explain.log_nested_statements = on",
            "SET client_min_messages = log",
            "SET enable_seqscan = off",
        ):
            conn.execute(setting)
        conn.execute(sql, params)
        conn.rollback()
    finally:
        raw.close()
    return plans


def test_lookups_use_the_indexes(town):
    """With sequential scans priced out, every statement counter_search runs
    has an index plan (a guard against a lookup no index can serve)."""
    from psycopg.types.json import Jsonb

    from counter_app.domain.search_query import parse_query
    from counter_app.services.accounts.search import search_terms

    admin, _ = town
    for raw in (
        "张三",
        "三丰",
        "zs",
        "0100",
        "5678",
        "15002x",
        "meter:jx24",
        "院内表井",
        "幸福路12号",
        "张",
        "13812345678",
        "0537-6812345",
        ID_ZHANG,
    ):
        terms = Jsonb(search_terms(parse_query(raw), "0537"))
        plans = _nested_plans(admin, "SELECT counter_search(%s, 50)", (terms,))
        assert any("Index" in plan for plan in plans), (raw, plans)
        for plan in plans:
            assert "Seq Scan" not in plan, (raw, plan)


@pytest.mark.parametrize(("head", "scan_max"), [(1, 0), (3, 12), (10, 40)])
def test_fragment_strategy_never_changes_what_is_found(town, head, scan_max):
    """Head scan, extended scan and GIN lookup find the same accounts: force
    each path with tiny budgets (the counter.search_* settings) and compare
    with the default."""
    admin, _ = town
    queries = [
        "张",
        "三",
        "三丰",
        "娜娜",
        "㵘",
        "幸福",
        "院内表井",
        "2单元",
        "马村",
        "村街1号",
        "王",
        "单元楼道",
        "建设路幸福小区3号楼",
    ]
    before = {q: SearchService(admin).search(q, limit=500) for q in queries}
    options = f"-c counter.search_head_rows={head} -c counter.search_scan_max={scan_max}"
    forced = Database.from_url(admin.engine.url.update_query_dict({"options": options}))
    try:
        for q in queries:
            after = SearchService(forced).search(q, limit=500)
            assert sorted((h.account_id, h.matched, h.match) for h in after.hits) == sorted(
                (h.account_id, h.matched, h.match) for h in before[q].hits
            ), q
            small = SearchService(forced).search(q, limit=2)
            assert {h.account_id for h in small.hits} <= {h.account_id for h in after.hits}
            assert small.more == (len(after.hits) > 2)
    finally:
        forced.dispose()
