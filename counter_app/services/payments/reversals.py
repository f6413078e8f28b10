"""Reversal (冲正) and reprint (补打) of posted payments: one action call each.
Rules: docs/rules/payments.md
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.domain.errors import CounterError
from counter_app.domain.reversal_policy import age_in_days
from counter_app.services.actions import ActionError, call
from counter_app.services.audit import Actor
from counter_app.services.auth import ClerkIdentity
from counter_app.services.payments.receipt_facts import ReceiptFacts, facts_of
from counter_app.services.payments.reversal_policy import ReversalFacts, load_policy, server_now


class ReversalError(CounterError):
    """A refused reversal or reprint: ``code`` why, ``field`` the input."""

    field: str

    def __init__(self, code: str, message: str, *, field: str = "", kind: str | None = None):
        super().__init__(code, message, field=field, kind=kind)


@dataclass(frozen=True)
class ReversalResult:
    reversal_id: int
    payment_id: int
    series_code: str
    receipt_no: int
    account_id: int
    refunded: dict[str, Decimal]
    prepayment_change: Decimal
    balance_after: Decimal
    replayed: bool = False


def _result(data: dict) -> ReversalResult:
    return ReversalResult(
        reversal_id=data["reversal_id"],
        payment_id=data["payment_id"],
        series_code=data["series_code"],
        receipt_no=data["receipt_no"],
        account_id=data["account_id"],
        refunded=dict(data["refunded"]),
        prepayment_change=data["prepayment_change"],
        balance_after=data["balance_after"],
        replayed=data["replayed"],
    )


def _refused(refused: ActionError) -> ReversalError:
    return ReversalError(refused.code, refused.message, field=refused.field, kind=refused.kind)


class ReversalService:
    """Reversals and reprints of posted payments on one login's connection.

    ``reverse`` must run on the supervisor's own login (a ReversalService of
    their Database); the others are the clerk's."""

    def __init__(self, db: Database):
        self.db = db

    def reverse(
        self,
        *,
        payment_id: int,
        reason: str,
        actor: Actor,
        shift_id: int,
        client_uuid: str,
        supervisor: ClerkIdentity | None = None,
    ) -> ReversalResult:
        """The database takes the supervisor from this login and refuses one
        that is not (``supervisor``, when known, only spares that round trip)."""
        if not reason.strip():
            raise ReversalError("reason", "give the reason for the reversal", field="reason")
        if supervisor is not None and not supervisor.has_role("supervisor"):
            raise ReversalError("supervisor", "a supervisor must approve", field="supervisor")
        try:
            return _result(
                call(
                    self.db,
                    "reverse_payment",
                    actor.workstation,
                    payment_id,
                    client_uuid,
                    reason.strip(),
                    shift_id,
                )
            )
        except ActionError as refused:
            if refused.code in ("role", "privilege"):  # the login is no supervisor
                raise ReversalError(
                    "supervisor", "a supervisor must approve", field="supervisor"
                ) from None
            raise _refused(refused) from None

    def lookup(self, payment_id: int, client_uuid: str) -> ReversalResult | None:
        """After an unknown outcome: the reversal booked by ``client_uuid`` (replayed),
        None when the payment is not reversed; ReversalError ``already`` when another
        request reversed it. A read on the clerk's own connection."""
        try:
            found = call(self.db, "lookup_reversal", payment_id, client_uuid, retry_read=True)
        except ActionError as refused:
            raise _refused(refused) from None
        return None if found is None else _result(found)

    def facts(self, payment_id: int, shift_id: int) -> ReversalFacts:
        """What the supervisor is shown before approving: one read on the clerk's connection."""
        p, sh, c = m.Payment, m.Shift, m.Clerk
        with self.db.read() as s:
            row = s.execute(
                select(p.created_at, p.shift_id, c.display_name, sh.opened_at)
                .join(sh, sh.id == p.shift_id)
                .join(c, c.id == sh.clerk_id)
                .where(p.id == payment_id)
            ).one()
            return ReversalFacts(
                payment_id=payment_id,
                paid_at=row.created_at,
                shift_id=row.shift_id,
                shift_clerk=row.display_name,
                shift_opened_at=row.opened_at,
                same_shift=row.shift_id == shift_id,
                age_days=age_in_days(row.created_at, server_now(s)),
                policy=load_policy(s),
            )

    def record_reprint(self, payment_id: int, actor: Actor) -> int:
        """Log a reprint (补打); returns this reprint's number (1 for the first)."""
        return self.reprint(payment_id, actor)[0]

    def reprint(self, payment_id: int, actor: Actor) -> tuple[int, ReceiptFacts]:
        """Log a reprint (补打): its number and what it prints, in one call."""
        try:
            done = call(self.db, "record_reprint", actor.workstation, payment_id)
        except ActionError as refused:
            raise _refused(refused) from None
        return done["reprint"], facts_of(done["facts"])
