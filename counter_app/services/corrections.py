"""Data-correction requests (资料更正): the record differs from the customer's facts.

    service = CorrectionService(db)
    service.file(account_id, field, proposed, evidence, account_version, actor) -> CorrectionView
    service.approve(request_id, version, clerk, actor, note="") -> CorrectionView
    service.reject(request_id, version, clerk, actor, note) -> CorrectionView
    service.pending() -> tuple[CorrectionView, ...]
    service.reveal(request_id, clerk, actor) -> str  # one full proposed value, audited
    service.for_account(account_id) -> tuple[CorrectionView, ...]

The request remembers the account version the clerk saw. Approving applies
the value only if the account is still at that version (``UPDATE ... WHERE
version = :seen``): a correction that arrives after the record changed raises
:class:`AccountChanged` and writes nothing. Proposed values pass the domain
validators; personal values are shown masked.

The request keeps the proposed value twice: raw (``proposed_value``, what
approving applies) and as shown (``proposed_masked``: masked for the ID number
and phones, the value itself otherwise). Clerks may insert the raw value but
not read it back (migration 0008); only supervisors read it:
:meth:`CorrectionService.approve` applies it without showing it, and
:meth:`CorrectionService.reveal` shows one request's value in full when the
supervisor asks for it, recorded as ``correction.reveal``. Every list
(:meth:`~CorrectionService.pending` for the supervisor too) shows
``proposed_masked``. ``old_value`` is taken from the account's masked columns,
so it is masked already.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.exc import DBAPIError

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.domain.idnumber import validate_id_number
from counter_app.domain.masking import PERSONAL_FIELDS as PERSONAL
from counter_app.domain.masking import mask_field, mask_id_number, mask_phone
from counter_app.domain.phone import PhoneError, is_landline, is_mobile, normalize_phone
from counter_app.domain.pinyin import name_keys

from .audit import Actor, record
from .auth import ClerkIdentity

__all__ = [
    "FIELDS",
    "AccountChanged",
    "CorrectionError",
    "CorrectionService",
    "CorrectionView",
    "StaleCorrection",
]

FIELDS = ("name", "mobile", "landline", "address", "meter_location", "id_number")
DECIDING_ROLES = ("supervisor", "admin")
_LIMITS = {"name": 80, "address": 200, "meter_location": 80}


class CorrectionError(ValueError):
    """Refused input; ``code``: field, empty, format, too_long, same, state."""

    def __init__(self, code: str):
        super().__init__(f"correction refused: {code}")
        self.code = code


class AccountChanged(RuntimeError):
    """The account was changed after the request was filed: nothing applied."""


class StaleCorrection(RuntimeError):
    """Someone decided this request meanwhile: nothing written."""


@dataclass(frozen=True)
class CorrectionView:
    id: int
    account_id: int
    account_no: str
    account_name: str
    field: str
    old_value: str  # masked for personal fields
    proposed_value: str  # masked for personal fields
    evidence: str
    status: str  # pending / approved / rejected
    requested_by: str
    requested_at: datetime
    decided_by: str
    decided_at: datetime | None
    decision_note: str
    version: int


def validate_value(field: str, value: str) -> str:
    """The normalised value or :class:`CorrectionError`."""
    if field not in FIELDS:
        raise CorrectionError("field")
    text = " ".join((value or "").split())
    if not text:
        raise CorrectionError("empty")
    if field == "id_number":
        try:
            return validate_id_number(text)
        except ValueError:
            raise CorrectionError("format") from None
    if field in ("mobile", "landline"):
        try:
            digits = normalize_phone(text)
        except PhoneError:
            raise CorrectionError("format") from None
        ok = is_mobile(digits) if field == "mobile" else is_landline(digits)
        if not ok:
            raise CorrectionError("format")
        return digits
    if len(text) > _LIMITS[field]:
        raise CorrectionError("too_long")
    return text


def _account_values(field: str, value: str) -> dict[str, object]:
    if field == "name":
        full, initials = name_keys(value)
        return {"name": value, "name_pinyin": full, "name_initials": initials}
    if field == "id_number":
        return {"id_number": value, "id_masked": mask_id_number(value), "id_tail": value[-6:]}
    if field in ("mobile", "landline"):
        return {field: value, f"{field}_masked": mask_phone(value)}
    return {field: value}


class CorrectionService:
    def __init__(self, db: Database):
        self.db = db

    def file(
        self, account_id: int, field: str, proposed: str, evidence: str,
        account_version: int, actor: Actor,
    ) -> CorrectionView:
        value = validate_value(field, proposed)
        with self.db.write() as s:
            shown = {
                "mobile": m.Account.mobile_masked, "landline": m.Account.landline_masked,
                "id_number": m.Account.id_masked,
            }.get(field) or getattr(m.Account, field)
            row = s.execute(
                select(m.Account.version, shown.label("old")).where(m.Account.id == account_id)
            ).one_or_none()
            if row is None:
                raise LookupError(account_id)
            if row.version != account_version:
                raise AccountChanged(account_id)
            old = row.old or ""
            if field not in PERSONAL and old == value:
                raise CorrectionError("same")
            shown_value = mask_field(field, value)
            req = m.CorrectionRequest(
                account_id=account_id, field=field, old_value=old, proposed_value=value,
                proposed_masked=shown_value, evidence=evidence.strip(),
                account_version=account_version,
                status="pending", requested_by=actor.clerk_id,
            )
            s.add(req)
            s.flush()
            record(
                s, actor, "correction.file", "correction_request", req.id,
                account_id=account_id, field=field, old=old, proposed=shown_value,
            )
            request_id = req.id
        return self.get(request_id)

    def approve(
        self, request_id: int, version: int, clerk: ClerkIdentity, actor: Actor, note: str = ""
    ) -> CorrectionView:
        self._require(clerk)
        with self.db.write() as s:
            req = self._pending(s, request_id, version)
            values = _account_values(req.field, req.proposed_value)
            now = datetime.now(UTC)
            result = s.execute(
                update(m.Account)
                .where(m.Account.id == req.account_id, m.Account.version == req.account_version)
                .values(**values, version=req.account_version + 1, updated_at=now)
                .execution_options(synchronize_session=False)
            )
            if result.rowcount != 1:
                raise AccountChanged(req.account_id)
            self._decide(s, req.id, version, "approved", clerk, note, now)
            record(
                s, actor, "correction.approve", "correction_request", req.id,
                account_id=req.account_id, field=req.field, old=req.old_value,
                new=req.proposed_masked,
                account_version=req.account_version + 1,
            )
            record(
                s, actor, "account.correct", "account", req.account_id, field=req.field,
                request_id=req.id,
            )
        return self.get(request_id)

    def reject(
        self, request_id: int, version: int, clerk: ClerkIdentity, actor: Actor, note: str
    ) -> CorrectionView:
        self._require(clerk)
        if not note.strip():
            raise CorrectionError("empty")
        with self.db.write() as s:
            req = self._pending(s, request_id, version)
            self._decide(s, req.id, version, "rejected", clerk, note, datetime.now(UTC))
            record(
                s, actor, "correction.reject", "correction_request", req.id,
                account_id=req.account_id, field=req.field, note=note.strip(),
            )
        return self.get(request_id)

    # -- helpers ----------------------------------------------------------------------

    @staticmethod
    def _require(clerk: ClerkIdentity) -> None:
        if clerk.role not in DECIDING_ROLES:
            raise PermissionError("only supervisors decide correction requests")

    @staticmethod
    def _pending(s, request_id: int, version: int) -> m.CorrectionRequest:
        req = s.get(m.CorrectionRequest, request_id)
        if req is None:
            raise LookupError(request_id)
        if req.version != version:
            raise StaleCorrection(request_id)
        if req.status != "pending":
            raise CorrectionError("state")
        return req

    @staticmethod
    def _decide(s, request_id, version, status, clerk, note, now) -> None:
        result = s.execute(
            update(m.CorrectionRequest)
            .where(m.CorrectionRequest.id == request_id, m.CorrectionRequest.version == version)
            .values(
                status=status, decided_by=clerk.id, decided_at=now,
                decision_note=note.strip(), version=version + 1,
            )
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:
            raise StaleCorrection(request_id)

    def get(self, request_id: int) -> CorrectionView:
        views = self._query(m.CorrectionRequest.id == request_id)
        if not views:
            raise LookupError(request_id)
        return views[0]

    def pending(self) -> tuple[CorrectionView, ...]:
        return self._query(m.CorrectionRequest.status == "pending")

    def reveal(self, request_id: int, clerk: ClerkIdentity, actor: Actor) -> str:
        """The raw proposed value of one request, for a supervisor to check
        against the evidence; recorded (``correction.reveal``) in the same
        transaction. A clerk is refused (:class:`PermissionError`) by the
        service and by the database (no SELECT on the column)."""
        self._require(clerk)
        r = m.CorrectionRequest
        try:
            with self.db.write() as s:
                row = s.execute(
                    select(r.account_id, r.field, r.proposed_value).where(r.id == request_id)
                ).one_or_none()
                if row is None:
                    raise LookupError(request_id)
                record(s, actor, "correction.reveal", "correction_request", request_id,
                       account_id=row.account_id, field=row.field)
                return row.proposed_value
        except DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) == "42501":  # insufficient_privilege
                raise PermissionError(str(exc.orig).splitlines()[0]) from None
            raise

    def for_account(self, account_id: int) -> tuple[CorrectionView, ...]:
        return self._query(m.CorrectionRequest.account_id == account_id)

    def _query(self, where) -> tuple[CorrectionView, ...]:
        with self.db.read() as s:
            return self._select(s, where)

    @staticmethod
    def _select(s, where) -> tuple[CorrectionView, ...]:
        """Views of the requests matching ``where``, without the raw proposed
        value (a clerk's login may not read it)."""
        r = m.CorrectionRequest
        columns = [c for c in r.__table__.c if c.key != "proposed_value"]
        names = dict(s.execute(select(m.Clerk.id, m.Clerk.display_name)).all())
        rows = s.execute(
            select(*columns, m.Account.account_no, m.Account.name.label("account_name"))
            .join(m.Account, m.Account.id == r.account_id)
            .where(where)
            .order_by(r.created_at.desc(), r.id.desc())
            .limit(500)
        ).all()
        return tuple(
            CorrectionView(
                id=q.id, account_id=q.account_id, account_no=q.account_no,
                account_name=q.account_name, field=q.field,
                old_value=q.old_value,  # the masked column when personal
                proposed_value=q.proposed_masked, evidence=q.evidence,
                status=q.status, requested_by=names.get(q.requested_by, ""),
                requested_at=q.created_at, decided_by=names.get(q.decided_by, ""),
                decided_at=q.decided_at, decision_note=q.decision_note, version=q.version,
            )
            for q in rows
        )
