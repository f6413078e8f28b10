"""AccountService: the view, histories, statement, reveal."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from counter_app.db import models as m
from counter_app.domain.periods import Period
from counter_app.services.accounts.service import (
    AccountNotFound,
    AccountService,
    AccountView,
    BillNotFound,
    RevealRefused,
)
from counter_app.services.audit import Actor
from counter_app.services.auth import ClerkIdentity
from counter_app.services.installation.halls import HallHeading
from tests.support.account_history import populate

D = Decimal
CLERK = ClerkIdentity(1, "clerk01", "孔晓燕", "clerk", "HQ")
SUPERVISOR = ClerkIdentity(2, "sup01", "王主管", "supervisor", "HQ")
ACTOR = Actor("sup01", "WS1", 2)


@pytest.fixture
def town(db):
    return db, populate(db)


def service(db) -> AccountService:
    return AccountService(db)


# ------------------------------------------------------------------- the view


def test_account_view(town):
    db, ids = town
    view = service(db).account_view(ids["account"], today=date(2026, 11, 23))
    assert isinstance(view, AccountView) and dataclasses.is_dataclass(view)
    assert (view.account_no, view.name, view.account_type) == ("01000001", "张三", "household")
    assert view.address == "嘉祥街道建设路12号" and view.meter_location == "院内表井"
    assert view.meter_no == "JX2400000001"
    assert (view.mobile_masked, view.landline_masked, view.id_masked) == (
        "138****5678",
        "0537-****345",
        "370829********1234",
    )
    assert view.status == "active" and view.prepayment_balance == D("12.50")
    # June paid in cash; August paid twice, the WeChat payment reversed: only October owed
    assert view.arrears == D("45.30")
    bill = view.current_bill.bill
    assert (bill.period, bill.start_reading, bill.end_reading, bill.usage) == (
        "2026-10",
        164,
        184,
        20,
    )
    assert bill.amount == D("45.30") and bill.outstanding == D("45.30")
    assert bill.paid == D("0.00") and bill.due_on == date(2026, 11, 30)
    lines = view.current_bill.lines
    assert [ln.kind for ln in lines] == ["charge", "charge", "relief"]
    assert lines[-1].amount == D("-4.00") and lines[-1].label == "低保减免"
    assert sum(ln.amount for ln in lines) == bill.amount
    assert view.relief.certificate_no == "嘉民低保字〔2026〕00001号"
    assert view.relief.valid_to == date(2027, 12, 31)
    assert view.relief.effective_period == "2026-08"
    assert "13812345678" not in repr(view) and "370829199001011234" not in repr(view)


def test_relief_only_while_valid(town):
    db, ids = town
    svc = service(db)
    assert svc.account_view(ids["account"], today=date(2028, 1, 1)).relief is None
    old = svc.account_view(ids["account"], today=date(2025, 6, 1)).relief
    assert old.certificate_no == "嘉民低保字〔2024〕00009号"


def test_account_without_bills_or_phones(town):
    db, ids = town
    view = service(db).account_view(ids["bare"])
    assert view.current_bill is None and view.arrears == D("0.00") and view.relief is None
    assert view.mobile_masked == "" and view.id_masked == "" and view.meter_no == ""


def test_unknown_account(town):
    db, _ = town
    svc = service(db)
    for call in (
        lambda: svc.account_view(999_999),
        lambda: svc.bills(999_999),
        lambda: svc.payments(999_999),
        lambda: svc.statement(999_999, "2026-01", "2026-12"),
    ):
        with pytest.raises(AccountNotFound):
            call()
    with pytest.raises(BillNotFound):
        svc.bill_lines(999_999)


# ----------------------------------------------------------------- histories


def test_bills_newest_first_with_period_filter(town):
    db, ids = town
    svc = service(db)
    bills = svc.bills(ids["account"])
    assert [b.period for b in bills] == ["2026-10", "2026-08", "2026-06"]
    assert [(b.paid, b.outstanding) for b in bills] == [
        (D("0.00"), D("45.30")),
        (D("60.00"), D("0.00")),
        (D("100.00"), D("0.00")),
    ]
    assert [b.period for b in svc.bills(ids["account"], from_period="2026-07")] == [
        "2026-10",
        "2026-08",
    ]
    assert [b.period for b in svc.bills(ids["account"], to_period=Period(2026, 8))] == [
        "2026-08",
        "2026-06",
    ]
    assert [
        b.period for b in svc.bills(ids["account"], from_period="2026-08", to_period="2026-08")
    ] == ["2026-08"]
    assert svc.bills(ids["account"], from_period="2027-01") == ()


def test_bill_lines_on_demand(town):
    db, ids = town
    lines = service(db).bill_lines(ids["june"])
    assert [(ln.line_no, ln.component, ln.tier_no, ln.amount) for ln in lines] == [
        (1, "basic", 1, D("84.00")),
        (2, "sewage", None, D("16.00")),
    ]
    assert lines[0].unit_price == D("2.1000") and lines[0].volume == 40


def test_payments_with_tenders_reversal_and_local_periods(town):
    db, ids = town
    svc = service(db)
    pays = svc.payments(ids["account"])
    assert [p.payment_id for p in pays] == [ids["p3"], ids["p2"], ids["p1"]]
    p3, p2, p1 = pays
    assert p2.reversed and p2.reversal_reason == "重复收费" and not p3.reversed
    assert [(t.tender, t.amount) for t in p2.tenders] == [
        ("wechat", D("40.00")),
        ("cash", D("20.00")),
    ]
    assert p2.amount == D("60.00") and p2.periods == ("2026-08",)
    assert p1.receipt == "JX00000001" and p1.receipt_no == 1 and p1.series_code == "HQ"
    assert p1.tenders[0].received == D("100.00")
    assert p1.paid_at == datetime(2026, 7, 5, 2, 0, tzinfo=UTC)
    # 2026-08-31 20:00 UTC is 2026-09-01 in Shanghai
    september = svc.payments(ids["account"], from_period="2026-09", to_period="2026-09")
    assert [p.payment_id for p in september] == [ids["p3"], ids["p2"]]
    august = svc.payments(ids["account"], from_period="2026-08", to_period="2026-08")
    assert august == ()
    assert [p.payment_id for p in svc.payments(ids["account"], to_period="2026-07")] == [ids["p1"]]


def test_statement(town):
    db, ids = town
    st = service(db).statement(ids["account"], "2026-06", "2026-10")
    assert (st.account_no, st.name, st.from_period, st.to_period) == (
        "01000001",
        "张三",
        "2026-06",
        "2026-10",
    )
    assert [ln.period for ln in st.lines] == ["2026-06", "2026-08", "2026-10"]
    june, aug, octo = st.lines
    assert [(p.receipt, p.amount) for p in june.payments] == [("JX00000001", D("100.00"))]
    assert [(p.receipt, p.amount) for p in aug.payments] == [("JX00000003", D("60.00"))]
    assert octo.payments == () and octo.outstanding == D("45.30")
    assert (st.total_usage, st.total_billed, st.total_paid, st.total_outstanding) == (
        84,
        D("205.30"),
        D("160.00"),
        D("45.30"),
    )
    assert [p.receipt for p in st.payments] == ["JX00000003", "JX00000002", "JX00000001"]
    assert st.total_received == D("160.00")  # the reversed 60.00 not counted
    assert st.prepayment_balance == D("12.50") and st.arrears == D("45.30")


def test_statement_periods_in_any_order_and_narrow(town):
    db, ids = town
    svc = service(db)
    st = svc.statement(ids["account"], Period(2026, 9), Period(2026, 7))
    assert (st.from_period, st.to_period) == ("2026-07", "2026-09")
    assert [ln.period for ln in st.lines] == ["2026-08"]
    assert [p.payment_id for p in st.payments] == [ids["p3"], ids["p2"], ids["p1"]]
    with pytest.raises(ValueError):
        svc.statement(ids["account"], "2026-13", "2026-10")


def test_statement_heading_names_the_printing_hall(town):
    db, ids = town
    svc = service(db)
    assert svc.statement(ids["account"], "2026-06", "2026-10").heading is None
    st = svc.statement(ids["account"], "2026-06", "2026-10", hall_code="HQ")
    assert st.heading == HallHeading("自来水公司", "嘉祥营业厅", "")  # no utility rows yet
    with db.write() as s:
        s.add(m.UtilitySetting(key="utility_name", value="嘉祥县自来水公司"))
        s.add(m.UtilitySetting(key="utility_hotline", value="0537-6812345"))
    st = svc.statement(ids["account"], "2026-06", "2026-10", hall_code="HQ")
    assert st.heading == HallHeading("嘉祥县自来水公司", "嘉祥营业厅", "0537-6812345")
    assert (
        svc.statement(ids["account"], "2026-06", "2026-10", hall_code="X9").heading.hall_name
        == "X9"
    )


# --------------------------------------------------------------------- reveal


def _reveals(db) -> list[m.AuditEvent]:
    with db.read() as s:
        return (
            s.execute(select(m.AuditEvent).where(m.AuditEvent.action == "account.reveal"))
            .scalars()
            .all()
        )


def test_reveal_refused_for_a_clerk_and_nothing_written(town):
    db, ids = town
    with pytest.raises(RevealRefused):
        service(db).reveal(ids["account"], "id_number", CLERK, Actor("clerk01", "WS1", 1))
    assert _reveals(db) == []


@pytest.mark.parametrize(
    ("field", "expected"),
    [("id_number", "370829199001011234"), ("mobile", "13812345678"), ("landline", "0537-6812345")],
)
@pytest.mark.parametrize("role", ["supervisor", "admin"])
def test_reveal_for_supervisor_and_admin_is_audited(town, login_as, field, expected, role):
    """The clerk of the audit row is the login (the database's session_user),
    no longer what the app says; the administrator's own connection is no
    clerk and reveals nothing."""
    db, ids = town
    login, who = login_as(role)
    assert (
        service(login).reveal(ids["account"], field, who, Actor(who.username, "WS1", who.id))
        == expected
    )
    (event,) = _reveals(db)
    assert event.entity == "account" and event.entity_id == str(ids["account"])
    assert event.workstation == "WS1" and event.clerk == who.username
    assert json.loads(event.details) == {"field": field}
    assert expected not in event.details  # the value itself is never logged
    with pytest.raises(RevealRefused, match="not an active clerk"):
        service(db).reveal(ids["account"], field, SUPERVISOR, ACTOR)


def test_reveal_of_a_missing_value_is_empty_but_audited(town, login_as):
    db, ids = town
    login, who = login_as("supervisor")
    assert service(login).reveal(ids["bare"], "landline", who, ACTOR) == ""
    assert len(_reveals(db)) == 1


def test_reveal_bad_field_or_account(town, login_as):
    db, ids = town
    login, who = login_as("supervisor")
    svc = service(login)
    with pytest.raises(ValueError):
        svc.reveal(ids["account"], "password_hash", who, ACTOR)  # type: ignore[arg-type]
    with pytest.raises(AccountNotFound):
        svc.reveal(999_999, "mobile", who, ACTOR)
    assert _reveals(db) == []
