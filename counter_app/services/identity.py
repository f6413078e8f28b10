"""Who signs in and why a sign-in is refused: plain types, no database.
Kept apart from services/auth.py so the login window is built before SQLAlchemy loads.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from counter_app.domain.errors import CounterError

ROLES = ("clerk", "supervisor", "admin")
ROLE_RANK = {role: rank for rank, role in enumerate(ROLES)}


class LoginFailure(StrEnum):
    BAD_CREDENTIALS = "bad_credentials"
    UNREACHABLE = "unreachable"
    NOT_A_CLERK = "not_a_clerk"
    INACTIVE = "inactive"
    SCHEMA_MISSING = "schema_missing"
    SCHEMA_TOO_NEW = "schema_too_new"
    INSUFFICIENT_ROLE = "insufficient_role"


class LoginError(CounterError):
    """Login refused; ``failure`` tells the UI which message to show (its
    value is the ``code``)."""

    def __init__(self, failure: LoginFailure, detail: str = ""):
        kind = "forbidden" if failure is LoginFailure.INSUFFICIENT_ROLE else None
        super().__init__(
            failure.value, f"{failure.value}: {detail}" if detail else failure.value, kind=kind
        )
        self.failure = failure
        self.detail = detail


@dataclass(frozen=True)
class ClerkIdentity:
    id: int
    username: str
    display_name: str
    role: str
    hall_code: str

    def has_role(self, role: str) -> bool:
        """True when this clerk's role is ``role`` or above."""
        return ROLE_RANK[self.role] >= ROLE_RANK[role]
