"""The exact-number lookup is not an oracle (migration 0025), signed in as a
real clerk: one number per call, every lookup audited with the clerk, at most
30 a minute (CT429, counted even in a statement that fails on purpose, and
flagged for a supervisor), ID tails of 4 characters only."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from psycopg.types.json import Jsonb
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from counter_app.services.accounts.search import SearchService
from counter_app.services.actions import ActionError, call
from tests.support import search_people
from tests.support.waiting import poll_until

pytestmark = pytest.mark.postgres

MASKED = "139****5678"  # 张三丰's mobile as every clerk sees it: 13900005678


@pytest.fixture
def town(db):
    return db, search_people.populate(db)


def _fresh_minute() -> None:
    """The quota counts per clock minute: start a test well inside one (past
    second 45, wait for the next minute: the clock is the quota's window)."""
    assert poll_until(lambda: datetime.now(UTC).second < 45, timeout=20, interval=0.2)


def _candidates(n: int) -> list[str]:
    return [f"139{i:04d}5678" for i in range(1, n + 1)]  # 13900005678 is 张三丰's


def _sqlstate(exc: DBAPIError) -> str:
    return getattr(exc.orig, "sqlstate", "")


def _lookup(login, kind: str, values: list[str]):
    with login.engine.connect() as conn:
        return conn.execute(
            text("SELECT counter_find_number(:k, :v, 'ws')"), {"k": kind, "v": values}
        ).scalar_one()


def test_one_statement_with_10000_candidates_learns_nothing(town, login_as):
    """The oracle of the issue: the masked mobile and 10,000 candidates in
    one statement. Refused (CT429) at the 31st lookup; nothing is returned."""
    _fresh_minute()
    admin, ids = town
    login, _who = login_as("clerk")
    candidates = _candidates(9_999)
    candidates.insert(5_000, "13900005678")
    with pytest.raises(DBAPIError) as refused, login.engine.connect() as conn:
        conn.execute(
            text(
                "SELECT c FROM unnest(CAST(:c AS text[])) AS c "
                "WHERE cardinality(counter_find_number('mobile', ARRAY[c], '')) > 0"
            ),
            {"c": candidates},
        ).all()
    assert _sqlstate(refused.value) == "CT429"
    # the old ways in: the unaudited lookup and an array of candidates
    with pytest.raises(DBAPIError) as denied, login.engine.connect() as conn:
        conn.execute(text("SELECT * FROM counter_find_accounts('mobile', '13900005678')"))
    assert _sqlstate(denied.value) == "42501"
    with pytest.raises(DBAPIError) as many:
        _lookup(login, "mobile", _candidates(2))
    assert _sqlstate(many.value) == "CT400"
    terms = [
        {"kind": "mobile", "value": "13900005678", "values": _candidates(3), "modes": ["exact"]}
    ]
    with pytest.raises(ActionError) as probe:
        call(login, "search", Jsonb(terms), 50)
    assert probe.value.code == "one_value"


def test_failed_statements_use_up_the_quota(town, login_as):
    """A statement that looks up and then fails on purpose (to roll its
    audit row back and learn from the error) still counts."""
    _fresh_minute()
    admin, ids = town
    login, who = login_as("clerk")
    for value in _candidates(30):
        with pytest.raises(DBAPIError), login.engine.connect() as conn:
            conn.execute(
                text("SELECT 1 / cardinality(counter_find_number('mobile', ARRAY[:v], ''))"),
                {"v": value},
            )
    with pytest.raises(DBAPIError) as refused:
        _lookup(login, "mobile", ["13900005678"])  # the right one, too late
    assert _sqlstate(refused.value) == "CT429"
    supervisor, _ = login_as("supervisor")
    flags = {f["username"]: f for f in call(supervisor, "lookup_flags")}
    assert flags[who.username]["flagged"] and flags[who.username]["refusals"] == 1
    assert flags[who.username]["lookups_this_minute"] == 31
    with pytest.raises(ActionError) as clerk_list:
        call(login, "lookup_flags")
    assert clerk_list.value.kind == "forbidden"


def test_search_by_full_number_is_audited_and_rate_limited(town, login_as):
    _fresh_minute()
    admin, ids = town
    login, who = login_as("clerk")
    service = SearchService(login)
    assert [h.account_id for h in service.search("13900005678").hits] == [ids["zhangsanfeng"]]
    assert [h.account_id for h in service.search("0537-6812345").hits] == [ids["lizhangsan"]]
    assert {h.account_id for h in service.search(search_people.ID_15).hits} == {
        ids["old15"],
        ids["new18"],
    }
    with admin.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT clerk, entity_id, details::jsonb FROM audit_events "
                "WHERE action = 'account.lookup' ORDER BY id"
            )
        ).all()
    assert [r.clerk for r in rows] == [who.username] * 3
    assert rows[0].details == {"kind": "mobile", "value": MASKED, "found": 1}
    assert rows[0].entity_id == str(ids["zhangsanfeng"])
    assert "6812345" not in str(rows[1].details) and rows[2].details["found"] == 2
    # tails and names are not counted
    for _ in range(40):
        assert service.search("5678").hits
    for value in _candidates(27):
        assert service.search(value).hint is None
    limited = service.search("13812345678")
    assert (limited.hits, limited.hint) == ((), "rate_limited")


def test_id_tail_is_four_characters(town, login_as):
    admin, ids = town
    login, _who = login_as("clerk")
    terms = [{"kind": "id_tail", "value": "011234", "values": ["011234"], "modes": ["exact"]}]
    with pytest.raises(ActionError) as refused:
        call(login, "search", Jsonb(terms), 50)
    assert (refused.value.code, refused.value.field) == ("id_tail", "terms")
    assert [h.account_id for h in SearchService(login).search("1234").hits][0] == ids["zhangsan"]
    assert SearchService(login).search("011234").kinds == ("account_no", "meter_no")
