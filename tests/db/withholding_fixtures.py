"""A small utility with withholding customers: three accounts owing bills,
a clerk login and a batch login (real PostgreSQL)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.services.auth import ClerkIdentity
from counter_app.services.tariffs import save_tariff
from tests.factories import make_account, make_reference
from tests.services.test_billing_service import RES

D = Decimal
# account no -> bills (period, amount): what each owes
OWED = {
    "01000001": (("2026-09", D("41.40")), ("2026-11", D("38.15"))),
    "01000002": (("2026-11", D("1234.05")),),
    "01000003": (("2026-11", D("17.00")),),
    "01000004": (("2026-11", D("25.20")),),
}
NUMBERS = {"01000001": "6228480012345678901", "01000002": "6230520012345678",
           "01000003": "6217001234567890123", "01000004": "6228480099998888777"}


@dataclass
class Hall:
    db: Database
    clerk: Database
    who: ClerkIdentity
    batch: Database
    batch_name: str
    accounts: dict[str, int]


def add_bills(db: Database, bills: dict[str, tuple]) -> dict[str, int]:
    ids = {}
    with db.write() as s:
        make_reference(s)
        tariff_id = save_tariff(s, RES)
        for n, (account_no, periods) in enumerate(bills.items()):
            account = make_account(s, account_no, name=("张三", "李四", "王五", "赵六")[n % 4])
            ids[account_no] = account.id
            for period, amount in periods:
                year, month = map(int, period.split("-"))
                s.add(m.Bill(account_id=account.id, period=period, tariff_id=tariff_id,
                             period_start=date(year, month, 1), period_end=date(year, month, 20),
                             start_reading=0, end_reading=10, usage=10, amount=amount,
                             due_on=date(year, month, 28)))
        s.flush()
    return ids


@pytest.fixture
def hall(db, login_as, login_batch) -> Hall:
    accounts = add_bills(db, OWED)
    clerk, who = login_as("clerk")
    batch, name = login_batch()
    return Hall(db, clerk, who, batch, name, accounts)
