"""Showing a full ID number or phone (查看完整证件号、电话): the one audited write of
:class:`~counter_app.services.accounts.AccountService` (see its module for the rules).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from counter_app.db.engine import Database

from .accounts_records import (
    REVEAL_FIELDS,
    REVEAL_ROLE,
    AccountNotFound,
    RevealField,
    RevealRefused,
)
from .audit import Actor
from .auth import ClerkIdentity

__all__ = ["AccountReveal"]


class AccountReveal:
    """:meth:`reveal`: supervisors and admins, audited, through the
    security-definer function ``counter_reveal``."""

    db: Database

    def reveal(
        self, account_id: int, field: RevealField, clerk: ClerkIdentity, actor: Actor
    ) -> str:
        """The full ``field`` ("id_number", "mobile" or "landline"; "" when the
        account has none) for a supervisor or admin, audited as
        ``account.reveal`` in the same transaction."""
        if field not in REVEAL_FIELDS:
            raise ValueError(f"field must be one of {', '.join(REVEAL_FIELDS)}")
        if not clerk.has_role(REVEAL_ROLE):
            raise RevealRefused(f"revealing {field} needs the {REVEAL_ROLE} role")
        try:
            with self.db.write() as s:
                return s.execute(
                    text("SELECT counter_reveal(:id, :field, :ws, :clerk)"),
                    {"id": account_id, "field": field, "ws": actor.workstation,
                     "clerk": clerk.username},
                ).scalar_one()
        except DBAPIError as exc:
            state = getattr(exc.orig, "sqlstate", None)
            if state == "42501":  # insufficient_privilege
                raise RevealRefused(str(exc.orig).splitlines()[0]) from None
            if state == "P0002":  # no_data_found
                raise AccountNotFound(account_id) from None
            raise
