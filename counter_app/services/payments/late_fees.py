"""Late fees (违约金/滞纳金), their waivers and the dunning lists (migration 0024).
Rules: docs/rules/late_fees.md
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from counter_app.db.engine import Database
from counter_app.domain.errors import CounterError
from counter_app.domain.money import ZERO, to_money
from counter_app.services.action_values import required
from counter_app.services.actions import ActionError, call
from counter_app.services.audit import Actor

MAX_RATE = Decimal("0.01")


class LateFeeError(CounterError):
    """A refused rule or waiver; ``code`` for the UI, ``field`` names the input."""

    field: str

    def __init__(self, code: str, message: str, *, field: str = "", kind: str | None = None):
        super().__init__(code, message, field=field, kind=kind)


@dataclass(frozen=True)
class LateFeeRule:
    rule_id: int
    price_category: str | None  # None: utility-wide
    rate_per_day: Decimal  # 0.0003 = 万分之三 per day
    delay_days: int  # grace days after the due date
    cap_ratio: Decimal | None  # at most this share of the bill (1 = the bill itself)
    suspend_after_days: int | None
    suspend_min_amount: Decimal | None
    effective_from: date
    reason: str = ""


@dataclass(frozen=True)
class Waiver:
    waiver_id: int
    account_id: int
    fee: Decimal  # the fee of the day when it was approved
    waived: Decimal
    due: Decimal  # what is left to pay
    supervisor_name: str


@dataclass(frozen=True)
class DunningRow:
    account_id: int
    account_no: str
    name: str
    address: str
    area_code: str
    area_name: str
    meter_reader: str
    book_no: str
    mobile_masked: str
    landline_masked: str
    status: str
    overdue: Decimal
    overdue_bills: int
    oldest_due: date
    days_overdue: int
    suspend: bool


@dataclass(frozen=True)
class DunningList:
    as_of: date
    days: int
    area: str | None
    book: str | None
    suspension: bool
    rows: tuple[DunningRow, ...]
    total: Decimal


def _rule(j: dict) -> LateFeeRule:
    return LateFeeRule(
        rule_id=j["rule_id"],
        price_category=j["price_category"],
        rate_per_day=required(j.get("rate_per_day", j.get("rate")), "rate_per_day"),
        delay_days=j["delay_days"],
        cap_ratio=j["cap_ratio"],
        suspend_after_days=j["suspend_after_days"],
        suspend_min_amount=j["suspend_min_amount"],
        effective_from=date.fromisoformat(j["effective_from"]),
        reason=j.get("reason", ""),
    )


def _check_rule(rate: Decimal, delay_days: int, cap_ratio: Decimal | None, reason: str) -> None:
    if not Decimal(0) <= rate <= MAX_RATE or rate != rate.quantize(Decimal("0.000001")):
        raise LateFeeError(
            "rate", "the rate per day is between 0 and 0.01, six decimals at most", field="rate"
        )
    if not 0 <= delay_days <= 365:
        raise LateFeeError("delay", "the delay is 0 to 365 days", field="delay_days")
    if cap_ratio is not None and not Decimal(0) < cap_ratio <= 1:
        raise LateFeeError(
            "cap", "the cap is a share of the bill above 0 and at most 1", field="cap_ratio"
        )
    if not reason.strip():
        raise LateFeeError("reason", "give the reason", field="reason")


class LateFeeService:
    """Late fee rules, waivers and dunning lists on one login's connection (a waiver
    on the supervisor's own: a LateFeeService of their Database)."""

    def __init__(self, db: Database):
        self.db = db

    def set_rule(
        self,
        actor: Actor,
        *,
        price_category: str | None,
        rate: Decimal,
        delay_days: int,
        cap_ratio: Decimal | None,
        effective_from: date,
        reason: str,
        suspend_after_days: int | None = None,
        suspend_min_amount: Decimal | None = None,
    ) -> LateFeeRule:
        """An admin sets a rule from ``effective_from`` (today or later) on."""
        _check_rule(rate, delay_days, cap_ratio, reason)
        try:
            j = call(
                self.db,
                "set_late_fee_rule",
                actor.workstation,
                price_category,
                rate,
                delay_days,
                cap_ratio,
                suspend_after_days,
                None if suspend_min_amount is None else to_money(suspend_min_amount),
                effective_from,
                reason.strip(),
            )
        except ActionError as refused:
            raise LateFeeError(
                refused.code, refused.message, field=refused.field, kind=refused.kind
            ) from None
        return _rule(j | {"reason": reason.strip()})

    def rules(self) -> tuple[LateFeeRule, ...]:
        return tuple(_rule(j) for j in call(self.db, "late_fee_rules", retry_read=True))

    def waive(
        self, actor: Actor, *, account_id: int, expected_fee: Decimal, amount: Decimal, reason: str
    ) -> Waiver:
        """减免: on the supervisor's own login; the post names the waiver's id."""
        if not reason.strip():
            raise LateFeeError("reason", "give the reason for the waiver", field="reason")
        if to_money(amount) <= 0 or to_money(amount) > to_money(expected_fee):
            raise LateFeeError("over_waiver", f"only {expected_fee} can be waived", field="amount")
        try:
            j = call(
                self.db,
                "waive_late_fee",
                actor.workstation,
                account_id,
                to_money(expected_fee),
                to_money(amount),
                reason.strip(),
            )
        except ActionError as refused:
            raise LateFeeError(
                refused.code, refused.message, field=refused.field, kind=refused.kind
            ) from None
        return Waiver(
            j["waiver_id"], j["account_id"], j["fee"], j["waived"], j["due"], j["supervisor_name"]
        )

    def dunning_list(
        self,
        *,
        days: int,
        area: str | None = None,
        book: str | None = None,
        suspension: bool = False,
    ) -> DunningList:
        """催缴 (or, with ``suspension``, 停供) list: one call, for supervisors."""
        if not 0 <= days <= 3650:
            raise LateFeeError("days", "the days overdue are 0 to 3650", field="days")
        try:
            j = call(
                self.db,
                "dunning_list",
                days,
                area or None,
                book or None,
                suspension,
                retry_read=True,
            )
        except ActionError as refused:
            raise LateFeeError(
                refused.code, refused.message, field=refused.field, kind=refused.kind
            ) from None
        rows = tuple(
            DunningRow(
                account_id=r["account_id"],
                account_no=r["account_no"],
                name=r["name"],
                address=r["address"],
                area_code=r["area_code"],
                area_name=r["area_name"],
                meter_reader=r["meter_reader"],
                book_no=r["book_no"],
                mobile_masked=r["mobile_masked"],
                landline_masked=r["landline_masked"],
                status=r["status"],
                overdue=r["overdue"],
                overdue_bills=r["overdue_bills"],
                oldest_due=date.fromisoformat(r["oldest_due"]),
                days_overdue=r["days_overdue"],
                suspend=r["suspend"],
            )
            for r in j["rows"]
        )
        return DunningList(
            date.fromisoformat(j["as_of"]),
            j["days"],
            j["area"],
            j["book"],
            j["suspension"],
            rows,
            j["total"] + ZERO,
        )
