"""The attacker's review of wave 2: money a batch login forges from psql.
Bills: the lines were checked against the tariff's prices (0016/0021), but
not which schedule a bill may use, nor whether the account has a relief at
all (a friend's bill at a cheaper category's schedule, or relieved to
nothing). Online statements: a second payment listed before the first was
deposited to the prepayment instead of waiting in suspense."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import text

from counter_app.db import models as m
from counter_app.services.actions import ActionError, call
from counter_app.services.installation.batch import jsonb
from counter_app.services.tariffs.service import save_tariff
from tests.support.builders import RES, make_clerk_row
from tests.support.database import _payload

D = Decimal


def _count(db, table: str) -> int:
    with db.read() as s:
        return s.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def _relief(payload: list, amount: str) -> list:
    """The bill with a relief line on the basic fee (as compute_bill writes it)."""
    bill = payload[0]
    bill["lines"].append(
        dict(
            kind="relief",
            component="basic",
            tier_no=None,
            volume=12,
            unit_price=D("0"),
            amount=D(amount),
            label="低保减免",
        )
    )
    bill["amount"] = sum(line["amount"] for line in bill["lines"])
    return payload


def _refused(utility, payload) -> ActionError:  # noqa: F811
    with pytest.raises(ActionError) as refused:
        call(utility.batch, "issue_bills", "2026-02", jsonb(payload))
    assert _count(utility.db, "bills") == 0 and _count(utility.db, "bill_lines") == 0
    return refused.value


def test_a_relief_line_for_an_account_without_relief_is_refused(utility):  # noqa: F811
    refused = _refused(utility, _relief(_payload(utility), "-25.20"))
    assert (refused.code, refused.field) == ("relief", "bills[0].lines")


def test_a_relief_line_above_its_components_charge_is_refused(utility):  # noqa: F811
    with utility.db.write() as s:
        s.add(m.ReliefRule(code="DEFAULT", name="低保", kind="per_ton", value=D("0.20")))
        s.flush()
        s.add(
            m.ReliefApplication(
                account_id=utility.account_id,
                rule_code="DEFAULT",
                certificate_type="低保证",
                certificate_no="C1",
                issuing_office="民政局",
                valid_from=date(2026, 1, 1),
                valid_to=date(2026, 12, 31),
                holder_name="张三",
                status="approved",
                applied_on=date(2026, 1, 1),
                effective_period="2026-01",
                created_by=make_clerk_row(s).id,
            )
        )
    refused = _refused(utility, _relief(_payload(utility), "-41.40"))
    assert (refused.code, refused.field) == ("relief", "bills[0].lines")
    # the whole component's charge is no longer enough (0034): the rule's amount is
    refused = _refused(utility, _relief(_payload(utility), "-25.20"))
    assert (refused.code, refused.field) == ("relief_amount", "bills[0].lines")
    assert "per_ton relief: 2.40, not 25.20" in refused.message
    result = call(
        utility.batch, "issue_bills", "2026-02", jsonb(_relief(_payload(utility), "-2.40"))
    )
    assert (result["billed"], result["total"]) == (1, D("39.00"))


def test_a_schedule_of_another_category_or_not_in_force_is_refused(utility):  # noqa: F811
    with utility.db.write() as s:
        s.add(m.PriceCategory(code="CHEAP", name="特价"))
        s.flush()
        cheap = save_tariff(s, replace(RES, code="CHEAP-2026", category="CHEAP"))
        s.execute(text("UPDATE tariffs SET effective_to = '2026-12-31' WHERE code = 'RES-2026'"))
        later = save_tariff(s, replace(RES, code="RES-2027", effective_from=date(2027, 1, 1)))
    for tariff_id in (cheap, later):
        refused = _refused(utility, _payload(utility, tariff_id=tariff_id))
        assert (refused.code, refused.field) == ("tariff", "bills[0].tariff_id")
    assert call(utility.batch, "issue_bills", "2026-02", jsonb(_payload(utility)))["billed"] == 1


def test_a_second_online_order_listed_before_the_first_still_waits_in_suspense(utility):  # noqa: F811
    """ "More than owed" is judged at the order's paid_at: the orders of a file
    are taken in the time they were paid, so a customer who paid twice gets
    the second order held in suspense whatever line the platform put it on
    (not silently deposited to the prepayment)."""
    from datetime import datetime, timedelta

    from counter_app.domain.localtime import SHANGHAI
    from counter_app.services.tariffs.billing import bill_period

    assert bill_period(utility.batch, "2026-02").billed == 1  # 41.40 owed
    now = datetime.now(SHANGHAI)
    rows = [
        {
            "line": 2,
            "order_id": "LATE",
            "paid_at": (now + timedelta(seconds=20)).isoformat(),
            "account_no": "01000001",
            "amount": "41.40",
        },
        {
            "line": 3,
            "order_id": "EARLY",
            "paid_at": (now + timedelta(seconds=10)).isoformat(),
            "account_no": "01000001",
            "amount": "41.40",
        },
    ]
    out = call(utility.batch, "import_online", "wechat", "7" * 64, "wx.csv", jsonb(rows))
    assert (out["posted"], out["suspended"]) == (1, 1)
    with utility.db.read() as s:
        held = s.execute(text("SELECT external_ref, reason FROM channel_suspense")).one()
        balance = s.execute(text("SELECT prepayment_balance FROM accounts")).scalar_one()
        assert s.execute(text("SELECT * FROM counter_books_check()")).all() == []
    assert tuple(held) == ("wechat:LATE", "overpaid") and balance == 0
