"""Migration 0027: the account screen brings the withholding line (masked)
and the prepayment deduction state in its one round trip; a clerk reads
them there and nowhere else, and cannot change the deduction."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from counter_app.domain.localtime import SHANGHAI
from counter_app.services.accounts.service import AccountService
from counter_app.services.actions import ActionError
from counter_app.services.audit import Actor
from counter_app.services.channels.service import ChannelService
from counter_app.services.channels.withholding import WithholdingService
from tests.support import withholding as withholding_fixtures
from tests.support.database import Statements
from tests.support.withholding import NUMBERS

hall = withholding_fixtures.hall  # the fixture
TODAY = datetime.now(SHANGHAI).date()


def _refused(db, statement: str, **params) -> str:
    with pytest.raises(DBAPIError) as info, db.engine.begin() as conn:
        conn.execute(text(statement), params)
    return str(info.value.orig)


def test_the_screen_brings_both_lines_in_one_call(hall, login_as):
    account = hall.accounts["01000001"]
    service = AccountService(hall.clerk)
    service.screen(account)
    sent = Statements(hall.clerk)
    screen = service.screen(account)
    assert len(sent.sent) == 1 and "counter_account_screen" in sent.sent[0]
    assert screen.withholding is None
    d = screen.deduction
    assert (d.account, d.utility, d.effective, d.changed_at) == (True, True, True, None)

    WithholdingService(hall.clerk).sign(
        account, "ABC", NUMBERS["01000001"], "张三", TODAY, Actor("clerk", "WS-7")
    )
    supervisor, _ = login_as("supervisor")
    ChannelService(supervisor).set_account_deduction(
        account, False, "客户要求柜台交费", workstation="WS-7"
    )
    screen = service.screen(account)
    line = screen.withholding
    assert (line.bank_name, line.bank_account_tail, line.status, line.active) == (
        "中国农业银行",
        "8901",
        "active",
        True,
    )
    assert line.bank_account_masked == "6228***********8901"
    d = screen.deduction
    assert (d.account, d.utility, d.effective) == (False, True, False)
    assert d.reason == "客户要求柜台交费" and d.changed_by == "测试" and d.changed_at is not None
    # the full bank account number never comes with the screen
    with hall.clerk.engine.connect() as conn:
        raw = conn.execute(
            text("SELECT counter_account_screen(:a)::text"), {"a": account}
        ).scalar_one()
    assert NUMBERS["01000001"] not in raw
    # the utility's switch: the account's own stays as the supervisor left it
    admin, _ = login_as("admin")
    ChannelService(admin).set_channel_setting("prepayment_deduction", "off", workstation="WS-7")
    ChannelService(supervisor).set_account_deduction(account, True, "恢复", workstation="WS-7")
    d = service.screen(account).deduction
    assert (d.account, d.utility, d.effective) == (True, False, False)
    # another account: no row, on
    assert service.screen(hall.accounts["01000002"]).deduction.account is True


def test_a_clerk_cannot_switch_the_deduction_nor_read_or_write_the_settings(hall):
    account = hall.accounts["01000001"]
    with pytest.raises(ActionError) as info:
        ChannelService(hall.clerk).set_account_deduction(
            account, False, "我想关", workstation="WS-7"
        )
    assert info.value.kind == "forbidden"
    assert "permission denied" in _refused(hall.clerk, "SELECT * FROM account_channel_settings")
    assert "permission denied" in _refused(
        hall.clerk,
        "INSERT INTO account_channel_settings VALUES (:a, false, 'x', current_user, now())",
        a=account,
    )
    assert "permission denied" in _refused(hall.clerk, "SELECT * FROM withholding_agreements")
    with hall.clerk.engine.connect() as conn:
        state = conn.execute(
            text("SELECT counter_account_deduction(:a)"), {"a": account}
        ).scalar_one()
    assert state["account"] is True and state["effective"] is True
    # a batch login (billing) neither opens the account screen's deduction piece
    assert "permission denied" in _refused(
        hall.batch, "SELECT counter_account_deduction(:a)", a=account
    )
