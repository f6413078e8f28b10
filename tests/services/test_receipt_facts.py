"""receipt_facts and account_for_payment."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from counter_app.db import models as m
from counter_app.services.payments.receipt_facts import (
    AccountNotFoundError,
)
from counter_app.services.payments.reversals import ReversalService
from counter_app.services.payments.service import PaymentService, Tender, TenderInput
from tests.support.payments import build_utility, cash, request

D = Decimal


def test_account_for_payment_by_number_and_id(db, login_as):
    (account_id,), _, shift_id, clerk_db, _ = build_utility(db, login_as)
    db = clerk_db  # the payment screen's load, as the clerk
    by_no = PaymentService(db).account_for_payment(account_no=" 01000000 ")
    assert by_no.account_id == account_id and by_no == PaymentService(db).account_for_payment(
        account_id=account_id
    )
    assert by_no.open_shift_id == shift_id  # the clerk's own open shift, in the same load
    assert [b.period for b in by_no.bills] == ["2026-01", "2026-02"] and by_no.owed == D("75.50")
    with pytest.raises(AccountNotFoundError):
        PaymentService(db).account_for_payment(account_no="99999999")
    with pytest.raises(AccountNotFoundError):
        PaymentService(db).account_for_payment(account_no=" ")


def test_receipt_facts_of_a_split_payment_with_surplus_and_its_reversal(db, login_as):
    (account_id,), actor, shift_id, clerk_db, clerk = build_utility(db, login_as)
    with db.write() as s:
        s.add(m.UtilitySetting(key="utility_name", value="嘉祥县自来水公司"))
    boss_db, boss = login_as("supervisor")
    db = clerk_db
    service = PaymentService(db, series_code="HQ")
    posted = service.post(
        request(
            account_id,
            shift_id,
            "75.50",
            cash("60.00", "100.00"),
            TenderInput(Tender.CARD, D("20.00"), reference="8812"),
        ),
        actor,
    )
    facts = PaymentService(db).receipt_facts(posted.payment_id)
    assert facts.receipt_no == "JX00000001" and facts.utility_name == "嘉祥县自来水公司"
    assert facts.hall_name == "嘉祥营业厅" and facts.clerk_name == clerk.display_name
    assert [(b.period, b.amount) for b in facts.bills] == [
        ("2026-01", D("30.00")),
        ("2026-02", D("45.50")),
    ]
    assert [(t.tender, t.amount, t.reference) for t in facts.tenders] == [
        ("cash", D("60.00"), ""),
        ("card", D("20.00"), "8812"),
    ]
    assert (facts.change, facts.deposit, facts.balance_after) == (D("40.00"), D("4.50"), D("4.50"))
    assert facts.paid_at.tzinfo is not None and facts.reversal is None
    ReversalService(boss_db).reverse(
        payment_id=posted.payment_id,
        reason="收错户",
        supervisor=boss,
        actor=actor,
        shift_id=shift_id,
        client_uuid=str(uuid.uuid4()),
    )
    again = PaymentService(db).receipt_facts(posted.payment_id)
    assert again.reversal is not None and again.reversal.reason == "收错户"
    assert again.balance_after == D("4.50")  # as right after the payment, not now
    with pytest.raises(LookupError):
        PaymentService(db).receipt_facts(999)
