"""Withholding agreements (migration 0023) signed in as real logins: a clerk
signs and cancels at the counter, reads the masked number only; the raw SQL
a dishonest clerk (or a batch login) could send instead is refused."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from counter_app.domain.localtime import SHANGHAI
from counter_app.services.actions import ActionError, call
from counter_app.services.audit import Actor
from counter_app.services.channels.withholding import WithholdingError, WithholdingService
from tests.support import withholding as withholding_fixtures
from tests.support.withholding import NUMBERS

hall = withholding_fixtures.hall  # the fixture

TODAY = datetime.now(SHANGHAI).date()  # the server's day is Beijing's
ACTOR = Actor("clerk", "WS-7")


def _sign(h, account_no="01000001", number=None, **kw):
    service = WithholdingService(h.clerk)
    return service.sign(
        h.accounts[account_no],
        kw.pop("bank", "ABC"),
        number or NUMBERS[account_no],
        kw.pop("holder", "张三"),
        kw.pop("signed_on", TODAY),
        ACTOR,
    )


def _refused(db, statement: str, **params) -> str:
    with pytest.raises(DBAPIError) as info, db.engine.begin() as conn:
        conn.execute(text(statement), params)
    return str(info.value.orig)


def test_a_clerk_signs_and_gets_back_only_the_mask(hall):
    agreement = _sign(hall, number="6228 4800 1234 5678 901")
    assert agreement.bank_account_masked == "6228***********8901"
    assert agreement.bank_account_tail == "8901" and agreement.active
    assert agreement.signed_by == "测试" and agreement.bank_name == "中国农业银行"
    with hall.db.read() as s:
        stored = s.execute(text("SELECT bank_account FROM withholding_agreements")).scalar_one()
        audit = s.execute(
            text(
                "SELECT clerk, workstation, details FROM audit_events "
                "WHERE action = 'withholding.sign'"
            )
        ).one()
    assert stored == "6228480012345678901"  # the bank file needs it whole
    assert audit.clerk == hall.who.username and audit.workstation == "WS-7"
    assert "6228480012345678901" not in audit.details
    assert json.loads(audit.details)["bank_account"] == "6228***********8901"
    screen = WithholdingService(hall.clerk).screen(hall.accounts["01000001"])
    assert screen.agreement.id == agreement.id and [b.code for b in screen.banks] == ["ABC", "RCB"]


def test_a_clerk_cannot_read_the_full_bank_account_number(hall):
    _sign(hall)
    for statement in (
        "SELECT bank_account FROM withholding_agreements",
        "SELECT * FROM withholding_agreements",
    ):
        assert "permission denied" in _refused(hall.clerk, statement)
    with hall.clerk.read() as s:
        row = s.execute(text("SELECT * FROM withholding_agreements_masked")).mappings().one()
    assert "bank_account" not in row and row["bank_account_masked"] == "6228***********8901"
    assert "6228480012345678901" not in json.dumps(
        call(hall.clerk, "withholding_screen", hall.accounts["01000001"]), default=str
    )
    # the batch reads the layouts but not the agreements' numbers either
    assert "permission denied" in _refused(
        hall.batch, "SELECT bank_account FROM withholding_agreements"
    )


def test_one_active_agreement_per_account_and_a_cancel_with_its_version(hall):
    first = _sign(hall)
    with pytest.raises(WithholdingError) as refused:
        _sign(hall, bank="RCB")
    assert refused.value.code == "active_agreement"
    service = WithholdingService(hall.clerk)
    with pytest.raises(WithholdingError) as stale:
        service.cancel(type(first)(**{**first.__dict__, "version": 0}), "换卡", ACTOR)
    assert stale.value.code == "conflict"
    cancelled = service.cancel(first, "客户换卡", ACTOR)
    assert (cancelled.status, cancelled.cancel_reason, cancelled.cancelled_on) == (
        "cancelled",
        "客户换卡",
        TODAY,
    )
    with pytest.raises(WithholdingError) as again:
        service.cancel(cancelled, "again", ACTOR)
    assert again.value.code in ("cancelled", "conflict")
    second = _sign(hall, bank="RCB")
    assert second.active and second.id != first.id


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"number": "12345"}, "bank_account"),
        ({"number": "6228abc0012345678"}, "bank_account"),
        ({"holder": "  "}, "holder_name"),
        ({"bank": "XYZ"}, "bank_code"),
        ({"signed_on": TODAY + timedelta(days=1)}, "signed_on"),
        ({"signed_on": date(2020, 1, 1)}, "signed_on"),
    ],
)
def test_bad_forms_are_refused_with_their_field(hall, kw, field):
    with pytest.raises(WithholdingError) as refused:
        _sign(hall, **kw)
    assert refused.value.field == field
    with hall.db.read() as s:
        assert s.execute(text("SELECT count(*) FROM withholding_agreements")).scalar_one() == 0


def test_the_database_refuses_what_the_service_would_have_caught(hall):
    """The raw call, past the service's checks."""
    for number, code in (
        ("12345", "bank_account"),
        ("６２２８４８００１２３４５６７８", "bank_account"),
    ):
        with pytest.raises(ActionError) as refused:
            call(
                hall.clerk,
                "sign_withholding",
                "WS",
                hall.accounts["01000001"],
                "ABC",
                number,
                "张三",
                TODAY,
            )
        assert refused.value.code == code


def test_a_clerk_cannot_write_the_tables_or_call_the_batch_actions(hall):
    agreement = _sign(hall)
    account = hall.accounts["01000002"]
    attacks = [
        "INSERT INTO withholding_agreements (account_id, bank_code, bank_account, "
        "bank_account_masked, bank_account_tail, holder_name, signed_on, signed_by, created_at) "
        f"VALUES ({account}, 'ABC', '6228480012345678901', 'x', '8901', 'x', current_date, "
        f"{hall.who.id}, now())",
        f"UPDATE withholding_agreements SET bank_code = 'RCB' WHERE id = {agreement.id}",
        f"UPDATE withholding_agreements_masked SET status = 'cancelled' WHERE id = {agreement.id}",
        f"DELETE FROM withholding_agreements WHERE id = {agreement.id}",
        "INSERT INTO withholding_banks (code, name, layout) VALUES ('EVIL', 'x', '{}')",
        "INSERT INTO payments (client_uuid, content_hash, account_id, clerk_id, workstation, "
        f"series_code, receipt_no, amount, created_at) VALUES ('u', 'h', {account}, "
        f"{hall.who.id}, 'w', 'HQ', 99, 1.00, now())",
        "SELECT counter_withholding_due('ABC', '2026-11')",
        "SELECT counter_export_withholding('ABC', '2026-11', 'ABC202611001', "
        "repeat('a', 64), 'f', '[]')",
        "SELECT counter_import_withholding('ABC', repeat('a', 64), 'f', '[]')",
        "SELECT counter_withholding_due_rows('ABC', '2026-11')",
        "SELECT counter_mask_bank_account('1')",
    ]
    for statement in attacks:
        assert "permission denied" in _refused(hall.clerk, statement), statement
    with hall.db.read() as s:
        assert s.execute(text("SELECT status, bank_code FROM withholding_agreements")).one() == (
            "active",
            "ABC",
        )
        assert s.execute(text("SELECT count(*) FROM payments")).scalar_one() == 0


def test_a_batch_login_cannot_sign_or_cancel(hall):
    agreement = _sign(hall)
    with pytest.raises(ActionError) as refused:
        call(
            hall.batch,
            "sign_withholding",
            "WS",
            hall.accounts["01000002"],
            "ABC",
            NUMBERS["01000002"],
            "李四",
            TODAY,
        )
    assert refused.value.kind == "forbidden"
    with pytest.raises(ActionError) as refused:
        call(hall.batch, "cancel_withholding", "WS", agreement.id, agreement.version, "x")
    assert refused.value.kind == "forbidden"
    assert "permission denied" in _refused(
        hall.batch, f"UPDATE withholding_agreements SET status = 'x' WHERE id = {agreement.id}"
    )
