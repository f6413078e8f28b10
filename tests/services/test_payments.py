"""Posting payments: allocation, change, prepayment, replay."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from counter_app.db import models as m
from counter_app.services.accounts.ledger import arrears, open_bills
from counter_app.services.payments.service import (
    IdempotencyConflict,
    PaymentError,
    PaymentService,
    StaleBillsError,
    Tender,
    TenderInput,
)
from counter_app.services.payments.shifts import ShiftService
from tests.support.payments import build_utility, cash, request

D = Decimal


@pytest.fixture
def setup(db, login_as):
    """The clerk's own login posts; ``db`` (the administrator) looks."""
    (account_id,), actor, shift_id, clerk_db, _ = build_utility(db, login_as)
    return db, PaymentService(clerk_db, series_code="HQ"), account_id, actor, shift_id


def _count(db, model) -> int:
    with db.read() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def test_cash_pays_all_bills_with_change(setup):
    db, service, account_id, actor, shift_id = setup
    result = service.post(
        request(account_id, shift_id, "75.50", cash("75.50", "100.00"), expected_owed=D("75.50")),
        actor,
    )
    assert result.change == D("24.50")
    assert [(a.period, a.amount) for a in result.allocations] == [
        ("2026-01", D("30.00")),
        ("2026-02", D("45.50")),
    ]
    assert (result.series_code, result.receipt_no) == ("HQ", 1)
    with db.read() as s:
        assert open_bills(s, account_id) == []
        assert arrears(s, [account_id]) == {account_id: D("0.00")}


def test_partial_amount_goes_to_the_oldest_bill_first(setup):
    db, service, account_id, actor, shift_id = setup
    result = service.post(request(account_id, shift_id, "40.00", cash("40.00")), actor)
    assert [(a.period, a.amount) for a in result.allocations] == [
        ("2026-01", D("30.00")),
        ("2026-02", D("10.00")),
    ]
    with db.read() as s:
        assert [b.outstanding for b in open_bills(s, account_id)] == [D("35.50")]


def test_surplus_goes_to_prepayment_and_pays_later(setup):
    db, service, account_id, actor, shift_id = setup
    first = service.post(
        request(
            account_id,
            shift_id,
            "30.00",
            TenderInput(Tender.WECHAT, D("100.00"), reference="WX1"),
            bill_ids=(_bill_ids(db, account_id)[0],),
        ),
        actor,
    )
    assert (first.deposit, first.balance_after) == (D("70.00"), D("70.00"))
    second = service.post(
        request(account_id, shift_id, "45.50", TenderInput(Tender.PREPAYMENT, D("45.50"))), actor
    )
    assert (second.prepayment_used, second.balance_after) == (D("45.50"), D("24.50"))
    assert second.receipt_no == first.receipt_no + 1
    with db.read() as s:
        balance = s.execute(select(m.Account.prepayment_balance)).scalar_one()
        ledger = (
            s.execute(select(m.PrepaymentEntry.amount).order_by(m.PrepaymentEntry.id))
            .scalars()
            .all()
        )
    assert balance == D("24.50") and ledger == [D("70.00"), D("-45.50")]


def test_deposit_only(setup):
    _, service, account_id, actor, shift_id = setup
    result = service.post(request(account_id, shift_id, "0", cash("50.00")), actor)
    assert (result.allocations, result.deposit, result.balance_after) == (
        (),
        D("50.00"),
        D("50.00"),
    )


def test_several_tenders_in_one_payment(setup):
    _, service, account_id, actor, shift_id = setup
    result = service.post(
        request(
            account_id,
            shift_id,
            "75.50",
            cash("20.00", "20.00"),
            TenderInput(Tender.CARD, D("55.50"), reference="6222****1234"),
        ),
        actor,
    )
    assert result.amount == D("75.50") and len(result.tenders) == 2


def test_retry_with_the_same_uuid_posts_once(setup):
    db, service, account_id, actor, shift_id = setup
    req = request(account_id, shift_id, "30.00", cash("30.00"))
    first = service.post(req, actor)
    again = service.post(req, actor)
    assert again.replayed and again.payment_id == first.payment_id
    assert _count(db, m.Payment) == 1 and _count(db, m.Allocation) == 1
    assert service.lookup(req.client_uuid).payment_id == first.payment_id
    with pytest.raises(IdempotencyConflict):
        service.post(
            request(account_id, shift_id, "40.00", cash("40.00"), client_uuid=req.client_uuid),
            actor,
        )


def test_stale_amount_is_refused_with_the_new_amount(setup):
    db, service, account_id, actor, shift_id = setup
    service.post(request(account_id, shift_id, "30.00", cash("30.00")), actor)
    with pytest.raises(StaleBillsError) as info:
        service.post(
            request(account_id, shift_id, "75.50", cash("75.50"), expected_owed=D("75.50")), actor
        )
    assert info.value.outstanding == D("45.50")
    assert _count(db, m.Payment) == 1


def test_closed_shift_refuses_payments(setup):
    db, service, account_id, actor, shift_id = setup
    ShiftService(service.db).close(shift_id, actor, cash_counts={D("100"): 2})
    with pytest.raises(PaymentError) as info:
        service.post(request(account_id, shift_id, "30.00", cash("30.00")), actor)
    assert info.value.field == "shift"


@pytest.mark.parametrize(
    ("to_bills", "tenders", "field"),
    [
        ("30.00", [], "tenders"),
        ("30.00", [cash("0.00")], "tender.cash"),
        ("30.00", [cash("-5.00")], "tender.cash"),
        ("30.00", [cash("30.001")], "tender.cash"),
        ("30.00", [cash("30.00", "20.00")], "tender.cash"),
        ("80.00", [cash("80.00")], "to_bills"),
        ("-1", [cash("5.00")], "to_bills"),
        ("30.00", [TenderInput(Tender.CARD, D("30.00"))], "tender.card"),
        ("30.00", [TenderInput(Tender.PREPAYMENT, D("30.00"))], "tender.prepayment"),
        ("30.00", [cash("20.00")], "tenders"),
        ("30.00", [cash("10.00"), cash("20.00")], "tenders"),
    ],
)
def test_bad_input_is_refused_naming_the_field(setup, to_bills, tenders, field):
    db, service, account_id, actor, shift_id = setup
    with pytest.raises(PaymentError) as info:
        service.post(request(account_id, shift_id, to_bills, *tenders), actor)
    assert info.value.field == field
    assert _count(db, m.Payment) == 0
    with db.read() as s:
        assert s.execute(select(m.ReceiptSeries.next_no)).scalar_one() == 1


def _bill_ids(db, account_id):
    with db.read() as s:
        return [b.bill_id for b in open_bills(s, account_id)]
