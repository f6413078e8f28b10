"""Announced outages (停水公告) per area, kept by supervisors (migration 0014).
Rules: docs/rules/complaints.md
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from counter_app.db.engine import Database
from counter_app.domain.errors import CounterError
from counter_app.services.action_values import required, when
from counter_app.services.actions import ActionError, call
from counter_app.services.audit import Actor
from counter_app.services.auth import ClerkIdentity

__all__ = ["OutageError", "OutageService", "OutageView"]

SUPERVISOR_ROLES = ("supervisor", "admin")


class OutageError(CounterError, ValueError):
    """Refused: ``code`` ``period`` (the end not after the start), ``reason``
    (none given) or the database's."""

    def __init__(self, code: str, *, field: str | None = None, kind: str | None = None):
        super().__init__(code, f"outage refused: {code}", field=field, kind=kind)


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

    def screen(
        self, area_code: str | None = None, *, now: datetime | None = None
    ) -> tuple[tuple[tuple[str, str], ...], tuple[OutageView, ...]]:
        """The outages screen in one call: the areas (code, name) and the
        active outages (of ``area_code`` or all) as of ``now`` (the server's
        clock when None)."""
        if now is not None and now.tzinfo is None:
            raise ValueError("now must be timezone-aware")
        result = call(self.db, "outage_list", area_code, now, retry_read=True)
        return (
            tuple((code, name) for code, name in result["areas"]),
            tuple(_view(o) for o in result["outages"]),
        )

    def areas(self) -> tuple[tuple[str, str], ...]:
        return self.screen()[0]

    def active(
        self, area_code: str | None = None, *, now: datetime | None = None
    ) -> tuple[OutageView, ...]:
        return self.screen(area_code, now=now)[1]

    def announce(
        self,
        area_code: str,
        starts_at: datetime,
        ends_at: datetime,
        reason: str,
        clerk: ClerkIdentity,
        actor: Actor,
    ) -> OutageView:
        _require(clerk)
        if starts_at.tzinfo is None or ends_at.tzinfo is None:
            raise ValueError("outage times must be timezone-aware")
        if ends_at <= starts_at:
            raise OutageError("period", field="ends_at")
        if not reason.strip():
            raise OutageError("reason", field="reason")
        return _view(
            self._act("announce_outage", actor.workstation, area_code, starts_at, ends_at, reason)
        )

    def end(self, outage_id: int, clerk: ClerkIdentity, actor: Actor) -> None:
        """Supply is back before the announced end: the outage ends now (the
        server's clock)."""
        _require(clerk)
        self._act("end_outage", actor.workstation, outage_id)

    def cancel(self, outage_id: int, clerk: ClerkIdentity, actor: Actor) -> None:
        """Withdraw an outage announced in error (running or still to come)."""
        _require(clerk)
        self._act("withdraw_outage", actor.workstation, outage_id)

    def _act(self, action: str, *args: object) -> dict:
        try:
            return call(self.db, action, *args)
        except ActionError as exc:
            if exc.kind == "forbidden":
                raise PermissionError(exc.message) from None
            raise OutageError(exc.code, field=exc.field or None, kind=exc.kind) from None


def _view(o: dict) -> OutageView:
    return OutageView(
        o["id"],
        o["area_code"],
        o["area_name"],
        required(when(o["starts_at"]), "starts_at"),
        required(when(o["ends_at"]), "ends_at"),
        o["reason"],
        o["announced_by"],
    )


def _require(clerk: ClerkIdentity) -> None:
    """For the clerk's sake: the database refuses anyone but a supervisor too."""
    if clerk.role not in SUPERVISOR_ROLES:
        raise PermissionError("only supervisors change outages")
