"""Counter payments of one demo account: tenders, allocations, prepayment ledger.
Rules: docs/demo.md
"""

from __future__ import annotations

import hashlib
import random
from bisect import bisect
from dataclasses import dataclass
from datetime import date, timedelta

from counter_app.demo.context import Context, cents_to_decimal
from counter_app.demo.metering import BillRef
from counter_app.demo.rand import below, pick, span, uuid4
from counter_app.demo.timeline import FIRST_PAYMENT, LAST_PAYMENT, at_local

__all__ = ["Behaviour", "PaymentOutcome", "simulate_payments"]

_TENDERS = ("cash", "wechat", "alipay", "card")
_TENDER_CUM_YOUNG = (0.25, 0.65, 0.88, 1.0)
_TENDER_CUM_OLD = (0.7, 0.88, 0.95, 1.0)
_DAY = timedelta(days=1)
_OTHER_HALL = {"JX01": "JX02", "JX02": "JX01"}


@dataclass(frozen=True, slots=True)
class Behaviour:
    arrears_bills: int  # trailing bills (with an amount) never paid; 0 = none
    depositor: bool
    opening_cents: int
    older: bool


@dataclass(frozen=True, slots=True)
class PaymentOutcome:
    balance_cents: int
    unpaid_bills: int


def behaviour(rng: random.Random, older: bool) -> Behaviour:
    arrears = pick(rng, (1, 1, 1, 2, 2, 3)) if rng.random() < 0.08 else 0
    depositor = not arrears and rng.random() < 0.06
    opening = 0
    if not arrears and rng.random() < 0.04:
        opening = pick(rng, (2000, 5000, 10000, 20000, 30000, 50000)) + span(rng, 0, 10000)
    return Behaviour(arrears, depositor, opening, older)


def _delay(rng: random.Random) -> int:
    r = rng.random()
    if r < 0.6:
        return span(rng, 0, 11)
    if r < 0.9:
        return span(rng, 11, 26)
    return span(rng, 26, 46)


def _fmt(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


class _Account:
    """Generates the rows of one account's payments in time order."""

    def __init__(
        self,
        ctx: Context,
        rng: random.Random,
        account_id: int,
        account_no: str,
        hall: str,
        b: Behaviour,
        out: dict[str, list],
    ):
        self.ctx, self.rng, self.out = ctx, rng, out
        self.account_id, self.account_no, self.hall, self.b = account_id, account_no, hall, b
        self.balance = 0
        self.last_when = None
        self.last_day: date | None = None

    def _ledger(self, kind: str, cents: int, payment_id: int | None, when) -> None:
        self.balance += cents
        self.out["prepayment_ledger"].append(
            (
                self.ctx.ids.take("prepayment_ledger"),
                self.account_id,
                payment_id,
                None,
                kind,
                cents_to_decimal(cents),
                cents_to_decimal(self.balance),
                when,
            )
        )

    def _shift(self, day: date):
        """The shift that takes a payment made on ``day`` (or the next open day)."""
        hall = self.hall if self.rng.random() < 0.9 else _OTHER_HALL[self.hall]
        for _ in range(3):
            duty = self.ctx.shifts.on_duty(hall, day)
            if duty is not None:
                shifts, cum = duty
                return shifts[bisect(cum, self.rng.random() * cum[-1])] if len(
                    shifts
                ) > 1 else shifts[0], day
            day += _DAY
        raise AssertionError("no open hall in three days")

    def _tender_kind(self) -> str:
        cum = _TENDER_CUM_OLD if self.b.older else _TENDER_CUM_YOUNG
        return _TENDERS[bisect(cum, self.rng.random())]

    def _reference(self, tender: str, day: date) -> str:
        rng = self.rng
        ymd = day.year * 10000 + day.month * 100 + day.day
        if tender == "wechat":
            return f"4200{below(rng, 10**9):09d}{ymd}{below(rng, 10**7):07d}"
        if tender == "alipay":
            return f"{ymd}2200{below(rng, 10**12):012d}{below(rng, 10**4):04d}"
        if tender == "card":
            return f"POS{below(rng, 10**6):06d} 尾号{below(rng, 10**4):04d}"
        return ""

    def pay(self, day: date, for_bills: list[tuple[BillRef, int]], deposit: int) -> date | None:
        """One payment: allocations ``for_bills`` plus ``deposit`` cents.
        Returns the day it was made, None when that falls after the window."""
        rng, ctx = self.rng, self.ctx
        if self.last_day is not None and day < self.last_day:
            day = self.last_day  # payments of an account never go back in time
        shift, day = self._shift(day)
        if day > ctx.window.as_of:
            return None
        when = at_local(day, span(rng, FIRST_PAYMENT, LAST_PAYMENT))
        if self.last_when is not None and when <= self.last_when:
            # a second payment of the account that day: a little later, but
            # still before the till closes
            room = (at_local(day, LAST_PAYMENT) - self.last_when).total_seconds()
            when = self.last_when + timedelta(seconds=max(1, below(rng, int(min(room, 1200)))))
        self.last_when, self.last_day = when, day
        payment_id = ctx.ids.take("payments")
        owed = sum(c for _, c in for_bills)
        tenders: list[tuple[str, int]] = []
        use = 0
        if self.balance > 0 and owed > 0 and rng.random() < 0.8:
            use = min(self.balance, owed)
            tenders.append(("prepayment", use))
        rest = owed - use + deposit
        kind = self._tender_kind()
        # the payments service refuses a deposit paid with the prepayment balance
        if self.b.depositor and rest > 0 and not deposit and not use and rng.random() < 0.5:
            step = 5000 if rest < 20000 else 10000
            extra = step - rest % step if rest % step else 0
            deposit, rest = extra, rest + extra
        if rest > 0:
            tenders.append((kind, rest))
        total = use + rest
        tender_rows = self.out["payment_tenders"]
        totals = ctx.shift_totals[shift.id]
        for line_no, (tender, cents) in enumerate(tenders, start=1):
            received, change = None, 0
            if tender == "cash":
                note = pick(rng, (1000, 5000, 10000, 10000)) if rng.random() < 0.85 else 100
                received = -(-cents // note) * note
                change = received - cents
            tender_rows.append(
                (
                    payment_id,
                    line_no,
                    tender,
                    cents_to_decimal(cents),
                    None if received is None else cents_to_decimal(received),
                    cents_to_decimal(change),
                    self._reference(tender, day),
                )
            )
            totals[tender] += cents
        allocations = self.out["allocations"]
        for bill, cents in for_bills:
            allocations.append((payment_id, bill.id, cents_to_decimal(cents)))
        content = "|".join(
            [self.account_no, _fmt(total)]
            + [f"{t}:{_fmt(c)}" for t, c in tenders]
            + [f"{bill.id}:{_fmt(c)}" for bill, c in for_bills]
        )
        self.out["payments"].append(
            (
                payment_id,
                uuid4(rng),
                hashlib.sha256(content.encode()).hexdigest(),
                self.account_id,
                shift.id,
                ctx.ref.clerk_ids[shift.clerk],
                shift.workstation,
                shift.hall_code,
                0,
                cents_to_decimal(total),
                when,
                "counter",
                None,
                None,
                "",
            )
        )
        if use:
            self._ledger("use", -use, payment_id, when)
        if deposit:
            self._ledger("deposit", deposit, payment_id, when)
        return day


def simulate_payments(
    ctx: Context,
    rng: random.Random,
    account_id: int,
    account_no: str,
    hall: str,
    b: Behaviour,
    bills: list[BillRef],
    out: dict[str, list],
) -> PaymentOutcome:
    acct = _Account(ctx, rng, account_id, account_no, hall, b, out)
    window = ctx.window
    if b.opening_cents:
        acct._ledger("opening", b.opening_cents, None, at_local(window.start, 8 * 3600))
    deposit_day = None
    if b.depositor and rng.random() < 0.3:
        deposit_day = window.start + timedelta(
            days=below(rng, (window.as_of - window.start).days + 1)
        )
    due = [bill for bill in bills if bill.cents > 0]
    payable = len(due)
    if b.arrears_bills:
        # the arrears start with an overdue bill where there is one
        overdue = sum(1 for bill in due if bill.due < window.as_of)
        payable = max(0, (overdue or len(due)) - b.arrears_bills)
    remaining = [bill.cents for bill in due]
    i = 0
    last_day: date | None = None
    while i < payable:
        earliest = due[i].issued if last_day is None else max(due[i].issued, last_day + _DAY)
        day = earliest + timedelta(days=_delay(rng))
        if deposit_day is not None and deposit_day <= day:
            if acct.pay(deposit_day, [], pick(rng, (10000, 20000, 30000, 50000))) is None:
                break
            deposit_day = None
        if day > window.as_of:
            break
        j = i
        while j < payable and due[j].issued <= day:
            j += 1
        owed = sum(remaining[i:j])
        budget = owed
        if owed >= 4000 and rng.random() < 0.01:  # pays part now, the rest later
            budget = owed // 200 * 100
        parts: list[tuple[BillRef, int]] = []
        k = i
        while budget > 0 and k < j:
            take = min(budget, remaining[k])
            parts.append((due[k], take))
            remaining[k] -= take
            budget -= take
            k += 1
        paid_on = acct.pay(day, parts, 0)
        if paid_on is None:
            for bill, cents in parts:  # undo: the payment fell after the window
                remaining[due.index(bill)] += cents
            break
        while i < payable and remaining[i] == 0:
            i += 1
        last_day = paid_on
    if deposit_day is not None and deposit_day <= window.as_of:
        acct.pay(deposit_day, [], pick(rng, (10000, 20000, 30000, 50000)))
    unpaid = sum(1 for cents in remaining if cents > 0)
    return PaymentOutcome(acct.balance, unpaid)
