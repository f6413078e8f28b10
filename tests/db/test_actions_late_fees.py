"""Overdue vs current, the late fee (违约金) and its waiver, the dunning list
(migration 0024), as real logins, with the raw SQL a clerk could send instead."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text

from counter_app.services.accounts.screen import view_of
from counter_app.services.accounts.search import SearchService
from counter_app.services.actions import ActionError, call
from counter_app.services.payments.late_fees import LateFeeError, LateFeeService
from counter_app.services.payments.reversals import ReversalService
from counter_app.services.payments.service import PaymentError, PaymentService, StaleLateFeeError
from tests.support.late_fees import build_overdue, set_rule, today
from tests.support.payments import books, cash, request

D = Decimal


def _view(database, account_id, day=None):
    return view_of(call(database, "account_view", account_id, day))


def _refused(database, statement: str, params: dict | None = None) -> str:
    with database.engine.connect() as conn, pytest.raises(Exception) as refused:
        conn.execute(text(statement), params or {})
        conn.commit()
    return str(refused.value)


# -- overdue is not current ------------------------------------------------------------------


def test_a_bill_due_today_is_current_and_one_due_yesterday_is_overdue(db, login_as):
    u = build_overdue(db, login_as, ((("30.00", 40), ("20.00", 1), ("10.00", 0), ("5.00", -10)),))
    (account,) = u.account_ids
    view = _view(u.clerk_db, account)
    assert (view.current_due, view.overdue, view.days_overdue) == (D("15.00"), D("50.00"), 40)
    assert view.arrears == D("65.00") and view.late_fee == 0 and view.suspension is None
    # tomorrow (Asia/Shanghai) the bill due today is overdue too
    tomorrow = _view(u.clerk_db, account, today() + timedelta(days=1))
    assert (tomorrow.current_due, tomorrow.overdue, tomorrow.days_overdue) == (
        D("5.00"),
        D("60.00"),
        41,
    )
    (hit,) = SearchService(u.clerk_db).search("02000000").hits
    assert (hit.arrears, hit.overdue, hit.current_due, hit.days_overdue) == (
        D("65.00"),
        D("50.00"),
        D("15.00"),
        40,
    )


def test_nothing_overdue_reads_zero_days(db, login_as):
    u = build_overdue(db, login_as, ((("30.00", 0),),))
    view = _view(u.clerk_db, u.account_ids[0])
    assert (view.current_due, view.overdue, view.days_overdue) == (D("30.00"), 0, 0)


# -- the fee ----------------------------------------------------------------------------------


def test_late_fee_per_bill_with_delay_and_cap(db, login_as):
    u = build_overdue(
        db, login_as, ((("50.00", 200), ("100.00", 30), ("200.00", 3), ("80.00", 0)),)
    )
    (account,) = u.account_ids
    assert (
        PaymentService(u.clerk_db).account_for_payment(account_id=account).late_fees == ()
    )  # no rule: no fee
    set_rule(login_as, rate="0.001", delay=5, cap="0.05")
    fees = {
        f.period: f
        for f in PaymentService(u.clerk_db).account_for_payment(account_id=account).late_fees
    }
    # 50 x 0.001 x 195 = 9.75, capped at 5 % of the bill = 2.50
    assert fees["2025-01"].fee == D("2.50") and fees["2025-01"].days_overdue == 200
    # 100 x 0.001 x (30 - 5) = 2.50
    assert (fees["2025-02"].fee, fees["2025-02"].fee_days) == (D("2.50"), 25)
    assert "2025-03" not in fees and "2025-04" not in fees  # within the delay / not due
    assert _view(u.clerk_db, account).late_fee == D("5.00")


def test_a_category_rule_comes_before_the_utility_wide_one(db, login_as):
    u = build_overdue(db, login_as, ((("100.00", 10),),))
    set_rule(login_as, rate="0.001")
    assert _view(u.clerk_db, u.account_ids[0]).late_fee == D("1.00")
    set_rule(login_as, rate="0.0003", category="RES")
    assert _view(u.clerk_db, u.account_ids[0]).late_fee == D("0.30")


def test_the_fee_is_posted_as_its_own_rows_and_the_books_hold(db, login_as):
    u = build_overdue(db, login_as, ((("100.00", 30), ("40.00", 0)),))
    (account,) = u.account_ids
    set_rule(login_as, rate="0.001")
    service = PaymentService(u.clerk_db, series_code="HQ")
    paid = service.post(
        request(account, u.shift_id, "140.00", cash("150.00"), late_fee=D("3.00")), u.actor
    )
    assert paid.amount == D("150.00") and paid.deposit == D("7.00")
    assert paid.facts.late_fee == D("3.00") and sum(a.amount for a in paid.allocations) == 140
    with db.read() as s:
        rows = s.execute(
            text(
                "SELECT days, base, rate, fee, amount FROM late_fee_charges WHERE payment_id = :p"
            ),
            {"p": paid.payment_id},
        ).all()
    assert [tuple(r) for r in rows] == [(30, D("100.00"), D("0.001000"), D("3.00"), D("3.00"))]
    assert books(db) == []
    # paid: nothing accrues any more; the shift's totals say the fee apart
    assert PaymentService(u.clerk_db).account_for_payment(account_id=account).late_fees == ()
    totals = call(u.clerk_db, "shift", u.shift_id)["totals"]
    assert totals["late_fees"] == D("3.00")


def test_a_stale_or_missing_fee_is_refused(db, login_as):
    u = build_overdue(db, login_as, ((("100.00", 30),),))
    (account,) = u.account_ids
    set_rule(login_as, rate="0.001")
    service = PaymentService(u.clerk_db, series_code="HQ")
    for shown in (None, D("0"), D("2.99")):
        with pytest.raises(StaleLateFeeError):
            service.post(
                request(account, u.shift_id, "100.00", cash("110.00"), late_fee=shown), u.actor
            )
    # tenders that do not cover bills + fee are short
    with pytest.raises(PaymentError) as short:
        service.post(
            request(account, u.shift_id, "100.00", cash("101.00"), late_fee=D("3.00")), u.actor
        )
    assert short.value.code == "short"
    # a pure deposit (nothing to bills) carries no fee
    service.post(request(account, u.shift_id, "0.00", cash("10.00")), u.actor)
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM late_fee_charges")).scalar_one() == 0
    assert books(db) == []


def test_a_reversed_payment_gives_its_fee_back_to_the_bill(db, login_as):
    u = build_overdue(db, login_as, ((("100.00", 30),),))
    (account,) = u.account_ids
    set_rule(login_as, rate="0.001")
    service = PaymentService(u.clerk_db, series_code="HQ")
    paid = service.post(
        request(account, u.shift_id, "100.00", cash("103.00"), late_fee=D("3.00")), u.actor
    )
    boss_db, boss = login_as("supervisor")
    ReversalService(boss_db).reverse(
        payment_id=paid.payment_id,
        reason="收错户",
        supervisor=boss,
        actor=u.actor,
        shift_id=u.shift_id,
        client_uuid=str(uuid.uuid4()),
    )
    assert PaymentService(u.clerk_db).account_for_payment(account_id=account).late_fee() == D(
        "3.00"
    )
    assert call(u.clerk_db, "shift", u.shift_id)["totals"]["late_fees"] == 0
    assert books(db) == []


# -- the waiver -------------------------------------------------------------------------------


def test_a_supervisor_waives_and_the_clerk_posts_with_the_waiver_once(db, login_as):
    u = build_overdue(db, login_as, ((("100.00", 30), ("60.00", 20)),))
    (account,) = u.account_ids
    set_rule(login_as, rate="0.001")  # 3.00 + 1.20
    boss_db, boss = login_as("supervisor")
    waiver = LateFeeService(boss_db).waive(
        u.actor,
        account_id=account,
        expected_fee=D("4.20"),
        amount=D("3.50"),
        reason="低保户,经理批准",
    )
    assert (waiver.fee, waiver.waived, waiver.due) == (D("4.20"), D("3.50"), D("0.70"))
    service = PaymentService(u.clerk_db, series_code="HQ")
    with pytest.raises(StaleLateFeeError):  # the waiver must be named to pay less
        service.post(
            request(account, u.shift_id, "160.00", cash("160.70"), late_fee=D("0.70")), u.actor
        )
    paid = service.post(
        request(
            account,
            u.shift_id,
            "160.00",
            cash("160.70"),
            late_fee=D("0.70"),
            waiver_id=waiver.waiver_id,
        ),
        u.actor,
    )
    assert (paid.facts.late_fee, paid.facts.late_fee_waived) == (D("0.70"), D("3.50"))
    with db.read() as s:
        rows = s.execute(
            text("SELECT fee, waived, amount FROM late_fee_charges ORDER BY bill_id")
        ).all()
        audit = s.execute(
            text("SELECT clerk, details FROM audit_events WHERE action = 'late_fee.waive'")
        ).one()
    assert [tuple(r) for r in rows] == [
        (D("3.00"), D("3.00"), 0),
        (D("1.20"), D("0.50"), D("0.70")),
    ]
    assert audit.clerk == boss.username and "低保户" in audit.details
    assert books(db) == []
    # used once
    with pytest.raises(ActionError, match="waiver_used"):
        call(
            u.clerk_db,
            "post_payment",
            "WS1",
            str(uuid.uuid4()),
            account,
            u.shift_id,
            "HQ",
            D("0.00"),
            [],
            None,
            '[{"tender": "cash", "amount": "5.00"}]',
            D("0"),
            waiver.waiver_id,
        )


def test_a_clerk_cannot_waive_nor_write_the_fee_tables(db, login_as):
    u = build_overdue(db, login_as, ((("100.00", 30),),))
    (account,) = u.account_ids
    set_rule(login_as, rate="0.001")
    with pytest.raises(LateFeeError) as refused:
        LateFeeService(u.clerk_db).waive(
            u.actor, account_id=account, expected_fee=D("3.00"), amount=D("3.00"), reason="熟人"
        )
    assert refused.value.code in ("role", "privilege")
    with db.read() as s:
        clerk_id = s.execute(
            text("SELECT id FROM clerks WHERE username = :u"), {"u": u.clerk.username}
        ).scalar_one()
    for statement in (
        f"INSERT INTO late_fee_waivers (account_id, as_of, fee, amount, reason, supervisor_id, "
        f"created_at) VALUES ({account}, current_date, 3, 3, 'x', {clerk_id}, now())",
        "INSERT INTO late_fee_rules (rate_per_day, effective_from, created_at) "
        "VALUES (0, current_date, now())",
        "INSERT INTO late_fee_charges (payment_id, bill_id, as_of, days, base, rate, fee, "
        "amount) VALUES (1, 1, current_date, 1, 1, 0, 0, 0)",
        "SELECT counter_charge_late_fees(1, 1, 1, '{}', NULL, 0)",
        "SELECT counter_late_fee_due(1, 1, '{}', NULL)",
        "SELECT counter_set_late_fee_rule('WS', NULL, 0, 0, NULL, NULL, NULL, current_date, 'x')",
    ):
        assert "permission denied" in _refused(u.clerk_db, statement)
    # a supervisor cannot set a rule either, nor waive more than the fee or without a reason
    boss_db, _ = login_as("supervisor")
    with pytest.raises(ActionError, match="privilege"):
        call(boss_db, "set_late_fee_rule", "WS", None, D("0"), 0, None, None, None, today(), "x")
    with pytest.raises(ActionError, match="over_waiver"):
        call(boss_db, "waive_late_fee", "WS", account, D("3.00"), D("3.01"), "x")
    with pytest.raises(ActionError, match="reason"):
        call(boss_db, "waive_late_fee", "WS", account, D("3.00"), D("1.00"), "  ")
    with pytest.raises(ActionError, match="stale_fee"):
        call(boss_db, "waive_late_fee", "WS", account, D("2.00"), D("1.00"), "x")
    assert books(db) == []


def test_a_waiver_of_another_account_is_refused(db, login_as):
    u = build_overdue(db, login_as, ((("100.00", 30),), (("100.00", 30),)))
    set_rule(login_as, rate="0.001")
    boss_db, _ = login_as("supervisor")
    waiver = LateFeeService(boss_db).waive(
        u.actor, account_id=u.account_ids[1], expected_fee=D("3.00"), amount=D("3.00"), reason="x"
    )
    with pytest.raises(Exception, match="waiver"):
        PaymentService(u.clerk_db, series_code="HQ").post(
            request(
                u.account_ids[0],
                u.shift_id,
                "100.00",
                cash("100.00"),
                late_fee=D("0"),
                waiver_id=waiver.waiver_id,
            ),
            u.actor,
        )
    assert books(db) == []


def test_an_admin_sets_rules_from_today_on_only(db, login_as):
    build_overdue(db, login_as, ())
    admin_db, _ = login_as("admin")
    with pytest.raises(ActionError, match="from"):
        call(
            admin_db,
            "set_late_fee_rule",
            "WS",
            None,
            D("0.0003"),
            0,
            None,
            None,
            None,
            today() - timedelta(days=1),
            "补录",
        )
    with pytest.raises(ActionError, match="rate"):
        call(admin_db, "set_late_fee_rule", "WS", None, D("0.5"), 0, None, None, None, today(), "x")
    rule = call(
        admin_db,
        "set_late_fee_rule",
        "WS",
        None,
        D("0.0003"),
        3,
        D("1"),
        90,
        D("100.00"),
        today(),
        "价格文件",
    )
    assert rule["rate"] == D("0.0003")
    with pytest.raises(ActionError, match="exists"):
        call(
            admin_db,
            "set_late_fee_rule",
            "WS",
            None,
            D("0.0005"),
            0,
            None,
            None,
            None,
            today(),
            "x",
        )


# -- dunning and suspension ---------------------------------------------------------------------


def test_dunning_list_by_area_and_book_with_masked_phones(db, login_as):
    u = build_overdue(
        db,
        login_as,
        ((("100.00", 100), ("50.00", 10)), (("30.00", 20),), (("80.00", 200),), (("10.00", 0),)),
        extra={
            0: {"book_no": "B01"},
            1: {"book_no": "B01"},
            2: {"book_no": "B02", "mobile": "13900001111", "mobile_masked": "139****1111"},
        },
    )
    set_rule(login_as, rate="0.001", suspend_days=90, suspend_amount="60.00")
    boss_db, _ = login_as("supervisor")
    listed = LateFeeService(boss_db).dunning_list(days=15, area="A01")
    assert [(r.account_no, r.overdue, r.days_overdue, r.suspend) for r in listed.rows] == [
        ("02000000", D("150.00"), 100, True),
        ("02000001", D("30.00"), 20, False),
        ("02000002", D("80.00"), 200, True),
    ]
    assert listed.total == D("260.00") and listed.rows[2].mobile_masked == "139****1111"
    assert [
        r.account_no for r in LateFeeService(boss_db).dunning_list(days=15, book="B01").rows
    ] == ["02000000", "02000001"]
    assert [
        r.account_no for r in LateFeeService(boss_db).dunning_list(days=0, suspension=True).rows
    ] == ["02000000", "02000002"]
    view = _view(u.clerk_db, u.account_ids[0])
    assert view.suspension is not None and view.suspension.after_days == 90
    assert _view(u.clerk_db, u.account_ids[1]).suspension is None
    with pytest.raises(ActionError):
        call(u.clerk_db, "dunning_list", 15, None, None, False)
    with pytest.raises(LateFeeError, match="no area"):
        LateFeeService(boss_db).dunning_list(days=15, area="ZZ")


def test_0024_downgrades_to_0018_and_upgrades_again(pg_db):
    from alembic import command

    from counter_app.db.migrate import _config

    def signature(conn) -> str:
        return conn.execute(
            text(
                "SELECT string_agg(oid::regprocedure::text, ',') FROM pg_proc "
                "WHERE proname = 'counter_post_payment'"
            )
        ).scalar_one()

    with pg_db.engine.begin() as conn:
        conn.execute(text("SET LOCAL ROLE counter_owner"))
        command.downgrade(_config(conn), "0018_credits_in_open_bills")
    with pg_db.engine.connect() as conn:
        assert signature(conn).endswith("numeric,jsonb)")  # one function, 0012's
        assert conn.execute(text("SELECT to_regclass('late_fee_rules')")).scalar_one() is None
        view = conn.execute(
            text("SELECT pg_get_functiondef('counter_account_view'::regproc)")
        ).scalar_one()
        assert "counter_overdue" not in view
    with pg_db.engine.begin() as conn:
        conn.execute(text("SET LOCAL ROLE counter_owner"))
        command.upgrade(_config(conn), "head")
    with pg_db.engine.connect() as conn:
        assert signature(conn).endswith("numeric,bigint)")


def test_a_replay_returns_the_first_result_and_another_fee_under_its_uuid_is_refused(db, login_as):
    u = build_overdue(db, login_as, ((("100.00", 30),),))
    (account,) = u.account_ids
    set_rule(login_as, rate="0.001")
    service = PaymentService(u.clerk_db, series_code="HQ")
    first = request(account, u.shift_id, "100.00", cash("103.00"), late_fee=D("3.00"))
    paid = service.post(first, u.actor)
    again = service.post(first, u.actor)
    assert again.replayed and again.payment_id == paid.payment_id
    with pytest.raises(PaymentError) as conflict:
        service.post(replace(first, late_fee=D("2.00")), u.actor)
    assert conflict.value.code == "uuid_conflict"
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM late_fee_charges")).scalar_one() == 1
    assert books(db) == []
