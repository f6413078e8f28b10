"""Append-only audit trail, written in the same transaction as the change."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy.orm import Session

from counter_app.db.models import AuditEvent


@dataclass(frozen=True)
class Actor:
    """Who is acting, and where: every service call that writes takes one."""

    username: str
    workstation: str
    clerk_id: int | None = None


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: object = "",
    **details: object,
) -> None:
    session.add(
        AuditEvent(
            clerk=actor.username,
            workstation=actor.workstation,
            action=action,
            entity=entity,
            entity_id=str(entity_id),
            details=json.dumps(details, ensure_ascii=False, default=str, sort_keys=True),
        )
    )
