"""The reversal policy (utility_settings): same day only by default, any time
with a reason when the utility says so; enforced by the database on every
reversal a login books, set by an administrator's action."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text

from counter_app.db import models as m
from counter_app.domain.reversal_policy import (
    ReversalPolicy,
    ReversalScope,
    age_in_days,
    parse_policy,
)
from counter_app.services.audit import Actor
from counter_app.services.auth import ClerkIdentity
from counter_app.services.payments.reversal_policy import set_reversal_policy
from counter_app.services.payments.reversals import ReversalError, ReversalService
from tests.support.payments import build_utility
from tests.support.reversals import age_back, wechat_payment_of_another_shift

pytestmark = pytest.mark.postgres

SUPERVISOR = ClerkIdentity(
    id=1, username="payclerk", display_name="班长", role="supervisor", hall_code="HQ"
)
ADMIN = ClerkIdentity(
    id=1, username="payclerk", display_name="管理员", role="admin", hall_code="HQ"
)


@pytest.fixture
def db(pg_db):
    return pg_db


@pytest.fixture
def old(db, login_as):
    (account_id,), actor, shift_id, _, _ = build_utility(db, login_as)
    payment = wechat_payment_of_another_shift(db, login_as, account_id, age="6 months")
    return db, actor, shift_id, payment, login_as("supervisor")


def _reverse(boss, payment_id, shift_id):
    boss_db, who = boss
    return ReversalService(boss_db).reverse(
        payment_id=payment_id,
        reason="收错户",
        supervisor=who,
        actor=Actor(who.username, "WS1", who.id),
        shift_id=shift_id,
        client_uuid=str(uuid.uuid4()),
    )


def _count(db, model) -> int:
    with db.read() as s:
        return s.execute(select(func.count()).select_from(model)).scalar_one()


def test_an_old_payment_is_refused_by_default_naming_why(old):
    db, actor, shift_id, payment, boss = old
    audits = _count(db, m.AuditEvent)
    with pytest.raises(ReversalError) as info:
        _reverse(boss, payment.payment_id, shift_id)
    assert info.value.code == "policy" and info.value.field == "payment"
    assert "on the day they were taken only" in str(info.value)
    assert "days ago" in str(info.value)
    assert _count(db, m.PaymentReversal) == 0 and _count(db, m.AuditEvent) == audits


def test_yesterdays_payment_is_refused_too_todays_is_reversed(db, login_as):
    (account_id,), _, shift_id, _, _ = build_utility(db, login_as)
    boss = login_as("supervisor")
    yesterday = wechat_payment_of_another_shift(db, login_as, account_id, "30.00", age="1 day")
    with pytest.raises(ReversalError) as info:
        _reverse(boss, yesterday.payment_id, shift_id)
    assert info.value.code == "policy" and "1 days ago" in str(info.value)
    today = wechat_payment_of_another_shift(db, login_as, account_id, "45.50")
    assert _reverse(boss, today.payment_id, shift_id).refunded == {"wechat": Decimal("45.50")}


def test_a_supervisor_cannot_set_the_policy_with_psql(old):
    db, _, _, _, (boss_db, _) = old
    with boss_db.engine.connect() as conn, pytest.raises(Exception) as refused:
        conn.execute(text("SELECT counter_set_reversal_policy('WS', 'any_time', 1)"))
    assert "permission denied" in str(refused.value)
    with boss_db.engine.connect() as conn, pytest.raises(Exception) as refused:
        conn.execute(
            text("UPDATE utility_settings SET value = 'any_time' WHERE key = 'reversal.policy'")
        )
    assert "permission denied" in str(refused.value)


def test_any_time_policy_reverses_an_old_payment(old):
    db, actor, shift_id, payment, boss = old
    set_reversal_policy(db, ReversalPolicy(ReversalScope.ANY_TIME, 30), ADMIN, actor)
    result = _reverse(boss, payment.payment_id, shift_id)
    assert result.refunded == {"wechat": Decimal("75.50")}
    with db.read() as s:
        event = s.execute(
            select(m.AuditEvent).where(m.AuditEvent.action == "payment.reverse")
        ).scalar_one()
        policy_event = s.execute(
            select(m.AuditEvent).where(m.AuditEvent.action == "reversal.policy")
        ).scalar_one()
    assert event.clerk == boss[1].username  # the login that booked it, not an argument
    assert json.loads(policy_event.details)["reversal.policy"] == "any_time"


def test_only_an_administrator_sets_the_policy(old):
    db, actor, _, _, (boss_db, _) = old
    with pytest.raises(PermissionError):
        set_reversal_policy(boss_db, ReversalPolicy(ReversalScope.ANY_TIME, 1), SUPERVISOR, actor)
    with db.read() as s:
        assert s.get(m.UtilitySetting, "reversal.policy") is None


def test_facts_name_date_shift_age_and_policy(old):
    db, actor, shift_id, payment, _ = old
    facts = ReversalService(db).facts(payment.payment_id, shift_id)
    assert facts.shift_id == payment.shift_id and not facts.same_shift
    assert facts.shift_clerk == "测试"
    assert 180 <= facts.age_days <= 185
    assert facts.policy == ReversalPolicy() and not facts.allowed and facts.warn
    set_reversal_policy(db, ReversalPolicy(ReversalScope.ANY_TIME, 200), ADMIN, actor)
    facts = ReversalService(db).facts(payment.payment_id, shift_id)
    assert facts.allowed and facts.warn  # not its age: another shift took it


def test_facts_of_a_payment_of_this_shift_today(db, login_as):
    (account_id,), _, _, _, _ = build_utility(db, login_as)
    payment = wechat_payment_of_another_shift(db, login_as, account_id, "30.00")
    facts = ReversalService(db).facts(payment.payment_id, payment.shift_id)
    assert facts.age_days == 0 and facts.allowed and not facts.warn
    age_back(db, payment.payment_id, "3 days")
    facts = ReversalService(db).facts(payment.payment_id, payment.shift_id)
    assert facts.age_days == 3 and not facts.allowed and facts.warn


def test_age_counts_beijing_calendar_days():
    # 23:30 Beijing on the 1st is 15:30 UTC; 00:10 Beijing on the 2nd is 16:10 UTC
    paid = datetime(2026, 3, 1, 15, 30, tzinfo=UTC)
    assert age_in_days(paid, datetime(2026, 3, 1, 15, 59, tzinfo=UTC)) == 0
    assert age_in_days(paid, datetime(2026, 3, 1, 16, 10, tzinfo=UTC)) == 1


@pytest.mark.parametrize(
    ("scope", "days", "expected"),
    [
        ("any_time", "7", ReversalPolicy(ReversalScope.ANY_TIME, 7)),
        ("same_day", "0", ReversalPolicy(ReversalScope.SAME_DAY, 0)),
        (None, None, ReversalPolicy()),
        ("whenever", "-3", ReversalPolicy()),
        ("any_time", "lots", ReversalPolicy(ReversalScope.ANY_TIME, 1)),
    ],
)
def test_policy_text_is_parsed_with_defaults(scope, days, expected):
    assert parse_policy(scope, days) == expected


def test_counter_admin_sets_the_policy(old, capsys):
    from counter_app.cli import main

    db, actor, shift_id, payment, _ = old
    url = db.engine.url.render_as_string(hide_password=False)
    assert (
        main(
            [
                "set-reversal-policy",
                "--database-url",
                url,
                "--scope",
                "any_time",
                "--warn-after-days",
                "7",
            ]
        )
        == 0
    )
    assert "any time" in capsys.readouterr().out
    assert ReversalService(db).facts(payment.payment_id, shift_id).policy == ReversalPolicy(
        ReversalScope.ANY_TIME, 7
    )
    with pytest.raises(SystemExit):
        main(["set-reversal-policy", "--database-url", url, "--scope", "whenever"])
