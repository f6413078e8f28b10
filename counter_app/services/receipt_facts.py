"""The facts the payment screens and receipts need, read in one short transaction.

* :func:`account_for_payment` — the account a clerk is about to take money
  for (by id or by account number), with its open bills oldest first: one
  call of the database's ``counter_payment_account`` (one round trip).
* :func:`receipt_facts` — everything a receipt (or a 补打 reprint, or a
  冲正 slip) of one posted payment prints: account, bills it settled, tenders,
  change, prepayment, clerk, hall and utility names, and its reversal if any.

Plain dataclasses out; no Qt and no documents import (the UI converts).
The utility's name and hotline are ``utility_settings`` rows
(``utility_name``, ``utility_hotline``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db import models as m
from counter_app.db.engine import Database

from .actions import ActionError, call
from .ledger import ZERO, OpenBill
from .receipts import receipt_label

DEFAULT_UTILITY_NAME = "自来水公司"
UTILITY_NAME_KEY = "utility_name"
UTILITY_HOTLINE_KEY = "utility_hotline"


class AccountNotFoundError(LookupError):
    """No account with that id or number."""


@dataclass(frozen=True)
class PayableAccount:
    account_id: int
    account_no: str
    name: str
    address: str
    status: str
    prepayment_balance: Decimal
    bills: tuple[OpenBill, ...]  # open bills, oldest first

    @property
    def owed(self) -> Decimal:
        return sum((b.outstanding for b in self.bills), ZERO)


@dataclass(frozen=True)
class FactBill:
    period: str
    usage: int
    amount: Decimal  # what this payment put on the bill


@dataclass(frozen=True)
class FactTender:
    tender: str  # cash / wechat / alipay / card / prepayment
    amount: Decimal
    received: Decimal | None
    change: Decimal
    reference: str


@dataclass(frozen=True)
class ReversalFacts:
    reversal_id: int
    reversed_at: datetime
    reason: str
    clerk_name: str
    supervisor_name: str


@dataclass(frozen=True)
class ReceiptFacts:
    payment_id: int
    receipt_no: str  # prefix + 8 digits, as the history shows it
    paid_at: datetime
    clerk_name: str
    hall_name: str
    utility_name: str
    utility_hotline: str
    account_no: str
    customer_name: str
    address: str
    amount: Decimal
    bills: tuple[FactBill, ...]
    tenders: tuple[FactTender, ...]
    change: Decimal
    deposit: Decimal  # surplus put on the prepayment balance
    balance_after: Decimal  # prepayment balance right after the payment
    reversal: ReversalFacts | None = None


def _account_row(session: Session, *, account_id: int | None, account_no: str | None):
    a = m.Account
    query = select(a.id, a.account_no, a.name, a.address, a.status, a.prepayment_balance)
    if account_id is not None:
        query = query.where(a.id == account_id)
    else:
        query = query.where(a.account_no == (account_no or "").strip())
    return session.execute(query).one_or_none()


def account_for_payment(
    db: Database, *, account_id: int | None = None, account_no: str | None = None
) -> PayableAccount:
    """The account and its open bills, oldest first, in one call of
    ``counter_payment_account``; raises :class:`AccountNotFoundError`."""
    number = (account_no or "").strip()
    if account_id is None and not number:
        raise AccountNotFoundError("give an account id or number")
    try:
        j = call(db, "payment_account", account_id, None if account_id is not None else number,
                 retry_read=True)
    except ActionError as exc:
        if exc.kind == "not_found":
            raise AccountNotFoundError(account_no or account_id) from None
        raise
    return PayableAccount(
        account_id=j["account_id"], account_no=j["account_no"], name=j["name"],
        address=j["address"], status=j["status"], prepayment_balance=j["prepayment_balance"],
        bills=tuple(
            OpenBill(b["bill_id"], b["period"], b["usage"], b["amount"], b["outstanding"],
                     date.fromisoformat(b["due_on"]))
            for b in j["bills"]
        ),
    )


def _settings(session: Session) -> dict[str, str]:
    rows = session.execute(
        select(m.UtilitySetting.key, m.UtilitySetting.value).where(
            m.UtilitySetting.key.in_((UTILITY_NAME_KEY, UTILITY_HOTLINE_KEY))
        )
    ).all()
    return dict(rows)


def _clerk_name(session: Session, clerk_id: int) -> str:
    return session.execute(
        select(m.Clerk.display_name).where(m.Clerk.id == clerk_id)
    ).scalar_one_or_none() or ""


def _balance_after(session: Session, payment: m.Payment) -> Decimal:
    ledger = m.PrepaymentEntry
    own = session.execute(
        select(ledger.balance_after).where(ledger.payment_id == payment.id)
        .order_by(ledger.id.desc()).limit(1)
    ).scalar_one_or_none()
    if own is not None:
        return own
    before = session.execute(
        select(ledger.balance_after)
        .where(ledger.account_id == payment.account_id, ledger.created_at <= payment.created_at)
        .order_by(ledger.created_at.desc(), ledger.id.desc()).limit(1)
    ).scalar_one_or_none()
    return ZERO if before is None else before


def _reversal(session: Session, payment_id: int) -> ReversalFacts | None:
    row = session.execute(
        select(m.PaymentReversal).where(m.PaymentReversal.payment_id == payment_id)
    ).scalar_one_or_none()
    if row is None:
        return None
    return ReversalFacts(
        reversal_id=row.id, reversed_at=row.created_at, reason=row.reason,
        clerk_name=_clerk_name(session, row.clerk_id),
        supervisor_name=_clerk_name(session, row.supervisor_id),
    )


def receipt_facts(db: Database, payment_id: int) -> ReceiptFacts:
    """Everything printed about one posted payment; LookupError if unknown."""
    with db.read() as session:
        payment = session.get(m.Payment, payment_id)
        if payment is None:
            raise LookupError(f"no payment {payment_id}")
        account = _account_row(session, account_id=payment.account_id, account_no=None)
        prefix, hall_name = session.execute(
            select(m.ReceiptSeries.prefix, m.Hall.name)
            .join(m.Hall, m.Hall.code == m.ReceiptSeries.hall_code)
            .where(m.ReceiptSeries.code == payment.series_code)
        ).one()
        bills = session.execute(
            select(m.Bill.period, m.Bill.usage, m.Allocation.amount)
            .join(m.Bill, m.Bill.id == m.Allocation.bill_id)
            .where(m.Allocation.payment_id == payment_id)
            .order_by(m.Bill.period, m.Bill.id)
        ).all()
        tenders = session.execute(
            select(m.PaymentTender).where(m.PaymentTender.payment_id == payment_id)
            .order_by(m.PaymentTender.line_no)
        ).scalars().all()
        deposit = session.execute(
            select(m.PrepaymentEntry.amount).where(
                m.PrepaymentEntry.payment_id == payment_id, m.PrepaymentEntry.kind == "deposit"
            )
        ).scalar_one_or_none() or ZERO
        settings = _settings(session)
        return ReceiptFacts(
            payment_id=payment.id,
            receipt_no=receipt_label(prefix, payment.receipt_no),
            paid_at=payment.created_at,
            clerk_name=_clerk_name(session, payment.clerk_id),
            hall_name=hall_name,
            utility_name=settings.get(UTILITY_NAME_KEY) or DEFAULT_UTILITY_NAME,
            utility_hotline=settings.get(UTILITY_HOTLINE_KEY, ""),
            account_no=account.account_no,
            customer_name=account.name,
            address=account.address,
            amount=payment.amount,
            bills=tuple(FactBill(p, u, a) for p, u, a in bills),
            tenders=tuple(
                FactTender(t.tender, t.amount, t.received, t.change_given, t.reference)
                for t in tenders
            ),
            change=sum((t.change_given for t in tenders), ZERO),
            deposit=deposit,
            balance_after=_balance_after(session, payment),
            reversal=_reversal(session, payment_id),
        )
