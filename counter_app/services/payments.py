"""Posting a payment (收费): one transaction, at most once per client UUID.

Order inside the transaction: lock the account row, replay check on the
client UUID, check the shift is open, read what is owed, validate, allocate
oldest bill first, take the receipt number (the series row is locked as late
as possible), then insert payment, tenders, allocations, prepayment ledger
rows and the audit event. The receipt is printed by the caller after commit.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.domain.money import to_money

from .audit import Actor, record
from .ledger import ZERO, OpenBill, open_bills
from .receipts import UnknownSeriesError, take_receipt_number
from .shifts import ShiftClosedError, require_open_shift


class Tender(StrEnum):
    CASH = "cash"
    WECHAT = "wechat"
    ALIPAY = "alipay"
    CARD = "card"
    PREPAYMENT = "prepayment"


class PaymentError(Exception):
    """A refused payment; ``code`` for the UI, ``field`` names the input at fault."""

    def __init__(self, code: str, message: str, *, field: str = ""):
        super().__init__(message)
        self.code = code
        self.field = field


class StaleBillsError(PaymentError):
    """What is owed changed since the clerk looked (another clerk was faster)."""

    def __init__(self, outstanding: Decimal, bills: list[OpenBill]):
        super().__init__(
            "stale", f"the amount owed is now {outstanding}: it changed since it was shown"
        )
        self.outstanding = outstanding
        self.bills = bills


class IdempotencyConflict(PaymentError):
    def __init__(self, client_uuid: str):
        super().__init__(
            "uuid_conflict", f"submission {client_uuid} was already used for a different payment"
        )


@dataclass(frozen=True)
class TenderInput:
    tender: Tender
    amount: Decimal
    received: Decimal | None = None  # cash handed over, change = received - amount
    reference: str = ""


@dataclass(frozen=True)
class PaymentRequest:
    """What the clerk submits. ``to_bills`` is allocated oldest-first over
    ``bill_ids`` (all open bills when empty); the tenders must cover it and any
    surplus goes to the prepayment balance. ``expected_owed`` is the total the
    clerk saw for those bills: if it changed, the payment is refused."""

    client_uuid: str
    account_id: int
    shift_id: int
    tenders: tuple[TenderInput, ...]
    to_bills: Decimal
    bill_ids: tuple[int, ...] = ()
    expected_owed: Decimal | None = None

    def content_hash(self) -> str:
        canonical = {
            "account": self.account_id,
            "shift": self.shift_id,
            "to_bills": str(to_money(self.to_bills)),
            "bills": sorted(self.bill_ids),
            "tenders": [
                [t.tender.value, str(to_money(t.amount)),
                 None if t.received is None else str(to_money(t.received)), t.reference]
                for t in self.tenders
            ],
        }
        return hashlib.sha256(json.dumps(canonical, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True)
class PostedAllocation:
    bill_id: int
    period: str
    amount: Decimal


@dataclass(frozen=True)
class PaymentResult:
    payment_id: int
    series_code: str
    receipt_no: int
    account_id: int
    amount: Decimal
    allocations: tuple[PostedAllocation, ...]
    deposit: Decimal
    prepayment_used: Decimal
    change: Decimal
    balance_after: Decimal
    replayed: bool = False
    tenders: tuple[TenderInput, ...] = field(default=())


def _validate(request: PaymentRequest) -> None:
    if not request.tenders:
        raise PaymentError("no_tender", "choose at least one tender", field="tenders")
    if to_money(request.to_bills) < ZERO:
        raise PaymentError("negative", "amount to bills is negative", field="to_bills")
    kinds = [t.tender for t in request.tenders]
    if len(set(kinds)) != len(kinds):
        raise PaymentError("duplicate_tender", "each tender at most once", field="tenders")
    for t in request.tenders:
        name = f"tender.{t.tender.value}"
        if to_money(t.amount) <= ZERO:
            raise PaymentError("amount", "amount must be above 0", field=name)
        if t.amount != to_money(t.amount):
            raise PaymentError("decimals", "at most two decimals", field=name)
        if t.tender is Tender.CASH:
            if t.received is not None and to_money(t.received) < to_money(t.amount):
                raise PaymentError("received_short", "cash received is less than the amount", field=name)
        elif t.received is not None:
            raise PaymentError("received", "only cash has an amount received", field=name)
        if t.tender in (Tender.CARD, Tender.WECHAT, Tender.ALIPAY) and not t.reference.strip():
            raise PaymentError("reference", "the transaction reference is required", field=name)


def _lock_account(session: Session, account_id: int):
    # only the columns a clerk may read: FOR UPDATE locks the whole row anyway
    account = session.execute(
        select(m.Account.id, m.Account.account_no, m.Account.prepayment_balance)
        .where(m.Account.id == account_id)
        .with_for_update()
    ).one_or_none()
    if account is None:
        raise PaymentError("account", f"no account {account_id}", field="account")
    return account


LOOKUP_LOCK_TIMEOUT = "10s"  # a posting that holds the row longer: asked again later


def _wait_for_postings(session: Session, account_id: int) -> None:
    """Wait for the account's postings in flight (FOR SHARE on the account
    row, bounded by a lock timeout that fails like an unreachable server)."""
    session.execute(text(f"SET LOCAL lock_timeout = '{LOOKUP_LOCK_TIMEOUT}'"))
    session.execute(
        select(m.Account.id).where(m.Account.id == account_id).with_for_update(read=True)
    ).one_or_none()


def find_payment(session: Session, client_uuid: str) -> m.Payment | None:
    return session.execute(
        select(m.Payment).where(m.Payment.client_uuid == client_uuid)
    ).scalar_one_or_none()


def _result_of(session: Session, payment: m.Payment, *, replayed: bool) -> PaymentResult:
    allocations = session.execute(
        select(m.Allocation.bill_id, m.Bill.period, m.Allocation.amount)
        .join(m.Bill, m.Bill.id == m.Allocation.bill_id)
        .where(m.Allocation.payment_id == payment.id)
        .order_by(m.Bill.period)
    ).all()
    tenders = session.execute(
        select(m.PaymentTender).where(m.PaymentTender.payment_id == payment.id)
        .order_by(m.PaymentTender.line_no)
    ).scalars().all()
    ledger = session.execute(
        select(m.PrepaymentEntry).where(m.PrepaymentEntry.payment_id == payment.id)
        .order_by(m.PrepaymentEntry.id)
    ).scalars().all()
    deposit = sum((e.amount for e in ledger if e.kind == "deposit"), ZERO)
    used = -sum((e.amount for e in ledger if e.kind == "use"), ZERO)
    if ledger:
        balance = ledger[-1].balance_after
    else:
        balance = session.execute(
            select(m.Account.prepayment_balance).where(m.Account.id == payment.account_id)
        ).scalar_one()
    return PaymentResult(
        payment_id=payment.id, series_code=payment.series_code, receipt_no=payment.receipt_no,
        account_id=payment.account_id, amount=payment.amount,
        allocations=tuple(PostedAllocation(b, p, a) for b, p, a in allocations),
        deposit=deposit, prepayment_used=used,
        change=sum((t.change_given for t in tenders), ZERO), balance_after=balance,
        replayed=replayed,
        tenders=tuple(
            TenderInput(Tender(t.tender), t.amount, t.received, t.reference) for t in tenders
        ),
    )


def _allocate(bills: list[OpenBill], amount: Decimal) -> list[tuple[OpenBill, Decimal]]:
    plan, left = [], amount
    for bill in bills:
        if left <= ZERO:
            break
        part = min(bill.outstanding, left)
        plan.append((bill, part))
        left -= part
    return plan


class PaymentService:
    """Posts payments numbered in ``series_code``, or in the first series of
    ``hall_code`` (looked up inside the posting transaction)."""

    def __init__(self, db: Database, *, series_code: str | None = None, hall_code: str | None = None):
        if not (series_code or hall_code):
            raise ValueError("give a receipt series or a hall")
        self.db = db
        self.series_code = series_code
        self.hall_code = hall_code

    def lookup(self, client_uuid: str, account_id: int | None = None) -> PaymentResult | None:
        """After an unknown outcome: did this submission post?

        With ``account_id`` the account row is taken FOR SHARE first, so a
        posting of that account still in flight on the server (its lost
        COMMIT included) finishes before the UUID is looked up: "not posted"
        then means it never will be."""
        with self.db.read() as session:
            if account_id is not None:
                _wait_for_postings(session, account_id)
            payment = find_payment(session, client_uuid)
            return None if payment is None else _result_of(session, payment, replayed=True)

    def post(self, request: PaymentRequest, actor: Actor) -> PaymentResult:
        _validate(request)
        try:
            with self.db.write() as session:
                return self._post(session, request, actor)
        except UnknownSeriesError as exc:
            raise PaymentError("series", str(exc), field="series") from None
        except IntegrityError:
            # the same UUID committed by a concurrent submission on another account row
            existing = self.lookup(request.client_uuid)
            if existing is None:
                raise
            return self._replay_or_conflict(existing, request)

    def _replay_or_conflict(self, existing: PaymentResult, request: PaymentRequest) -> PaymentResult:
        with self.db.read() as session:
            payment = session.get(m.Payment, existing.payment_id)
            if payment.content_hash != request.content_hash():
                raise IdempotencyConflict(request.client_uuid)
        return existing

    def _post(self, session: Session, request: PaymentRequest, actor: Actor) -> PaymentResult:
        account = _lock_account(session, request.account_id)
        existing = find_payment(session, request.client_uuid)
        if existing is not None:
            if existing.content_hash != request.content_hash():
                raise IdempotencyConflict(request.client_uuid)
            return _result_of(session, existing, replayed=True)
        try:
            require_open_shift(session, request.shift_id, actor.clerk_id)
        except ShiftClosedError as exc:
            raise PaymentError("shift", str(exc), field="shift") from None

        bills = open_bills(session, account.id)
        if request.bill_ids:
            wanted = set(request.bill_ids)
            chosen = [b for b in bills if b.bill_id in wanted]
        else:
            chosen = bills
        owed = sum((b.outstanding for b in chosen), ZERO)
        if request.expected_owed is not None and to_money(request.expected_owed) != owed:
            raise StaleBillsError(owed, chosen)
        if request.bill_ids and len(chosen) != len(set(request.bill_ids)):
            raise StaleBillsError(owed, chosen)
        to_bills = to_money(request.to_bills)
        if to_bills > owed:
            raise PaymentError(
                "over_allocation", f"only {owed} is owed on the chosen bills", field="to_bills"
            )

        funds = sum((to_money(t.amount) for t in request.tenders), ZERO)
        used = sum((to_money(t.amount) for t in request.tenders if t.tender is Tender.PREPAYMENT), ZERO)
        if used > account.prepayment_balance:
            raise PaymentError(
                "balance", f"the prepayment balance is only {account.prepayment_balance}",
                field="tender.prepayment",
            )
        if funds < to_bills:
            raise PaymentError("short", f"the tenders cover {funds}, not {to_bills}", field="tenders")
        deposit = funds - to_bills
        if used > ZERO and deposit > ZERO:
            raise PaymentError(
                "prepayment_surplus", "prepayment may only pay bills, not be deposited again",
                field="tender.prepayment",
            )
        plan = _allocate(chosen, to_bills)

        series, receipt_no = take_receipt_number(
            session, series_code=self.series_code, hall_code=self.hall_code
        )
        payment = m.Payment(
            client_uuid=request.client_uuid, content_hash=request.content_hash(),
            account_id=account.id, shift_id=request.shift_id, clerk_id=actor.clerk_id,
            workstation=actor.workstation, series_code=series, receipt_no=receipt_no,
            amount=funds,
        )
        session.add(payment)
        session.flush()
        change_total = ZERO
        for n, t in enumerate(request.tenders, start=1):
            change = ZERO if t.received is None else to_money(t.received) - to_money(t.amount)
            change_total += change
            session.add(
                m.PaymentTender(
                    payment_id=payment.id, line_no=n, tender=t.tender.value,
                    amount=to_money(t.amount),
                    received=None if t.received is None else to_money(t.received),
                    change_given=change, reference=t.reference.strip(),
                )
            )
        for bill, amount in plan:
            session.add(m.Allocation(payment_id=payment.id, bill_id=bill.bill_id, amount=amount))
        balance = account.prepayment_balance
        if used > ZERO:
            balance -= used
            session.add(m.PrepaymentEntry(account_id=account.id, payment_id=payment.id,
                                          kind="use", amount=-used, balance_after=balance))
        if deposit > ZERO:
            balance += deposit
            session.add(m.PrepaymentEntry(account_id=account.id, payment_id=payment.id,
                                          kind="deposit", amount=deposit, balance_after=balance))
        if balance != account.prepayment_balance:
            session.execute(
                update(m.Account).where(m.Account.id == account.id)
                .values(prepayment_balance=balance, version=m.Account.version + 1)
            )
        record(
            session, actor, "payment.post", "payment", payment.id,
            account=account.account_no, amount=str(funds), receipt=f"{series}-{receipt_no}",
            uuid=request.client_uuid,
        )
        session.flush()
        # what was just written, without reading it back (a replay reads it)
        return PaymentResult(
            payment_id=payment.id, series_code=series, receipt_no=receipt_no,
            account_id=account.id, amount=funds,
            allocations=tuple(
                PostedAllocation(bill.bill_id, bill.period, amount)
                for bill, amount in plan
            ),
            deposit=deposit, prepayment_used=used, change=change_total, balance_after=balance,
            tenders=tuple(
                TenderInput(t.tender, to_money(t.amount),
                            None if t.received is None else to_money(t.received),
                            t.reference.strip())
                for t in request.tenders
            ),
        )
