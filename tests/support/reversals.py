"""An old payment taken in another clerk's shift (the case of a six-month-old
WeChat payment reversed into today's day-close), on PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import text

from counter_app.db.engine import Database
from counter_app.services.audit import Actor
from counter_app.services.payments.service import PaymentService, Tender, TenderInput
from counter_app.services.payments.shifts import ShiftService
from tests.support.payments import request


@dataclass(frozen=True)
class OldPayment:
    payment_id: int
    shift_id: int  # the other clerk's shift that took it


def wechat_payment_of_another_shift(
    db: Database, login_as, account_id: int, amount: str = "75.50", *, age: str = ""
) -> OldPayment:
    """A WeChat payment taken by another clerk (a real login) in their own
    shift, its payment and shift dated back by ``age`` (a PostgreSQL
    interval, e.g. '6 months')."""
    other_db, other = login_as("clerk")
    actor = Actor(other.username, "WS2", other.id)
    shift_id = ShiftService(other_db).open(actor, "HQ", Decimal("0"))
    result = PaymentService(other_db, series_code="HQ").post(
        request(
            account_id,
            shift_id,
            amount,
            TenderInput(Tender.WECHAT, Decimal(amount), reference="4200001234"),
        ),
        actor,
    )
    if age:
        age_back(db, result.payment_id, age)
    return OldPayment(result.payment_id, shift_id)


def age_back(db: Database, payment_id: int, age: str) -> None:
    """Date a payment and its shift back (posted money is immutable, so the
    superuser turns the guarding triggers off for this one transaction)."""
    with db.engine.begin() as conn:
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(
            text(
                "UPDATE payments SET created_at = created_at - CAST(:age AS interval) "
                "WHERE id = :id"
            ),
            {"age": age, "id": payment_id},
        )
        conn.execute(
            text(
                "UPDATE shifts SET opened_at = opened_at - CAST(:age AS interval) "
                "WHERE id = (SELECT shift_id FROM payments WHERE id = :id)"
            ),
            {"age": age, "id": payment_id},
        )
