"""The facts the payment screens and receipts need: one action call each.
Rules: docs/rules/payments.md
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from counter_app.domain.errors import CounterError
from counter_app.domain.money import ZERO
from counter_app.services.accounts.ledger import OpenBill
from counter_app.services.action_values import required

DEFAULT_UTILITY_NAME = "自来水公司"
UTILITY_NAME_KEY = "utility_name"
UTILITY_HOTLINE_KEY = "utility_hotline"


class AccountNotFoundError(CounterError, LookupError):
    """No account with that id or number (``str()`` says which)."""

    def __init__(self, account: object):
        super().__init__("not_found", str(account), field="account", kind="not_found")


@dataclass(frozen=True)
class BillLateFee:
    """违约金 of one overdue bill, as the database computed it for today."""

    bill_id: int
    period: str
    days_overdue: int
    fee_days: int
    rate: Decimal
    fee: Decimal


@dataclass(frozen=True)
class PayableAccount:
    account_id: int
    account_no: str
    name: str
    address: str
    status: str
    prepayment_balance: Decimal
    bills: tuple[OpenBill, ...]  # open bills, oldest first
    open_shift_id: int | None = None  # the signed-in clerk's open shift, in the same load
    late_fees: tuple[BillLateFee, ...] = ()  # migration 0024: per overdue bill, as of today

    @property
    def owed(self) -> Decimal:
        return sum((b.outstanding for b in self.bills), ZERO)

    def late_fee(self, bill_ids: tuple[int, ...] = ()) -> Decimal:
        """The late fee due with the named bills (all when none are named)."""
        return sum((f.fee for f in self.late_fees if not bill_ids or f.bill_id in bill_ids), ZERO)


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
    late_fee: Decimal = ZERO  # 违约金 charged by this payment (migration 0024)
    late_fee_waived: Decimal = ZERO  # and what a supervisor waived of it


def _when(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def payable_of(row: dict) -> PayableAccount:
    """The account and its open bills as ``counter_payable_account`` gives them."""
    return PayableAccount(
        account_id=row["account_id"],
        account_no=row["account_no"],
        name=row["name"],
        address=row["address"],
        status=row["status"],
        prepayment_balance=row["prepayment_balance"],
        bills=tuple(
            OpenBill(
                b["bill_id"],
                b["period"],
                b["usage"],
                b["amount"],
                b["outstanding"],
                date.fromisoformat(b["due_on"]),
            )
            for b in row["bills"]
        ),
        open_shift_id=row["open_shift_id"],
        late_fees=tuple(
            BillLateFee(
                f["bill_id"], f["period"], f["days_overdue"], f["fee_days"], f["rate"], f["fee"]
            )
            for f in row.get("late_fees", ())
        ),
    )


def facts_of(data: dict) -> ReceiptFacts:
    """A payment's facts as the database gives them (post, lookup, reprint, load)."""
    reversal = data.get("reversal")
    return ReceiptFacts(
        payment_id=data["payment_id"],
        receipt_no=data["receipt_label"],
        paid_at=required(_when(data["paid_at"]), "paid_at"),
        clerk_name=data["clerk_name"] or "",
        hall_name=data["hall_name"],
        utility_name=data.get("utility_name") or DEFAULT_UTILITY_NAME,
        utility_hotline=data.get("utility_hotline") or "",
        account_no=data["account_no"],
        customer_name=data["customer_name"],
        address=data["address"],
        amount=data["amount"],
        bills=tuple(FactBill(b["period"], b["usage"], b["amount"]) for b in data["allocations"]),
        tenders=tuple(
            FactTender(t["tender"], t["amount"], t["received"], t["change"], t["reference"])
            for t in data["tenders"]
        ),
        change=data["change"] + ZERO,
        deposit=data["deposit"] + ZERO,
        balance_after=data["balance_after"] + ZERO,
        late_fee=data.get("late_fee", ZERO) + ZERO,
        late_fee_waived=data.get("late_fee_waived", ZERO) + ZERO,
        reversal=None
        if reversal is None
        else ReversalFacts(
            reversal_id=reversal["reversal_id"],
            reversed_at=required(_when(reversal["reversed_at"]), "reversed_at"),
            reason=reversal["reason"],
            clerk_name=reversal["clerk_name"],
            supervisor_name=reversal["supervisor_name"],
        ),
    )
