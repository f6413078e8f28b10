"""A town with relief applicants (household, collective account, clerk and
supervisor) and the relief form data of the relief tests."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal

import pytest

from counter_app.db import models as m
from counter_app.domain.tariffs import Component, Tariff
from counter_app.services.audit import Actor
from counter_app.services.auth import ClerkIdentity
from counter_app.services.relief.checks import local_today
from counter_app.services.relief.service import (
    ReliefInput,
    ReliefService,
)
from counter_app.services.tariffs.service import save_tariff
from tests.support.builders import make_account, make_reference

TODAY = local_today()  # the server's day too (same clock, Asia/Shanghai)


ACTOR = Actor("clerk01", "WS1")


@dataclasses.dataclass
class Town:
    db: object  # the administrator (setup and read-back only)
    service: ReliefService  # a clerk's login
    boss: ReliefService  # a supervisor's login
    household: int
    meter: int
    collective: int
    collective_meter: int
    clerk: ClerkIdentity
    supervisor: ClerkIdentity
    login_as: object  # for one more login


def named(db, login_as, role: str, name: str):
    login, who = login_as(role)
    with db.write() as s:
        s.get(m.Clerk, who.id).display_name = name
    return login, dataclasses.replace(who, display_name=name)


@pytest.fixture
def town(db, login_as) -> Town:
    with db.write() as s:
        make_reference(s)
        save_tariff(s, RES)
        s.add(m.ReliefRule(code="DEFAULT", name="低保", kind="per_ton", value=Decimal("0.20")))
        household = make_account(s)
        collective = make_account(
            s,
            "02000001",
            name="建设路小区",
            account_type="collective",
            households_total=12,
            read_cycle_months=1,
        )
        meters = [
            m.Meter(account_id=household.id, meter_no="M1"),
            m.Meter(account_id=collective.id, meter_no="M2"),
        ]
        s.add_all(meters)
        s.flush()
        ids = household.id, meters[0].id, collective.id, meters[1].id
    clerk_db, clerk = named(db, login_as, "clerk", "收费员")
    sup_db, sup = named(db, login_as, "supervisor", "李主管")
    return Town(db, ReliefService(clerk_db), ReliefService(sup_db), *ids, clerk, sup, login_as)


def form(account_id: int, **kw) -> ReliefInput:
    values = dict(
        account_id=account_id,
        certificate_type=LOW_LIVING,
        certificate_no="嘉民低保字〔2026〕00001号",
        issuing_office="嘉祥县民政局",
        valid_from=TODAY - timedelta(days=300),
        valid_to=TODAY + timedelta(days=400),
        holder_name="张三",
        holder_id_number="370829198506150011",
        contact_phone="13812345678",
        materials=ALL_MATERIALS,
    )
    values.update(kw)
    return ReliefInput(**values)


RES = Tariff(
    code="RES-2026",
    name="居民生活用水",
    category="RES",
    effective_from=date(2025, 1, 1),
    effective_to=None,
    tier_uppers=(None,),
    prices={Component.BASIC: (Decimal("2.10"),), Component.SEWAGE: (Decimal("0.95"),)},
)


LOW_LIVING = "城镇居民最低生活保障证"


ALL_MATERIALS = ("certificate_original", "certificate_copy", "holder_id_copy")
