"""What the system knows about a customer reporting low pressure or no water.
Rules: docs/rules/complaints.md
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import select

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.services.accounts.ledger import arrears
from counter_app.services.complaints.outages import OutageService, OutageView

__all__ = ["CustomerFacts", "GuideService", "NearbyComplaint"]


@dataclass(frozen=True)
class NearbyComplaint:
    ticket_no: str
    address: str
    status: str
    created_at: datetime
    description: str


@dataclass(frozen=True)
class CustomerFacts:
    account_id: int
    account_no: str
    name: str
    area_code: str
    area_name: str
    arrears: Decimal
    outages: tuple[OutageView, ...]
    nearby: tuple[NearbyComplaint, ...]


class GuideService:
    def __init__(self, db: Database):
        self.db = db
        self._outages = OutageService(db)

    def facts(self, account_id: int, *, now: datetime | None = None) -> CustomerFacts:
        at = (now or datetime.now(UTC)).astimezone(UTC)
        with self.db.read() as s:
            acc = s.execute(
                select(m.Account.account_no, m.Account.name, m.Account.area_code, m.Area.name)
                .join(m.Area, m.Area.code == m.Account.area_code)
                .where(m.Account.id == account_id)
            ).one_or_none()
            if acc is None:
                raise LookupError(account_id)
            owed = arrears(s, [account_id])[account_id]
            c = m.Complaint
            nearby = s.execute(
                select(c.ticket_no, m.Account.address, c.status, c.created_at, c.description)
                .join(m.Account, m.Account.id == c.account_id)
                .where(
                    m.Account.area_code == acc.area_code,
                    c.category == "pressure",
                    c.status != "closed",
                )
                .order_by(c.created_at.desc())
                .limit(5)
            ).all()
        return CustomerFacts(
            account_id=account_id,
            account_no=acc.account_no,
            name=acc.name,
            area_code=acc.area_code,
            area_name=acc[3],
            arrears=owed,
            outages=self._outages.active(acc.area_code, now=at),
            nearby=tuple(NearbyComplaint(*row) for row in nearby),
        )
