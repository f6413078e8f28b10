"""The utility's reversal (冲正) policy: how old a payment may be reversed.
Rules: docs/rules/payments.md
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from counter_app.domain.localtime import local_date

__all__ = [
    "POLICY_KEY",
    "WARN_KEY",
    "ReversalPolicy",
    "ReversalScope",
    "age_in_days",
    "parse_policy",
]

POLICY_KEY = "reversal.policy"
WARN_KEY = "reversal.warn_after_days"
MAX_WARN_DAYS = 3660


class ReversalScope(StrEnum):
    SAME_DAY = "same_day"
    ANY_TIME = "any_time"


@dataclass(frozen=True)
class ReversalPolicy:
    scope: ReversalScope = ReversalScope.SAME_DAY
    warn_after_days: int = 1

    def allows(self, age_days: int) -> bool:
        return self.scope is ReversalScope.ANY_TIME or age_days <= 0

    def warns(self, age_days: int) -> bool:
        return age_days >= self.warn_after_days


def age_in_days(paid_at: datetime, now: datetime) -> int:
    """Calendar days (Beijing time) from the payment to ``now``; 0 = today."""
    return (local_date(now) - local_date(paid_at)).days


def parse_policy(scope: str | None, warn_after_days: str | None) -> ReversalPolicy:
    """The policy from its stored text; what cannot be read keeps its default."""
    default = ReversalPolicy()
    try:
        parsed_scope = ReversalScope((scope or "").strip())
    except ValueError:
        parsed_scope = default.scope
    try:
        days = int((warn_after_days or "").strip())
    except ValueError:
        days = default.warn_after_days
    if not 0 <= days <= MAX_WARN_DAYS:
        days = default.warn_after_days
    return ReversalPolicy(parsed_scope, days)
