"""Archive numbers (migration 0019) signed in as real logins: the rule
属地-年度-序号, gapless per locality and year under concurrency and
rollback, numbers never changed, the batch idempotent, the search and the
catalogue; and the raw SQL a clerk or supervisor could send instead."""

from __future__ import annotations

import threading
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.domain.archive import format_archive_no, parse_archive_no
from counter_app.services.accounts.archive import ArchiveError, ArchiveInfo, ArchiveService
from counter_app.services.accounts.search import SearchService
from counter_app.services.accounts.service import AccountService
from counter_app.services.audit import Actor
from tests.support.builders import make_account, make_reference
from tests.support.waiting import lock_waiters, wait_for_lock_waiters

# opened on, area: two localities, two years (A01 2024 has three accounts)
ACCOUNTS = (
    ("01000001", date(2024, 5, 2), "A01"),
    ("01000002", date(2024, 3, 9), "A01"),
    ("01000003", date(2023, 12, 31), "A01"),
    ("01000004", date(2024, 3, 9), "A01"),
    ("02000001", date(2024, 1, 5), "A02"),
)


@pytest.fixture
def db(pg_db):  # login_as signs in to this database
    with pg_db.write() as s:
        make_reference(s)
        s.add(m.Area(code="A02", name="纸坊镇", meter_reader=""))
        s.flush()
        for i, (no, opened, area) in enumerate(ACCOUNTS):
            make_account(
                s,
                no,
                opened_on=opened,
                area_code=area,
                name=f"户{i}",
                id_number=None,
                mobile=None,
                mobile_masked="",
                id_masked="",
                id_tail="",
            )
    return pg_db


def _ids(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return dict(conn.execute(text("SELECT account_no, id FROM accounts")).all())


def _numbers(db: Database) -> dict[str, str | None]:
    with db.engine.connect() as conn:
        return dict(conn.execute(text("SELECT account_no, archive_no FROM accounts")).all())


def _actor(who) -> Actor:
    return Actor(who.username, "WS-09", who.id)


def _denied(login: Database, sql: str, **params) -> None:
    with pytest.raises(DBAPIError) as info, login.engine.begin() as conn:
        conn.execute(text(sql), params)
    assert "permission denied" in str(info.value.orig), sql


def _assign_sql(conn, account_id: int, cabinet: str | None = None) -> str:
    return conn.execute(
        text("SELECT counter_assign_archive_no(:a, :c, 'WS')"), {"a": account_id, "c": cabinet}
    ).scalar_one()["archive_no"]


# ------------------------------------------------------------------ the rule


def test_a_supervisor_numbers_an_account_by_locality_year_and_sequence(db, login_as):
    boss_db, boss = login_as("supervisor")
    service, ids = ArchiveService(boss_db), _ids(db)
    first = service.assign(ids["01000001"], " 柜A-03 ", _actor(boss))
    assert first == ArchiveInfo("A01-2024-00001", "柜A-03")
    assert service.assign(ids["02000001"], None, _actor(boss)) == ArchiveInfo("A02-2024-00001")
    assert service.assign(ids["01000003"], None, _actor(boss)).archive_no == "A01-2023-00001"
    assert service.assign(ids["01000002"], None, _actor(boss)).archive_no == "A01-2024-00002"
    # the database and the domain write the rule alike
    assert format_archive_no("A01", 2024, 2) == "A01-2024-00002"
    assert parse_archive_no("a01-2024-00002").number == 2
    with db.engine.connect() as conn:
        assert (
            conn.execute(text("SELECT counter_archive_format('07', 2026, 123456)")).scalar_one()
            == "07-2026-123456"
        )
        assert format_archive_no("07", 2026, 123456) == "07-2026-123456"
        audit = conn.execute(
            text(
                "SELECT clerk, workstation, details::jsonb FROM audit_events "
                "WHERE action = 'archive.assign' AND entity_id = :id"
            ),
            {"id": str(ids["01000001"])},
        ).one()
        sequences = dict(
            conn.execute(
                text("SELECT locality || '/' || year, next_no FROM archive_sequences")
            ).all()
        )
    assert audit.clerk == boss.username and audit.workstation == "WS-09"
    assert audit.details["archive_no"] == "A01-2024-00001"
    assert audit.details["cabinet_no"] == "柜A-03"
    assert sequences == {"A01/2024": 3, "A02/2024": 2, "A01/2023": 2}


def test_an_account_without_opening_date_takes_this_year_in_shanghai(db, login_as):
    with db.write() as s:
        account = make_account(
            s, "03000001", area_code="A02", opened_on=None, id_number=None, mobile=None
        )
    boss_db, boss = login_as("supervisor")
    got = ArchiveService(boss_db).assign(account.id, None, _actor(boss))
    year = datetime.now(ZoneInfo("Asia/Shanghai")).year
    assert got.archive_no == f"A02-{year}-00001"


def test_a_number_is_never_changed_and_a_kept_number_is_stepped_over(db, login_as):
    ids = _ids(db)
    with db.engine.begin() as conn:  # the old system's numbers, as an import keeps them
        conn.execute(
            text("UPDATE accounts SET archive_no = 'A01-2024-00001' WHERE account_no = '01000004'")
        )
        conn.execute(
            text("UPDATE accounts SET archive_no = 'JX-OLD-77' WHERE account_no = '01000003'")
        )
    boss_db, boss = login_as("supervisor")
    service = ArchiveService(boss_db)
    for account_no, kept in (("01000004", "A01-2024-00001"), ("01000003", "JX-OLD-77")):
        with pytest.raises(ArchiveError) as refused:
            service.assign(ids[account_no], "C1", _actor(boss))
        assert refused.value.code == "already_numbered" and kept in str(refused.value)
    # the next number of A01/2024 is not the one the old system gave already
    assert service.assign(ids["01000001"], None, _actor(boss)).archive_no == "A01-2024-00002"
    with pytest.raises(ArchiveError) as refused:
        service.assign(ids["01000001"], None, _actor(boss))
    assert refused.value.code == "already_numbered"
    assert _numbers(db)["01000004"] == "A01-2024-00001"
    with pytest.raises(ArchiveError) as refused:
        service.assign(999_999, None, _actor(boss))
    assert refused.value.code == "not_found"


def test_a_rolled_back_assignment_leaves_no_gap(db, login_as):
    boss_db, _ = login_as("supervisor")
    ids = _ids(db)
    with boss_db.engine.connect() as conn:
        trans = conn.begin()
        assert _assign_sql(conn, ids["01000001"]) == "A01-2024-00001"
        trans.rollback()
    with boss_db.engine.connect() as conn:
        assert _assign_sql(conn, ids["01000002"]) == "A01-2024-00001"
        conn.commit()
    assert _numbers(db)["01000001"] is None


def test_two_supervisors_at_once_queue_on_the_sequence_and_leave_no_gap(db, login_as):
    """The first holds the sequence row until it ends; the second waits, and
    takes the number the first gave back when it rolled back."""
    first_db, _ = login_as("supervisor")
    second_db, _ = login_as("supervisor")
    ids = _ids(db)
    got: dict[str, str] = {}
    with first_db.engine.connect() as first:
        trans = first.begin()
        assert _assign_sql(first, ids["01000001"]) == "A01-2024-00001"

        def second() -> None:
            with second_db.engine.connect() as conn:
                got["second"] = _assign_sql(conn, ids["01000002"])
                conn.commit()

        thread = threading.Thread(target=second)
        thread.start()
        # it waits on a lock (the sequence row), not on anything else, and has not finished
        assert wait_for_lock_waiters(db.engine, "%counter_assign_archive_no%"), (
            "the second assignment did not wait for the first"
        )
        assert lock_waiters(db.engine, "%counter_assign_archive_no%") == 1
        assert thread.is_alive() and "second" not in got
        trans.rollback()
        thread.join(10)
    assert got["second"] == "A01-2024-00001"
    with first_db.engine.connect() as first:
        assert _assign_sql(first, ids["01000001"]) == "A01-2024-00002"
        first.commit()


def test_many_assignments_at_once_are_gapless_and_unique(db, login_as):
    with db.write() as s:
        new = [
            make_account(
                s,
                f"0400{i:04d}",
                area_code="A02",
                opened_on=date(2025, 6, 1),
                id_number=None,
                mobile=None,
            ).id
            for i in range(40)
        ]
    logins = [login_as("supervisor")[0] for _ in range(4)]
    errors: list[BaseException] = []

    def work(login: Database, account_ids: list[int]) -> None:
        try:
            with login.engine.connect() as conn:
                for account_id in account_ids:
                    _assign_sql(conn, account_id)
                    conn.commit()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [
        threading.Thread(target=work, args=(login, new[i::4])) for i, login in enumerate(logins)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    with db.engine.connect() as conn:
        numbers = (
            conn.execute(text("SELECT archive_no FROM accounts WHERE opened_on = '2025-06-01'"))
            .scalars()
            .all()
        )
        next_no = conn.execute(
            text("SELECT next_no FROM archive_sequences WHERE locality = 'A02' AND year = 2025")
        ).scalar_one()
    assert sorted(numbers) == [format_archive_no("A02", 2025, n) for n in range(1, 41)]
    assert next_no == 41


# ------------------------------------------------------------------ the cabinet


def test_a_supervisor_records_and_moves_the_cabinet(db, login_as):
    boss_db, boss = login_as("supervisor")
    service, ids = ArchiveService(boss_db), _ids(db)
    service.assign(ids["01000001"], None, _actor(boss))
    assert service.set_cabinet(ids["01000001"], "3号柜", _actor(boss)) == ArchiveInfo(
        "A01-2024-00001", "3号柜"
    )
    assert service.set_cabinet(ids["01000001"], "5号柜", _actor(boss)).cabinet_no == "5号柜"
    service.set_cabinet(ids["01000001"], "5号柜", _actor(boss))  # no move: no audit row
    for bad, code in (("", "required"), ("   ", "required"), ("X" * 17, "too_long")):
        with pytest.raises(ArchiveError) as refused:
            service.set_cabinet(ids["01000001"], bad, _actor(boss))
        assert (refused.value.code, refused.value.field) == (code, "cabinet_no")
    with boss_db.engine.connect() as conn, pytest.raises(DBAPIError, match="invalid"):
        conn.execute(
            text("SELECT counter_set_cabinet_no(:a, E'A\\n1', 'WS')"), {"a": ids["01000001"]}
        )
    with db.engine.connect() as conn:
        moves = (
            conn.execute(
                text(
                    "SELECT details::jsonb FROM audit_events WHERE action = 'archive.cabinet' "
                    "ORDER BY id"
                )
            )
            .scalars()
            .all()
        )
    assert [(d["from"], d["to"]) for d in moves] == [("", "3号柜"), ("3号柜", "5号柜")]
    screen = AccountService(boss_db).screen(ids["01000001"])
    assert screen.archive == ArchiveInfo("A01-2024-00001", "5号柜")
    assert AccountService(boss_db).screen(ids["01000002"]).archive == ArchiveInfo(None, "")


# ------------------------------------------------------------------ the batch


def test_the_batch_numbers_every_account_in_a_stable_order_once(db, login_as, login_batch):
    admin_db, admin = login_as("admin")
    service = ArchiveService(admin_db)
    first = service.assign_all("WS-ADMIN", "A02")
    assert (first.assigned, first.by_locality) == (1, {"A02": 1})
    result = service.assign_all("WS-ADMIN")
    assert result.assigned == 4 and result.by_locality == {"A01": 4}
    assert _numbers(db) == {
        "01000003": "A01-2023-00001",
        # 2024: by opening date, then account number
        "01000002": "A01-2024-00001",
        "01000004": "A01-2024-00002",
        "01000001": "A01-2024-00003",
        "02000001": "A02-2024-00001",
    }
    again = service.assign_all("WS-ADMIN")
    assert again.assigned == 0 and again.first is None
    batch_db, _ = login_batch()
    assert ArchiveService(batch_db).assign_all("batch").assigned == 0
    with db.engine.connect() as conn:
        audits = (
            conn.execute(
                text(
                    "SELECT details::jsonb FROM audit_events WHERE action = 'archive.assign_batch' "
                    "ORDER BY id"
                )
            )
            .scalars()
            .all()
        )
    assert [a["assigned"] for a in audits] == [1, 4]  # a run that numbers nothing: no row
    with pytest.raises(ArchiveError) as refused:
        service.assign_all("WS", "NOPE")
    assert refused.value.code == "not_found" and refused.value.field == "locality"


def test_the_dba_runs_the_batch_too(db):
    with db.engine.connect() as conn:
        got = conn.execute(text("SELECT counter_assign_archive_numbers('cli', NULL)")).scalar_one()
        conn.commit()
    assert got["assigned"] == len(ACCOUNTS)


# ------------------------------------------------------------------ raw SQL


def test_a_clerk_cannot_write_numbers_or_sequences_nor_call_the_supervisors_actions(db, login_as):
    clerk_db, clerk = login_as("clerk")
    boss_db, boss = login_as("supervisor")
    ids = _ids(db)
    a = ids["01000001"]
    for login in (clerk_db, boss_db):
        _denied(login, "UPDATE accounts SET archive_no = 'A01-2024-00009' WHERE id = :a", a=a)
        _denied(login, "UPDATE accounts SET cabinet_no = 'X' WHERE id = :a", a=a)
        _denied(login, "UPDATE archive_sequences SET next_no = 1")
        _denied(
            login, "INSERT INTO archive_sequences (locality, year, next_no) VALUES ('A01', 2024, 7)"
        )
        _denied(login, "DELETE FROM archive_sequences")
        _denied(login, "SELECT * FROM archive_sequences")
        _denied(login, "SELECT counter_archive_issue('A01', 2024)")
        _denied(login, "SELECT counter_assign_archive_numbers('WS', NULL)")
    _denied(clerk_db, "SELECT counter_assign_archive_no(:a, NULL, 'WS')", a=a)
    _denied(clerk_db, "SELECT counter_set_cabinet_no(:a, 'C1', 'WS')", a=a)
    _denied(clerk_db, "SELECT counter_archive_catalogue(NULL)")
    with pytest.raises(PermissionError):
        ArchiveService(clerk_db).assign(a, None, _actor(clerk))
    # nothing moved: the first number is still 00001
    assert ArchiveService(boss_db).assign(a, None, _actor(boss)).archive_no == "A01-2024-00001"
    assert set(_numbers(db).values()) == {None, "A01-2024-00001"}


# ------------------------------------------------------------------ search, catalogue


def test_an_archive_number_is_found_by_the_search(db, login_as):
    admin_db, _ = login_as("admin")
    ArchiveService(admin_db).assign_all("WS")
    with db.engine.begin() as conn:
        conn.execute(
            text("UPDATE accounts SET archive_no = 'jx-old-77' WHERE account_no = '02000001'")
        )
    clerk_db, _ = login_as("clerk")
    search = SearchService(clerk_db)
    found = search.search("a01-2024-00002")
    assert [(h.account_no, h.matched) for h in found.hits] == [("01000004", "archive_no")]
    assert found.kinds[0] == "archive_no"
    assert [h.account_no for h in search.search("档案号: jx-old-77").hits] == ["02000001"]
    assert search.search("A01-2024-00099").hits == ()
    with db.engine.connect() as conn:  # through the unique index, not a scan
        conn.execute(text("SET enable_seqscan = off"))
        plan = (
            conn.execute(
                text(
                    "EXPLAIN SELECT a.id FROM accounts a "
                    "WHERE a.archive_no = ANY (ARRAY['A01-2024-00002', 'A01-2024-00002'])"
                )
            )
            .scalars()
            .all()
        )
    assert any("uq_accounts_archive_no" in line for line in plan), plan


def test_the_catalogue_lists_numbered_accounts_by_number(db, login_as):
    admin_db, _ = login_as("admin")
    ArchiveService(admin_db).assign_all("WS")
    boss_db, boss = login_as("supervisor")
    service = ArchiveService(boss_db)
    service.set_cabinet(_ids(db)["02000001"], "纸坊1号柜", _actor(boss))
    rows = service.catalogue()
    assert [(r.archive_no, r.account_no) for r in rows] == [
        ("A01-2023-00001", "01000003"),
        ("A01-2024-00001", "01000002"),
        ("A01-2024-00002", "01000004"),
        ("A01-2024-00003", "01000001"),
        ("A02-2024-00001", "02000001"),
    ]
    last = rows[-1]
    assert (last.name, last.address, last.cabinet_no, last.opened_on, last.locality) == (
        "户4",
        "嘉祥街道建设路12号",
        "纸坊1号柜",
        date(2024, 1, 5),
        "A02",
    )
    assert [r.account_no for r in service.catalogue("A02")] == ["02000001"]


def test_the_batch_steps_over_numbers_kept_from_the_old_system(db, login_as):
    """A01/2024 would give 00001..00003 in one statement, but 00002 is held by
    an account of the old system: that group is numbered one by one around
    it; the other groups in one statement as usual."""
    with db.write() as s:
        make_account(
            s,
            "09000001",
            opened_on=date(2010, 1, 1),
            area_code="A01",
            archive_no="A01-2024-00002",
            id_number=None,
            mobile=None,
        )
    admin_db, _ = login_as("admin")
    result = ArchiveService(admin_db).assign_all("WS")
    assert result.assigned == 5
    assert (result.first, result.last) == ("A01-2023-00001", "A02-2024-00001")
    assert _numbers(db) == {
        "01000003": "A01-2023-00001",
        "01000002": "A01-2024-00001",
        "01000004": "A01-2024-00003",
        "01000001": "A01-2024-00004",
        "09000001": "A01-2024-00002",
        "02000001": "A02-2024-00001",
    }
    with db.engine.connect() as conn:
        sequences = dict(
            conn.execute(
                text("SELECT locality || '/' || year, next_no FROM archive_sequences")
            ).all()
        )
    assert sequences == {"A01/2023": 2, "A01/2024": 5, "A02/2024": 2}
