"""Accounts with bills due around today (Asia/Shanghai) and a late-fee rule,
shared by the late-fee, overdue and dunning tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import NamedTuple

from counter_app.db import models as m
from counter_app.domain.localtime import SHANGHAI
from counter_app.services.audit import Actor
from counter_app.services.payments import late_fees
from counter_app.services.payments.shifts import ShiftService
from counter_app.services.tariffs.service import save_tariff
from tests.support.builders import RES, make_account, make_reference

D = Decimal


def today() -> date:
    return datetime.now(SHANGHAI).date()


class Overdue(NamedTuple):
    account_ids: list[int]
    bill_ids: dict[tuple[int, str], int]  # (account index, period) -> bill id
    clerk_db: object
    clerk: object
    actor: Actor
    shift_id: int


def build_overdue(
    db, login_as, accounts: tuple[tuple[tuple[str, int], ...], ...], *, extra: dict | None = None
) -> Overdue:
    """``accounts``: per account, its bills as (amount, days past due; 0 = due
    today, negative = not yet due), oldest first. A clerk with an open shift."""
    bill_ids: dict[tuple[int, str], int] = {}
    account_ids = []
    with db.write() as s:
        make_reference(s)
        tariff_id = save_tariff(s, RES)
        for n, bills in enumerate(accounts):
            account = make_account(s, f"0200{n:04d}", **((extra or {}).get(n, {})))
            account_ids.append(account.id)
            for i, (amount, past_due) in enumerate(bills):
                bill = m.Bill(
                    account_id=account.id,
                    period=f"2025-{i + 1:02d}",
                    tariff_id=tariff_id,
                    period_start=date(2025, i + 1, 1),
                    period_end=date(2025, i + 1, 28),
                    start_reading=0,
                    end_reading=10,
                    usage=10,
                    amount=D(amount),
                    due_on=today() - timedelta(days=past_due),
                )
                s.add(bill)
                s.flush()
                bill_ids[(n, f"2025-{i + 1:02d}")] = bill.id
    clerk_db, clerk = login_as("clerk")
    actor = Actor(clerk.username, "WS1", clerk.id)
    shift_id = ShiftService(clerk_db).open(actor, "HQ", D("200.00"))
    return Overdue(account_ids, bill_ids, clerk_db, clerk, actor, shift_id)


def set_rule(
    login_as,
    *,
    rate="0.001",
    delay=0,
    cap=None,
    category=None,
    suspend_days=None,
    suspend_amount=None,
):
    admin_db, admin = login_as("admin")
    return late_fees.LateFeeService(admin_db).set_rule(
        Actor(admin.username, "WS9", admin.id),
        price_category=category,
        rate=D(rate),
        delay_days=delay,
        cap_ratio=None if cap is None else D(cap),
        effective_from=today(),
        reason="物价局文件",
        suspend_after_days=suspend_days,
        suspend_min_amount=None if suspend_amount is None else D(suspend_amount),
    )
