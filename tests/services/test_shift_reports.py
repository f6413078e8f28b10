"""Shift reports: the day's shifts of a hall, the day-close report."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import NamedTuple
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.services.audit import Actor
from counter_app.services.auth import ClerkIdentity
from counter_app.services.payments.receipt_facts import DEFAULT_UTILITY_NAME
from counter_app.services.payments.reversals import ReversalService
from counter_app.services.payments.service import PaymentService, Tender, TenderInput
from counter_app.services.payments.shifts import ShiftError, ShiftService
from tests.support.payments import build_utility, cash, request

D = Decimal
SHANGHAI = ZoneInfo("Asia/Shanghai")


class Till(NamedTuple):
    db: Database  # the administrator's: it reads the reports
    shifts: ShiftService
    actor: Actor
    shift_id: int
    account_ids: list[int]
    clerk_db: Database  # the clerk's own login: it posts and closes
    clerk: ClerkIdentity
    login_as: Callable


@pytest.fixture
def till(db, login_as):
    """Two payments by a real clerk on their own login."""
    account_ids, actor, shift_id, clerk_db, clerk = build_utility(db, login_as, accounts=2)
    payments = PaymentService(clerk_db, series_code="HQ")
    payments.post(request(account_ids[0], shift_id, "30.00", cash("30.00", "50.00")), actor)
    payments.post(
        request(
            account_ids[1],
            shift_id,
            "75.50",
            TenderInput(Tender.WECHAT, D("75.50"), reference="WX1"),
        ),
        actor,
    )
    boss_db, _ = login_as("supervisor")  # the hall's supervisor reads the day's shifts
    return Till(db, ShiftService(boss_db), actor, shift_id, account_ids, clerk_db, clerk, login_as)


def _today() -> date:
    return datetime.now(SHANGHAI).date()


def test_shifts_of_day_lists_open_and_closed_shifts_with_clerk_and_totals(till):
    db, shifts, actor, shift_id, *_ = till
    second_db, second_clerk = till.login_as("clerk")
    other_actor = Actor(second_clerk.username, "WS2", second_clerk.id)
    second = ShiftService(second_db).open(other_actor, "HQ", D("100.00"))
    ShiftService(second_db).close(second, other_actor, cash_counts={D("50"): 1}, reason="少找零")

    listed = shifts.shifts_of_day("HQ", _today())
    assert [x.totals.shift_id for x in listed] == [shift_id, second]
    first, closed = listed
    assert (first.clerk_username, first.workstation, first.closed_at) == (
        till.clerk.username,
        "WS1",
        None,
    )
    assert first.totals.by_tender["cash"] == D("30.00")
    assert first.totals.by_tender["wechat"] == D("75.50")
    assert first.totals.expected_cash == D("230.00")
    assert first.cash_variance is None and first.counted_cash is None
    assert closed.totals.closed and closed.closed_at is not None
    assert closed.counted_cash == D("50.00")
    assert closed.cash_variance == D("-50.00")
    assert closed.variance_reason == "少找零"
    assert shifts.shifts_of_day("OTHER", _today()) == []
    assert shifts.shifts_of_day("HQ", _today() - timedelta(days=2)) == []


def test_shifts_of_day_uses_the_local_calendar_day(till):
    db, shifts, _actor, shift_id, *_ = till
    # 23:30 Shanghai on 2026-03-04 is 15:30 UTC the same day; 00:30 on the 5th is 16:30 UTC on the 4th
    late = datetime(2026, 3, 4, 23, 30, tzinfo=SHANGHAI).astimezone(UTC)
    with db.write() as s:
        s.execute(update(m.Shift).where(m.Shift.id == shift_id).values(opened_at=late))
    # still open: it belongs to every day from the one it was opened on
    assert [x.totals.shift_id for x in shifts.shifts_of_day("HQ", date(2026, 3, 5))] == [shift_id]
    with db.write() as s:  # closed twenty minutes later, before local midnight
        s.add(
            m.ShiftClose(
                shift_id=shift_id,
                closed_at=late + timedelta(minutes=20),
                expected_json="{}",
                counted_json="{}",
                cash_variance=D("0.00"),
            )
        )
    assert [x.totals.shift_id for x in shifts.shifts_of_day("HQ", date(2026, 3, 4))] == [shift_id]
    assert shifts.shifts_of_day("HQ", date(2026, 3, 5)) == []
    assert shifts.shifts_of_day("HQ", date(2026, 3, 3)) == []


def test_day_close_report_of_a_closed_shift(till):
    db, shifts, actor, shift_id, account_ids, *_ = till
    with db.write() as s:
        s.add(m.UtilitySetting(key="utility_name", value="嘉祥县自来水公司"))
    first = PaymentService(till.clerk_db, series_code="HQ").post(
        request(account_ids[0], shift_id, "45.50", cash("45.50")), actor
    )
    boss_db, boss = till.login_as("supervisor")
    ReversalService(boss_db).reverse(
        payment_id=first.payment_id,
        reason="收错户",
        supervisor=boss,
        actor=actor,
        shift_id=shift_id,
        client_uuid=str(uuid.uuid4()),
    )
    with pytest.raises(ShiftError) as info:
        shifts.day_close_report(shift_id)
    assert info.value.code == "open"
    # expected cash: 200 float + 30 + 45.50 - 45.50 reversed = 230.00; counted 229.90
    ShiftService(till.clerk_db).close(
        shift_id,
        actor,
        cash_counts={D("100"): 2, D("20"): 1, D("5"): 1, D("1"): 4, D("0.5"): 1, D("0.1"): 4},
        reason="点钞差一角",
    )
    report = shifts.day_close_report(shift_id)
    assert ShiftService(till.clerk_db).day_close_report(shift_id) == report  # the clerk's own
    assert report.utility_name == "嘉祥县自来水公司"
    assert report.hall_name == "嘉祥营业厅"
    assert report.counts == (
        (D("100"), 2),
        (D("50"), 0),
        (D("20"), 1),
        (D("10"), 0),
        (D("5"), 1),
        (D("1"), 4),
        (D("0.5"), 1),
        (D("0.1"), 4),
    )
    assert (report.first_receipt, report.last_receipt) == ("JX00000001", "JX00000003")
    assert report.reversal_amount == D("45.50")
    summary = report.summary
    assert summary.totals.payments == 3 and summary.totals.reversals == 1
    assert summary.counted_cash == D("229.90")
    assert summary.cash_variance == D("-0.10")
    assert summary.variance_reason == "点钞差一角"
    assert summary.clerk_name == till.clerk.display_name


def test_day_close_report_heading_is_the_receipts_heading(till):
    """No utility_settings row: the day-close names the utility as the
    receipts of the shift do (halls.hall_heading), not with a blank."""
    db, shifts, actor, shift_id, *_ = till
    ShiftService(till.clerk_db).close(shift_id, actor, cash_counts={D("100"): 2, D("10"): 3})
    report = shifts.day_close_report(shift_id)
    facts = PaymentService(till.clerk_db).receipt_facts(_first_payment_id(db, shift_id))
    assert report.utility_name == facts.utility_name == DEFAULT_UTILITY_NAME
    assert report.hall_name == facts.hall_name == "嘉祥营业厅"


def _first_payment_id(db, shift_id: int) -> int:
    with db.read() as s:
        return s.scalars(
            select(m.Payment.id).where(m.Payment.shift_id == shift_id).order_by(m.Payment.id)
        ).first()
