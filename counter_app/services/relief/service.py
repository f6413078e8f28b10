"""Low-income relief (特困低保户用水优惠): apply, decide, revoke; the register.
One action call per method (migration 0013). Rules: docs/rules/relief.md
"""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.db.engine import Database
from counter_app.domain.localtime import today
from counter_app.services.actions import ActionError, call
from counter_app.services.audit import Actor
from counter_app.services.relief.checks import (
    MATERIALS,
    ReliefError,
    ReliefInput,
    validate_input,
)
from counter_app.services.relief.queries import (
    AccountBrief,
    PeriodTotal,
    RegisterFilter,
    RegisterPage,
    ReliefOptions,
    ReliefRow,
    account_from_json,
    options_from_json,
    page_from_json,
    row_from_json,
)

__all__ = [
    "MATERIALS",
    "AccountBrief",
    "PeriodTotal",
    "RegisterFilter",
    "RegisterPage",
    "ReliefConflict",
    "ReliefContext",
    "ReliefError",
    "ReliefInput",
    "ReliefOptions",
    "ReliefRow",
    "ReliefService",
]

DECISIONS = frozenset({"approve_relief", "reject_relief", "withdraw_relief"})


class ReliefConflict(ReliefError):
    """Someone else decided the application first (stale version)."""

    def __init__(self, message: str = "the application was changed by someone else"):
        super().__init__("version", "conflict", message, kind="conflict")


@dataclass(frozen=True)
class ReliefContext:
    """What the application form and its printout need, from one call."""

    options: ReliefOptions
    utility_name: str
    hall_name: str  # the signed-in clerk's hall
    account: AccountBrief | None


def refusal(action: str, exc: ActionError) -> ReliefError:
    """The database's refusal as the relief UI names it (field, code)."""
    if exc.kind == "forbidden":  # not a supervisor (role), or no EXECUTE (privilege)
        if action in DECISIONS:  # not a supervisor, or of another hall
            return ReliefError(
                "supervisor", "hall" if exc.code == "hall" else "role", exc.message, kind=exc.kind
            )
        return ReliefError("application", exc.code, exc.message, kind=exc.kind)
    if exc.field == "version" and exc.code == "conflict":
        return ReliefConflict(exc.message)
    return ReliefError(exc.field or "application", exc.code, exc.message, kind=exc.kind)


class ReliefService:
    def __init__(self, db: Database):
        self.db = db

    def _call(self, action: str, *args, read: bool = False):
        try:
            return call(self.db, action, *args, retry_read=read)
        except ActionError as exc:
            raise refusal(action, exc) from None

    # -- reading (one call each) -----------------------------------------------------

    def context(self, account_id: int | None = None) -> ReliefContext:
        c = self._call("relief_context", account_id, read=True)
        return ReliefContext(
            options_from_json(c["options"]),
            c["utility_name"],
            c["hall_name"],
            account_from_json(c["account"]) if c["account"] else None,
        )

    def options(self) -> ReliefOptions:
        return self.context().options

    def account_brief(self, account_id: int) -> AccountBrief:
        brief = self.context(account_id).account
        if brief is None:  # the server refuses an unknown account before this
            raise ReliefError("account", "missing", f"no account {account_id}")
        return brief

    def page(
        self,
        filters: RegisterFilter | None = None,
        expiring_days: int | None = None,
        *,
        from_period: str | None = None,
        to_period: str | None = None,
    ) -> RegisterPage:
        f = filters or RegisterFilter()
        return page_from_json(
            self._call(
                "relief_register",
                f.status,
                f.area,
                f.certificate_type,
                f.expiring_within,
                f.account_id,
                f.limit,
                expiring_days,
                from_period,
                to_period,
                read=True,
            )
        )

    def register(self, filters: RegisterFilter | None = None) -> list[ReliefRow]:
        return self.page(filters).rows

    def expiring(self, within_days: int = 30) -> list[ReliefRow]:
        return self.page(RegisterFilter(limit=0), within_days).expiring

    def totals_per_period(
        self,
        *,
        area: str | None = None,
        from_period: str | None = None,
        to_period: str | None = None,
    ) -> list[PeriodTotal]:
        return self.page(
            RegisterFilter(area=area, limit=0), from_period=from_period, to_period=to_period
        ).totals

    # -- writing (one action each) ----------------------------------------------------

    def apply(self, data: ReliefInput, actor: Actor) -> ReliefRow:
        clean = validate_input(data, today())
        return row_from_json(
            self._call(
                "file_relief",
                actor.workstation,
                data.account_id,
                data.certificate_type,
                clean["certificate_no"],
                data.issuing_office,
                data.valid_from,
                data.valid_to,
                data.holder_name,
                clean["holder_id_number"],
                clean["contact_phone"],
                list(data.materials),
                data.low_income_households,
                data.total_households,
                clean["notes"],
            )
        )

    def approve(self, application_id: int, version: int, actor: Actor) -> ReliefRow:
        return row_from_json(
            self._call("approve_relief", actor.workstation, application_id, version)
        )

    def reject(self, application_id: int, version: int, reason: str, actor: Actor) -> ReliefRow:
        return self._close("reject_relief", application_id, version, reason, actor)

    def revoke(self, application_id: int, version: int, reason: str, actor: Actor) -> ReliefRow:
        return self._close("withdraw_relief", application_id, version, reason, actor)

    def _close(
        self, action: str, application_id: int, version: int, reason: str, actor: Actor
    ) -> ReliefRow:
        if not (reason or "").strip():  # for the clerk's sake; the server checks it too
            raise ReliefError("reason", "required", "give the reason")
        return row_from_json(
            self._call(action, actor.workstation, application_id, version, reason.strip())
        )
