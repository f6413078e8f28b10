"""An account with two years of bills and payments (the account-view tests)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

from counter_app.db import models as m
from counter_app.domain.periods import Period
from tests.support.builders import make_account, make_clerk_row, make_reference

D = Decimal


def _bill(s, account_id, tariff_id, period, amount, start, end, lines):
    p = Period.parse(period)
    bill = m.Bill(
        account_id=account_id,
        period=period,
        tariff_id=tariff_id,
        period_start=p.add(-1).first_day,
        period_end=p.last_day,
        start_reading=start,
        end_reading=end,
        usage=end - start,
        amount=D(amount),
        due_on=p.add(1).last_day,
    )
    s.add(bill)
    s.flush()
    for n, (kind, component, tier, volume, price, line_amount, label) in enumerate(lines, 1):
        s.add(
            m.BillLine(
                bill_id=bill.id,
                line_no=n,
                kind=kind,
                component=component,
                tier_no=tier,
                volume=volume,
                unit_price=D(price),
                amount=D(line_amount),
                label=label,
            )
        )
    s.flush()
    return bill


def _pay(s, account_id, shift, clerk, receipt_no, at, tenders, allocations):
    amount = sum((D(a) for _, a in tenders), D("0"))
    p = m.Payment(
        client_uuid=str(uuid.uuid4()),
        content_hash="x" * 64,
        account_id=account_id,
        shift_id=shift.id,
        clerk_id=clerk.id,
        workstation="WS1",
        series_code="HQ",
        receipt_no=receipt_no,
        amount=amount,
        created_at=at,
    )
    s.add(p)
    s.flush()
    for n, (tender, a) in enumerate(tenders, 1):
        s.add(
            m.PaymentTender(
                payment_id=p.id,
                line_no=n,
                tender=tender,
                amount=D(a),
                received=D(a) if tender == "cash" else None,
            )
        )
    for bill, a in allocations:
        s.add(m.Allocation(payment_id=p.id, bill_id=bill.id, amount=D(a)))
    s.flush()
    return p


def populate(db) -> dict[str, int]:
    with db.write() as s:
        make_reference(s)
        tariff = m.Tariff(
            code="RES-2026",
            name="居民生活用水",
            category_code="RES",
            effective_from=date(2026, 1, 1),
            doc_no="嘉价发〔2025〕12号",
        )
        s.add(tariff)
        s.flush()  # its tiers and prices before its bills (a billed schedule is frozen)
        s.add_all(
            [
                m.TariffTier(tariff_id=tariff.id, tier_no=n, upper_volume=u)
                for n, u in ((1, 180), (2, 300), (3, None))
            ]
        )
        s.add_all(
            [
                m.TariffRate(tariff_id=tariff.id, component=c, tier_no=n, unit_price=D(p))
                for c, n, p in (
                    ("basic", 1, "2.10"),
                    ("basic", 2, "3.15"),
                    ("basic", 3, "6.30"),
                    ("sewage", 1, "0.95"),
                    ("resource", 1, "0.40"),
                )
            ]
        )
        s.flush()
        s.add(
            m.ReliefRule(code="DEFAULT", name="特困低保户用水优惠", kind="per_ton", value=D("0.20"))
        )
        s.flush()
        account = make_account(
            s,
            landline="0537-6812345",
            landline_masked="0537-****345",
            meter_location="院内表井",
            prepayment_balance=D("12.50"),
        )
        s.add(m.Meter(account_id=account.id, meter_no="JX2400000001", dial_digits=5))
        bare = make_account(
            s,
            "01000002",
            name="李四",
            id_number=None,
            id_masked="",
            id_tail="",
            mobile=None,
            mobile_masked="",
        )
        charge = ("charge", "basic", 1, 40, "2.1000", "84.00", "基本水费 第一阶梯")
        sewage = ("charge", "sewage", None, 40, "0.4000", "16.00", "污水处理费")
        june = _bill(s, account.id, tariff.id, "2026-06", "100.00", 100, 140, [charge, sewage])
        aug = _bill(
            s,
            account.id,
            tariff.id,
            "2026-08",
            "60.00",
            140,
            164,
            [("charge", "basic", 1, 24, "2.5000", "60.00", "基本水费 第一阶梯")],
        )
        octo = _bill(
            s,
            account.id,
            tariff.id,
            "2026-10",
            "45.30",
            164,
            184,
            [
                ("charge", "basic", 1, 20, "2.1000", "42.00", "基本水费 第一阶梯"),
                ("charge", "sewage", None, 20, "0.3650", "7.30", "污水处理费"),
                ("relief", "basic", None, 20, "-0.2000", "-4.00", "低保减免"),
            ],
        )
        clerk = make_clerk_row(s, "clerk01")
        shift = m.Shift(clerk_id=clerk.id, hall_code="HQ", workstation="WS1")
        s.add(shift)
        s.flush()
        # 2026-07-05 10:00 in Shanghai
        p1 = _pay(
            s,
            account.id,
            shift,
            clerk,
            1,
            datetime(2026, 7, 5, 2, 0, tzinfo=UTC),
            [("cash", "100.00")],
            [(june, "100.00")],
        )
        # 2026-09-01 04:00 in Shanghai, still 2026-08-31 in UTC: a September payment
        p2 = _pay(
            s,
            account.id,
            shift,
            clerk,
            2,
            datetime(2026, 8, 31, 20, 0, tzinfo=UTC),
            [("wechat", "40.00"), ("cash", "20.00")],
            [(aug, "60.00")],
        )
        s.add(
            m.PaymentReversal(
                payment_id=p2.id,
                client_uuid=str(uuid.uuid4()),
                reason="重复收费",
                clerk_id=clerk.id,
                supervisor_id=clerk.id,
                shift_id=shift.id,
                workstation="WS1",
            )
        )
        p3 = _pay(
            s,
            account.id,
            shift,
            clerk,
            3,
            datetime(2026, 9, 10, 3, 0, tzinfo=UTC),
            [("card", "60.00")],
            [(aug, "60.00")],
        )
        s.add_all(
            [
                m.ReliefApplication(
                    account_id=account.id,
                    rule_code="DEFAULT",
                    certificate_type="城镇居民最低生活保障证",
                    certificate_no="嘉民低保字〔2026〕00001号",
                    valid_from=date(2026, 1, 1),
                    valid_to=date(2027, 12, 31),
                    holder_name="张三",
                    status="approved",
                    applied_on=date(2026, 7, 10),
                    effective_period="2026-08",
                    created_by=clerk.id,
                ),
                m.ReliefApplication(
                    account_id=account.id,
                    rule_code="DEFAULT",
                    certificate_type="城镇居民最低生活保障证",
                    certificate_no="嘉民低保字〔2024〕00009号",
                    valid_from=date(2024, 1, 1),
                    valid_to=date(2025, 12, 31),
                    holder_name="张三",
                    status="approved",
                    applied_on=date(2024, 1, 5),
                    effective_period="2024-02",
                    created_by=clerk.id,
                ),
            ]
        )
        s.flush()
        return {
            "account": account.id,
            "bare": bare.id,
            "june": june.id,
            "aug": aug.id,
            "oct": octo.id,
            "p1": p1.id,
            "p2": p2.id,
            "p3": p3.id,
        }
