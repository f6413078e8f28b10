"""What an account owes and holds, derived from posted rows.
Rules: docs/rules/billing.md ("Issued bills and adjustments")
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Select, and_, func, or_, select, type_coerce
from sqlalchemy.orm import Session, aliased

from counter_app.db import models as m
from counter_app.db.types import Money
from counter_app.domain.money import ZERO


@dataclass(frozen=True)
class OpenBill:
    bill_id: int
    period: str
    usage: int
    amount: Decimal
    outstanding: Decimal
    due_on: date


def paid_on_bill():
    """Correlated scalar: what unreversed payments allocated to ``bills.id``."""
    reversed_payment = select(m.PaymentReversal.id).where(
        m.PaymentReversal.payment_id == m.Allocation.payment_id
    )
    return (
        select(func.coalesce(func.sum(m.Allocation.amount), 0))
        .where(m.Allocation.bill_id == m.Bill.id, ~reversed_payment.exists())
        .correlate(m.Bill)
        .scalar_subquery()
    )


def credited_on_bill():
    """Correlated scalar: the credit adjustments of ``bills.id`` (negative)."""
    credit = aliased(m.Bill)
    return (
        select(func.coalesce(func.sum(credit.amount), 0))
        .where(credit.adjusts_bill_id == m.Bill.id, credit.amount < 0)
        .correlate(m.Bill)
        .scalar_subquery()
    )


def owed_on_bill():
    """What ``bills`` still asks for: amount + credits - paid, not below zero."""
    return func.greatest(m.Bill.amount + credited_on_bill() - paid_on_bill(), 0)


def is_payable():
    """Bills that are owed on their own: issued bills and debit adjustments
    (a credit counts on the bill it corrects)."""
    return or_(m.Bill.adjusts_bill_id.is_(None), m.Bill.amount > 0)


def _bill_rows(session: Session, account_ids: list[int]):
    return session.execute(
        select(
            m.Bill.id,
            m.Bill.period,
            m.Bill.usage,
            m.Bill.amount,
            m.Bill.due_on,
            owed_on_bill(),
        )
        .where(and_(m.Bill.account_id.in_(account_ids), is_payable()))
        .order_by(m.Bill.period, m.Bill.id)
    ).all()


def open_bills(session: Session, account_id: int) -> list[OpenBill]:
    """Bills with something left to pay, oldest period first."""
    result = []
    for bill_id, period, usage, amount, due_on, owed in _bill_rows(session, [account_id]):
        outstanding = Decimal(owed or 0)
        if outstanding > ZERO:
            result.append(OpenBill(bill_id, period, usage, amount, outstanding, due_on))
    return result


def arrears_select(accounts_clause) -> Select:
    """(account_id, arrears) of the accounts that have bills and match
    ``accounts_clause`` (a condition on ``bills.account_id``): one grouped
    query, the sum of what each payable bill still asks for."""
    owed = type_coerce(func.sum(owed_on_bill()), Money()).label("arrears")
    return (
        select(m.Bill.account_id, owed)
        .where(and_(accounts_clause, is_payable()))
        .group_by(m.Bill.account_id)
    )


def arrears(session: Session, account_ids: list[int]) -> dict[int, Decimal]:
    """Total outstanding per account (0.00 for accounts that owe nothing)."""
    totals = dict.fromkeys(account_ids, ZERO)
    if account_ids:
        rows = session.execute(arrears_select(m.Bill.account_id.in_(account_ids)))
        totals.update({account_id: owed for account_id, owed in rows})
    return totals
