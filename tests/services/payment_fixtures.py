"""A small utility with bills to pay, shared by the payment tests."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from counter_app.db import models as m
from counter_app.services.audit import Actor
from counter_app.services.payments import PaymentRequest, Tender, TenderInput
from counter_app.services.shifts import ShiftService
from counter_app.services.tariffs import save_tariff
from tests.factories import make_account, make_clerk_row, make_reference
from tests.services.test_billing_service import RES

D = Decimal


def build_utility(db, *, accounts: int = 1, bills: tuple[str, ...] = ("30.00", "45.50")):
    """Accounts with the given bills (oldest first) and an open shift per clerk."""
    with db.write() as s:
        make_reference(s)
        tariff_id = save_tariff(s, RES)
        clerk = make_clerk_row(s, "payclerk")
        account_ids = []
        for n in range(accounts):
            account = make_account(s, f"0100{n:04d}")
            account_ids.append(account.id)
            for i, amount in enumerate(bills):
                s.add(
                    m.Bill(
                        account_id=account.id, period=f"2026-{i + 1:02d}", tariff_id=tariff_id,
                        period_start=date(2026, i + 1, 1), period_end=date(2026, i + 1, 28),
                        start_reading=0, end_reading=10, usage=10, amount=D(amount),
                        due_on=date(2026, i + 2, 28),
                    )
                )
        clerk_id = clerk.id
    actor = Actor("payclerk", "WS1", clerk_id)
    shift_id = ShiftService(db).open(actor, "HQ", D("200.00"))
    return account_ids, actor, shift_id


def cash(amount: str, received: str | None = None) -> TenderInput:
    return TenderInput(Tender.CASH, D(amount), None if received is None else D(received))


def request(account_id, shift_id, to_bills, *tenders, **kw) -> PaymentRequest:
    return PaymentRequest(
        client_uuid=kw.pop("client_uuid", str(uuid.uuid4())), account_id=account_id,
        shift_id=shift_id, tenders=tuple(tenders), to_bills=D(to_bills), **kw,
    )
