"""A small utility with withholding customers: three accounts owing bills,
a clerk login and a batch login (real PostgreSQL)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.domain.bank_files import layout_from_json, parse, render
from counter_app.domain.localtime import SHANGHAI
from counter_app.services.audit import Actor
from counter_app.services.auth import ClerkIdentity
from counter_app.services.channels.withholding import WithholdingService
from counter_app.services.tariffs.service import save_tariff
from tests.support.builders import RES, make_account, make_reference

SQL = (
    Path(__file__).resolve().parents[2] / "counter_app/db/migrations/versions/0023_withholding.sql"
).read_text(encoding="utf-8")

D = Decimal
# account no -> bills (period, amount): what each owes
OWED = {
    "01000001": (("2026-09", D("41.40")), ("2026-11", D("38.15"))),
    "01000002": (("2026-11", D("1234.05")),),
    "01000003": (("2026-11", D("17.00")),),
    "01000004": (("2026-11", D("25.20")),),
}
NUMBERS = {
    "01000001": "6228480012345678901",
    "01000002": "6230520012345678",
    "01000003": "6217001234567890123",
    "01000004": "6228480099998888777",
}


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
                s.add(
                    m.Bill(
                        account_id=account.id,
                        period=period,
                        tariff_id=tariff_id,
                        period_start=date(year, month, 1),
                        period_end=date(year, month, 20),
                        start_reading=0,
                        end_reading=10,
                        usage=10,
                        amount=amount,
                        due_on=date(year, month, 28),
                    )
                )
        s.flush()
    return ids


@pytest.fixture
def hall(db, login_as, login_batch) -> Hall:
    accounts = add_bills(db, OWED)
    clerk, who = login_as("clerk")
    batch, name = login_batch()
    return Hall(db, clerk, who, batch, name, accounts)


LAYOUTS = dict(
    zip(
        re.findall(r"\('([A-Z]+)', '[^']+', \$json\$", SQL),
        (json.loads(j) for j in re.findall(r"\$json\$(.*?)\$json\$", SQL, re.S)),
        strict=True,
    )
)


def _sign_all(h, bank="ABC", accounts=("01000001", "01000002", "01000003")):
    today = datetime.now(SHANGHAI).date()
    service = WithholdingService(h.clerk)
    return {
        a: service.sign(h.accounts[a], bank, NUMBERS[a], "户主", today, ACTOR) for a in accounts
    }


def _return_file(
    request: bytes,
    bank: str,
    results: dict[int, tuple[str, str, str]],
    *,
    amounts: dict[int, str] | None = None,
) -> bytes:
    """The bank's answer to a request: ``results`` {seq: (code, reason, ref)}."""
    asked = parse(layout_from_json(LAYOUTS[bank], "request"), request)
    assert asked.ok, asked.errors
    layout = layout_from_json(LAYOUTS[bank], "return")
    details = []
    for _line, d in asked.details:
        code, reason, ref = results[d["seq"]]
        amount = D((amounts or {}).get(d["seq"], d["amount"]))
        details.append(
            dict(
                seq=d["seq"],
                account_no=d["account_no"],
                amount=amount,
                result_code=code,
                reason=reason,
                bank_ref=ref,
            )
        )
    total = sum((x["amount"] for x in details), D("0"))
    return render(
        layout,
        dict(bank_code=bank, batch_no=asked.header["batch_no"], returned_on=date(2026, 12, 6)),
        details,
        dict(count=len(details), total=total),
    )


ACTOR = Actor("clerk", "WS-1")


def numbers_audits(db: Database) -> list[dict]:
    """The details of every ``withholding.numbers`` audit row (the audited requests for full numbers)."""
    with db.read() as s:
        return [
            json.loads(d)
            for d in s.execute(
                text(
                    "SELECT details FROM audit_events WHERE action = 'withholding.numbers' "
                    "ORDER BY id"
                )
            ).scalars()
        ]
