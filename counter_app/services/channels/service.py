"""Money that does not pass the counter: the suspense list and the deduction settings.
Rules: docs/rules/payments.md ("Channels")
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from counter_app.db.engine import Database
from counter_app.domain.money import sum_money
from counter_app.services.actions import call

ACTIONS = ("to_prepayment", "to_account", "refunded")
REASONS = ("unknown_account", "closed_account", "overpaid")


@dataclass(frozen=True)
class SuspenseRow:
    id: int
    channel: str
    ref: str
    tender: str
    account_no: str
    account_id: int | None
    account_name: str | None
    amount: Decimal
    owed: Decimal | None
    paid_at: str
    reason: str
    line: int | None
    file_name: str | None
    resolution: dict | None

    @property
    def is_open(self) -> bool:
        return self.resolution is None


@dataclass(frozen=True)
class SuspenseList:
    status: str
    open_count: int
    open_amount: Decimal
    rows: tuple[SuspenseRow, ...]


def _row(data: dict) -> SuspenseRow:
    return SuspenseRow(
        data["id"],
        data["channel"],
        data["ref"],
        data["tender"],
        data["account_no"],
        data["account_id"],
        data["account_name"],
        data["amount"],
        data["owed"],
        str(data["paid_at"]),
        data["reason"],
        data["line"],
        data["file_name"],
        data["resolution"],
    )


class ChannelService:
    """The suspense list, the channel day and the deduction settings: one action each."""

    def __init__(self, db: Database):
        self.db = db

    def suspense_list(self, status: str = "open") -> SuspenseList:
        """The suspense list (a supervisor's): open, resolved or all, oldest first."""
        data = call(self.db, "suspense_list", status, retry_read=True)
        return SuspenseList(
            data["status"],
            data["open_count"],
            data["open_amount"],
            tuple(_row(r) for r in data["rows"]),
        )

    def resolve_suspense(
        self, suspense_id: int, action: str, reason: str, *, account_no: str = "", workstation: str
    ) -> SuspenseRow:
        """Post a held order to its account or to another one, or record its refund."""
        if action not in ACTIONS:
            raise ValueError(f"action: one of {', '.join(ACTIONS)}")
        if not reason.strip():
            raise ValueError("reason: give the reason")
        if action == "to_account" and not account_no.strip():
            raise ValueError("account_no: the account to post it to")
        done = call(
            self.db,
            "resolve_suspense",
            workstation,
            suspense_id,
            action,
            account_no.strip() or None,
            reason.strip(),
        )
        return _row(done["suspense"])

    def channel_day(self, day: date) -> dict:
        """The channel money of one day in the hall's zone (a supervisor's): per
        channel and tender, the reversals, the suspense list. No till sees it."""
        return call(self.db, "channel_day", day, "Asia/Shanghai", retry_read=True)

    def set_account_deduction(
        self, account_id: int, enabled: bool, reason: str, *, workstation: str
    ) -> dict:
        """Turn the prepayment deduction of one account off or on (a supervisor)."""
        return call(
            self.db, "set_account_deduction", workstation, account_id, enabled, reason.strip()
        )

    def set_channel_setting(self, key: str, value: str, *, workstation: str) -> dict:
        """prepayment_deduction on|off, online_overpay suspense|prepayment (an admin)."""
        return call(self.db, "set_channel_setting", workstation, key, value)

    def channel_day_report(self, day: date) -> ChannelDayReport:
        """:meth:`channel_day` as records (the day-close page and its Excel)."""
        data = self.channel_day(day)
        rev, sus = data["reversed"], data["suspense"]

        def money(value) -> Decimal:  # a sum of nothing comes back as the integer 0
            return Decimal(value).quantize(Decimal("0.01"))

        return ChannelDayReport(
            day=date.fromisoformat(str(data["day"])),
            rows=tuple(
                ChannelDayRow(
                    r["channel"],
                    r["tender"],
                    r["payments"],
                    money(r["amount"]),
                    money(r["to_bills"]),
                    money(r["to_prepayment"]),
                    money(r["prepayment_used"]),
                    r["first_receipt"],
                    r["last_receipt"],
                )
                for r in data["channels"]
            ),
            reversed_count=rev["count"],
            reversed_amount=money(rev["amount"]),
            suspense_received=sus["received"],
            suspense_received_amount=money(sus["received_amount"]),
            suspense_open=sus["open"],
            suspense_open_amount=money(sus["open_amount"]),
        )


@dataclass(frozen=True)
class ChannelDayRow:
    """One channel and tender of a day: what ``counter_channel_day`` sums."""

    channel: str  # deduction, withholding, online
    tender: str
    payments: int
    amount: Decimal
    to_bills: Decimal
    to_prepayment: Decimal
    prepayment_used: Decimal
    first_receipt: str
    last_receipt: str


@dataclass(frozen=True)
class ChannelDayReport:
    """The channel money of one day (no till sees it): per channel and
    tender, the channel payments reversed that day, the suspense list."""

    day: date
    rows: tuple[ChannelDayRow, ...]
    reversed_count: int
    reversed_amount: Decimal
    suspense_received: int
    suspense_received_amount: Decimal
    suspense_open: int
    suspense_open_amount: Decimal

    @property
    def payments(self) -> int:
        return sum(r.payments for r in self.rows)

    @property
    def amount(self) -> Decimal:
        return sum_money(r.amount for r in self.rows)
