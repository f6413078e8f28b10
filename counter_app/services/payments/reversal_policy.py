"""The reversal policy as the utility set it, and what a supervisor sees before approving.
Rules: docs/rules/payments.md
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.domain.reversal_policy import (
    MAX_WARN_DAYS,
    POLICY_KEY,
    WARN_KEY,
    ReversalPolicy,
    parse_policy,
)
from counter_app.services.actions import ActionError, call
from counter_app.services.audit import Actor
from counter_app.services.auth import ClerkIdentity

__all__ = [
    "POLICY_EDITORS",
    "ReversalFacts",
    "load_policy",
    "server_now",
    "set_reversal_policy",
]

# utility_settings is written by counter_admin only (migration 0002)
POLICY_EDITORS = ("admin",)


@dataclass(frozen=True)
class ReversalFacts:
    payment_id: int
    paid_at: datetime  # UTC
    shift_id: int
    shift_clerk: str  # display name of the clerk whose shift took it
    shift_opened_at: datetime  # UTC
    same_shift: bool  # taken in the shift the reversal would be booked in
    age_days: int  # Beijing calendar days; 0 = today
    policy: ReversalPolicy

    @property
    def allowed(self) -> bool:
        return self.policy.allows(self.age_days)

    @property
    def warn(self) -> bool:
        return self.policy.warns(self.age_days) or not self.same_shift


def server_now(session: Session) -> datetime:
    if session.get_bind().dialect.name != "postgresql":
        return datetime.now(UTC)
    return session.execute(select(func.now())).scalar_one()


def load_policy(session: Session) -> ReversalPolicy:
    values = dict(
        session.execute(
            select(m.UtilitySetting.key, m.UtilitySetting.value).where(
                m.UtilitySetting.key.in_((POLICY_KEY, WARN_KEY))
            )
        ).all()
    )
    return parse_policy(values.get(POLICY_KEY), values.get(WARN_KEY))


def set_reversal_policy(
    db: Database,
    policy: ReversalPolicy,
    clerk: ClerkIdentity,
    actor: Actor,
) -> ReversalPolicy:
    """Store the policy: an administrator's action (``counter_set_reversal_policy``,
    audited by the database; the policy is enforced on every reversal row)."""
    if clerk.role not in POLICY_EDITORS:
        raise PermissionError("only an administrator sets the reversal policy")
    if not 0 <= policy.warn_after_days <= MAX_WARN_DAYS:
        raise ValueError(f"warn after 0..{MAX_WARN_DAYS} days")
    try:
        call(
            db, "set_reversal_policy", actor.workstation, policy.scope.value, policy.warn_after_days
        )
    except ActionError as refused:
        if refused.kind == "forbidden":
            raise PermissionError(refused.message) from None
        raise ValueError(f"{refused.field}: {refused.message}") from None
    return policy
