"""What an account owes and holds, derived from posted rows.

A bill's outstanding amount is its amount minus the allocations of payments
that have not been reversed; nothing on the bill row ever changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Select, func, select, type_coerce
from sqlalchemy.orm import Session

from counter_app.db import models as m
from counter_app.db.types import Money

ZERO = Decimal("0.00")


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


def _bill_rows(session: Session, account_ids: list[int]):
    paid = paid_on_bill()
    return session.execute(
        select(
            m.Bill.id, m.Bill.account_id, m.Bill.period, m.Bill.usage, m.Bill.amount,
            m.Bill.due_on, paid,
        )
        .where(m.Bill.account_id.in_(account_ids))
        .order_by(m.Bill.period, m.Bill.id)
    ).all()


def open_bills(session: Session, account_id: int) -> list[OpenBill]:
    """Bills with something left to pay, oldest period first."""
    result = []
    for bill_id, _, period, usage, amount, due_on, paid in _bill_rows(session, [account_id]):
        outstanding = amount - Decimal(paid or 0)
        if outstanding > ZERO:
            result.append(OpenBill(bill_id, period, usage, amount, outstanding, due_on))
    return result


def arrears_select(accounts_clause) -> Select:
    """(account_id, arrears) of the accounts that have bills and match
    ``accounts_clause`` (a condition on ``bills.account_id``): one grouped
    query. A bill is never allocated more than its amount, so the sum of
    (amount - paid) is the sum of what is outstanding."""
    owed = type_coerce(func.sum(m.Bill.amount - paid_on_bill()), Money()).label("arrears")
    return (
        select(m.Bill.account_id, owed).where(accounts_clause).group_by(m.Bill.account_id)
    )


def arrears(session: Session, account_ids: list[int]) -> dict[int, Decimal]:
    """Total outstanding per account (0.00 for accounts that owe nothing)."""
    totals = dict.fromkeys(account_ids, ZERO)
    if account_ids:
        rows = session.execute(arrears_select(m.Bill.account_id.in_(account_ids)))
        totals.update({account_id: owed for account_id, owed in rows})
    return totals
