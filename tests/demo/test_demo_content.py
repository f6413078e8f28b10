"""What a seeded demo database contains."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select, text

from counter_app.db import models as m
from counter_app.demo import DEMO_CLERKS
from counter_app.demo.names import COMPOUND_SURNAMES, SPECIAL_READING_SURNAMES
from counter_app.demo.timeline import CST
from counter_app.domain.billing import RELIEF_LABEL, compute_bill
from counter_app.domain.idnumber import validate_id_number
from counter_app.domain.masking import mask_id_number, mask_phone
from counter_app.domain.periods import Period
from counter_app.domain.phone import is_landline, is_mobile
from counter_app.domain.pinyin import name_keys
from counter_app.domain.tariffs import tariff_for
from counter_app.services.complaints.service import (
    CATEGORIES,
    CHANNELS,
    DEFAULT_DEPARTMENTS,
    SATISFACTION,
)
from counter_app.services.tariffs import billing as billing_service
from counter_app.services.tariffs.service import load_relief_rules, load_tariffs

ZERO = Decimal("0.00")


def rows(seeded, *columns, where=None, order_by=None):
    """Core rows; a model stands for all its columns (attribute access by name)."""
    expanded = []
    for c in columns:
        expanded.extend(c.__table__.c if isinstance(c, type) else [c])
    q = select(*expanded)
    if where is not None:
        q = q.where(where)
    if order_by is not None:
        q = q.order_by(*order_by)
    with seeded.db.read() as s:
        return s.execute(q).all()


def test_report_counts_match_tables(seeded):
    counts = seeded.report.counts
    assert counts["accounts"] == 2000
    with seeded.db.read() as s:
        for table in (
            "accounts",
            "meters",
            "readings",
            "bills",
            "bill_lines",
            "payments",
            "payment_tenders",
            "allocations",
            "prepayment_ledger",
            "relief_applications",
            "complaints",
            "complaint_events",
            "shifts",
        ):
            n = s.execute(select(func.count()).select_from(m.Base.metadata.tables[table]))
            assert n.scalar_one() == counts[table], table
    assert seeded.report.elapsed_seconds > 0


def test_id_numbers_are_valid_and_some_end_in_x(seeded):
    ids = [r.id_number for r in rows(seeded, m.Account.id_number) if r.id_number]
    assert len(ids) > 1500
    for value in ids:
        assert validate_id_number(value) == value
    with_x = sum(1 for v in ids if v.endswith("X"))
    assert 0.04 < with_x / len(ids) < 0.16  # about 1 in 11
    assert Counter(v[:6] for v in ids).most_common(1)[0][0] == "370829"


def test_names_have_compound_surnames_rare_characters_and_special_readings(seeded):
    names = [
        r.name for r in rows(seeded, m.Account.name, where=m.Account.account_type == "household")
    ]
    assert sum(1 for n in names if n[:2] in COMPOUND_SURNAMES) >= 5
    for rare in "㵘堃喆":
        assert any(rare in n for n in names), rare
    for surname in SPECIAL_READING_SURNAMES:
        assert any(n.startswith(surname) for n in names), surname


def test_masks_tails_phones_and_pinyin_come_from_the_domain(seeded):
    for a in rows(seeded, m.Account):
        assert (a.name_pinyin, a.name_initials) == name_keys(a.name)
        assert a.id_masked == mask_id_number(a.id_number)
        assert a.id_tail == (a.id_number[-6:] if a.id_number else "")
        assert a.mobile_masked == mask_phone(a.mobile)
        assert a.landline_masked == mask_phone(a.landline)
        assert a.mobile is None or is_mobile(a.mobile)
        assert a.landline is None or (is_landline(a.landline) and a.landline.startswith("0537-"))
        assert a.mobile or a.landline
        assert a.address and a.meter_location
        assert a.account_no.startswith(a.area_code) and len(a.account_no) == 8
        assert (a.households_total is not None) == (a.account_type == "collective")
        assert a.read_cycle_months == (2 if a.account_type == "household" else 1)


def test_account_types_and_addresses_are_believable(seeded):
    kinds = Counter(r.account_type for r in rows(seeded, m.Account.account_type))
    assert 0.8 < kinds["household"] / 2000 < 0.95
    assert kinds["bulk"] and kinds["collective"] and kinds["nonresidential"]
    addresses = [r.address for r in rows(seeded, m.Account.address)]
    assert any("单元" in a and "号楼" in a for a in addresses)
    assert any(a.endswith("号") and "村" in a for a in addresses)
    households = [
        r.households_total
        for r in rows(
            seeded, m.Account.households_total, where=m.Account.account_type == "collective"
        )
    ]
    assert all(20 <= h <= 200 for h in households)


def _bill_inputs(seeded):
    """Core rows (not ORM objects: several thousand bills and lines)."""
    b, line, r, a = m.Bill, m.BillLine, m.Reading, m.Account
    with seeded.db.read() as s:
        tariffs = load_tariffs(s)
        rules = load_relief_rules(s)
        tariff_codes = {i: c for c, i in s.execute(select(m.Tariff.code, m.Tariff.id)).all()}
        accounts = {
            x.id: x
            for x in s.execute(
                select(
                    a.id, a.price_category, a.account_type, a.households_total, a.read_cycle_months
                )
            )
        }
        reliefs = defaultdict(list)
        for x in s.execute(select(m.ReliefApplication)).scalars():
            reliefs[x.account_id].append(
                billing_service._ReliefTerms(
                    rules[x.rule_code],
                    x.effective_period,
                    x.valid_from,
                    x.valid_to,
                    x.low_income_households,
                    x.total_households,
                )
            )
        bills = s.execute(
            select(
                b.id,
                b.account_id,
                b.period,
                b.reading_id,
                b.tariff_id,
                b.period_start,
                b.period_end,
                b.start_reading,
                b.end_reading,
                b.usage,
                b.amount,
                b.due_on,
            ).order_by(b.account_id, b.period)
        ).all()
        lines = defaultdict(list)
        for x in s.execute(
            select(
                line.bill_id,
                line.kind,
                line.component,
                line.tier_no,
                line.volume,
                line.unit_price,
                line.amount,
                line.label,
            ).order_by(line.bill_id, line.line_no)
        ):
            lines[x.bill_id].append(tuple(x)[1:])
        readings = {
            x.id: x
            for x in s.execute(
                select(r.id, r.usage, r.previous_reading, r.reading, r.read_on, r.period)
            )
        }
    return tariffs, tariff_codes, accounts, reliefs, bills, lines, readings


def test_every_bill_is_compute_bill_of_its_usage(seeded):
    tariffs, tariff_codes, accounts, reliefs, bills, lines, readings = _bill_inputs(seeded)
    ytd: dict[tuple[int, int], int] = defaultdict(int)
    previous_read: dict[int, date] = {}
    relieved = 0
    for bill in bills:
        a = accounts[bill.account_id]
        reading = readings[bill.reading_id]
        assert (reading.usage, reading.previous_reading, reading.reading) == (
            bill.usage,
            bill.start_reading,
            bill.end_reading,
        )
        assert bill.period_end == reading.read_on and reading.period == bill.period
        period = Period.parse(bill.period)
        assert bill.period_start == billing_service.period_start(
            previous_read.get(a.id), period, a.read_cycle_months
        )
        previous_read[a.id] = reading.read_on
        tariff = tariff_for(tariffs, a.price_category, bill.period_end)
        assert tariff_codes[bill.tariff_id] == tariff.code
        relief = billing_service.relief_for_period(
            reliefs.get(a.id, ()), bill.period, bill.period_start, bill.period_end
        )
        key = (a.id, bill.period_end.year)
        expected = compute_bill(
            tariff,
            bill.usage,
            year_to_date_usage=ytd[key],
            tier_multiplier=a.households_total if a.account_type == "collective" else 1,
            relief=relief,
        )
        ytd[key] += bill.usage
        got = lines[bill.id]
        assert bill.amount == expected.total == sum((x[5] for x in got), ZERO)
        assert got == [
            (e.kind, e.component.value, e.tier, e.volume, e.unit_price, e.amount, e.label)
            for e in expected.lines
        ]
        assert bill.due_on == bill.period_end + timedelta(days=billing_service.PAYMENT_TERM_DAYS)
        relieved += any(x[6] == RELIEF_LABEL for x in got)
    assert relieved > 10


def test_readings_have_zero_usage_rollovers_and_flags(seeded):
    readings = rows(seeded, m.Reading.usage, m.Reading.rolled_over, m.Reading.flags)
    assert any(r.usage == 0 for r in readings)
    assert any(r.rolled_over and "rollover" in r.flags for r in readings)
    assert any("high" in r.flags for r in readings)
    household = rows(
        seeded,
        m.Reading.usage,
        where=(m.Reading.account_id == m.Account.id) & (m.Account.account_type == "household"),
    )
    monthly = sorted(r.usage / 2 for r in household)
    assert 8 <= monthly[len(monthly) // 2] <= 25  # median m³ per month


def test_payments_tenders_and_allocations_add_up(seeded):
    bills = {r.id: r.amount for r in rows(seeded, m.Bill.id, m.Bill.amount)}
    allocated: dict[int, Decimal] = defaultdict(lambda: ZERO)
    by_payment: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for r in rows(seeded, m.Allocation.payment_id, m.Allocation.bill_id, m.Allocation.amount):
        assert r.amount > 0
        allocated[r.bill_id] += r.amount
        by_payment[r.payment_id] += r.amount
    for bill_id, amount in allocated.items():
        assert amount <= bills[bill_id]
    tenders: dict[int, Decimal] = defaultdict(lambda: ZERO)
    kinds = Counter()
    for t in rows(seeded, m.PaymentTender):
        tenders[t.payment_id] += t.amount
        kinds[t.tender] += 1
        if t.tender == "cash":
            assert t.received - t.amount == t.change_given >= 0
        else:
            assert t.received is None and t.change_given == 0
            assert t.reference or t.tender == "prepayment"
    assert set(kinds) == {"cash", "wechat", "alipay", "card", "prepayment"}
    deposits: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for r in rows(
        seeded,
        m.PrepaymentEntry.payment_id,
        m.PrepaymentEntry.amount,
        where=m.PrepaymentEntry.kind == "deposit",
    ):
        deposits[r.payment_id] += r.amount
    payments = rows(seeded, m.Payment.id, m.Payment.amount)
    for p in payments:
        assert p.amount == tenders[p.id] == by_payment[p.id] + deposits[p.id]
    # most bills with an amount are paid, some accounts are in arrears
    payable = [b for b, amount in bills.items() if amount > 0]
    paid = sum(1 for b in payable if allocated[b] == bills[b])
    assert 0.6 < paid / len(payable) < 0.97


def test_some_accounts_are_in_arrears(seeded):
    as_of = seeded.report.end_period.last_day
    allocated = defaultdict(lambda: ZERO)
    for r in rows(seeded, m.Allocation.bill_id, m.Allocation.amount):
        allocated[r.bill_id] += r.amount
    overdue = {
        r.account_id
        for r in rows(seeded, m.Bill.id, m.Bill.account_id, m.Bill.amount, m.Bill.due_on)
        if r.due_on < as_of and allocated[r.id] < r.amount
    }
    assert 0.04 < len(overdue) / 2000 < 0.14


def test_prepayment_balances_equal_the_ledger(seeded):
    last: dict[int, Decimal] = {}
    running: dict[int, Decimal] = defaultdict(lambda: ZERO)
    times: dict[int, datetime] = {}
    kinds = Counter()
    for e in rows(seeded, m.PrepaymentEntry, order_by=(m.PrepaymentEntry.id,)):
        running[e.account_id] += e.amount
        assert e.balance_after == running[e.account_id] >= 0
        assert e.created_at >= times.get(e.account_id, e.created_at)
        times[e.account_id] = e.created_at
        last[e.account_id] = e.balance_after
        kinds[e.kind] += 1
        assert (e.payment_id is None) == (e.kind == "opening")
    assert kinds["opening"] and kinds["deposit"] and kinds["use"]
    for r in rows(seeded, m.Account.id, m.Account.prepayment_balance):
        assert r.prepayment_balance == last.get(r.id, ZERO)


def test_receipt_numbers_are_gapless_and_in_time_order(seeded):
    series = dict(rows(seeded, m.ReceiptSeries.code, m.ReceiptSeries.next_no))
    by_series = defaultdict(list)
    for r in rows(
        seeded, m.Payment.series_code, m.Payment.receipt_no, m.Payment.created_at, m.Payment.id
    ):
        by_series[r.series_code].append((r.receipt_no, r.created_at, r.id))
    assert set(by_series) == {"JX01", "JX02"}
    for code, items in by_series.items():
        items.sort()
        assert [n for n, _, _ in items] == list(range(1, len(items) + 1))
        assert [(t, i) for _, t, i in items] == sorted((t, i) for _, t, i in items)
        assert series[code] == len(items) + 1


def test_payments_fall_inside_their_clerks_shifts(seeded):
    shifts = {s.id: s for s in rows(seeded, m.Shift)}
    closes = {c.shift_id: c for c in rows(seeded, m.ShiftClose)}
    assert set(closes) == set(shifts)
    totals: dict[int, Counter] = defaultdict(Counter)
    for r in rows(
        seeded,
        m.Payment.shift_id,
        m.Payment.clerk_id,
        m.Payment.workstation,
        m.Payment.created_at,
        m.Payment.series_code,
        m.PaymentTender.tender,
        m.PaymentTender.amount,
        where=m.Payment.id == m.PaymentTender.payment_id,
    ):
        p = r
        shift = shifts[p.shift_id]
        assert p.clerk_id == shift.clerk_id and p.workstation == shift.workstation
        assert shift.opened_at < p.created_at < closes[shift.id].closed_at
        assert p.series_code == shift.hall_code
        totals[shift.id][r.tender] += r.amount
    for shift_id, close in closes.items():
        expected = {k: Decimal(v) for k, v in json.loads(close.expected_json).items()}
        in_drawer = expected.pop("cash_in_drawer")
        assert in_drawer == shifts[shift_id].opening_float + expected["cash"]
        for tender, amount in expected.items():
            assert amount == totals[shift_id].get(tender, ZERO)
        counted = sum((Decimal(k) * n for k, n in json.loads(close.counted_json).items()), ZERO)
        assert counted - in_drawer == close.cash_variance
        assert bool(close.variance_reason) == (close.cash_variance != 0)
    busy = max(totals, key=lambda k: sum(totals[k].values()))
    # the database's day-close report (what counter_day_close_report returns)
    # reads what the demo wrote
    with seeded.db.read() as s:
        report = s.execute(text("SELECT counter_shift_report(:id)"), {"id": busy}).scalar_one()
    assert Decimal(str(report["summary"]["totals"]["by_tender"]["cash"])) == totals[busy]["cash"]


def test_relief_holders_are_approved_and_collectives_pro_rata(seeded):
    reliefs = rows(seeded, m.ReliefApplication)
    accounts = {r.id: r for r in rows(seeded, m.Account)}
    households = [r for r in reliefs if accounts[r.account_id].account_type == "household"]
    collectives = [r for r in reliefs if accounts[r.account_id].account_type == "collective"]
    assert 0.01 < len(households) / 2000 < 0.035
    assert collectives
    for r in reliefs:
        assert r.status == "approved" and r.rule_code == "DEFAULT"
        assert r.valid_from <= r.applied_on <= r.valid_to
        assert r.holder_id_masked == mask_id_number(r.holder_id_number)
        assert r.contact_phone_masked == mask_phone(r.contact_phone) != ""
        assert r.effective_period > f"{r.applied_on:%Y-%m}" or r.effective_period == (
            f"{r.applied_on:%Y-%m}"
        )
        assert json.loads(r.materials_json)
    for r in collectives:
        assert 1 <= r.low_income_households <= r.total_households
        assert r.total_households == accounts[r.account_id].households_total


def test_complaints_have_an_event_log(seeded):
    complaints = {c.id: c for c in rows(seeded, m.Complaint)}
    assert complaints
    events = defaultdict(list)
    for e in rows(seeded, m.ComplaintEvent, order_by=(m.ComplaintEvent.id,)):
        events[e.complaint_id].append(e)
    for cid, c in complaints.items():
        log = events[cid]
        assert log[0].kind == "received" and log[0].created_at == c.created_at
        assert [e.created_at for e in log] == sorted(e.created_at for e in log)
        assert c.updated_at == log[-1].created_at
        status = "open"  # replay the complaint service's state machine
        for e in log[1:]:
            status = {
                "forwarded": "forwarded",
                "resolved": "resolved",
                "reply": "replied",
                "closed": "closed",
            }.get(e.kind, status)
        assert c.status == status
        assert c.version == len(log)
        assert c.channel in CHANNELS and c.category in CATEGORIES
        assert c.satisfaction in ("", *SATISFACTION)
        assert c.department in ("", *DEFAULT_DEPARTMENTS)
        if c.status == "open":
            assert c.recall_on is not None


def test_every_timestamp_derives_from_the_periods(seeded):
    end = seeded.report.end_period
    latest = datetime(
        end.last_day.year, end.last_day.month, end.last_day.day, 23, 59, tzinfo=CST
    ).astimezone(UTC)
    columns = [
        m.Account.created_at,
        m.Reading.created_at,
        m.Bill.created_at,
        m.Payment.created_at,
        m.PrepaymentEntry.created_at,
        m.Shift.opened_at,
        m.ShiftClose.closed_at,
        m.ReliefApplication.decided_at,
        m.ComplaintEvent.created_at,
        m.AuditEvent.at,
        m.Clerk.created_at,
    ]
    with seeded.db.read() as s:
        for column in columns:
            assert s.execute(select(func.max(column))).scalar_one() <= latest, column
    start = end.add(-(2 - 1)).first_day
    first_payment = rows(seeded, func.min(m.Payment.created_at))[0][0]
    assert first_payment.date() >= start


def test_audit_event_and_demo_clerks(seeded):
    events = rows(seeded, m.AuditEvent)
    assert len(events) == 1 and events[0].action == "demo.seed"
    details = json.loads(events[0].details)
    assert details["seed"] == 20251 and details["accounts"] == 2000
    clerks = {c.username: c for c in rows(seeded, m.Clerk)}
    for demo in DEMO_CLERKS:
        clerk = clerks[demo.username]
        assert (clerk.role, clerk.hall_code) == (demo.role, demo.hall_code)


def test_every_account_has_its_archive_number_and_the_sequences_go_on(seeded):
    """属地-年度-序号: 1..n per area and opening year, no gap; the sequences
    continue after the last (the batch numbers nothing, a new number is n+1)."""
    from counter_app.domain.archive import parse_archive_no

    accounts = rows(
        seeded, m.Account.archive_no, m.Account.area_code, m.Account.opened_on, m.Account.cabinet_no
    )
    numbers: dict[tuple[str, int], list[int]] = defaultdict(list)
    for a in accounts:
        parsed = parse_archive_no(a.archive_no)
        assert parsed is not None and str(parsed) == a.archive_no
        assert (parsed.locality, parsed.year) == (a.area_code, a.opened_on.year)
        assert a.cabinet_no
        numbers[parsed.locality, parsed.year].append(parsed.number)
    for numbered in numbers.values():
        assert sorted(numbered) == list(range(1, len(numbered) + 1))
    sequences = {(r.locality, r.year): r.next_no for r in rows(seeded, m.ArchiveSequence)}
    assert sequences == {k: len(v) + 1 for k, v in numbers.items()}
    with seeded.db.engine.connect() as conn:
        assert (
            conn.execute(text("SELECT counter_assign_archive_numbers('t', NULL)")).scalar_one()[
                "assigned"
            ]
            == 0
        )
