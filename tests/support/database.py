"""Database-side helpers: the batch utility fixture, payloads of the batch
actions, a sign-in probe and the account statement reader."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import event, select, text

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.services.tariffs.service import save_tariff
from tests.support.builders import RES, make_account, make_reference

D = Decimal


def _password_checked_by_server(db: Database) -> bool:
    """Does the first pg_hba rule a clerk's TCP login meets ask for a password?
    (tools/setup-postgres.sh's +counter_clerk line, or the embedded server's
    one rule for all.)"""
    with db.engine.connect() as conn:
        first = conn.execute(
            text(
                "SELECT auth_method FROM pg_hba_file_rules WHERE type = 'host' AND ("
                "'all' = ANY(user_name) OR 'counter_clerk' = ANY(user_name) "
                "OR '+counter_clerk' = ANY(user_name)) ORDER BY line_number LIMIT 1"
            )
        ).scalar_one_or_none()
    return first in ("scram-sha-256", "md5", "password")


@pytest.fixture
def utility(db, login_batch) -> Utility:
    with db.write() as s:
        make_reference(s)
        tariff_id = save_tariff(s, RES)
        account = make_account(s)
        meter = m.Meter(account_id=account.id, meter_no="M1", dial_digits=5)
        s.add(meter)
        s.flush()
        s.add(
            m.Reading(
                account_id=account.id,
                meter_id=meter.id,
                period="2026-02",
                read_on=date(2026, 2, 20),
                previous_reading=0,
                reading=12,
                usage=12,
            )
        )
    batch, name = login_batch()
    return Utility(db, batch, name, account.id, meter.id, tariff_id)


def _payload(utility: Utility, **changes) -> list[dict]:
    """What the batch client sends for the 2026-02 reading, with changes."""
    with utility.db.read() as s:
        reading_id = s.execute(select(m.Reading.id)).scalar_one()
    lines = [
        dict(
            kind="charge",
            component="basic",
            tier_no=1,
            volume=12,
            unit_price=D("2.10"),
            amount=D("25.20"),
            label="第一阶梯水费",
        ),
        dict(
            kind="charge",
            component="sewage",
            tier_no=None,
            volume=12,
            unit_price=D("0.95"),
            amount=D("11.40"),
            label="污水处理费",
        ),
        dict(
            kind="charge",
            component="resource",
            tier_no=None,
            volume=12,
            unit_price=D("0.40"),
            amount=D("4.80"),
            label="水资源费",
        ),
    ]
    bill = dict(
        reading_id=reading_id,
        tariff_id=utility.tariff_id,
        period_start=date(2026, 1, 1),
        due_on=date(2026, 3, 22),
        amount=D("41.40"),
        lines=lines,
    )
    bill.update(changes)
    return [bill]


class Statements:
    """What a login's connections send, counted by SQLAlchemy (the pool's
    pre-ping is not a statement SQLAlchemy executes: see the ping test)."""

    def __init__(self, db: Database):
        self.sent: list[str] = []
        event.listen(db.engine, "before_cursor_execute", self._sent)

    def _sent(self, conn, cursor, statement, *args) -> None:
        self.sent.append(statement)


@dataclass
class Utility:
    db: Database
    batch: Database
    batch_name: str
    account_id: int
    meter_id: int
    tariff_id: int


def downgrade(db: Database, revision: str) -> None:
    """``alembic downgrade`` of ``db`` to ``revision``, as the schema's owner."""
    from alembic import command

    from counter_app.db.migrate import _config

    with db.engine.begin() as conn:
        conn.execute(text("SET LOCAL ROLE counter_owner"))
        command.downgrade(_config(conn), revision)


def refused_state(login: Database, statement: str, params: dict | None = None) -> str:
    """The SQLSTATE with which ``login`` is refused ``statement`` (it must fail)."""
    from sqlalchemy.exc import DBAPIError

    with pytest.raises(DBAPIError) as info, login.engine.begin() as conn:
        conn.execute(text(statement), params or {})
    return getattr(info.value.orig, "sqlstate", "")
