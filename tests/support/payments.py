"""A small utility with bills to pay, shared by the payment tests."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from sqlalchemy import text

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.services.audit import Actor
from counter_app.services.auth import ClerkIdentity
from counter_app.services.payments.service import PaymentRequest, Tender, TenderInput
from counter_app.services.payments.shifts import ShiftService
from counter_app.services.tariffs.service import save_tariff
from tests.support.builders import RES, make_account, make_reference

D = Decimal


class Utility(NamedTuple):
    account_ids: list[int]
    actor: Actor
    shift_id: int
    clerk_db: Database  # the clerk's own login: the actions know the clerk from it
    clerk: ClerkIdentity


def build_utility(
    db,
    login_as,
    *,
    accounts: int = 1,
    bills: tuple[str, ...] = ("30.00", "45.50"),
    role: str = "clerk",
) -> Utility:
    """Accounts with the given bills (oldest first) and a real clerk login
    (hall HQ, ``login_as``) with an open shift, opened through the action."""
    with db.write() as s:
        make_reference(s)
        tariff_id = save_tariff(s, RES)
        account_ids = []
        for n in range(accounts):
            account = make_account(s, f"0100{n:04d}")
            account_ids.append(account.id)
            for i, amount in enumerate(bills):
                s.add(
                    m.Bill(
                        account_id=account.id,
                        period=f"2026-{i + 1:02d}",
                        tariff_id=tariff_id,
                        period_start=date(2026, i + 1, 1),
                        period_end=date(2026, i + 1, 28),
                        start_reading=0,
                        end_reading=10,
                        usage=10,
                        amount=D(amount),
                        due_on=date(2026, i + 2, 28),
                    )
                )
    clerk_db, clerk = login_as(role)
    actor = Actor(clerk.username, "WS1", clerk.id)
    shift_id = ShiftService(clerk_db).open(actor, "HQ", D("200.00"))
    return Utility(account_ids, actor, shift_id, clerk_db, clerk)


def books(db) -> list[tuple[str, str]]:
    """What counter_books_check() finds wrong (nothing, when the books hold)."""
    with db.read() as s:
        return [tuple(r) for r in s.execute(text("SELECT * FROM counter_books_check()")).all()]


def cash(amount: str, received: str | None = None) -> TenderInput:
    return TenderInput(Tender.CASH, D(amount), None if received is None else D(received))


def request(account_id, shift_id, to_bills, *tenders, **kw) -> PaymentRequest:
    return PaymentRequest(
        client_uuid=kw.pop("client_uuid", str(uuid.uuid4())),
        account_id=account_id,
        shift_id=shift_id,
        tenders=tuple(tenders),
        to_bills=D(to_bills),
        **kw,
    )
