"""The attacker's review of wave 2, two connections at once: the first holds
its transaction open while the second is sent, so the second really waits
on the first and then meets what it wrote (never a lucky ordering). Each
race must post once, and the books must hold."""

from __future__ import annotations

import json
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import text

from counter_app.domain.bank_files import layout_from_json, parse
from counter_app.domain.localtime import SHANGHAI
from counter_app.services.actions import ActionError, Call, _plain, call
from counter_app.services.audit import Actor
from counter_app.services.channels.withholding_files import export_withholding
from counter_app.services.payments.late_fees import LateFeeService
from counter_app.services.payments.shifts import ShiftService
from counter_app.services.tariffs.service import save_tariff
from tests.support import withholding as withholding_fixtures
from tests.support.builders import RES, make_account, make_reference
from tests.support.late_fees import build_overdue, set_rule
from tests.support.withholding import LAYOUTS, _sign_all

hall = withholding_fixtures.hall  # the fixture
D = Decimal
POOL = ThreadPoolExecutor(max_workers=2)


def _books(db) -> list:
    with db.read() as s:
        return s.execute(text("SELECT * FROM counter_books_check()")).all()


def _count(db, sql: str, **params) -> int:
    with db.read() as s:
        return s.execute(text(sql), params).scalar_one()


class Held:
    """An action sent on a connection whose transaction stays open."""

    def __init__(self, database, name: str, *args):
        self.conn = database.engine.connect()
        request = Call(name, tuple(_plain(a) for a in args))
        self.result = self.conn.exec_driver_sql(request.sql, request.args).scalar_one()

    def commit(self) -> None:
        self.conn.commit()
        self.conn.close()


def _race(first, second_db, name: str, *args) -> Future:
    """Send the second call while ``first`` holds its transaction; check it
    waits; then let the first commit. The second's outcome is the future's."""
    future = POOL.submit(call, second_db, name, *args)
    with pytest.raises(TimeoutError):
        future.result(timeout=0.7)  # waiting on the first, not refused at once
    first.commit()
    return future


# -- one waiver, two clerks ----------------------------------------------------------------------


def test_two_clerks_using_one_waiver_at_once_use_it_once(db, login_as):
    u = build_overdue(db, login_as, ((("100.00", 30), ("60.00", 20)),))
    (account,) = u.account_ids
    set_rule(login_as, rate="0.001")  # 3.00 + 1.20
    boss_db, _ = login_as("supervisor")
    waiver = LateFeeService(boss_db).waive(
        u.actor, account_id=account, expected_fee=D("4.20"), amount=D("3.00"), reason="经理批准"
    )
    other_db, other = login_as("clerk")
    other_shift = ShiftService(other_db).open(
        Actor(other.username, "WS2", other.id), "HQ", D("100.00")
    )
    first_bill, second_bill = u.bill_ids[(0, "2025-01")], u.bill_ids[(0, "2025-02")]
    first = Held(
        u.clerk_db,
        "post_payment",
        "WS1",
        str(uuid.uuid4()),
        account,
        u.shift_id,
        "HQ",
        D("100.00"),
        [first_bill],
        None,
        json.dumps([{"tender": "cash", "amount": "100.00"}]),
        D("0.00"),
        waiver.waiver_id,
    )
    assert D(str(first.result["late_fee"])) == 0
    second = _race(
        first,
        other_db,
        "post_payment",
        "WS2",
        str(uuid.uuid4()),
        account,
        other_shift,
        "HQ",
        D("60.00"),
        [second_bill],
        None,
        json.dumps([{"tender": "cash", "amount": "60.00"}]),
        D("0.00"),
        waiver.waiver_id,
    )
    with pytest.raises(ActionError) as refused:
        second.result(timeout=10)
    assert refused.value.code == "waiver_used"
    assert (
        _count(
            db,
            "SELECT count(DISTINCT payment_id) FROM late_fee_charges WHERE waiver_id = :w",
            w=waiver.waiver_id,
        )
        == 1
    )
    assert _count(db, "SELECT sum(waived) FROM late_fee_charges") == D("3.00")
    assert _books(db) == []


# -- one suspense row, two supervisors ----------------------------------------------------------


@pytest.fixture
def suspense(db, login_as, login_batch):
    with db.write() as s:
        make_reference(s)
        for no in ("01000001", "01000002"):
            make_account(
                s, no, mobile=None, mobile_masked=None, id_number=None, id_masked=None, id_tail=None
            )
    batch, _ = login_batch()
    paid_at = datetime.now(SHANGHAI).isoformat()
    out = call(
        batch,
        "import_online",
        "wechat",
        "a" * 64,
        "wx.csv",
        json.dumps(
            [
                {
                    "line": 2,
                    "order_id": "W1",
                    "paid_at": paid_at,
                    "account_no": "09999999",
                    "amount": "50.00",
                }
            ]
        ),
    )
    assert out["suspended"] == 1
    with db.read() as s:
        return s.execute(text("SELECT id FROM channel_suspense")).scalar_one()


def test_two_supervisors_resolving_one_suspense_row_post_it_once(db, login_as, suspense):
    one, _ = login_as("supervisor")
    two, _ = login_as("supervisor")
    first = Held(one, "resolve_suspense", "WS1", suspense, "to_account", "01000001", "户号写错")
    second = _race(
        first, two, "resolve_suspense", "WS2", suspense, "to_account", "01000002", "另一户"
    )
    with pytest.raises(ActionError) as refused:
        second.result(timeout=10)
    assert refused.value.code == "already"
    assert _count(db, "SELECT count(*) FROM payments WHERE channel = 'online'") == 1
    assert (
        _count(db, "SELECT a.account_no FROM payments p JOIN accounts a ON a.id = p.account_id")
        == "01000001"
    )
    assert _books(db) == []


def test_a_suspense_row_resolved_then_refunded_is_refused(db, login_as, suspense):
    boss, _ = login_as("supervisor")
    call(boss, "resolve_suspense", "WS1", suspense, "refunded", None, "退回平台")
    for action, account in (("to_account", "01000001"), ("refunded", None)):
        with pytest.raises(ActionError) as refused:
            call(boss, "resolve_suspense", "WS1", suspense, action, account, "再来一次")
        assert refused.value.code == "already"
    assert _count(db, "SELECT count(*) FROM payments") == 0
    assert _books(db) == []


# -- one withholding return file, two batch connections -----------------------------------------


def test_one_return_file_from_two_connections_posts_once(hall, tmp_path, login_batch):
    _sign_all(hall)
    request = tmp_path / "req.txt"
    export_withholding(hall.batch, "ABC", "2026-11", request)
    asked = parse(layout_from_json(LAYOUTS["ABC"], "request"), request.read_bytes())
    rows = json.dumps(
        [
            dict(
                line=n,
                batch_no=asked.header["batch_no"],
                seq=d["seq"],
                account_no=d["account_no"],
                amount=str(d["amount"]),
                result_code="0000",
                reason="",
                bank_ref=f"R{d['seq']}",
            )
            for n, d in asked.details
        ]
    )
    other, _ = login_batch()
    first = Held(hall.batch, "import_withholding", "ABC", "c" * 64, "ret.txt", rows)
    second = _race(first, other, "import_withholding", "ABC", "c" * 64, "ret.txt", rows)
    again = second.result(timeout=10)
    assert again["replayed"] is True and again["posted"] == 0
    # the same answers under another file hash: nothing new either
    third = call(other, "import_withholding", "ABC", "d" * 64, "ret2.txt", rows)
    assert third["posted"] == 0 and third["already_posted"] == 3
    assert _count(hall.db, "SELECT count(*) FROM payments WHERE channel = 'withholding'") == 3
    assert _books(hall.db) == []


# -- one opening-balance file, two batch connections --------------------------------------------


def test_opening_balances_from_two_connections_are_written_once(db, login_batch):
    with db.write() as s:
        make_reference(s)
        save_tariff(s, RES)
        make_account(s)
    bills = json.dumps(
        [
            {
                "line": 2,
                "account_no": "01000001",
                "period": "2026-01",
                "usage": "10",
                "amount": "50.00",
                "due_on": "2026-01-28",
            }
        ]
    )
    prepayments = json.dumps([{"line": 3, "account_no": "01000001", "amount": "20.00"}])
    one, _ = login_batch()
    two, _ = login_batch()
    first = Held(one, "import_balances", "e" * 64, "balances.csv", bills, prepayments)
    second = _race(first, two, "import_balances", "e" * 64, "balances.csv", bills, prepayments)
    assert second.result(timeout=10)["replayed"] is True
    # the same rows in another file are skipped; another prepayment is refused
    other = call(two, "import_balances", "f" * 64, "again.csv", bills, prepayments)
    assert (other["bills_written"], other["prepayments_written"], other["skipped"]) == (0, 0, 2)
    with pytest.raises(ActionError) as refused:
        call(
            two,
            "import_balances",
            "9" * 64,
            "more.csv",
            "[]",
            json.dumps([{"line": 2, "account_no": "01000001", "amount": "900.00"}]),
        )
    assert refused.value.code == "exists"
    assert _count(db, "SELECT count(*) FROM bills") == 1
    assert _count(db, "SELECT prepayment_balance FROM accounts") == D("20.00")
    assert _books(db) == []
