"""Data-correction requests (资料更正): file, approve, reject, reveal (migration 0014).
Rules: docs/rules/accounts.md
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from counter_app.db.engine import Database
from counter_app.domain.errors import CounterError
from counter_app.domain.idnumber import validate_id_number
from counter_app.domain.phone import PhoneError, is_landline, is_mobile, normalize_phone
from counter_app.domain.pinyin import name_keys
from counter_app.services.action_values import required, when
from counter_app.services.actions import ActionError, call
from counter_app.services.audit import Actor
from counter_app.services.auth import ClerkIdentity

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


class CorrectionError(CounterError, ValueError):
    """Refused input; ``code``: field, empty, format, too_long, same, state."""

    def __init__(self, code: str, *, field: str | None = None, kind: str | None = None):
        super().__init__(code, f"correction refused: {code}", field=field, kind=kind)


class AccountChanged(CounterError, RuntimeError):
    """The account was changed after the request was filed: nothing applied."""

    def __init__(self, message: str = ""):
        super().__init__("account_changed", message, kind="conflict")


class StaleCorrection(CounterError, RuntimeError):
    """Someone decided this request meanwhile: nothing written."""

    def __init__(self, message: str = ""):
        super().__init__("stale", message, kind="conflict")


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


class CorrectionService:
    def __init__(self, db: Database):
        self.db = db

    def file(
        self,
        account_id: int,
        field: str,
        proposed: str,
        evidence: str,
        account_version: int,
        actor: Actor,
    ) -> CorrectionView:
        value = validate_value(field, proposed)
        return self._act(
            "file_correction",
            actor.workstation,
            account_id,
            field,
            value,
            evidence,
            account_version,
        )

    def approve(
        self,
        request_id: int,
        version: int,
        clerk: ClerkIdentity,
        actor: Actor,
        note: str = "",
        *,
        shown: CorrectionView | None = None,
    ) -> CorrectionView:
        """Apply the request (one call when ``shown``, the request as the
        supervisor's list shows it, is given; else it is read first). A
        name's search keys (pinyin) are computed here from the shown value,
        which for a name is the name itself."""
        self._require(clerk)
        if shown is None or shown.id != request_id:
            shown = self.get(request_id)
        keys = name_keys(shown.proposed_value) if shown.field == "name" else ("", "")
        return self._act("approve_correction", actor.workstation, request_id, version, note, *keys)

    def reject(
        self, request_id: int, version: int, clerk: ClerkIdentity, actor: Actor, note: str
    ) -> CorrectionView:
        self._require(clerk)
        if not note.strip():
            raise CorrectionError("empty")
        return self._act("reject_correction", actor.workstation, request_id, version, note)

    # -- helpers ----------------------------------------------------------------------

    @staticmethod
    def _require(clerk: ClerkIdentity) -> None:
        if clerk.role not in DECIDING_ROLES:
            raise PermissionError("only supervisors decide correction requests")

    def _act(self, action: str, *args: object) -> CorrectionView:
        try:
            return _view(call(self.db, action, *args))
        except ActionError as exc:
            raise _refusal(exc, args) from None

    def get(self, request_id: int) -> CorrectionView:
        views = self._query("one", request_id)
        if not views:
            raise LookupError(request_id)
        return views[0]

    def pending(self) -> tuple[CorrectionView, ...]:
        return self._query("pending", None)

    def reveal(self, request_id: int, clerk: ClerkIdentity, actor: Actor) -> str:
        """The raw proposed value of one request, for a supervisor to check
        against the evidence; recorded (``correction.reveal``) by the same
        action. A clerk is refused (:class:`PermissionError`) by the service
        and by the database."""
        self._require(clerk)
        try:
            return call(self.db, "reveal_correction", actor.workstation, request_id)
        except ActionError as exc:
            raise _refusal(exc, (request_id,)) from None

    def for_account(self, account_id: int) -> tuple[CorrectionView, ...]:
        return self._query("account", account_id)

    def _query(self, scope: str, key: int | None) -> tuple[CorrectionView, ...]:
        rows = call(self.db, "correction_list", scope, key, retry_read=True)
        return tuple(_view(r) for r in rows)


def _view(q: dict) -> CorrectionView:
    return CorrectionView(
        id=q["id"],
        account_id=q["account_id"],
        account_no=q["account_no"],
        account_name=q["account_name"],
        field=q["field"],
        old_value=q["old_value"],
        proposed_value=q["proposed_value"],
        evidence=q["evidence"],
        status=q["status"],
        requested_by=q["requested_by"],
        requested_at=required(when(q["requested_at"]), "requested_at"),
        decided_by=q["decided_by"],
        decided_at=when(q["decided_at"]),
        decision_note=q["decision_note"],
        version=q["version"],
    )


def _refusal(exc: ActionError, args: tuple) -> Exception:
    """The service's own error for a refusal of the database."""
    if exc.kind == "forbidden":
        return PermissionError(exc.message)
    if exc.code == "account_changed":
        return AccountChanged(exc.message)
    if exc.code == "stale":
        return StaleCorrection(exc.message)
    if exc.kind == "not_found":
        return LookupError(exc.message)
    return CorrectionError(exc.code, field=exc.field or None, kind=exc.kind)
