"""Migration 0025 for the cases and the money inputs, signed in as real
logins: a complaint's contact is masked for the clerks (raw only through the
audited two-step reveal of a supervisor), complaint dates outside a sensible
window are refused by the service and by the database, naming the field, and
amounts with NaN, infinity, a float or a third decimal are refused by the
services (ValueError subclasses naming the field), never rounded."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from counter_app.services.action_values import AmountError
from counter_app.services.actions import ActionError, call
from counter_app.services.audit import Actor
from counter_app.services.complaints.service import ComplaintError, ComplaintService, NewComplaint
from counter_app.services.payments.service import PaymentError, PaymentRequest, Tender, TenderInput
from counter_app.services.payments.service import _validate as validate_payment
from counter_app.services.payments.shifts import ShiftError, ShiftService
from counter_app.services.tariffs.billing import adjust_bill
from tests.support.builders import make_account, make_reference

pytestmark = pytest.mark.postgres


@pytest.fixture
def cases(db, login_as):
    with db.write() as s:
        make_reference(s)
        account_id = make_account(s).id
    clerk_db, clerk = login_as("clerk")
    return db, clerk_db, Actor(clerk.username, "WS1", clerk.id), account_id


def _new(account_id, **kw) -> NewComplaint:
    values = dict(
        complainant="张三",
        contact="13812345678",
        channel="counter",
        category="pressure",
        description="水压低",
        account_id=account_id,
    )
    values.update(kw)
    return NewComplaint(**values)


def test_the_contact_is_masked_and_revealed_only_with_an_audit_row(cases, login_as):
    admin, clerk_db, actor, account_id = cases
    service = ComplaintService(clerk_db)
    c = service.receive(_new(account_id), actor)
    assert c.contact == "138****5678"
    assert service.get(c.id).contact == "138****5678"
    landline = service.receive(_new(None, contact="05376812345"), actor)
    assert landline.contact == "0537-****345"
    with clerk_db.engine.connect() as conn:
        assert (
            conn.execute(
                text("SELECT contact_masked FROM complaints WHERE id = :i"), {"i": c.id}
            ).scalar_one()
            == "138****5678"
        )
        with pytest.raises(DBAPIError, match="permission denied"):
            conn.execute(text("SELECT contact FROM complaints"))
    # a clerk cannot reveal it, by the service or by the raw call
    clerk_identity = type("C", (), {"has_role": staticmethod(lambda role: False)})()
    with pytest.raises(PermissionError):
        service.reveal_contact(c.id, clerk_identity, actor)
    with pytest.raises(ActionError) as refused:
        call(clerk_db, "request_contact_reveal", c.id, "WS1")
    assert refused.value.kind == "forbidden"
    supervisor_db, supervisor = login_as("supervisor")
    shown = ComplaintService(supervisor_db).reveal_contact(
        c.id, supervisor, Actor(supervisor.username, "WS9", supervisor.id)
    )
    assert shown == "13812345678"
    with admin.engine.connect() as conn:
        audit = conn.execute(
            text(
                "SELECT clerk, workstation, entity_id FROM audit_events "
                "WHERE action = 'complaint.reveal'"
            )
        ).all()
    assert audit == [(supervisor.username, "WS9", str(c.id))]
    # the token is the supervisor's, once
    request = call(supervisor_db, "request_contact_reveal", c.id, "WS9")
    with pytest.raises(ActionError) as other:
        call(login_as("supervisor")[0], "reveal_value", request["token"])
    assert other.value.code == "no_request"


def test_complaint_dates_outside_the_window_are_refused(cases):
    admin, clerk_db, actor, account_id = cases
    service = ComplaintService(clerk_db)
    today = datetime.now(UTC).date()
    for bad in (
        date(1, 1, 1),
        date(9999, 12, 31),
        today - timedelta(days=2),
        today + timedelta(days=400),
    ):
        with pytest.raises(ComplaintError) as refused:
            service.receive(_new(account_id, recall_on=bad), actor)
        assert (refused.value.code, refused.value.field) == ("date_range", "recall_on")
    c = service.receive(_new(account_id), actor)
    with pytest.raises(ComplaintError) as refused:
        service.follow_up(c.id, c.version, "再联系", actor, recall_on=date(9999, 1, 1))
    assert (refused.value.code, refused.value.field) == ("date_range", "recall_on")
    with pytest.raises(ComplaintError) as refused:
        service.forward(c.id, c.version, "管网维修", datetime(9999, 1, 1, tzinfo=UTC), actor)
    assert (refused.value.code, refused.value.field) == ("date_range", "due_at")
    # the raw calls a clerk could send instead
    for sql, field in (
        ("SELECT counter_follow_up_complaint('WS1', :i, :v, 'x', DATE '9999-12-31')", "recall_on"),
        ("SELECT counter_follow_up_complaint('WS1', :i, :v, 'x', DATE '0001-01-01')", "recall_on"),
        (
            "SELECT counter_forward_complaint('WS1', :i, :v, '管网维修', "
            "TIMESTAMPTZ '9999-01-01 00:00+00', '')",
            "due_at",
        ),
    ):
        with pytest.raises(DBAPIError) as raw, clerk_db.engine.connect() as conn:
            conn.execute(text(sql), {"i": c.id, "v": c.version})
        assert raw.value.orig.sqlstate == "CT400" and raw.value.orig.diag.message_detail == field
    assert (
        service.follow_up(
            c.id, c.version, "明天回访", actor, recall_on=today + timedelta(days=1)
        ).recall_on
        is not None
    )


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (Decimal("NaN"), "format"),
        (Decimal("Infinity"), "format"),
        (Decimal("-Infinity"), "format"),
        (10.5, "format"),
        (Decimal("10.005"), "decimals"),
        ("1e20", "too_large"),
    ],
)
def test_amounts_are_refused_not_rounded(cases, value, code):
    admin, clerk_db, actor, account_id = cases
    tender = TenderInput(Tender.CASH, value)
    request = PaymentRequest(
        client_uuid="u", account_id=account_id, shift_id=1, tenders=(tender,), to_bills=Decimal("0")
    )
    with pytest.raises(PaymentError) as paid:
        validate_payment(request)
    assert isinstance(paid.value, ValueError)
    assert (paid.value.code, paid.value.field) == (code, "tender.cash")
    with pytest.raises(ShiftError) as opened:
        ShiftService(clerk_db).open(actor, "HQ", value)
    assert (opened.value.code, opened.value.field) == (code, "opening_float")
    with pytest.raises(AmountError) as adjusted:
        adjust_bill(admin, 1, value, "更正", workstation="WS1")
    assert (adjusted.value.code, adjusted.value.field) == (code, "amount")
