"""Low-income relief (特困低保户用水优惠): apply, decide, revoke; the register.

API (every method opens one short transaction; call it off the GUI thread)::

    service = ReliefService(db)
    service.options() -> ReliefOptions            # certificate types, direct approval
    service.utility(hall_code) -> (utility name, hall name)
    service.account_brief(account_id) -> AccountBrief
    service.apply(ReliefInput, clerk, actor, today=None) -> ReliefRow
    service.approve(application_id, version, clerk, actor, today=None) -> ReliefRow
    service.reject(application_id, version, reason, clerk, actor) -> ReliefRow
    service.revoke(application_id, version, reason, clerk, actor) -> ReliefRow
    service.register(RegisterFilter, today=None) -> list[ReliefRow]
    service.expiring(within_days=30, today=None) -> list[ReliefRow]
    service.totals_per_period(area=None, from_period=None, to_period=None)
        -> list[PeriodTotal]

Refusals raise :class:`ReliefError` with ``field`` (the form field to
correct) and ``code``; a decision on a stale version raises
:class:`ReliefConflict`. Every write records an audit event in the same
transaction. The relief starts with the account's first read period that
starts strictly after the application date (domain.relief) and stops by itself
when the certificate expires: billing uses ``valid_to``, and an approved row
whose ``valid_to`` has passed is *shown* as expired (``display_status``).

Utility settings (``utility_settings``): ``relief.certificate_types`` (JSON
list of names, default :data:`DEFAULT_CERTIFICATE_TYPES`),
``relief.direct_approval`` (``true``: the filing clerk's application is
approved at once), ``relief.rule_code`` (default ``DEFAULT``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.domain.periods import Period
from counter_app.domain.relief import relief_effective_from

from .audit import Actor, record
from .auth import ClerkIdentity
from .relief_checks import (
    ACTIVE_STATUSES,
    MATERIALS,
    ReliefError,
    ReliefInput,
    local_today,
    validate_input,
)
from .relief_queries import (
    AccountBrief,
    PeriodTotal,
    RegisterFilter,
    ReliefRow,
    account_brief,
    display_status,
    load_row,
    register_rows,
    totals_per_period,
)

__all__ = [
    "DEFAULT_CERTIFICATE_TYPES",
    "MATERIALS",
    "AccountBrief",
    "PeriodTotal",
    "RegisterFilter",
    "ReliefConflict",
    "ReliefError",
    "ReliefInput",
    "ReliefOptions",
    "ReliefRow",
    "ReliefService",
    "display_status",
    "effective_period_for",
]

DEFAULT_CERTIFICATE_TYPES = ("城镇居民最低生活保障证", "破产企业困难职工生活救助证明")
DEFAULT_RULE_CODE = "DEFAULT"
DECIDER_ROLE = "supervisor"
CERTIFICATE_LOCK_CLASS = 7320  # advisory-lock namespace of relief certificates (shifts: 7301)


class ReliefConflict(ReliefError):
    """Someone else decided the application first (stale version)."""

    def __init__(self, message: str = "the application was changed by someone else"):
        super().__init__("version", "conflict", message)


@dataclass(frozen=True)
class ReliefOptions:
    certificate_types: tuple[str, ...]
    direct_approval: bool
    rule_code: str
    rule_name: str


def _settings(session: Session) -> dict[str, str]:
    rows = session.execute(
        select(m.UtilitySetting.key, m.UtilitySetting.value).where(
            m.UtilitySetting.key.like("relief.%")
        )
    ).all()
    return dict(rows)


def _options(session: Session) -> ReliefOptions:
    values = _settings(session)
    types = DEFAULT_CERTIFICATE_TYPES
    raw = values.get("relief.certificate_types")
    if raw:
        try:
            parsed = json.loads(raw)
        except ValueError:
            parsed = None
        if isinstance(parsed, list) and parsed and all(isinstance(t, str) for t in parsed):
            types = tuple(t.strip() for t in parsed if t.strip())
    direct = values.get("relief.direct_approval", "").strip().lower() in ("true", "1", "yes")
    code = values.get("relief.rule_code", DEFAULT_RULE_CODE).strip() or DEFAULT_RULE_CODE
    rule = session.get(m.ReliefRule, code)
    return ReliefOptions(types, direct, code, rule.name if rule else "")


def certificate_lock_key(certificate_no: str) -> int:
    """A stable signed 32-bit key of a certificate number (collisions only
    serialise two unrelated filings, they never let a duplicate through)."""
    digest = hashlib.blake2b(certificate_no.encode("utf-8"), digest_size=4).digest()
    return int.from_bytes(digest, "big", signed=True)


def lock_certificate(s: Session, certificate_no: str) -> None:
    """Serialise filings on one certificate number until the transaction ends.

    Two clerks filing the same certificate on two accounts lock different
    account rows, so without this both could pass the duplicate check before
    either commits. A transaction-scoped advisory lock is taken before the
    check (READ COMMITTED: the check then sees the first filing once it has
    committed). A partial unique index cannot do it: "active" depends
    on today's date (valid_to >= today).
    """
    s.execute(select(func.pg_advisory_xact_lock(CERTIFICATE_LOCK_CLASS,
                                                certificate_lock_key(certificate_no))))


def effective_period_for(session: Session, account_id: int, applied_on: date) -> str:
    """The account's first read period that starts strictly after ``applied_on``.

    A read period closes with a reading and starts the day after the
    previous reading; the next one closes ``read_cycle_months`` later.
    """
    cycle = session.execute(
        select(m.Account.read_cycle_months).where(m.Account.id == account_id)
    ).scalar_one()
    readings = session.execute(
        select(m.Reading.period, m.Reading.read_on)
        .where(m.Reading.account_id == account_id)
        .order_by(m.Reading.read_on, m.Reading.period)
    ).all()
    later = [r for r in readings if r.read_on >= applied_on]
    if later:  # read on or after the application day: the period after that reading
        period = Period.parse(later[0].period).add(cycle)
        start = later[0].read_on + timedelta(days=1)
    elif readings:  # the period open on the application day is not relieved
        period = Period.parse(readings[-1].period).add(2 * cycle)
        start = period.add(-cycle).last_day + timedelta(days=1)
    else:  # never read: calendar-aligned periods of the account's cycle
        period = Period.from_date(applied_on).add(cycle)
        start = period.add(-(cycle - 1)).first_day
    while start <= applied_on:  # a reading overdue on the application day
        period = period.add(cycle)
        start = period.add(-cycle).last_day + timedelta(days=1)
    relief_effective_from(applied_on, start)
    return str(period)


class ReliefService:
    def __init__(self, db: Database):
        self.db = db

    # -- reading -------------------------------------------------------------------

    def options(self) -> ReliefOptions:
        with self.db.read() as s:
            return _options(s)

    def utility(self, hall_code: str) -> tuple[str, str]:
        """(utility name, hall name) printed on the application form."""
        with self.db.read() as s:
            name = s.get(m.UtilitySetting, "utility_name")
            hall = s.get(m.Hall, hall_code)
            return (name.value if name else "", hall.name if hall else hall_code)

    def account_brief(self, account_id: int) -> AccountBrief:
        with self.db.read() as s:
            return account_brief(s, account_id)

    def register(self, filters: RegisterFilter | None = None, *, today: date | None = None
                 ) -> list[ReliefRow]:
        with self.db.read() as s:
            return register_rows(s, filters or RegisterFilter(), today or local_today())

    def expiring(self, within_days: int = 30, *, today: date | None = None) -> list[ReliefRow]:
        return self.register(RegisterFilter(expiring_within=within_days), today=today)

    def totals_per_period(self, *, area: str | None = None, from_period: str | None = None,
                          to_period: str | None = None) -> list[PeriodTotal]:
        with self.db.read() as s:
            return totals_per_period(s, area, from_period, to_period)

    # -- writing -------------------------------------------------------------------

    def apply(self, data: ReliefInput, clerk: ClerkIdentity, actor: Actor, *,
              today: date | None = None) -> ReliefRow:
        today = today or local_today()
        with self.db.write() as s:
            options = _options(s)
            if s.get(m.ReliefRule, options.rule_code) is None:
                raise ReliefError("rule", "missing", f"no relief rule {options.rule_code}")
            account = s.execute(
                select(m.Account.id, m.Account.account_type, m.Account.households_total,
                       m.Account.status)
                .where(m.Account.id == data.account_id).with_for_update()
            ).one_or_none()
            if account is None:
                raise ReliefError("account", "missing", f"no account {data.account_id}")
            clean = validate_input(data, account, options.certificate_types, today)
            self._refuse_duplicates(s, data.account_id, clean["certificate_no"], today)
            direct = options.direct_approval
            values = dict(
                clean, account_id=data.account_id, rule_code=options.rule_code,
                applied_on=today, created_by=clerk.id, status="pending", version=1,
            )
            if direct:
                values.update(
                    status="approved",
                    effective_period=effective_period_for(s, data.account_id, today),
                    decided_by=clerk.id, decided_at=datetime.now(UTC),
                )
            new_id = s.execute(
                m.ReliefApplication.__table__.insert().returning(m.ReliefApplication.id),
                values,
            ).scalar_one()
            record(s, actor, "relief.apply", "relief_application", new_id,
                   account_id=data.account_id, certificate_type=clean["certificate_type"],
                   certificate_no=clean["certificate_no"], direct_approval=direct)
            if direct:
                record(s, actor, "relief.approve", "relief_application", new_id,
                       effective_period=values["effective_period"], direct=True)
            return load_row(s, new_id, today)

    def approve(self, application_id: int, version: int, clerk: ClerkIdentity, actor: Actor, *,
                today: date | None = None) -> ReliefRow:
        today = today or local_today()
        self._require_decider(clerk)
        with self.db.write() as s:
            row = self._pending_or_active(s, application_id, version, ("pending",))
            if row.valid_to < today:
                raise ReliefError("valid_to", "expired", "the certificate has expired")
            period = effective_period_for(s, row.account_id, row.applied_on)
            self._decide(s, application_id, version, clerk, status="approved",
                         effective_period=period)
            record(s, actor, "relief.approve", "relief_application", application_id,
                   effective_period=period, version=version + 1)
            return load_row(s, application_id, today)

    def reject(self, application_id: int, version: int, reason: str, clerk: ClerkIdentity,
               actor: Actor) -> ReliefRow:
        return self._close(application_id, version, reason, clerk, actor, "rejected",
                           ("pending",), "relief.reject")

    def revoke(self, application_id: int, version: int, reason: str, clerk: ClerkIdentity,
               actor: Actor) -> ReliefRow:
        return self._close(application_id, version, reason, clerk, actor, "revoked",
                           ("pending", "approved"), "relief.revoke")

    # -- helpers -------------------------------------------------------------------

    def _close(self, application_id, version, reason, clerk, actor, status, allowed, action):
        reason = (reason or "").strip()
        if not reason:
            raise ReliefError("reason", "required", "give the reason")
        self._require_decider(clerk)
        with self.db.write() as s:
            self._pending_or_active(s, application_id, version, allowed)
            self._decide(s, application_id, version, clerk, status=status,
                         revoked_reason=reason)
            record(s, actor, action, "relief_application", application_id, reason=reason,
                   version=version + 1)
            return load_row(s, application_id, local_today())

    @staticmethod
    def _require_decider(clerk: ClerkIdentity) -> None:
        if not clerk.has_role(DECIDER_ROLE):
            raise ReliefError("supervisor", "role", "a supervisor must decide")

    @staticmethod
    def _pending_or_active(s: Session, application_id: int, version: int, allowed):
        t = m.ReliefApplication
        row = s.execute(
            select(t.id, t.account_id, t.status, t.version, t.valid_to, t.applied_on)
            .where(t.id == application_id)
        ).one_or_none()
        if row is None:
            raise ReliefError("application", "missing", f"no relief application {application_id}")
        if row.version != version:
            raise ReliefConflict()
        if row.status not in allowed:
            raise ReliefError("status", row.status, f"the application is {row.status}")
        return row

    @staticmethod
    def _decide(s: Session, application_id: int, version: int, clerk: ClerkIdentity,
                **values) -> None:
        t = m.ReliefApplication
        done = s.execute(
            update(t)
            .where(t.id == application_id, t.version == version)
            .values(decided_by=clerk.id, decided_at=datetime.now(UTC), version=version + 1,
                    **values)
            .execution_options(synchronize_session=False)
        )
        if done.rowcount != 1:
            raise ReliefConflict()

    @staticmethod
    def _refuse_duplicates(s: Session, account_id: int, certificate_no: str, today: date) -> None:
        lock_certificate(s, certificate_no)
        t = m.ReliefApplication
        active = (t.status.in_(ACTIVE_STATUSES), t.valid_to >= today)
        same_cert = s.execute(
            select(t.id).where(t.certificate_no == certificate_no, *active).limit(1)
        ).scalar_one_or_none()
        if same_cert is not None:
            raise ReliefError("certificate_no", "duplicate",
                              f"certificate already has active relief {same_cert}")
        same_account = s.execute(
            select(t.id).where(t.account_id == account_id, *active).limit(1)
        ).scalar_one_or_none()
        if same_account is not None:
            raise ReliefError("account", "duplicate",
                              f"account already has active relief {same_account}")
