"""Showing a full ID number or phone (查看完整证件号、电话): two calls, the audit row first.
Rules: docs/rules/accounts.md
"""

from __future__ import annotations

from uuid import UUID

from counter_app.db.engine import Database
from counter_app.services.accounts.records import (
    REVEAL_FIELDS,
    REVEAL_ROLE,
    AccountNotFound,
    RevealField,
    RevealLimited,
    RevealRefused,
)
from counter_app.services.actions import ActionError, call
from counter_app.services.audit import Actor
from counter_app.services.auth import ClerkIdentity

__all__ = ["AccountReveal"]


class AccountReveal:
    """:meth:`reveal`: supervisors and admins, audited before the value is sent."""

    db: Database

    def reveal(
        self, account_id: int, field: RevealField, clerk: ClerkIdentity, actor: Actor
    ) -> str:
        """The full ``field`` ("id_number", "mobile" or "landline"; "" when the
        account has none) for a supervisor or admin, after the database has
        committed its ``account.reveal`` audit row. The role is checked here
        for the clerk's sake (no round trip) and by the database for the books."""
        if field not in REVEAL_FIELDS:
            raise ValueError(f"field must be one of {', '.join(REVEAL_FIELDS)}")
        if not clerk.has_role(REVEAL_ROLE):
            raise RevealRefused(f"revealing {field} needs the {REVEAL_ROLE} role")
        try:
            request = call(self.db, "request_reveal", account_id, field, actor.workstation)
            return call(self.db, "reveal_value", UUID(request["token"]))["value"]
        except ActionError as exc:
            if exc.kind == "rate_limited":
                raise RevealLimited(exc.message) from None
            if exc.kind == "forbidden":
                raise RevealRefused(exc.message, code=exc.code) from None
            if exc.kind == "not_found" and exc.field == "account_id":
                raise AccountNotFound(account_id) from None
            raise
