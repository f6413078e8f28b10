"""What the services hand to the document layouts: plain frozen dataclasses.
Design: docs/architecture.md ("Documents and printing")
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from counter_app.domain.money import ZERO, sum_money

__all__ = [
    "TENDER_LABELS",
    "BillLine",
    "ComplaintSlipData",
    "DayCloseData",
    "ReceiptData",
    "ReliefApplicationData",
    "ReprintInfo",
    "ReversalData",
    "StatementData",
    "StatementRow",
    "TenderCount",
    "TenderLine",
    "Utility",
]

#: Tender codes the payment service uses, and how paper names them.
TENDER_LABELS = {
    "cash": "现金",
    "wechat": "微信",
    "alipay": "支付宝",
    "card": "银行卡",
    "prepayment": "预存抵扣",
    "bank": "银行",  # bank withholding or a bank's app (migration 0022)
}


def _aware(name: str, value: datetime | None) -> None:
    if value is not None and (value.tzinfo is None or value.utcoffset() is None):
        raise ValueError(f"{name} must be timezone-aware (UTC), got naive {value!r}")


@dataclass(frozen=True)
class Utility:
    """The utility and the service hall printing the document."""

    name: str  # 某某县自来水公司
    hall: str  # 城关营业厅
    hotline: str = ""  # service phone printed at the foot of receipts


@dataclass(frozen=True)
class BillLine:
    """One bill (or part of it) settled by a payment."""

    period: str  # "2026-03"
    usage: Decimal  # tons (m³)
    amount: Decimal


@dataclass(frozen=True)
class TenderLine:
    """Money taken by one tender; ``method`` is a :data:`TENDER_LABELS` key."""

    method: str
    amount: Decimal
    reference: str = ""  # e.g. the last digits of a WeChat/Alipay transaction


@dataclass(frozen=True)
class ReprintInfo:
    """A receipt printed again (补打): how many times so far, when, by whom."""

    count: int
    printed_at: datetime
    clerk: str

    def __post_init__(self) -> None:
        if self.count < 1:
            raise ValueError("a reprint count starts at 1")
        _aware("printed_at", self.printed_at)


@dataclass(frozen=True)
class ReceiptData:
    """A posted payment, as its receipt shows it."""

    utility: Utility
    receipt_no: str
    paid_at: datetime
    clerk: str
    account_no: str
    customer_name: str
    address: str
    bills: tuple[BillLine, ...]
    tenders: tuple[TenderLine, ...]
    change: Decimal = ZERO
    prepaid: Decimal = ZERO  # surplus put on the prepayment balance
    balance_after: Decimal = ZERO  # prepayment balance after the payment
    late_fee: Decimal = ZERO  # 违约金 charged (its own line)
    late_fee_waived: Decimal = ZERO  # and what a supervisor waived of it

    def __post_init__(self) -> None:
        _aware("paid_at", self.paid_at)

    @property
    def total(self) -> Decimal:
        """What the customer paid: bills settled, the late fee, the surplus prepaid."""
        return sum_money(b.amount for b in self.bills) + self.late_fee + self.prepaid

    @property
    def tendered(self) -> Decimal:
        return sum_money(t.amount for t in self.tenders)


@dataclass(frozen=True)
class ReversalData:
    """A reversal (冲正) of one payment, approved by a supervisor."""

    utility: Utility
    reversal_no: str
    reversed_at: datetime
    clerk: str
    supervisor: str
    original_receipt_no: str
    original_paid_at: datetime
    account_no: str
    customer_name: str
    address: str
    amount: Decimal
    reason: str
    bills: tuple[BillLine, ...] = ()  # bills reopened
    refunds: tuple[TenderLine, ...] = ()  # how the money went back

    def __post_init__(self) -> None:
        _aware("reversed_at", self.reversed_at)
        _aware("original_paid_at", self.original_paid_at)


@dataclass(frozen=True)
class StatementRow:
    """One billing period of the statement of past payments."""

    period: str
    usage: Decimal
    amount_due: Decimal
    amount_paid: Decimal
    paid_at: datetime | None = None  # last payment for the period
    receipt_no: str = ""
    due_on: date | None = None  # 缴费期限: owed after it is 逾期 (overdue)

    def __post_init__(self) -> None:
        _aware("paid_at", self.paid_at)

    @property
    def status(self) -> str:
        if self.amount_paid >= self.amount_due:
            return "已缴清"
        return "部分缴费" if self.amount_paid > 0 else "未缴"


@dataclass(frozen=True)
class StatementData:
    """往期交费清单: one account's periods, oldest first."""

    utility: Utility
    account_no: str
    customer_name: str
    address: str
    period_from: str
    period_to: str
    rows: tuple[StatementRow, ...]
    printed_at: datetime
    clerk: str
    balance: Decimal = ZERO  # prepayment balance now

    def __post_init__(self) -> None:
        _aware("printed_at", self.printed_at)


@dataclass(frozen=True)
class ReliefApplicationData:
    """特困低保户用水优惠申请表, printed for the applicant to sign."""

    utility: Utility
    application_no: str
    applied_at: datetime
    clerk: str  # who filed the application (not who prints it)
    account_no: str
    applicant_name: str
    id_number: str  # raw or already masked (the register holds only masked copies)
    phone: str  # raw or already masked
    address: str
    certificate_type: str  # 城镇居民最低生活保障证 / 破产企业特困证明
    certificate_no: str
    relief_item: str  # 基本水费每吨减免0.20元
    effective_period: str  # first read period the relief applies to
    certificate_valid_to: date | None = None
    low_income_households: int | None = None  # collective accounts only
    total_households: int | None = None
    materials: tuple[str, ...] = ()  # documents received
    remarks: str = ""
    approved_by: str = ""  # the approving supervisor, once approved

    def __post_init__(self) -> None:
        _aware("applied_at", self.applied_at)


@dataclass(frozen=True)
class ComplaintSlipData:
    """投诉受理单 handed to the customer when a complaint is received."""

    utility: Utility
    complaint_no: str
    received_at: datetime
    clerk: str
    complainant_name: str
    phone: str
    category: str
    summary: str
    account_no: str = ""
    address: str = ""
    handling: str = ""  # 当场解决 / 已转 供水管理所 处理
    due_at: datetime | None = None  # reply promised by

    def __post_init__(self) -> None:
        _aware("received_at", self.received_at)
        _aware("due_at", self.due_at)


@dataclass(frozen=True)
class TenderCount:
    """One tender in the day-close: what the system expects, what was counted."""

    method: str
    expected: Decimal
    counted: Decimal

    @property
    def variance(self) -> Decimal:
        return self.counted - self.expected


@dataclass(frozen=True)
class DayCloseData:
    """日结单: one clerk's shift, reconciled and locked."""

    utility: Utility
    clerk: str
    workstation: str
    business_date: date
    closed_at: datetime
    tenders: tuple[TenderCount, ...]
    payment_count: int
    reversal_count: int = 0
    reversal_amount: Decimal = ZERO
    first_receipt_no: str = ""
    last_receipt_no: str = ""
    late_fees: Decimal = ZERO  # 违约金 taken (within the tenders)
    supervisor: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        _aware("closed_at", self.closed_at)
