"""Reference data of the demo utility: halls, areas, categories, tariffs, relief rule, clerks.
Design: docs/demo.md
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db import models as m
from counter_app.demo.addresses import AREAS
from counter_app.domain.relief import ReliefRule
from counter_app.domain.tariffs import Component, Tariff
from counter_app.services.tariffs.service import (
    load_relief_rules,
    load_tariffs,
    save_tariff,
)

__all__ = [
    "DEMO_CLERKS",
    "DEMO_PASSWORD",
    "DemoClerk",
    "HALLS",
    "RELIEF_RULE_CODE",
    "Reference",
    "SERIES",
    "TARIFFS",
    "ensure_reference",
]

DEMO_PASSWORD = "demo"

HALLS: tuple[tuple[str, str, str], ...] = (
    ("JX01", "嘉祥营业厅", "嘉祥县嘉祥街道呈祥大道168号"),
    ("JX02", "卧龙山营业厅", "嘉祥县卧龙山街道萌山路36号"),
)
# receipt series: (code, hall, prefix)
SERIES: tuple[tuple[str, str, str], ...] = (("JX01", "JX01", "JX01-"), ("JX02", "JX02", "JX02-"))


@dataclass(frozen=True)
class DemoClerk:
    username: str
    display_name: str
    title: str
    role: str
    hall_code: str
    workstation: str


DEMO_CLERKS: tuple[DemoClerk, ...] = (
    DemoClerk("clerk01", "孔晓燕", "收费员", "clerk", "JX01", "JX01-W01"),
    DemoClerk("clerk02", "曾丽娟", "收费员", "clerk", "JX02", "JX02-W01"),
    DemoClerk("super01", "王建华", "班长", "supervisor", "JX01", "JX01-W02"),
    DemoClerk("admin", "系统管理员", "管理员", "admin", "JX01", "JX01-ADMIN"),
)

# utility_settings rows read by receipts and reports (inserted only if missing)
SETTINGS = (("utility_name", "嘉祥公用水务有限公司"), ("utility_hotline", "0537-6851100"))

CATEGORIES = (("RES", "居民生活用水"), ("NONRES", "非居民用水"), ("SPECIAL", "特种用水"))


def _p(*values: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(v) for v in values)


_C = Component
TARIFFS: tuple[Tariff, ...] = (
    Tariff(
        "RES-2016",
        "居民生活用水(阶梯) 2016版",
        "RES",
        date(2000, 1, 1),
        date(2022, 12, 31),
        (180, 300, None),
        {_C.BASIC: _p("1.90", "2.85", "5.70"), _C.SEWAGE: _p("0.80"), _C.RESOURCE: _p("0.40")},
        doc_no="嘉价发〔2015〕21号",
    ),
    Tariff(
        "RES-2023",
        "居民生活用水(阶梯) 2023版",
        "RES",
        date(2023, 1, 1),
        None,
        (180, 300, None),
        {_C.BASIC: _p("2.10", "3.15", "6.30"), _C.SEWAGE: _p("0.95"), _C.RESOURCE: _p("0.40")},
        doc_no="嘉价发〔2022〕37号",
    ),
    Tariff(
        "NONRES-2016",
        "非居民用水 2016版",
        "NONRES",
        date(2000, 1, 1),
        date(2022, 12, 31),
        (None,),
        {_C.BASIC: _p("2.90"), _C.SEWAGE: _p("1.20"), _C.RESOURCE: _p("0.40")},
        doc_no="嘉价发〔2015〕21号",
    ),
    Tariff(
        "NONRES-2023",
        "非居民用水 2023版",
        "NONRES",
        date(2023, 1, 1),
        None,
        (None,),
        {_C.BASIC: _p("3.20"), _C.SEWAGE: _p("1.40"), _C.RESOURCE: _p("0.40")},
        doc_no="嘉价发〔2022〕37号",
    ),
    Tariff(
        "SPECIAL-2016",
        "特种用水",
        "SPECIAL",
        date(2000, 1, 1),
        None,
        (None,),
        {_C.BASIC: _p("12.00"), _C.SEWAGE: _p("1.40"), _C.RESOURCE: _p("0.40")},
        doc_no="嘉价发〔2015〕21号",
    ),
)

RELIEF_RULE_CODE = "DEFAULT"
_RELIEF_ROW = dict(
    code=RELIEF_RULE_CODE,
    name="特困低保户用水优惠(0.20元/吨)",
    kind="per_ton",
    value=Decimal("0.20"),
    component="basic",
    active=True,
)


@dataclass(frozen=True)
class Reference:
    """What the generator needs from the reference tables, as read back."""

    tariffs: tuple[Tariff, ...]
    tariff_ids: dict[str, int]
    relief_rule: ReliefRule
    clerk_ids: dict[str, int]
    series_next: dict[str, int]


def ensure_reference(session: Session, created_at: datetime) -> Reference:
    """Insert the missing reference rows; return the reference as stored.
    The demo clerks log in with their own database roles (made apart)."""

    def missing(model, key_col, keys):
        have = set(session.execute(select(key_col).where(key_col.in_(keys))).scalars())
        return [k for k in keys if k not in have]

    for key in missing(m.UtilitySetting, m.UtilitySetting.key, [k for k, _ in SETTINGS]):
        session.add(m.UtilitySetting(key=key, value=dict(SETTINGS)[key]))
    for code in missing(m.Hall, m.Hall.code, [h[0] for h in HALLS]):
        _, name, address = next(h for h in HALLS if h[0] == code)
        session.add(m.Hall(code=code, name=name, address=address))
    for code in missing(m.Area, m.Area.code, [a.code for a in AREAS]):
        area = next(a for a in AREAS if a.code == code)
        session.add(m.Area(code=code, name=area.name, meter_reader=area.meter_reader))
    for code in missing(m.PriceCategory, m.PriceCategory.code, [c[0] for c in CATEGORIES]):
        session.add(m.PriceCategory(code=code, name=dict(CATEGORIES)[code]))
    session.flush()
    for code in missing(m.Tariff, m.Tariff.code, [t.code for t in TARIFFS]):
        save_tariff(session, next(t for t in TARIFFS if t.code == code))
    if missing(m.ReliefRule, m.ReliefRule.code, [RELIEF_RULE_CODE]):
        session.add(m.ReliefRule(**_RELIEF_ROW))
    for code in missing(m.ReceiptSeries, m.ReceiptSeries.code, [s[0] for s in SERIES]):
        _, hall, prefix = next(s for s in SERIES if s[0] == code)
        session.add(m.ReceiptSeries(code=code, hall_code=hall, prefix=prefix, next_no=1))
    new_clerks = missing(m.Clerk, m.Clerk.username, [c.username for c in DEMO_CLERKS])
    for username in new_clerks:
        c = next(c for c in DEMO_CLERKS if c.username == username)
        session.add(
            m.Clerk(
                username=c.username,
                display_name=c.display_name,
                role=c.role,
                hall_code=c.hall_code,
                active=True,
                created_at=created_at,
            )
        )
    session.flush()

    tariffs = tuple(load_tariffs(session))
    tariff_ids = dict(session.execute(select(m.Tariff.code, m.Tariff.id)).all())
    clerk_ids = dict(
        session.execute(
            select(m.Clerk.username, m.Clerk.id).where(
                m.Clerk.username.in_([c.username for c in DEMO_CLERKS])
            )
        ).all()
    )
    series_next = dict(session.execute(select(m.ReceiptSeries.code, m.ReceiptSeries.next_no)).all())
    rule = load_relief_rules(session)[RELIEF_RULE_CODE]
    return Reference(tariffs, tariff_ids, rule, clerk_ids, series_next)
