"""Announced outages (停水公告) per area, kept by supervisors.

    service = OutageService(db)
    service.announce(area_code, starts_at, ends_at, reason, clerk, actor) -> OutageView
    service.end(outage_id, clerk, actor, now=None)     # supply back early: ends now
    service.cancel(outage_id, clerk, actor, now=None)  # withdrawn (announced in error)
    service.active(area_code=None, now=None) -> tuple[OutageView, ...]
    service.areas() -> tuple[tuple[str, str], ...]

"Active" means not cancelled and not yet over (``ends_at > now``): an outage
announced for tomorrow is already worth telling the customer about. Only an
active outage can be ended or withdrawn; ending needs it to have started.
Every change is audited in its transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, update

from counter_app.db import models as m
from counter_app.db.engine import Database

from .audit import Actor, record
from .auth import ClerkIdentity

__all__ = ["OutageError", "OutageService", "OutageView"]

SUPERVISOR_ROLES = ("supervisor", "admin")


class OutageError(ValueError):
    def __init__(self, code: str):
        super().__init__(f"outage refused: {code}")
        self.code = code


@dataclass(frozen=True)
class OutageView:
    id: int
    area_code: str
    area_name: str
    starts_at: datetime
    ends_at: datetime
    reason: str
    announced_by: str = ""

    def started(self, now: datetime) -> bool:
        return self.starts_at <= now


class OutageService:
    def __init__(self, db: Database):
        self.db = db

    def areas(self) -> tuple[tuple[str, str], ...]:
        with self.db.read() as s:
            rows = s.execute(select(m.Area.code, m.Area.name).order_by(m.Area.code)).all()
        return tuple((r.code, r.name) for r in rows)

    def announce(
        self, area_code: str, starts_at: datetime, ends_at: datetime, reason: str,
        clerk: ClerkIdentity, actor: Actor,
    ) -> OutageView:
        _require(clerk, None)
        if starts_at.tzinfo is None or ends_at.tzinfo is None:
            raise ValueError("outage times must be timezone-aware")
        if ends_at <= starts_at:
            raise OutageError("period")
        if not reason.strip():
            raise OutageError("reason")
        with self.db.write() as s:
            if s.get(m.Area, area_code) is None:
                raise OutageError("area")
            row = m.Outage(
                area_code=area_code, starts_at=starts_at.astimezone(UTC),
                ends_at=ends_at.astimezone(UTC), reason=reason.strip(), cancelled=False,
                created_by=clerk.id,
            )
            s.add(row)
            s.flush()
            record(
                s, actor, "outage.announce", "outage", row.id, area=area_code,
                starts_at=row.starts_at.isoformat(), ends_at=row.ends_at.isoformat(),
                reason=row.reason,
            )
            outage_id = row.id
        return next(o for o in self.active(area_code, now=starts_at) if o.id == outage_id)

    def end(
        self, outage_id: int, clerk: ClerkIdentity, actor: Actor, *, now: datetime | None = None
    ) -> None:
        """Supply is back before the announced end: the outage ends ``now``."""
        at = _require(clerk, now)
        o = m.Outage
        self._change(outage_id, actor, "outage.end", (o.starts_at < at, o.ends_at > at),
                     {"ends_at": at}, ends_at=at.isoformat())

    def cancel(
        self, outage_id: int, clerk: ClerkIdentity, actor: Actor, *, now: datetime | None = None
    ) -> None:
        """Withdraw an outage announced in error (running or still to come)."""
        at = _require(clerk, now)
        self._change(outage_id, actor, "outage.cancel", (m.Outage.ends_at > at,),
                     {"cancelled": True})

    def _change(self, outage_id: int, actor: Actor, action: str, when: tuple, values: dict,
                **details: object) -> None:
        """Update one announced (not withdrawn) outage in the state ``when``
        describes, audited; OutageError("state") when it is not in it."""
        o = m.Outage
        with self.db.write() as s:
            changed = s.execute(
                update(o).where(o.id == outage_id, o.cancelled.is_(False), *when).values(**values)
            ).rowcount
            if changed != 1:
                raise OutageError("state")
            record(s, actor, action, "outage", outage_id, **details)

    def active(
        self, area_code: str | None = None, *, now: datetime | None = None
    ) -> tuple[OutageView, ...]:
        at = (now or datetime.now(UTC)).astimezone(UTC)
        q = (
            select(m.Outage, m.Area.name, m.Clerk.display_name)
            .join(m.Area, m.Area.code == m.Outage.area_code)
            .outerjoin(m.Clerk, m.Clerk.id == m.Outage.created_by)
            .where(m.Outage.cancelled.is_(False), m.Outage.ends_at > at)
            .order_by(m.Outage.starts_at)
        )
        if area_code is not None:
            q = q.where(m.Outage.area_code == area_code)
        with self.db.read() as s:
            rows = s.execute(q).all()
        return tuple(
            OutageView(o.id, o.area_code, name, o.starts_at, o.ends_at, o.reason, by or "")
            for o, name, by in rows
        )


def _require(clerk: ClerkIdentity, now: datetime | None) -> datetime:
    """The acting time in UTC, once the clerk may change outages."""
    if clerk.role not in SUPERVISOR_ROLES:
        raise PermissionError("only supervisors change outages")
    at = now or datetime.now(UTC)
    if at.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return at.astimezone(UTC)
