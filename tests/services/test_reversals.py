"""Reversal and reprint; a state machine of the money."""

from __future__ import annotations

import uuid
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import func, select

from counter_app.db import models as m
from counter_app.services.accounts.ledger import open_bills
from counter_app.services.auth import ClerkIdentity
from counter_app.services.payments.reversals import ReversalError, ReversalService
from counter_app.services.payments.service import PaymentError, PaymentService, Tender, TenderInput
from tests.support.payments import books, build_utility, cash, request

D = Decimal
# what the dialog believes of who signed in; the database goes by the login itself
SUPERVISOR = ClerkIdentity(
    id=0, username="boss", display_name="班长", role="supervisor", hall_code="HQ"
)


def _reverse(db, payment_id, actor, shift_id, client_uuid=None, supervisor=SUPERVISOR):
    """On the supervisor's own login ``db`` (the database takes the supervisor from it)."""
    return ReversalService(db).reverse(
        payment_id=payment_id,
        reason="收错户",
        supervisor=supervisor,
        actor=actor,
        shift_id=shift_id,
        client_uuid=client_uuid or str(uuid.uuid4()),
    )


def _supervisor(login_as):
    return login_as("supervisor")[0]


@pytest.fixture
def paid(db, login_as):
    """A payment by a real clerk; the first element is a real supervisor's
    login (it reads, reverses and reprints: a supervisor is a clerk too)."""
    (account_id,), actor, shift_id, clerk_db, _ = build_utility(db, login_as)
    service = PaymentService(clerk_db, series_code="HQ")
    result = service.post(request(account_id, shift_id, "30.00", cash("50.00")), actor)
    return _supervisor(login_as), service, account_id, actor, shift_id, result


def test_reversal_restores_bills_and_balance(paid):
    db, _, account_id, actor, shift_id, result = paid
    assert result.balance_after == D("20.00")
    reversal = _reverse(db, result.payment_id, actor, shift_id)
    assert reversal.prepayment_change == D("-20.00") and reversal.balance_after == D("0.00")
    assert reversal.refunded == {"cash": D("50.00")}
    with db.read() as s:
        assert [b.outstanding for b in open_bills(s, account_id)] == [D("30.00"), D("45.50")]
        # the posted rows are all still there
        assert s.execute(select(func.count()).select_from(m.Allocation)).scalar_one() == 1


def test_a_payment_is_reversed_once(paid):
    db, _, _, actor, shift_id, result = paid
    key = str(uuid.uuid4())
    first = _reverse(db, result.payment_id, actor, shift_id, key)
    assert _reverse(db, result.payment_id, actor, shift_id, key).reversal_id == first.reversal_id
    with pytest.raises(ReversalError) as info:
        _reverse(db, result.payment_id, actor, shift_id)
    assert info.value.code == "already"


def test_lookup_tells_whose_reversal_it_is(paid):
    """After a lost answer: not reversed, reversed by this request, or by another."""
    db, _, _, actor, shift_id, result = paid
    key = str(uuid.uuid4())
    assert ReversalService(db).lookup(result.payment_id, key) is None
    booked = _reverse(db, result.payment_id, actor, shift_id, key)
    found = ReversalService(db).lookup(result.payment_id, key)
    assert found == replace(booked, replayed=True)
    with pytest.raises(ReversalError) as info:
        ReversalService(db).lookup(result.payment_id, str(uuid.uuid4()))
    assert info.value.code == "already"


def test_reversal_needs_reason_and_supervisor(paid):
    db, _, _, actor, shift_id, result = paid
    with pytest.raises(ReversalError) as info:
        ReversalService(db).reverse(
            payment_id=result.payment_id,
            reason=" ",
            supervisor=SUPERVISOR,
            actor=actor,
            shift_id=shift_id,
            client_uuid="x",
        )
    assert info.value.field == "reason"
    clerk = ClerkIdentity(2, "c", "收费员", "clerk", "HQ")
    with pytest.raises(ReversalError) as info:
        _reverse(db, result.payment_id, actor, shift_id, supervisor=clerk)
    assert info.value.field == "supervisor"


def test_used_prepayment_blocks_the_reversal_of_its_deposit(paid):
    db, service, account_id, actor, shift_id, result = paid
    service.post(
        request(account_id, shift_id, "20.00", TenderInput(Tender.PREPAYMENT, D("20.00"))), actor
    )
    with pytest.raises(ReversalError) as info:
        _reverse(db, result.payment_id, actor, shift_id)
    assert info.value.code == "prepayment_used"


def test_reprints_are_counted(paid):
    db, _, _, actor, _, result = paid
    assert ReversalService(db).record_reprint(result.payment_id, actor) == 1
    assert ReversalService(db).record_reprint(result.payment_id, actor) == 2


class MoneyMachine(RuleBasedStateMachine):
    """pay / retry / reverse / deposit / use-prepayment, then check the books."""

    db = None  # set by the test: the administrator's (it looks)
    utility = None  # the clerk's login, shift and account
    boss_db = None  # a supervisor's login

    def __init__(self):
        super().__init__()
        self.service = PaymentService(self.utility.clerk_db, series_code="HQ")
        (self.account_id,) = self.utility.account_ids
        self.shift_id = self.utility.shift_id
        self.actor = self.utility.actor
        self.posted: list = []
        self.last_request = None

    def _owed(self) -> Decimal:
        with self.db.read() as s:
            return sum((b.outstanding for b in open_bills(s, self.account_id)), D("0.00"))

    def _balance(self) -> Decimal:
        with self.db.read() as s:
            return s.execute(
                select(m.Account.prepayment_balance).where(m.Account.id == self.account_id)
            ).scalar_one()

    def _post(self, req):
        self.last_request = req
        try:
            self.posted.append(self.service.post(req, self.actor))
        except PaymentError:
            pass

    @rule(cents=st.integers(1, 6000), extra=st.integers(0, 3000))
    def pay(self, cents, extra):
        to_bills = min(D(cents) / 100, self._owed())
        self._post(
            request(
                self.account_id, self.shift_id, str(to_bills), cash(str(to_bills + D(extra) / 100))
            )
        )

    @rule(cents=st.integers(1, 5000))
    def deposit(self, cents):
        self._post(request(self.account_id, self.shift_id, "0", cash(str(D(cents) / 100))))

    @rule(cents=st.integers(1, 5000))
    def use_prepayment(self, cents):
        amount = min(D(cents) / 100, self._balance(), self._owed())
        if amount > 0:
            self._post(
                request(
                    self.account_id,
                    self.shift_id,
                    str(amount),
                    TenderInput(Tender.PREPAYMENT, amount),
                )
            )

    @rule()
    def retry(self):
        if self.last_request is not None:
            before = len(self.posted)
            self._post(self.last_request)
            if len(self.posted) > before:
                assert self.posted[-1].replayed

    @rule(index=st.integers(0, 50))
    def reverse(self, index):
        if self.posted:
            payment = self.posted[index % len(self.posted)]
            try:
                _reverse(self.boss_db, payment.payment_id, self.actor, self.shift_id)
            except ReversalError:
                pass

    @invariant()
    def books_balance(self):
        with self.db.read() as s:
            reversed_ids = select(m.PaymentReversal.payment_id)
            received = s.execute(
                select(func.coalesce(func.sum(m.PaymentTender.amount), 0)).where(
                    m.PaymentTender.tender != "prepayment",
                    m.PaymentTender.payment_id.not_in(reversed_ids),
                )
            ).scalar_one()
            allocated = s.execute(
                select(func.coalesce(func.sum(m.Allocation.amount), 0)).where(
                    m.Allocation.payment_id.not_in(reversed_ids)
                )
            ).scalar_one()
            ledger = s.execute(
                select(func.coalesce(func.sum(m.PrepaymentEntry.amount), 0))
            ).scalar_one()
            over = s.execute(
                select(func.count())
                .select_from(m.Bill)
                .where(
                    m.Bill.amount
                    < select(func.coalesce(func.sum(m.Allocation.amount), 0))
                    .where(
                        m.Allocation.bill_id == m.Bill.id,
                        m.Allocation.payment_id.not_in(reversed_ids),
                    )
                    .scalar_subquery()
                )
            ).scalar_one()
            receipts = (
                s.execute(select(m.Payment.receipt_no).order_by(m.Payment.receipt_no))
                .scalars()
                .all()
            )
        balance = self._balance()
        assert received == allocated + balance
        assert ledger == balance and balance >= 0
        assert over == 0
        assert receipts == list(range(1, len(receipts) + 1))
        assert books(self.db) == []


@pytest.mark.postgres
def test_money_state_machine_on_postgres(db, login_as):
    MoneyMachine.utility = build_utility(db, login_as, bills=("30.00", "45.50", "12.34"))
    MoneyMachine.boss_db = _supervisor(login_as)
    MoneyMachine.db = db
    try:
        run_state_machine_as_test(
            MoneyMachine,
            settings=settings(
                max_examples=8,
                stateful_step_count=15,
                deadline=None,
                suppress_health_check=list(HealthCheck),
            ),
        )
    finally:
        MoneyMachine.db = MoneyMachine.utility = MoneyMachine.boss_db = None
