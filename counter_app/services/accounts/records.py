"""Records of the account view and its histories, their exceptions and shared constants.
Rules: docs/rules/accounts.md
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Literal, get_args

from counter_app.domain.errors import CounterError
from counter_app.domain.localtime import SHANGHAI as CST
from counter_app.domain.money import ZERO
from counter_app.services.installation.halls import HallHeading

__all__ = [
    "CST",
    "REVEAL_FIELDS",
    "REVEAL_ROLE",
    "ZERO",
    "AccountNotFound",
    "AccountView",
    "BillDetail",
    "BillLineView",
    "BillNotFound",
    "BillSummary",
    "PaymentSummary",
    "ReliefStatus",
    "RevealField",
    "RevealRefused",
    "Statement",
    "StatementLine",
    "StatementPayment",
    "TenderLine",
]

#: Lowest role that may reveal a full ID number or phone (admins too).
REVEAL_ROLE = "supervisor"
RevealField = Literal["id_number", "mobile", "landline"]
REVEAL_FIELDS: tuple[str, ...] = get_args(RevealField)


class AccountNotFound(CounterError, LookupError):
    """No account with that id (``str()`` is the id)."""

    def __init__(self, account_id: object = None):
        super().__init__("not_found", str(account_id), field="account", kind="not_found")


class BillNotFound(CounterError, LookupError):
    """No bill with that id (``str()`` is the id)."""

    def __init__(self, bill_id: object = None):
        super().__init__("not_found", str(bill_id), field="bill", kind="not_found")


class RevealRefused(CounterError, PermissionError):
    """The clerk may not see the full value; nothing was revealed or written."""

    kind = "forbidden"

    def __init__(self, message: str = "", *, code: str = "role"):
        super().__init__(code, message)


class RevealLimited(RevealRefused):
    """Too many full numbers this minute (the lookup quota of migration 0025,
    shared by reveals since 0026); the database flagged it for a supervisor."""

    kind = "rate_limited"

    def __init__(self, message: str = ""):
        super().__init__(message, code="quota")


# ------------------------------------------------------------------- records


@dataclass(frozen=True)
class BillLineView:
    line_no: int
    kind: str  # "charge" or "relief" (negative amount)
    component: str  # basic / sewage / resource
    tier_no: int | None
    volume: int
    unit_price: Decimal
    amount: Decimal
    label: str


@dataclass(frozen=True)
class BillSummary:
    bill_id: int
    period: str
    period_start: date
    period_end: date
    start_reading: int
    end_reading: int
    usage: int
    amount: Decimal
    paid: Decimal  # allocations of unreversed payments
    outstanding: Decimal  # the ledger's: a credit counts on the bill it corrects
    due_on: date
    # a correction (counter_adjust_bill, migration 0016): the bill it corrects,
    # why and who approved it; on an issued bill, what its corrections sum to
    adjusts_bill_id: int | None = None
    reason: str = ""
    approved_by: str = ""
    adjusted: Decimal = ZERO

    @property
    def is_adjustment(self) -> bool:
        return self.adjusts_bill_id is not None

    @property
    def net(self) -> Decimal:
        """What an issued bill comes to with its corrections."""
        return self.amount + self.adjusted


@dataclass(frozen=True)
class BillDetail:
    bill: BillSummary
    lines: tuple[BillLineView, ...]


@dataclass(frozen=True)
class ReliefStatus:
    """The approved relief in force (特困低保户用水优惠)."""

    application_id: int
    rule_code: str
    rule_name: str
    certificate_type: str
    certificate_no: str
    valid_from: date
    valid_to: date
    effective_period: str | None


@dataclass(frozen=True)
class Suspension:
    """The account is past its rule's suspension thresholds (停供)."""

    after_days: int | None
    min_amount: Decimal | None


@dataclass(frozen=True)
class AccountView:
    account_id: int
    account_no: str
    name: str
    account_type: str  # household / bulk / collective / nonresidential
    households_total: int | None
    price_category: str
    address: str
    meter_location: str
    meter_no: str  # the active meter, "" if none
    mobile_masked: str
    landline_masked: str
    id_masked: str
    status: str
    prepayment_balance: Decimal
    relief: ReliefStatus | None
    current_bill: BillDetail | None  # the latest bill
    arrears: Decimal  # all bills minus allocations of unreversed payments
    version: int
    # migration 0024: of the arrears, 本期应缴 (due today or later) and 逾期欠费
    # (past due, in Asia/Shanghai days), the days since the oldest overdue
    # bill's due date, the late fee as of today, and the 停供 warning
    current_due: Decimal = ZERO
    overdue: Decimal = ZERO
    days_overdue: int = 0
    late_fee: Decimal = ZERO
    suspension: Suspension | None = None


@dataclass(frozen=True)
class TenderLine:
    tender: str  # cash / wechat / alipay / card / prepayment
    amount: Decimal
    received: Decimal | None
    change_given: Decimal
    reference: str


@dataclass(frozen=True)
class PaymentSummary:
    payment_id: int
    receipt: str  # series prefix + receipt number, e.g. "JX01-00000123"
    series_code: str
    receipt_no: int
    paid_at: datetime  # UTC; show in Asia/Shanghai
    amount: Decimal
    tenders: tuple[TenderLine, ...]
    reversed: bool
    reversal_reason: str
    workstation: str
    periods: tuple[str, ...]  # bill periods it paid


@dataclass(frozen=True)
class StatementPayment:
    receipt: str
    paid_at: datetime
    amount: Decimal  # allocated to this line's bill


@dataclass(frozen=True)
class StatementLine:
    period: str
    start_reading: int
    end_reading: int
    usage: int
    billed: Decimal
    paid: Decimal
    outstanding: Decimal
    due_on: date
    payments: tuple[StatementPayment, ...]


@dataclass(frozen=True)
class Statement:
    """往期交费清单: the account's bills of the periods and what paid them."""

    account_id: int
    account_no: str
    name: str
    address: str
    from_period: str
    to_period: str
    lines: tuple[StatementLine, ...]  # oldest first
    payments: tuple[PaymentSummary, ...]  # made in the periods (reversed ones flagged)
    total_usage: int
    total_billed: Decimal
    total_paid: Decimal
    total_outstanding: Decimal
    total_received: Decimal  # unreversed payments made in the periods
    prepayment_balance: Decimal
    arrears: Decimal  # all periods, as on the account view
    heading: HallHeading | None = None  # the printing hall's, when asked for
