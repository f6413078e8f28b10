"""Posting a payment (收费): one call of the database's ``counter_post_payment``.
Rules: docs/rules/payments.md
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from psycopg.types.json import Jsonb

from counter_app.db.engine import Database
from counter_app.domain.errors import CounterError
from counter_app.domain.money import ZERO, sum_money, to_money
from counter_app.domain.tenders import Tender
from counter_app.services.accounts.ledger import OpenBill
from counter_app.services.action_values import exact_money
from counter_app.services.actions import ActionError, call
from counter_app.services.audit import Actor
from counter_app.services.payments.receipt_facts import (
    AccountNotFoundError,
    PayableAccount,
    ReceiptFacts,
    facts_of,
    payable_of,
)


class PaymentError(CounterError, ValueError):
    """A refused payment; ``code`` for the UI, ``field`` names the input at fault."""

    field: str

    def __init__(self, code: str, message: str, *, field: str = "", kind: str | None = None):
        super().__init__(code, message, field=field, kind=kind)


class StaleBillsError(PaymentError):
    """What is owed changed since the clerk looked (another clerk was faster)."""

    def __init__(self, outstanding: Decimal, bills: list[OpenBill]):
        super().__init__(
            "stale",
            f"the amount owed is now {outstanding}: it changed since it was shown",
            kind="conflict",
        )
        self.outstanding = outstanding
        self.bills = bills


class StaleLateFeeError(PaymentError):
    """The late fee changed since it was shown (a new day, a waiver used)."""

    def __init__(self, message: str):
        super().__init__("stale_fee", message, field="late_fee", kind="conflict")


class IdempotencyConflict(PaymentError):
    def __init__(self, client_uuid: str):
        super().__init__(
            "uuid_conflict",
            f"submission {client_uuid} was already used for a different payment",
            kind="conflict",
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
    # migration 0024: the late fee the clerk was shown for those bills (the
    # database refuses another figure), after the supervisor's waiver if any
    late_fee: Decimal | None = None
    waiver_id: int | None = None


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
    # what its receipt prints, in the same answer (no reading back)
    facts: ReceiptFacts | None = field(default=None, compare=False, repr=False)


def _validate(request: PaymentRequest) -> None:
    if not request.tenders:
        raise PaymentError("no_tender", "choose at least one tender", field="tenders")
    if exact_money(request.to_bills, "to_bills", PaymentError) < ZERO:
        raise PaymentError("negative", "amount to bills is negative", field="to_bills")
    kinds = [t.tender for t in request.tenders]
    if len(set(kinds)) != len(kinds):
        raise PaymentError("duplicate_tender", "each tender at most once", field="tenders")
    for t in request.tenders:
        name = f"tender.{t.tender.value}"
        # NaN, infinity, a float or a third decimal: refused, never rounded
        amount = exact_money(t.amount, name, PaymentError)
        received = None if t.received is None else exact_money(t.received, name, PaymentError)
        if amount <= ZERO:
            raise PaymentError("amount", "amount must be above 0", field=name)
        if t.tender is Tender.CASH:
            if received is not None and received < amount:
                raise PaymentError(
                    "received_short", "cash received is less than the amount", field=name
                )
        elif t.received is not None:
            raise PaymentError("received", "only cash has an amount received", field=name)
        if t.tender in (Tender.CARD, Tender.WECHAT, Tender.ALIPAY) and not t.reference.strip():
            raise PaymentError("reference", "the transaction reference is required", field=name)


LOOKUP_LOCK_TIMEOUT_MS = 10_000  # a posting that holds the row longer: asked again later


def _tenders_json(tenders: tuple[TenderInput, ...]) -> Jsonb:
    """Amounts as strings: exact on the way to ``numeric``."""
    return Jsonb(
        [
            {
                "tender": t.tender.value,
                "amount": str(to_money(t.amount)),
                "received": None if t.received is None else str(to_money(t.received)),
                "reference": t.reference.strip(),
            }
            for t in tenders
        ]
    )


def result_of(data: dict) -> PaymentResult:
    """The action's jsonb (post, replay, lookup) as the UI's dataclass."""
    return PaymentResult(
        payment_id=data["payment_id"],
        series_code=data["series_code"],
        receipt_no=data["receipt_no"],
        account_id=data["account_id"],
        amount=data["amount"],
        allocations=tuple(
            PostedAllocation(a["bill_id"], a["period"], a["amount"]) for a in data["allocations"]
        ),
        deposit=to_money(data["deposit"]),
        prepayment_used=to_money(data["prepayment_used"]),
        change=to_money(data["change"]),
        balance_after=to_money(data["balance_after"]),
        replayed=data["replayed"],
        tenders=tuple(
            TenderInput(Tender(t["tender"]), t["amount"], t["received"], t["reference"])
            for t in data["tenders"]
        ),
        facts=facts_of(data),
    )


class PaymentService:
    """Posts payments numbered in ``series_code``, or in the first series of
    the caller's hall (the database knows the hall from the login; ``hall_code``
    is kept for the callers that name it); reads what the payment screens and
    receipts show (``account_for_payment``, ``receipt_facts``)."""

    def __init__(
        self, db: Database, *, series_code: str | None = None, hall_code: str | None = None
    ):
        self.db = db
        self.series_code = series_code
        self.hall_code = hall_code

    def lookup(self, client_uuid: str, account_id: int | None = None) -> PaymentResult | None:
        """After an unknown outcome: did this submission post?

        With ``account_id`` the database takes the account row FOR SHARE
        first (bounded by a lock timeout that fails like an unreachable
        server), so a posting of that account still in flight finishes before
        the UUID is looked up: "not posted" then means it never will be."""
        found = call(
            self.db,
            "lookup_payment",
            client_uuid,
            account_id,
            LOOKUP_LOCK_TIMEOUT_MS,
            retry_read=True,
        )
        return None if found is None else result_of(found)

    def account_for_payment(
        self, *, account_id: int | None = None, account_no: str | None = None
    ) -> PayableAccount:
        """The account and its open bills, oldest first, in one call of
        ``counter_payable_account``; raises :class:`AccountNotFoundError`."""
        number = (account_no or "").strip()
        if account_id is None and not number:
            raise AccountNotFoundError("give an account id or number")
        try:
            row = call(
                self.db,
                "payable_account",
                account_id,
                None if account_id is not None else account_no,
                retry_read=True,
            )
        except ActionError as refused:
            if refused.kind == "not_found":
                raise AccountNotFoundError(account_no or account_id) from None
            raise
        return payable_of(row)

    def receipt_facts(self, payment_id: int) -> ReceiptFacts:
        """Everything printed about one posted payment; LookupError if unknown."""
        try:
            return facts_of(call(self.db, "receipt_facts", payment_id, retry_read=True))
        except ActionError as refused:
            if refused.kind == "not_found":
                raise LookupError(f"no payment {payment_id}") from None
            raise

    def post(self, request: PaymentRequest, actor: Actor) -> PaymentResult:
        if not (self.series_code or self.hall_code):
            raise ValueError("give a receipt series or a hall")
        _validate(request)
        try:
            return result_of(call(self.db, "post_payment", *self.arguments(request, actor)))
        except ActionError as refused:
            raise self._refusal(refused, request) from None

    def arguments(self, request: PaymentRequest, actor: Actor) -> tuple:
        """``counter_post_payment``'s arguments, in its order."""
        return (
            actor.workstation,
            request.client_uuid,
            request.account_id,
            request.shift_id,
            self.series_code,
            to_money(request.to_bills),
            list(request.bill_ids),
            None if request.expected_owed is None else to_money(request.expected_owed),
            _tenders_json(request.tenders),
            None if request.late_fee is None else to_money(request.late_fee),
            request.waiver_id,
        )

    def _refusal(self, refused: ActionError, request: PaymentRequest) -> PaymentError:
        if refused.code == "uuid_conflict":
            return IdempotencyConflict(request.client_uuid)
        if refused.code == "stale_fee":
            return StaleLateFeeError(refused.message)
        if refused.code == "stale":
            account = self.account_for_payment(account_id=request.account_id)
            wanted = set(request.bill_ids)
            bills = [b for b in account.bills if not wanted or b.bill_id in wanted]
            return StaleBillsError(sum_money(b.outstanding for b in bills), bills)
        return PaymentError(refused.code, refused.message, field=refused.field, kind=refused.kind)
