"""An account statement as document data: AccountService.statement →
documents StatementData (no Qt, no database), for the statement the search
page prints and previews."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from counter_app.documents.data import StatementData, StatementRow, Utility
from counter_app.services.accounts.records import Statement, StatementLine


def statement_row(line: StatementLine) -> StatementRow:
    """One period; the last payment's time, and every receipt that paid it."""
    last = max(line.payments, key=lambda p: p.paid_at, default=None)
    receipts = "、".join(dict.fromkeys(p.receipt for p in line.payments))
    return StatementRow(
        period=line.period,
        usage=Decimal(line.usage),
        amount_due=line.billed,
        amount_paid=line.paid,
        paid_at=last.paid_at if last else None,
        receipt_no=receipts,
        due_on=line.due_on,
    )


def statement_data(
    statement: Statement, *, clerk: str, printed_at: datetime, utility: Utility | None = None
) -> StatementData:
    """``utility`` defaults to the heading the statement was read with."""
    if utility is None:
        h = statement.heading
        if h is None:
            raise ValueError("a statement read without hall_code needs a utility")
        utility = Utility(h.utility_name, h.hall_name, h.hotline)
    return StatementData(
        utility=utility,
        account_no=statement.account_no,
        customer_name=statement.name,
        address=statement.address,
        period_from=statement.from_period,
        period_to=statement.to_period,
        rows=tuple(statement_row(line) for line in statement.lines),
        printed_at=printed_at,
        clerk=clerk,
        balance=statement.prepayment_balance,
    )
