"""Customer files' archive numbers (用户档案号) and cabinets (migration 0019).
Rules: docs/rules/accounts.md
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from counter_app.db.engine import Database
from counter_app.domain.archive import MAX_CABINET_NO
from counter_app.domain.errors import CounterError
from counter_app.services.action_values import required
from counter_app.services.actions import ActionError, call
from counter_app.services.audit import Actor

__all__ = [
    "ArchiveError",
    "ArchiveInfo",
    "ArchiveService",
    "BatchResult",
    "CatalogueRow",
    "archive_info",
    "check_cabinet_no",
]


class ArchiveError(CounterError, ValueError):
    """A refusal: ``code`` (required, too_long, invalid, already_numbered,
    not_found, role), ``field`` (cabinet_no, account_id, archive_no, locality)."""

    field: str

    def __init__(self, code: str, field: str = "", message: str = "", *, kind: str | None = None):
        super().__init__(code, message, field=field, kind=kind)


@dataclass(frozen=True)
class ArchiveInfo:
    """What the account page shows: the number (None: not numbered yet) and
    the cabinet ('' not recorded)."""

    archive_no: str | None
    cabinet_no: str = ""


@dataclass(frozen=True)
class BatchResult:
    assigned: int
    first: str | None
    last: str | None
    by_locality: dict[str, int]


@dataclass(frozen=True)
class CatalogueRow:
    archive_no: str
    account_no: str
    name: str
    address: str
    cabinet_no: str
    opened_on: date | None
    locality: str


def check_cabinet_no(value: str | None) -> str:
    """The cabinet number as the database keeps it (trimmed, 1-16 characters,
    no control characters); ArchiveError otherwise, before a round trip."""
    text = (value or "").strip()
    if not text:
        raise ArchiveError("required", "cabinet_no", "a cabinet number is required")
    if len(text) > MAX_CABINET_NO:
        raise ArchiveError(
            "too_long", "cabinet_no", f"a cabinet number has at most {MAX_CABINET_NO} characters"
        )
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        raise ArchiveError("invalid", "cabinet_no", "a cabinet number has no control characters")
    return text


def archive_info(j: dict[str, Any] | None) -> ArchiveInfo | None:
    if j is None:
        return None
    return ArchiveInfo(j.get("archive_no"), j.get("cabinet_no") or "")


class ArchiveService:
    def __init__(self, db: Database):
        self.db = db

    def assign(self, account_id: int, cabinet_no: str | None, actor: Actor) -> ArchiveInfo:
        """Give the account its number (and, if given, its cabinet)."""
        cabinet = check_cabinet_no(cabinet_no) if (cabinet_no or "").strip() else None
        return required(
            archive_info(self._act("assign_archive_no", account_id, cabinet, actor.workstation)),
            "archive",
        )

    def set_cabinet(self, account_id: int, cabinet_no: str, actor: Actor) -> ArchiveInfo:
        return required(
            archive_info(
                self._act(
                    "set_cabinet_no", account_id, check_cabinet_no(cabinet_no), actor.workstation
                )
            ),
            "archive",
        )

    def assign_all(self, workstation: str, locality: str | None = None) -> BatchResult:
        """Number every account still without a number (idempotent)."""
        j = self._act("assign_archive_numbers", workstation, locality or None)
        return BatchResult(
            j["assigned"], j["first"], j["last"], {k: int(v) for k, v in j["by_locality"].items()}
        )

    def catalogue(self, locality: str | None = None) -> tuple[CatalogueRow, ...]:
        j = self._act("archive_catalogue", locality or None, read=True)
        return tuple(
            CatalogueRow(
                r["archive_no"],
                r["account_no"],
                r["name"],
                r["address"],
                r["cabinet_no"],
                date.fromisoformat(r["opened_on"]) if r["opened_on"] else None,
                r["locality"],
            )
            for r in j["rows"]
        )

    def _act(self, action: str, *args: object, read: bool = False) -> Any:
        try:
            return call(self.db, action, *args, retry_read=read)
        except ActionError as exc:
            if exc.kind == "forbidden":
                raise PermissionError(exc.message) from None
            raise ArchiveError(exc.code, exc.field, exc.message, kind=exc.kind) from None
