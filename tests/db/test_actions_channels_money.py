"""Money that does not pass the counter (migration 0022), signed in as real
logins, the money around the statements: the prepayment deduction inside
billing and its reversal, a channel payment printed and reversed without a
till, and the raw SQL a clerk or a batch login could send instead, refused.
The books are checked after every scenario. The statements themselves are
in test_actions_channels_statements.py."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from counter_app.db import models as m
from counter_app.services.actions import ActionError, call
from counter_app.services.channels.online import import_online
from counter_app.services.channels.service import (
    ChannelService,
)
from counter_app.services.installation.batch import jsonb
from counter_app.services.payments.service import PaymentService
from counter_app.services.tariffs.billing import bill_period
from tests.support.channels import bill_february, scalar, statement_file, when
from tests.support.payments import books

D = Decimal


def test_the_prepayment_pays_the_bills_at_billing_and_a_reversal_gives_it_back(utility, login_as):
    clerk, _ = login_as("clerk")
    shift = call(clerk, "open_shift", "WS1", D("0"))["shift_id"]
    call(
        clerk,
        "post_payment",
        "WS1",
        str(uuid.uuid4()),
        utility.account_id,
        shift,
        None,
        D("0"),
        [],
        None,
        jsonb([{"tender": "cash", "amount": "300.00"}]),
    )
    report = bill_period(utility.batch, "2026-02")
    assert (report.billed, report.deducted, report.deducted_total) == (1, 1, D("41.40"))
    # no account has both arrears and a positive prepayment
    assert (
        scalar(
            utility.db,
            """
        SELECT count(*) FROM accounts a WHERE a.prepayment_balance > 0
        AND EXISTS (SELECT 1 FROM counter_open_bills(a.id) o WHERE o.outstanding > 0)""",
        )
        == 0
    )
    assert scalar(
        utility.db, "SELECT prepayment_balance FROM accounts WHERE id = :a", a=utility.account_id
    ) == D("258.60")
    deduction = scalar(utility.db, "SELECT id FROM payments WHERE channel = 'deduction'")
    assert (
        scalar(
            utility.db,
            "SELECT series_code || '/' || tender FROM payments p JOIN "
            "payment_tenders t ON t.payment_id = p.id WHERE p.id = :p",
            p=deduction,
        )
        == "ch:deduction/prepayment"
    )
    # a supervisor reverses it: the money back to the prepayment, the bill open
    supervisor, _ = login_as("supervisor")
    done = call(
        supervisor,
        "reverse_payment",
        "WS9",
        deduction,
        str(uuid.uuid4()),
        "customer asked to pay at the counter",
        None,
    )
    assert done["balance_after"] == D("300.00")
    assert scalar(utility.db, "SELECT shift_id FROM payment_reversals") is None
    assert scalar(
        utility.db, "SELECT sum(outstanding) FROM counter_open_bills(:a)", a=utility.account_id
    ) == D("41.40")
    # deduction off for the account: the sweep leaves it alone; a clerk cannot switch it
    with pytest.raises(ActionError):
        ChannelService(clerk).set_account_deduction(utility.account_id, False, "x", workstation="W")
    ChannelService(supervisor).set_account_deduction(
        utility.account_id, False, "pays by bank", workstation="W"
    )
    assert call(utility.batch, "apply_prepayments")["deducted"] == 0
    ChannelService(supervisor).set_account_deduction(
        utility.account_id, True, "asked again", workstation="W"
    )
    # off for the whole utility (an admin's): nothing either
    admin, _ = login_as("admin")
    with pytest.raises(ActionError):
        ChannelService(supervisor).set_channel_setting(
            "prepayment_deduction", "off", workstation="W"
        )
    ChannelService(admin).set_channel_setting("prepayment_deduction", "off", workstation="W")
    assert call(utility.batch, "apply_prepayments")["deducted"] == 0
    ChannelService(admin).set_channel_setting("prepayment_deduction", "on", workstation="W")
    assert call(utility.batch, "apply_prepayments")["deducted"] == 1
    assert books(utility.db) == []


def _refused(database, statement: str, **params) -> str:
    with pytest.raises(DBAPIError) as info, database.engine.begin() as conn:
        conn.execute(text(statement), params)
    return str(info.value.orig)


def test_the_raw_sql_a_clerk_or_a_batch_login_could_send_is_refused(
    utility,
    tmp_path,
    login_as,
):
    bill_february(utility)
    clerk, who = login_as("clerk")
    post = (
        "SELECT counter_post_channel_payment('online', 'wechat:X', :a, 41.40, now(), "
        "'wechat', 'forged')"
    )
    for database in (clerk, utility.batch):
        assert "permission denied" in _refused(database, post, a=utility.account_id)
        assert "permission denied" in _refused(
            database,
            "INSERT INTO payments (client_uuid, content_hash, account_id, workstation, "
            "series_code, receipt_no, amount, created_at, channel, external_ref, paid_at) "
            "VALUES ('u', 'h', :a, 'x', 'ch:online', 1, 41.40, now(), 'online', 'wechat:X', "
            "now())",
            a=utility.account_id,
        )
        assert "permission denied" in _refused(
            database,
            "INSERT INTO channel_suspense_resolutions VALUES "
            "(1, 'refunded', NULL, NULL, 'x', 'me', now())",
        )
        assert "permission denied" in _refused(database, "SELECT counter_deduct_prepayments('x')")
    assert "permission denied" in _refused(
        clerk, "SELECT counter_resolve_suspense('W', 1, 'refunded', NULL, 'x')"
    )
    assert "permission denied" in _refused(
        clerk, "SELECT counter_import_online('wechat', repeat('a', 64), 'f', '[]')"
    )
    assert "permission denied" in _refused(
        utility.batch, "SELECT counter_resolve_suspense('W', 1, 'refunded', NULL, 'x')"
    )
    assert "permission denied" in _refused(
        clerk, "SELECT counter_set_channel_setting('W', 'prepayment_deduction', 'off')"
    )
    assert scalar(utility.db, "SELECT count(*) FROM payments") == 0
    # the table itself refuses a channel payment with a shift, or a counter one without
    with utility.db.write() as s:
        account = s.get(m.Account, utility.account_id)
    with (
        pytest.raises(DBAPIError, match="ck_payments_channel_shape"),
        utility.db.engine.begin() as conn,
    ):
        conn.execute(
            text(
                "INSERT INTO payments (client_uuid, content_hash, account_id, workstation, "
                "series_code, receipt_no, amount, created_at) VALUES ('u', 'h', :a, 'x', 'HQ', 1, "
                "1, now())"
            ),
            {"a": account.id},
        )
    assert books(utility.db) == []


def test_a_channel_payment_prints_and_reverses_without_a_till(
    utility,
    tmp_path,
    login_as,
):

    bill_february(utility)
    import_online(
        utility.batch, statement_file(tmp_path, [(when(60), "R1", "01000001", "41.40")]), "wechat"
    )
    payment = scalar(utility.db, "SELECT id FROM payments WHERE channel = 'online'")
    clerk, _ = login_as("clerk")
    facts = PaymentService(clerk).receipt_facts(payment)
    assert facts.hall_name == "网上缴费" and facts.clerk_name == ""
    assert facts.receipt_no == "WS00000001" and facts.tenders[0].tender == "wechat"
    supervisor, _ = login_as("supervisor")
    shift = call(supervisor, "open_shift", "WS9", D("0"))["shift_id"]
    till = call(supervisor, "till", date.today(), "Asia/Shanghai")["totals"]
    # a till given for a channel payment's reversal is not charged with it
    call(supervisor, "reverse_payment", "WS9", payment, str(uuid.uuid4()), "paid twice", shift)
    assert call(supervisor, "till", date.today(), "Asia/Shanghai")["totals"] == till
    assert scalar(
        utility.db, "SELECT sum(outstanding) FROM counter_open_bills(:a)", a=utility.account_id
    ) == D("41.40")
    assert books(utility.db) == []
