"""Concurrency and faults on a real PostgreSQL: nothing is paid twice."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.exc import OperationalError

from counter_app.db import models as m
from counter_app.services.accounts.ledger import open_bills
from counter_app.services.actions import Call
from counter_app.services.payments import service as payments
from counter_app.services.payments.service import PaymentService, StaleBillsError
from tests.support.payments import books, build_utility, cash, request
from tests.support.waiting import wait_for_lock_waiters

pytestmark = pytest.mark.postgres
D = Decimal
THREADS = 20


def _run_all(jobs):
    barrier = threading.Barrier(len(jobs))

    def run(job):
        barrier.wait()
        try:
            return job()
        except Exception as exc:  # noqa: BLE001 - the outcome is what we check
            return exc

    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        return list(pool.map(run, jobs))


def _receipts(db) -> list[int]:
    with db.read() as s:
        return (
            s.execute(select(m.Payment.receipt_no).order_by(m.Payment.receipt_no)).scalars().all()
        )


def test_twenty_clerks_paying_the_same_bills_at_once(db, login_as):
    (account_id,), actor, shift_id, clerk_db, _ = build_utility(db, login_as)
    service = PaymentService(clerk_db, series_code="HQ")
    jobs = [
        lambda: service.post(
            request(account_id, shift_id, "75.50", cash("75.50"), expected_owed=D("75.50")), actor
        )
        for _ in range(THREADS)
    ]
    outcomes = _run_all(jobs)
    posted = [o for o in outcomes if not isinstance(o, Exception)]
    stale = [o for o in outcomes if isinstance(o, StaleBillsError)]
    assert len(posted) == 1 and len(stale) == THREADS - 1
    assert all(s.outstanding == D("0.00") for s in stale)
    with db.read() as s:
        assert open_bills(s, account_id) == []
        paid = s.execute(select(func.sum(m.Allocation.amount))).scalar_one()
    assert paid == D("75.50")
    assert _receipts(db) == [1]


def test_twenty_small_payments_on_one_account_never_over_allocate(db, login_as):
    (account_id,), actor, shift_id, clerk_db, _ = build_utility(
        db, login_as, bills=("10.00", "10.00")
    )
    service = PaymentService(clerk_db, series_code="HQ")
    jobs = [
        lambda: service.post(request(account_id, shift_id, "1.00", cash("1.50")), actor)
        for _ in range(THREADS)
    ]
    outcomes = _run_all(jobs)
    errors = [o for o in outcomes if isinstance(o, Exception)]
    assert errors == []
    with db.read() as s:
        per_bill = s.execute(
            select(m.Bill.amount, func.sum(m.Allocation.amount))
            .join(m.Allocation, m.Allocation.bill_id == m.Bill.id)
            .group_by(m.Bill.id, m.Bill.amount)
        ).all()
        deposits = s.execute(select(func.sum(m.PrepaymentEntry.amount))).scalar_one()
        balance = s.execute(select(m.Account.prepayment_balance)).scalar_one()
    assert all(paid <= amount for amount, paid in per_bill)
    assert sum(paid for _, paid in per_bill) == D("20.00")
    # 20 × 1.50 received = 20.00 allocated + 10.00 deposited
    assert deposits == balance == D("10.00")
    assert _receipts(db) == list(range(1, THREADS + 1))


def test_twenty_clerks_on_different_accounts(db, login_as):
    account_ids, actor, shift_id, clerk_db, _ = build_utility(db, login_as, accounts=THREADS)
    service = PaymentService(clerk_db, series_code="HQ")
    jobs = [
        (lambda a=a: service.post(request(a, shift_id, "75.50", cash("80.00", "100.00")), actor))
        for a in account_ids
    ]
    outcomes = _run_all(jobs)
    assert [o for o in outcomes if isinstance(o, Exception)] == []
    assert _receipts(db) == list(range(1, THREADS + 1))
    with db.read() as s:
        received = s.execute(select(func.sum(m.PaymentTender.amount))).scalar_one()
        allocated = s.execute(select(func.sum(m.Allocation.amount))).scalar_one()
        deposited = s.execute(select(func.sum(m.PrepaymentEntry.amount))).scalar_one()
    assert received == allocated + deposited == D("1600.00")


class _Killer:
    """Terminates the posting session's own backend just before its one
    statement (sent in autocommit: its own transaction) reaches the server,
    or just after it committed and then fails as a lost connection would."""

    def __init__(self, admin_engine, moment: str):
        self.admin = admin_engine
        self.moment = moment
        self.fired = False

    def before(self, conn, _cursor, statement, *_args) -> None:
        if (
            self.moment == "before_commit"
            and not self.fired
            and "counter_post_payment" in statement
        ):
            self._kill(conn)

    def after(self, conn, _cursor, statement, *_args) -> None:
        if self.moment == "after_commit" and not self.fired and "counter_post_payment" in statement:
            self._kill(conn)
            raise OperationalError("COMMIT", {}, Exception("connection lost after commit"))

    def _kill(self, conn) -> None:
        self.fired = True
        pid = conn.connection.dbapi_connection.info.backend_pid
        with self.admin.connect() as admin:
            admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})


@pytest.mark.parametrize("moment", ["before_commit", "after_commit"])
def test_connection_killed_around_commit_posts_exactly_once(db, login_as, moment):
    (account_id,), actor, shift_id, clerk_db, _ = build_utility(db, login_as)
    service = PaymentService(clerk_db, series_code="HQ")
    req = request(account_id, shift_id, "30.00", cash("30.00"))
    killer = _Killer(db.engine, moment)
    event.listen(clerk_db.engine, "before_cursor_execute", killer.before)
    event.listen(clerk_db.engine, "after_cursor_execute", killer.after)
    try:
        with pytest.raises(OperationalError):
            service.post(req, actor)
    finally:
        event.remove(clerk_db.engine, "before_cursor_execute", killer.before)
        event.remove(clerk_db.engine, "after_cursor_execute", killer.after)
    assert killer.fired
    # what the dialog does when the outcome is unknown: look the UUID up
    found = service.lookup(req.client_uuid)
    assert (found is not None) == (moment == "after_commit")
    result = service.post(req, actor)  # the retry
    assert result.replayed == (moment == "after_commit")
    with db.read() as s:
        assert s.execute(select(func.count()).select_from(m.Payment)).scalar_one() == 1
        assert s.execute(select(func.sum(m.Allocation.amount))).scalar_one() == D("30.00")
    assert _receipts(db) == [1]
    assert books(db) == []


def test_twenty_clerks_numbered_by_hall_with_a_second_series(db, login_as):
    """The path the app uses: the hall's first series (by code), not a named one."""
    account_ids, actor, shift_id, clerk_db, _ = build_utility(db, login_as, accounts=THREADS)
    with db.write() as s:
        s.add(m.ReceiptSeries(code="HQB", hall_code="HQ", prefix="JB", next_no=500))
    service = PaymentService(clerk_db, hall_code="HQ")
    jobs = [
        (lambda a=a: service.post(request(a, shift_id, "30.00", cash("30.00", "50.00")), actor))
        for a in account_ids
    ]
    outcomes = _run_all(jobs)
    assert [o for o in outcomes if isinstance(o, Exception)] == []
    assert {o.series_code for o in outcomes} == {"HQ"}
    assert sorted(o.receipt_no for o in outcomes) == list(range(1, THREADS + 1))
    assert _receipts(db) == list(range(1, THREADS + 1))
    with db.read() as s:
        series = dict(s.execute(select(m.ReceiptSeries.code, m.ReceiptSeries.next_no)).all())
        uuids = dict(s.execute(select(m.Payment.id, m.Payment.client_uuid)).all())
    assert series == {"HQ": THREADS + 1, "HQB": 500}
    for posted in outcomes:
        found = service.lookup(uuids[posted.payment_id], posted.account_id)
        assert found == replace(posted, replayed=True)


def _post_held_open(service, req, actor, posted: threading.Event, release: threading.Event):
    """Post ``req`` inside a transaction held open (its account row lock) until released."""
    with service.db.engine.connect() as conn:  # the clerk's login
        data = conn.exec_driver_sql(
            Call("post_payment", service.arguments(req, actor)).sql, service.arguments(req, actor)
        ).scalar_one()
        posted.set()
        release.wait(20)
        conn.commit()
    return payments.result_of(data)


def test_lookup_waits_for_a_posting_of_the_account_still_in_flight(db, login_as):
    (account_id,), actor, shift_id, clerk_db, _ = build_utility(db, login_as)
    service = PaymentService(clerk_db, hall_code="HQ")
    req = request(account_id, shift_id, "30.00", cash("30.00"))
    posted, release = threading.Event(), threading.Event()
    with ThreadPoolExecutor(max_workers=2) as pool:
        posting = pool.submit(_post_held_open, service, req, actor, posted, release)
        assert posted.wait(20)
        # a plain read does not see the posting that is about to commit
        assert service.lookup(req.client_uuid) is None
        looking = pool.submit(service.lookup, req.client_uuid, account_id)
        # it waits on the account row: its session shows a lock wait, and it has not answered
        assert wait_for_lock_waiters(db.engine, "%counter_lookup_payment%"), (
            "the lookup never waited on the account row"
        )
        assert not looking.done()
        release.set()
        found = looking.result(20)
        assert found == replace(posting.result(20), replayed=True)


def test_lookup_gives_up_on_a_row_held_too_long_as_unreachable(db, login_as, monkeypatch):
    (account_id,), actor, shift_id, clerk_db, _ = build_utility(db, login_as)
    service = PaymentService(clerk_db, hall_code="HQ")
    req = request(account_id, shift_id, "30.00", cash("30.00"))
    monkeypatch.setattr(payments, "LOOKUP_LOCK_TIMEOUT_MS", 200)
    posted, release = threading.Event(), threading.Event()
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(_post_held_open, service, req, actor, posted, release)
        assert posted.wait(20)
        try:
            with pytest.raises(OperationalError) as caught:
                service.lookup(req.client_uuid, account_id)
        finally:
            release.set()
    assert "lock timeout" in str(caught.value)
    assert service.lookup(req.client_uuid, account_id) is not None
