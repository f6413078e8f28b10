"""Tariffs and relief rules between the database and the domain."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db import models as m
from counter_app.domain.relief import ReliefKind, ReliefRule
from counter_app.domain.tariffs import Component, FeeComponent, Tariff


def load_fee_components(session: Session) -> dict[Component, FeeComponent]:
    """The fee components as data, in their order on a bill."""
    rows = session.execute(
        select(m.FeeComponent).order_by(m.FeeComponent.sort_order, m.FeeComponent.code)
    ).scalars()
    return {
        Component(r.code): FeeComponent(Component(r.code), r.name, r.relief_applies, r.sort_order)
        for r in rows
    }


def load_tariffs(session: Session) -> list[Tariff]:
    components = load_fee_components(session)
    tiers: dict[int, dict[int, int | None]] = defaultdict(dict)
    for row in session.execute(select(m.TariffTier)).scalars():
        tiers[row.tariff_id][row.tier_no] = row.upper_volume
    rates: dict[int, dict[str, dict[int, Decimal]]] = defaultdict(lambda: defaultdict(dict))
    for rate in session.execute(select(m.TariffRate)).scalars():
        rates[rate.tariff_id][rate.component][rate.tier_no] = rate.unit_price
    result = []
    for t in session.execute(select(m.Tariff).order_by(m.Tariff.id)).scalars():
        uppers = tuple(tiers[t.id][n] for n in sorted(tiers[t.id])) or (None,)
        prices = {
            Component(component): tuple(by_tier[n] for n in sorted(by_tier))
            for component, by_tier in rates[t.id].items()
        }
        result.append(
            Tariff(
                code=t.code,
                name=t.name,
                category=t.category_code,
                effective_from=t.effective_from,
                effective_to=t.effective_to,
                tier_uppers=uppers,
                prices=prices,
                doc_no=t.doc_no,
                tier_basis=t.tier_basis,
                households_scaling=t.households_scaling,
                components=components,
            )
        )
    return result


def save_tariff(session: Session, tariff: Tariff) -> int:
    """Insert a domain tariff with its tiers and rates; returns its id. For the
    DBA's demo seeder and tests only: an administrator saves a schedule with
    ``counter_save_tariff`` (:mod:`counter_app.services.tariffs.admin`)."""
    row = m.Tariff(
        code=tariff.code,
        name=tariff.name,
        category_code=tariff.category,
        effective_from=tariff.effective_from,
        effective_to=tariff.effective_to,
        doc_no=tariff.doc_no,
        tier_basis=tariff.tier_basis,
        households_scaling=tariff.households_scaling,
    )
    session.add(row)
    session.flush()
    for n, upper in enumerate(tariff.tier_uppers, start=1):
        session.add(m.TariffTier(tariff_id=row.id, tier_no=n, upper_volume=upper))
    for component, prices in tariff.prices.items():
        for n, price in enumerate(prices, start=1):
            session.add(
                m.TariffRate(
                    tariff_id=row.id, component=component.value, tier_no=n, unit_price=price
                )
            )
    session.flush()
    return row.id


def load_relief_rules(session: Session) -> dict[str, ReliefRule]:
    return {
        r.code: ReliefRule(ReliefKind(r.kind), r.value, Component(r.component))
        for r in session.execute(select(m.ReliefRule)).scalars()
    }


def tariff_ids(session: Session) -> dict[str, int]:
    return dict(session.execute(select(m.Tariff.code, m.Tariff.id)).all())
