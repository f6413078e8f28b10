"""Bills as the batch client sends them, for the database's checks of a bill
(tier split, migration 0031; relief, 0034): an account with one meter on the
RES schedule whose readings a test adds, the rows a refusal must not write,
and a computed bill's lines as the action's payload."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select, text

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.domain.billing import tier_label
from counter_app.domain.money import to_money
from counter_app.domain.periods import Period
from counter_app.domain.tariffs import Component, Tariff
from counter_app.services.tariffs.billing import period_start
from counter_app.services.tariffs.service import save_tariff
from tests.support.builders import RES, make_account, make_reference

__all__ = [
    "BASIC",
    "FLAT",
    "Water",
    "batch_period_start",
    "books_clean",
    "make_water",
    "payload",
    "prices",
    "rows",
]

D = Decimal
BASIC = (D("2.10"), D("3.15"), D("6.30"))  # RES: tiers up to 180, 300, open
FLAT = {"sewage": D("0.95"), "resource": D("0.40")}


@dataclass
class Water:
    db: Database
    batch: Database
    account_id: int
    meter_id: int
    tariff_id: int
    last: int = 0

    def read(
        self,
        period: str,
        read_on: date,
        usage: int,
        *,
        dial: int = 100000,
        account_id: int | None = None,
        meter_id: int | None = None,
    ) -> int:
        """A reading of ``usage`` m³ after the previous one (wrapping the dial)."""
        previous = self.last
        self.last = (previous + usage) % dial
        with self.db.write() as s:
            row = m.Reading(
                account_id=account_id or self.account_id,
                meter_id=meter_id or self.meter_id,
                period=period,
                read_on=read_on,
                previous_reading=previous,
                reading=self.last,
                usage=usage,
                rolled_over=self.last < previous,
            )
            s.add(row)
            s.flush()
            return row.id

    def bill(self, reading_id: int, usage: int, basic: dict[int, int], **flat: int) -> list:
        """A bill as the batch client sends it, with the basic fee split as given
        (tier → m³) and the flat components over ``usage`` unless given."""
        lines = [
            dict(
                kind="charge",
                component="basic",
                tier_no=t,
                volume=v,
                unit_price=BASIC[t - 1],
                amount=to_money(v * BASIC[t - 1]),
                label=f"基本水费 {tier_label(t)}",
            )
            for t, v in basic.items()
        ]
        lines += [
            dict(
                kind="charge",
                component=c,
                tier_no=None,
                volume=flat.get(c, usage),
                unit_price=p,
                amount=to_money(flat.get(c, usage) * p),
                label=c,
            )
            for c, p in FLAT.items()
        ]
        with self.db.read() as s:
            read_on = s.execute(
                select(m.Reading.read_on).where(m.Reading.id == reading_id)
            ).scalar_one()
        return [
            dict(
                reading_id=reading_id,
                tariff_id=self.tariff_id,
                period_start=batch_period_start(self.db, reading_id),
                due_on=read_on,
                amount=sum(line["amount"] for line in lines),
                lines=lines,
            )
        ]

    def basic_lines(self, period: str) -> list[tuple[int | None, int]]:
        with self.db.read() as s:
            return [
                tuple(r)
                for r in s.execute(
                    text(
                        "SELECT l.tier_no, l.volume FROM bill_lines l JOIN bills b ON b.id = l.bill_id "
                        "WHERE b.account_id = :a AND b.period = :p AND l.component = 'basic' "
                        "ORDER BY l.line_no"
                    ),
                    {"a": self.account_id, "p": period},
                ).all()
            ]


def batch_period_start(db: Database, reading_id: int) -> date:
    """The reading's period_start as the batch computes it (the day after the
    meter's previous reading, else the read cycle's first day; 0035 checks it)."""
    with db.read() as s:
        reading, cycle = s.execute(
            select(m.Reading, m.Account.read_cycle_months)
            .join(m.Account, m.Account.id == m.Reading.account_id)
            .where(m.Reading.id == reading_id)
        ).one()
        previous = s.execute(
            select(func.max(m.Reading.read_on)).where(
                m.Reading.meter_id == reading.meter_id, m.Reading.period < reading.period
            )
        ).scalar_one()
    return period_start(previous, Period.parse(reading.period), cycle)


def rows(db) -> tuple[int, int, int]:
    with db.read() as s:
        return tuple(
            s.execute(
                text(
                    "SELECT (SELECT count(*) FROM bills), (SELECT count(*) FROM bill_lines), "
                    "(SELECT count(*) FROM audit_events WHERE action = 'billing.run')"
                )
            ).one()
        )


def books_clean(db) -> None:
    with db.read() as s:
        assert s.execute(text("SELECT * FROM counter_books_check()")).all() == []


def make_water(db: Database, batch: Database) -> Water:
    """The RES schedule, one household account and its five-digit meter."""
    with db.write() as s:
        make_reference(s)
        tariff_id = save_tariff(s, RES)
        account = make_account(s)
        meter = m.Meter(account_id=account.id, meter_no="M1", dial_digits=5)
        s.add(meter)
        s.flush()
    return Water(db, batch, account.id, meter.id, tariff_id)


def prices(n: int, first: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(first) * (i + 1) for i in range(n))


def payload(tariff_id: int, reading_id: int, read_on: date, lines) -> list[dict]:
    sent = [
        dict(
            kind=line.kind,
            component=line.component.value,
            tier_no=line.tier,
            volume=line.volume,
            unit_price=line.unit_price,
            amount=line.amount,
            label=line.label,
        )
        for line in lines
    ]
    return [
        dict(
            reading_id=reading_id,
            tariff_id=tariff_id,
            period_start=read_on,
            due_on=read_on,
            amount=sum(line.amount for line in lines),
            lines=sent,
        )
    ]


def forget_unbilled_readings(db: Database) -> None:
    """What a failed Hypothesis example left unbilled is not the next example's."""
    with db.write() as s:
        s.execute(
            text(
                "DELETE FROM readings r WHERE NOT EXISTS "
                "(SELECT 1 FROM bills b WHERE b.reading_id = r.id)"
            )
        )


def example_tariff(
    code: str, uppers, basis: str, *, scaling: bool, sewage_tiered: bool, basic: str, sewage: str
) -> Tariff:
    """A three-component schedule for property tests: basic and (maybe tiered) sewage, flat resource."""
    tiers = len(uppers)
    return Tariff(
        code=code,
        name="测试",
        category=code,
        effective_from=date(2026, 1, 1),
        effective_to=None,
        tier_uppers=uppers,
        tier_basis=basis,
        households_scaling=scaling,
        prices={
            Component.BASIC: prices(tiers, basic),
            Component.SEWAGE: prices(tiers if sewage_tiered else 1, sewage),
            Component.RESOURCE: (Decimal("0.4"),),
        },
    )
