"""Small builders of valid rows for tests (real database, no mocks)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.orm import Session

from counter_app.db.models import (
    Account,
    Area,
    Clerk,
    Hall,
    Payment,
    PaymentTender,
    PriceCategory,
    ReceiptSeries,
    Shift,
)
from counter_app.domain.tariffs import Component, Tariff


def make_reference(session: Session) -> None:
    session.add_all(
        [
            Hall(code="HQ", name="嘉祥营业厅"),
            Area(code="A01", name="城区一片", meter_reader="王师傅"),
            PriceCategory(code="RES", name="居民生活用水"),
        ]
    )
    session.flush()  # the series refers to the hall (no relationship() orders them)
    session.add(ReceiptSeries(code="HQ", hall_code="HQ", prefix="JX", next_no=1))
    session.flush()


def make_account(session: Session, account_no: str = "01000001", **kw) -> Account:
    values = dict(
        account_no=account_no,
        name="张三",
        address="嘉祥街道建设路12号",
        account_type="household",
        price_category="RES",
        area_code="A01",
        id_number="370829199001011234",
        id_masked="370829********1234",
        id_tail="011234",
        mobile="13812345678",
        mobile_masked="138****5678",
    )
    values.update(kw)
    account = Account(**values)
    session.add(account)
    session.flush()
    return account


def make_old_account(
    session: Session,
    account_no: str = "01000001",
    *,
    name: str = "张三",
    address: str = "嘉祥街道建设路12号",
) -> int:
    """An account with the columns of the first schema only (for a database
    migrated to an early revision, where the model's later columns are not
    there yet); its id."""
    return session.execute(
        text(
            "INSERT INTO accounts (account_no, name, name_pinyin, name_initials, id_masked, "
            "id_tail, mobile_masked, landline_masked, address, meter_location, account_type, "
            "price_category, area_code, book_no, read_cycle_months, status, prepayment_balance, "
            "archive_no, version, created_at, updated_at) VALUES (:no, :name, '', '', '', '', '', "
            "'', :address, '', 'household', 'RES', 'A01', '', 2, 'active', 0, '', 1, now(), now()) "
            "RETURNING id"
        ),
        {"no": account_no, "name": name, "address": address},
    ).scalar_one()


def make_clerk_row(session: Session, username: str = "clerk01", role: str = "clerk") -> Clerk:
    clerk = Clerk(username=username, display_name="收费员", role=role, hall_code="HQ")
    session.add(clerk)
    session.flush()
    return clerk


def make_payment(
    session: Session, account: Account, clerk: Clerk, amount: str = "50.00"
) -> Payment:
    shift = Shift(clerk_id=clerk.id, hall_code="HQ", workstation="WS1")
    session.add(shift)
    session.flush()
    payment = Payment(
        client_uuid=str(uuid.uuid4()),
        content_hash="x" * 64,
        account_id=account.id,
        shift_id=shift.id,
        clerk_id=clerk.id,
        workstation="WS1",
        series_code="HQ",
        receipt_no=1,
        amount=Decimal(amount),
    )
    session.add(payment)
    session.flush()
    session.add(
        PaymentTender(payment_id=payment.id, line_no=1, tender="cash", amount=Decimal(amount))
    )
    session.flush()
    return payment


TODAY = date(2026, 11, 23)


RES = Tariff(
    code="RES-2026",
    name="居民生活用水",
    category="RES",
    effective_from=date(2026, 1, 1),
    effective_to=None,
    tier_uppers=(180, 300, None),
    prices={
        Component.BASIC: (Decimal("2.10"), Decimal("3.15"), Decimal("6.30")),
        Component.SEWAGE: (Decimal("0.95"),),
        Component.RESOURCE: (Decimal("0.40"),),
    },
)


def tariff_draft(**changes) -> dict:
    """A tariff as counter_save_tariff takes it (RES-2026, three tiers)."""
    base = {
        "code": "RES-2026",
        "name": "居民生活用水(阶梯)",
        "category": "RES",
        "doc_no": "嘉价发〔2025〕12号",
        "effective_from": "2026-01-01",
        "tiers": [180, 300, None],
        "rates": {"basic": ["2.10", "3.15", "6.30"], "sewage": ["0.95"], "resource": ["0.40"]},
    }
    base.update(changes)
    return base
