"""The dialogs' workers approve on the supervisor's one connection
(``as_supervisor`` -> ``Authenticator.act_as``), never through a sign-in's
engine, and refuse with the messages a sign-in had."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest
from sqlalchemy import select

from counter_app.db import models as m
from counter_app.services.auth import Authenticator, LoginError
from counter_app.services.payments.reversals import ReversalError
from counter_app.ui.payments.reversal_dialog import reverse_with_supervisor
from counter_app.ui.payments.supervisor import sign_in_text
from tests.support.payment_counter import SUP_PASSWORD, make_counter, supervisor  # noqa: F401
from tests.support.payments import cash, request

pytestmark = pytest.mark.postgres


def _no_engine(_url):
    raise AssertionError("an approval must not sign the supervisor in with an engine")


@pytest.fixture
def counter(db, login_as, db_url, qtbot, runner):
    made = make_counter(
        db,
        login_as,
        qtbot,
        runner,
        authenticator=Authenticator(db_url, database_factory=_no_engine),
    )
    payment = made.workplace.services.payments.post(
        request(made.account_id, made.shift_id, "75.50", cash("75.50", "100.00")),
        made.workplace.actor,
    )
    return made, payment


def _reverse(made, payment, username: str, password: str = SUP_PASSWORD, workplace=None):
    return reverse_with_supervisor(
        workplace or made.workplace,
        payment.payment_id,
        "收错户",
        username,
        password,
        made.shift_id,
        str(uuid.uuid4()),
    )


def test_a_supervisor_approves_without_signing_in(counter, supervisor):  # noqa: F811
    made, payment = counter
    boss = supervisor()
    reversal = _reverse(made, payment, boss)
    assert reversal.payment_id == payment.payment_id
    with made.db.read() as s:
        approver = s.execute(
            select(m.Clerk.username).join(
                m.PaymentReversal, m.PaymentReversal.supervisor_id == m.Clerk.id
            )
        ).scalar_one()
    assert approver == boss


def test_refusals_say_what_a_sign_in_said(counter, supervisor, db_url):  # noqa: F811
    made, payment = counter
    boss, clerk = supervisor(), supervisor("clerk")
    with pytest.raises(LoginError) as approving:
        _reverse(made, payment, boss, "wrong-password")
    with pytest.raises(LoginError) as signing_in:
        Authenticator(db_url).login(boss, "wrong-password")
    assert sign_in_text(approving.value) == sign_in_text(signing_in.value)
    assert approving.value.failure is signing_in.value.failure
    with pytest.raises(ReversalError) as info:  # the server's caller check
        _reverse(made, payment, clerk)
    assert (info.value.code, info.value.field) == ("supervisor", "supervisor")
    with pytest.raises(ReversalError) as info:
        _reverse(made, payment, boss, workplace=replace(made.workplace, authenticator=None))
    assert info.value.code == "no_authenticator"
    assert made.count(m.PaymentReversal) == 0
