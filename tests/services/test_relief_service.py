"""Relief applications through the service, signed in as real logins: refusals,
decisions, billing effect. The filing clerk, the decider and the day are the
database's (session_user, the server's clock in Asia/Shanghai), so the dates
here are relative to today; history (a relief filed months ago) is seeded by
the administrator, its effective period computed by the server's own rule."""

from __future__ import annotations

import json
import threading
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select, text

from counter_app.db import models as m
from counter_app.domain.dates import latest_date
from counter_app.domain.periods import Period
from counter_app.services.relief.service import (
    RegisterFilter,
    ReliefConflict,
    ReliefError,
    ReliefInput,
)
from counter_app.services.tariffs.billing import bill_period
from tests.support.builders import make_account
from tests.support.relief import ACTOR, ALL_MATERIALS, LOW_LIVING, TODAY, Town, form


def read(db, account_id, meter_id, period, read_on, previous, reading):
    with db.write() as s:
        s.add(
            m.Reading(
                account_id=account_id,
                meter_id=meter_id,
                period=str(period),
                read_on=read_on,
                previous_reading=previous,
                reading=reading,
                usage=reading - previous,
            )
        )


def history(town: Town, data: ReliefInput, applied_on: date) -> tuple[int, str]:
    """An approved relief filed on ``applied_on`` (seeded as the administrator,
    as the demo does); its effective period is the server's rule's."""
    with town.db.write() as s:
        period = s.execute(
            text("SELECT counter_relief_effective_period(:a, :d)"),
            {"a": data.account_id, "d": applied_on},
        ).scalar_one()
        row = m.ReliefApplication(
            account_id=data.account_id,
            rule_code="DEFAULT",
            certificate_type=LOW_LIVING,
            certificate_no=data.certificate_no,
            issuing_office=data.issuing_office,
            valid_from=data.valid_from,
            valid_to=data.valid_to,
            holder_name=data.holder_name,
            holder_id_masked="370829********0011",
            contact_phone_masked="138****5678",
            low_income_households=data.low_income_households,
            total_households=data.total_households,
            status="approved",
            applied_on=applied_on,
            effective_period=period,
            created_by=town.clerk.id,
            decided_by=town.supervisor.id,
            decided_at=datetime(applied_on.year, applied_on.month, applied_on.day, 2, tzinfo=UTC),
            version=2,
        )
        s.add(row)
        s.flush()
        return row.id, period


def relief_lines(db, account_id) -> dict[str, Decimal]:
    with db.read() as s:
        rows = s.execute(
            select(m.Bill.period, m.BillLine.amount)
            .join(m.BillLine, m.BillLine.bill_id == m.Bill.id)
            .where(m.Bill.account_id == account_id, m.BillLine.kind == "relief")
        ).all()
    return dict(rows)


def test_apply_files_a_pending_application_masked_and_audited(town):
    row = town.service.apply(form(town.household), ACTOR)
    assert (row.status, row.display_status, row.version) == ("pending", "pending", 1)
    assert row.holder_id_masked == "370829********0011"
    assert row.contact_phone_masked == "138****5678"
    assert row.materials == ("证件原件", "证件复印件", "持证人身份证复印件")
    assert row.effective_period is None and row.applied_on == TODAY
    assert (row.filed_by, row.decided_by) == ("收费员", "")
    with town.db.read() as s:
        stored = s.execute(
            select(
                m.ReliefApplication.contact_phone,
                m.ReliefApplication.contact_phone_masked,
                m.ReliefApplication.created_by,
            )
        ).one()
        event = s.execute(
            select(m.AuditEvent).where(m.AuditEvent.action == "relief.apply")
        ).scalar_one()
    assert tuple(stored) == ("13812345678", "138****5678", town.clerk.id)
    assert event.entity_id == str(row.id) and event.clerk == town.clerk.username
    assert event.workstation == "WS1"
    assert "370829198506150011" not in event.details


REFUSALS = [
    (dict(certificate_type="身份证"), "certificate_type", "unknown"),
    (dict(certificate_no="  "), "certificate_no", "required"),
    (dict(issuing_office=""), "issuing_office", "required"),
    (dict(valid_to=TODAY - timedelta(days=1)), "valid_to", "expired"),
    (dict(valid_from=TODAY + timedelta(days=1)), "valid_from", "not_yet_valid"),
    (
        dict(valid_from=TODAY - timedelta(days=30), valid_to=TODAY - timedelta(days=60)),
        "valid_to",
        "before_from",
    ),
    (dict(valid_to=date(3708, 11, 19)), "valid_to", "too_far"),  # an ID number in the year
    (dict(valid_to=latest_date(TODAY) + timedelta(days=1)), "valid_to", "too_far"),
    (dict(holder_name=""), "holder_name", "required"),
    (dict(holder_id_number="370829198506150012"), "holder_id_number", "checksum"),
    (dict(holder_id_number=""), "holder_id_number", "required"),
    (dict(contact_phone="12345"), "contact_phone", "format"),
    (dict(materials=ALL_MATERIALS[:2]), "materials", "missing"),
]


@pytest.mark.parametrize(("change", "field", "code"), REFUSALS)
def test_refusals_name_the_field_and_write_nothing(town, change, field, code):
    with pytest.raises(ReliefError) as info:
        town.service.apply(form(town.household, **change), ACTOR)
    assert (info.value.field, info.value.code) == (field, code)
    assert town.service.register() == []


@pytest.mark.parametrize(
    ("low", "total", "field", "code"),
    [
        (None, 12, "low_income_households", "required"),
        (0, 12, "low_income_households", "range"),
        (5, 4, "total_households", "below_low"),
        (5, 13, "total_households", "above_account"),
    ],
)
def test_collective_household_counts_must_make_sense(town, low, total, field, code):
    data = form(town.collective, low_income_households=low, total_households=total)
    with pytest.raises(ReliefError) as info:
        town.service.apply(data, ACTOR)
    assert (info.value.field, info.value.code) == (field, code)


def test_only_residential_accounts_get_relief(town):
    with town.db.write() as s:
        shop = make_account(s, "03000001", name="建设路商店", account_type="nonresidential").id
    with pytest.raises(ReliefError) as info:
        town.service.apply(form(shop), ACTOR)
    assert (info.value.field, info.value.code) == ("account", "not_residential")


def test_second_active_relief_on_same_certificate_or_account_is_refused(town):
    town.service.apply(form(town.household), ACTOR)
    with pytest.raises(ReliefError) as info:
        town.service.apply(
            form(town.collective, low_income_households=1, total_households=12), ACTOR
        )
    assert (info.value.field, info.value.code) == ("certificate_no", "duplicate")
    with pytest.raises(ReliefError) as info:
        town.service.apply(form(town.household, certificate_no="X-2"), ACTOR)
    assert (info.value.field, info.value.code) == ("account", "duplicate")


def test_certificate_number_is_compared_without_case_width_or_spaces(town):
    first = town.service.apply(form(town.household, certificate_no="DBZ-2026 001"), ACTOR)
    assert first.certificate_no == "DBZ-2026001"
    with pytest.raises(ReliefError) as info:
        town.service.apply(
            form(
                town.collective,
                certificate_no="ｄｂｚ－2026001",
                low_income_households=1,
                total_households=12,
            ),
            ACTOR,
        )
    assert (info.value.field, info.value.code) == ("certificate_no", "duplicate")


def test_same_certificate_filed_on_two_accounts_at_once_is_filed_once(town):
    """Two filings released together by a barrier; one wins.
    (tests/services/test_relief_pg.py proves that both wait on the
    certificate lock before checking.)"""
    results: list[object] = [None, None]
    start = threading.Barrier(2, timeout=30)
    filings = [
        form(town.household),
        form(town.collective, low_income_households=1, total_households=12),
    ]

    def file(i: int) -> None:
        start.wait()
        try:
            results[i] = town.service.apply(filings[i], ACTOR)
        except Exception as exc:  # noqa: BLE001 - judged below
            results[i] = exc

    threads = [threading.Thread(target=file, args=(i,)) for i in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    refused = [r for r in results if isinstance(r, ReliefError)]
    assert len(refused) == 1, results
    assert (refused[0].field, refused[0].code) == ("certificate_no", "duplicate")
    assert len(town.service.register()) == 1


def test_rejected_application_frees_the_certificate(town):
    row = town.service.apply(form(town.household), ACTOR)
    with pytest.raises(ReliefError) as info:
        town.boss.reject(row.id, row.version, " ", ACTOR)
    assert info.value.field == "reason"
    rejected = town.boss.reject(row.id, row.version, "材料不全", ACTOR)
    assert (rejected.status, rejected.revoked_reason, rejected.decided_by) == (
        "rejected",
        "材料不全",
        "李主管",
    )
    again = town.service.apply(form(town.household), ACTOR)
    assert again.status == "pending"


def test_approve_sets_the_next_read_period_after_the_application(town):
    # bimonthly account read last month: the period open today closes two
    # months after that reading, relief starts with the one after it
    last = Period.from_date(TODAY).add(-1)
    read(town.db, town.household, town.meter, last, last.first_day + timedelta(days=19), 0, 10)
    row = town.service.apply(form(town.household), ACTOR)
    with pytest.raises(ReliefError) as info:
        town.service.approve(row.id, row.version, ACTOR)  # a clerk's login
    assert (info.value.field, info.value.code) == ("supervisor", "role")
    approved = town.boss.approve(row.id, row.version, ACTOR)
    assert (approved.status, approved.effective_period, approved.version) == (
        "approved",
        str(last.add(4)),
        2,
    )
    assert (approved.filed_by, approved.decided_by) == ("收费员", "李主管")


def test_application_on_the_read_day_starts_with_the_following_period(town):
    now = Period.from_date(TODAY)
    read(town.db, town.household, town.meter, now, TODAY, 0, 10)
    row = town.service.apply(form(town.household), ACTOR)
    approved = town.boss.approve(row.id, 1, ACTOR)
    assert approved.effective_period == str(now.add(2))


def test_second_concurrent_decision_is_refused(town):
    row = town.service.apply(form(town.household), ACTOR)
    town.boss.approve(row.id, row.version, ACTOR)
    with pytest.raises(ReliefConflict):
        town.boss.reject(row.id, row.version, "重复", ACTOR)
    with pytest.raises(ReliefConflict):
        town.boss.approve(row.id, row.version, ACTOR)
    revoked = town.boss.revoke(row.id, 2, "已不符合条件", ACTOR)
    assert (revoked.status, revoked.revoked_reason, revoked.version) == (
        "revoked",
        "已不符合条件",
        3,
    )
    with town.db.read() as s:
        actions = s.execute(
            select(m.AuditEvent.action, m.AuditEvent.clerk)
            .where(m.AuditEvent.action.like("relief.%"))
            .order_by(m.AuditEvent.id)
        ).all()
    assert [tuple(a) for a in actions] == [
        ("relief.apply", town.clerk.username),
        ("relief.approve", town.supervisor.username),
        ("relief.revoke", town.supervisor.username),
    ]


def test_direct_approval_when_the_utility_configures_it(town):
    with town.db.write() as s:
        s.add(m.UtilitySetting(key="relief.direct_approval", value="true"))
        s.add(
            m.UtilitySetting(
                key="relief.certificate_types", value=json.dumps(["特困供养证"], ensure_ascii=False)
            )
        )
    options = town.service.options()
    assert options.certificate_types == ("特困供养证",) and options.direct_approval
    row = town.service.apply(form(town.household, certificate_type="特困供养证"), ACTOR)
    never_read = Period.from_date(TODAY).add(2)  # bimonthly, calendar-aligned
    assert (row.status, row.effective_period) == ("approved", str(never_read))
    assert row.decided_by == "收费员"


def test_expired_shown_and_expiring_listed(town):
    row = town.service.apply(form(town.household, valid_to=TODAY + timedelta(days=17)), ACTOR)
    town.boss.approve(row.id, 1, ACTOR)
    assert [r.id for r in town.service.expiring(30)] == [row.id]
    assert town.service.expiring(10) == []
    assert [r.id for r in town.service.register(RegisterFilter(expiring_within=30))] == [row.id]
    with town.db.write() as s:  # time passes: the certificate ran out yesterday
        s.get(m.ReliefApplication, row.id).valid_to = TODAY - timedelta(days=1)
    [shown] = town.service.register()
    assert (shown.status, shown.display_status) == ("approved", "expired")
    assert town.service.register(RegisterFilter(status="approved")) == []
    assert len(town.service.register(RegisterFilter(status="expired"))) == 1
    # an expired relief no longer blocks a new application on the account
    town.service.apply(form(town.household, certificate_no="N2"), ACTOR)


def test_billing_applied_mid_period_and_expiring_mid_period(town):
    db = town.db
    read(db, town.household, town.meter, "2026-02", date(2026, 2, 20), 0, 10)
    # filed inside the period 02-21..04-20
    _, period = history(
        town,
        form(town.household, valid_from=date(2026, 1, 1), valid_to=date(2026, 7, 20)),
        date(2026, 3, 10),
    )
    assert period == "2026-06"
    read(db, town.household, town.meter, "2026-04", date(2026, 4, 20), 10, 30)
    read(db, town.household, town.meter, "2026-06", date(2026, 6, 20), 30, 50)
    read(db, town.household, town.meter, "2026-08", date(2026, 8, 20), 50, 111)
    read(db, town.household, town.meter, "2026-10", date(2026, 10, 20), 111, 120)
    for period in ("2026-02", "2026-04", "2026-06", "2026-08", "2026-10"):
        bill_period(db, period)
    # 2026-06: full period, 20 m³ × 0.20; 2026-08 (06-21..08-20, 61 days) covered
    # up to 07-20 = 30 days: 61 m³ × 0.20 × 30/61 = 6.00; 2026-10: expired, none
    assert relief_lines(db, town.household) == {
        "2026-06": Decimal("-4.00"),
        "2026-08": Decimal("-6.00"),
    }
    totals = town.service.totals_per_period()
    assert [(t.period, t.bills, t.amount) for t in totals] == [
        ("2026-06", 1, Decimal("4.00")),
        ("2026-08", 1, Decimal("6.00")),
    ]
    assert [t.period for t in town.service.totals_per_period(from_period="2026-07")] == ["2026-08"]
    [shown] = town.service.register()
    assert shown.relief_total == Decimal("10.00") and shown.display_status == "expired"


def test_collective_pro_rata_rounds_half_up_per_line(town):
    db = town.db
    read(db, town.collective, town.collective_meter, "2026-02", date(2026, 2, 25), 0, 10)
    data = form(
        town.collective,
        low_income_households=5,
        total_households=12,
        valid_from=date(2026, 1, 1),
        valid_to=date(2027, 12, 31),
    )
    assert history(town, data, date(2026, 3, 10))[1] == "2026-04"
    read(db, town.collective, town.collective_meter, "2026-03", date(2026, 3, 25), 10, 20)
    read(db, town.collective, town.collective_meter, "2026-04", date(2026, 4, 25), 20, 27)
    read(db, town.collective, town.collective_meter, "2026-05", date(2026, 5, 25), 27, 30)
    for period in ("2026-02", "2026-03", "2026-04", "2026-05"):
        bill_period(db, period)
    # 7 m³ × 0.20 × 5/12 = 0.5833… → 0.58; 3 m³ × 0.20 × 5/12 = 0.25
    assert relief_lines(db, town.collective) == {
        "2026-04": Decimal("-0.58"),
        "2026-05": Decimal("-0.25"),
    }


def test_renewal_relief_is_counted_once_on_each_application(town):
    db = town.db
    read(db, town.household, town.meter, "2026-02", date(2026, 2, 20), 0, 10)
    first, _ = history(
        town,
        form(town.household, valid_from=date(2026, 1, 1), valid_to=date(2026, 7, 20)),
        date(2026, 3, 10),
    )
    read(db, town.household, town.meter, "2026-04", date(2026, 4, 20), 10, 30)
    read(db, town.household, town.meter, "2026-06", date(2026, 6, 20), 30, 50)
    # the first certificate expired on 07-20; renewed on 07-25
    second, period = history(
        town,
        form(
            town.household,
            certificate_no="N2",
            valid_from=date(2026, 7, 21),
            valid_to=date(2027, 7, 20),
        ),
        date(2026, 7, 25),
    )
    assert period == "2026-10"
    read(db, town.household, town.meter, "2026-08", date(2026, 8, 20), 50, 111)
    read(db, town.household, town.meter, "2026-10", date(2026, 10, 20), 111, 120)
    for period in ("2026-02", "2026-04", "2026-06", "2026-08", "2026-10"):
        bill_period(db, period)
    assert relief_lines(db, town.household) == {
        "2026-06": Decimal("-4.00"),
        "2026-08": Decimal("-6.00"),
        "2026-10": Decimal("-1.80"),
    }
    shown = {r.id: r.relief_total for r in town.service.register()}
    assert shown == {first: Decimal("10.00"), second: Decimal("1.80")}
