"""Reversal (冲正) and reprint (补打) of posted payments.

A reversal is a new row linked to the payment (unique: once per payment) with
the reason and the approving supervisor. The payment's allocations stop
counting (see ledger.paid_on_bill), so its bills are owed again, and the
prepayment it moved is moved back. Only counter_supervisor may insert
reversals, so the caller passes the supervisor's own Database (opened with
their credentials at this workstation).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.domain.localtime import SHANGHAI
from counter_app.domain.reversal_policy import age_in_days

from .audit import Actor, record
from .auth import ClerkIdentity
from .ledger import ZERO
from .reversal_policy import load_policy, server_now
from .shifts import ShiftClosedError, require_open_shift


class ReversalError(Exception):
    def __init__(self, code: str, message: str, *, field: str = ""):
        super().__init__(message)
        self.code = code
        self.field = field


@dataclass(frozen=True)
class ReversalResult:
    reversal_id: int
    payment_id: int
    series_code: str
    receipt_no: int
    account_id: int
    refunded: dict[str, Decimal]
    prepayment_change: Decimal
    balance_after: Decimal
    replayed: bool = False


def _existing(session, payment_id: int):
    return session.execute(
        select(m.PaymentReversal).where(m.PaymentReversal.payment_id == payment_id)
    ).scalar_one_or_none()


def reverse_payment(
    db: Database,
    *,
    payment_id: int,
    reason: str,
    supervisor: ClerkIdentity,
    actor: Actor,
    shift_id: int,
    client_uuid: str,
) -> ReversalResult:
    if not reason.strip():
        raise ReversalError("reason", "give the reason for the reversal", field="reason")
    if not supervisor.has_role("supervisor"):
        raise ReversalError("supervisor", "a supervisor must approve", field="supervisor")
    try:
        with db.write() as session:
            payment = session.get(m.Payment, payment_id)
            if payment is None:
                raise ReversalError("payment", f"no payment {payment_id}", field="payment")
            session.execute(
                select(m.Account.id).where(m.Account.id == payment.account_id).with_for_update()
            ).one()
            done = _existing(session, payment_id)
            if done is not None:
                if done.client_uuid == client_uuid:
                    return _result(session, done, payment, replayed=True)
                raise ReversalError("already", "this payment has already been reversed", field="payment")
            age_days = _check_policy(session, payment)
            try:
                require_open_shift(session, shift_id, actor.clerk_id)
            except ShiftClosedError as exc:
                raise ReversalError("shift", str(exc), field="shift") from None
            net = session.execute(
                select(func.coalesce(func.sum(m.PrepaymentEntry.amount), 0))
                .where(m.PrepaymentEntry.payment_id == payment_id)
            ).scalar_one()
            balance = session.execute(
                select(m.Account.prepayment_balance).where(m.Account.id == payment.account_id)
            ).scalar_one()
            if balance - net < ZERO:
                raise ReversalError(
                    "prepayment_used",
                    f"the {net} deposited by this payment has been used since; "
                    "reverse the later payments first",
                    field="payment",
                )
            reversal = m.PaymentReversal(
                payment_id=payment_id, client_uuid=client_uuid, reason=reason.strip(),
                clerk_id=actor.clerk_id, supervisor_id=supervisor.id, shift_id=shift_id,
                workstation=actor.workstation,
            )
            session.add(reversal)
            session.flush()
            if net != ZERO:
                session.add(
                    m.PrepaymentEntry(
                        account_id=payment.account_id, reversal_id=reversal.id, kind="reversal",
                        amount=-net, balance_after=balance - net,
                    )
                )
                session.execute(
                    update(m.Account).where(m.Account.id == payment.account_id)
                    .values(prepayment_balance=balance - net, version=m.Account.version + 1)
                )
            session.flush()
            record(
                session, actor, "payment.reverse", "payment", payment_id,
                supervisor=supervisor.username, reason=reason.strip(),
                receipt=f"{payment.series_code}-{payment.receipt_no}", age_days=age_days,
                paid_shift=payment.shift_id,
            )
            return _result(session, reversal, payment, replayed=False)
    except IntegrityError:
        with db.read() as session:
            done = _existing(session, payment_id)
            if done is not None and done.client_uuid == client_uuid:
                return _result(session, done, session.get(m.Payment, payment_id), replayed=True)
        raise ReversalError("already", "this payment has already been reversed", field="payment") from None


def _check_policy(session, payment: m.Payment) -> int:
    """The payment's age in days; ReversalError ``policy`` when the policy forbids it."""
    policy = load_policy(session)
    age = age_in_days(payment.created_at, server_now(session))
    if not policy.allows(age):
        paid_on = payment.created_at.astimezone(SHANGHAI).date().isoformat()
        raise ReversalError(
            "policy",
            f"the utility reverses payments on the day they were taken only; this one was "
            f"taken on {paid_on}, {age} days ago",
            field="payment",
        )
    return age


def lookup_reversal(db: Database, payment_id: int, client_uuid: str) -> ReversalResult | None:
    """After an unknown outcome: the reversal booked by ``client_uuid`` (replayed),
    None when the payment is not reversed; ReversalError ``already`` when another
    request reversed it. A read on the clerk's own connection."""
    with db.read() as session:
        done = _existing(session, payment_id)
        if done is None:
            return None
        if done.client_uuid != client_uuid:
            raise ReversalError("already", "this payment has already been reversed", field="payment")
        return _result(session, done, session.get(m.Payment, payment_id), replayed=True)


def _result(session, reversal: m.PaymentReversal, payment: m.Payment, *, replayed: bool) -> ReversalResult:
    refunded = dict(
        session.execute(
            select(m.PaymentTender.tender, m.PaymentTender.amount)
            .where(m.PaymentTender.payment_id == payment.id)
        ).all()
    )
    entry = session.execute(
        select(m.PrepaymentEntry.amount, m.PrepaymentEntry.balance_after)
        .where(m.PrepaymentEntry.reversal_id == reversal.id)
    ).one_or_none()
    if entry is None:
        change = ZERO
        balance = session.execute(
            select(m.Account.prepayment_balance).where(m.Account.id == payment.account_id)
        ).scalar_one()
    else:
        change, balance = entry
    return ReversalResult(
        reversal_id=reversal.id, payment_id=payment.id, series_code=payment.series_code,
        receipt_no=payment.receipt_no, account_id=payment.account_id, refunded=refunded,
        prepayment_change=change, balance_after=balance, replayed=replayed,
    )


def record_reprint(db: Database, payment_id: int, actor: Actor) -> int:
    """Log a reprint (补打); returns this reprint's number (1 for the first)."""
    with db.write() as session:
        if session.get(m.Payment, payment_id) is None:
            raise ReversalError("payment", f"no payment {payment_id}", field="payment")
        session.add(
            m.ReceiptReprint(payment_id=payment_id, clerk_id=actor.clerk_id, workstation=actor.workstation)
        )
        session.flush()
        count = session.execute(
            select(func.count()).select_from(m.ReceiptReprint)
            .where(m.ReceiptReprint.payment_id == payment_id)
        ).scalar_one()
        record(session, actor, "receipt.reprint", "payment", payment_id, reprint=count)
        return count
