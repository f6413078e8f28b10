"""Complaints (投诉): receive, resolve or forward, follow up, reply, close (migration 0014).
Rules: docs/rules/complaints.md
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from uuid import UUID

from psycopg.types.json import Jsonb
from sqlalchemy import select

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.services.action_values import day, iso, required, when
from counter_app.services.actions import ActionError, call
from counter_app.services.audit import Actor
from counter_app.services.auth import ClerkIdentity
from counter_app.services.complaints.types import (
    CATEGORIES,
    CHANNELS,
    CST,
    DEFAULT_DEPARTMENTS,
    DEPARTMENTS_KEY,
    LIMITS,
    SATISFACTION,
    ComplaintError,
    ComplaintEventView,
    ComplaintFilter,
    ComplaintNotFound,
    ComplaintRow,
    ComplaintView,
    DepartmentError,
    NewComplaint,
    StaleComplaint,
    _now,
    check_dates,
    check_new_complaint,
    clean_departments,
    contact_phone,
    is_overdue,
    parse_departments,
    ticket_prefix,
)

__all__ = [
    "CATEGORIES",
    "CHANNELS",
    "CST",
    "LIMITS",
    "check_new_complaint",
    "DEFAULT_DEPARTMENTS",
    "DEPARTMENT_EDITORS",
    "SATISFACTION",
    "ComplaintError",
    "ComplaintEventView",
    "ComplaintFilter",
    "ComplaintNotFound",
    "ComplaintRow",
    "ComplaintService",
    "ComplaintView",
    "DepartmentError",
    "NewComplaint",
    "StaleComplaint",
    "is_overdue",
    "ticket_prefix",
]

# Who may change the department list: the action counter_set_complaint_departments
# needs a supervisor (an administrator is one too); no role writes the setting itself.
DEPARTMENT_EDITORS = ("supervisor", "admin")


class ComplaintService:
    def __init__(self, db: Database):
        self.db = db

    # -- configuration -------------------------------------------------------------

    def departments(self) -> tuple[str, ...]:
        with self.db.read() as s:
            row = s.get(m.UtilitySetting, DEPARTMENTS_KEY)
            return parse_departments(row.value if row else None)

    def set_departments(
        self, names: Iterable[str], loaded: tuple[str, ...], clerk: ClerkIdentity, actor: Actor
    ) -> tuple[str, ...]:
        """Store the list (validated, audited, by the database). ``loaded`` is
        the list the editor started from: if someone saved another list
        meanwhile the save is refused (``DepartmentError("stale")``) and
        nothing is written."""
        if clerk.role not in DEPARTMENT_EDITORS:
            raise PermissionError("only a supervisor changes the department list")
        cleaned = clean_departments(names)
        try:
            saved = call(
                self.db,
                "set_complaint_departments",
                actor.workstation,
                list(cleaned),
                list(loaded),
                list(DEFAULT_DEPARTMENTS),
            )
        except ActionError as exc:
            if exc.kind == "forbidden":
                raise PermissionError(exc.message) from None
            raise DepartmentError(exc.code, exc.field) from None
        return tuple(saved)

    def utility(self, hall_code: str) -> tuple[str, str, str]:
        """(utility name, hall name, hotline) printed on the acceptance slip."""
        with self.db.read() as s:
            values = dict(
                s.execute(
                    select(m.UtilitySetting.key, m.UtilitySetting.value).where(
                        m.UtilitySetting.key.in_(("utility_name", "utility_hotline"))
                    )
                ).all()
            )
            hall = s.get(m.Hall, hall_code)
        return (
            values.get("utility_name", ""),
            hall.name if hall else hall_code,
            values.get("utility_hotline", ""),
        )

    # -- receive -------------------------------------------------------------------

    def receive(self, new: NewComplaint, actor: Actor) -> ComplaintView:
        """File a complaint (handled at once when it carries a resolution or a
        department): the ticket number, the clerk and the time are the
        database's."""
        check_new_complaint(new)
        contact = contact_phone(new.contact)
        if new.channel not in CHANNELS:
            raise ComplaintError("choice", "channel")
        if new.category not in CATEGORIES:
            raise ComplaintError("choice", "category")
        if new.apology_given and not new.company_at_fault:
            raise ComplaintError("apology_without_fault", "apology_given")
        if new.resolution.strip() and new.department.strip():
            raise ComplaintError("resolved_and_forwarded", "department")
        if new.department.strip() and (new.due_at is None or new.due_at <= _now(None)):
            raise ComplaintError("due_in_past", "due_at")
        check_dates(new.recall_on, new.due_at)
        values = {
            "complainant": new.complainant,
            "contact": contact,
            "channel": new.channel,
            "category": new.category,
            "description": new.description,
            "account_id": new.account_id,
            "company_at_fault": new.company_at_fault,
            "apology_given": new.apology_given,
            "resolution": new.resolution,
            "department": new.department,
            "due_at": iso(new.due_at),
            "recall_on": new.recall_on.isoformat() if new.recall_on else None,
        }
        return self._act("receive_complaint", actor.workstation, Jsonb(values))

    # -- life cycle ----------------------------------------------------------------

    def resolve(
        self,
        complaint_id: int,
        version: int,
        resolution: str,
        actor: Actor,
        *,
        company_at_fault: bool | None = None,
        apology_given: bool | None = None,
    ) -> ComplaintView:
        """Solved on the spot (当场解决)."""
        text = _required(resolution, "resolution")
        return self._act(
            "resolve_complaint",
            actor.workstation,
            complaint_id,
            version,
            text,
            company_at_fault,
            apology_given,
        )

    def forward(
        self,
        complaint_id: int,
        version: int,
        department: str,
        due_at: datetime,
        actor: Actor,
        *,
        note: str = "",
    ) -> ComplaintView:
        dept = _required(department, "department")
        if due_at.tzinfo is None:
            raise ValueError("due_at must be timezone-aware")
        if due_at <= _now(None):
            raise ComplaintError("due_in_past", "due_at")
        check_dates(None, due_at)
        return self._act(
            "forward_complaint", actor.workstation, complaint_id, version, dept, due_at, note
        )

    def follow_up(
        self,
        complaint_id: int,
        version: int,
        note: str,
        actor: Actor,
        *,
        recall_on: date | None = None,
    ) -> ComplaintView:
        """A follow-up entry; ``recall_on`` keeps an unsolved problem open with
        the date to contact the customer again."""
        text = _required(note, "note")
        check_dates(recall_on, None)
        return self._act(
            "follow_up_complaint", actor.workstation, complaint_id, version, text, recall_on
        )

    def reply(
        self,
        complaint_id: int,
        version: int,
        content: str,
        channel: str,
        actor: Actor,
    ) -> ComplaintView:
        text = _required(content, "reply")
        if channel not in CHANNELS:
            raise ComplaintError("choice", "reply_channel")
        return self._act("reply_complaint", actor.workstation, complaint_id, version, text, channel)

    def close(
        self,
        complaint_id: int,
        version: int,
        satisfaction: str,
        actor: Actor,
        *,
        note: str = "",
    ) -> ComplaintView:
        if satisfaction not in SATISFACTION:
            raise ComplaintError("choice", "satisfaction")
        return self._act(
            "close_complaint", actor.workstation, complaint_id, version, satisfaction, note
        )

    def reopen(self, complaint_id: int, version: int, reason: str, actor: Actor) -> ComplaintView:
        text = _required(reason, "reason")
        return self._act("reopen_complaint", actor.workstation, complaint_id, version, text)

    def _act(self, action: str, *args: object) -> ComplaintView:
        try:
            return _view(call(self.db, action, *args))
        except ActionError as exc:
            raise _refusal(exc, args) from None

    def reveal_contact(self, complaint_id: int, clerk: ClerkIdentity, actor: Actor) -> str:
        """The full contact phone of a complaint (clerks see it masked), for a
        supervisor or admin, after the database committed its
        ``complaint.reveal`` audit row (the two steps of the accounts' reveal)."""
        if not clerk.has_role("supervisor"):
            raise PermissionError("revealing a contact needs the supervisor role")
        try:
            request = call(self.db, "request_contact_reveal", complaint_id, actor.workstation)
            return call(self.db, "reveal_value", UUID(request["token"]))["value"]
        except ActionError as exc:
            raise _refusal(exc, (complaint_id,)) from None

    # -- reading -------------------------------------------------------------------

    def get(self, complaint_id: int) -> ComplaintView:
        try:
            return _view(call(self.db, "complaint_detail", complaint_id, retry_read=True))
        except ActionError as exc:
            raise _refusal(exc, (complaint_id,)) from None

    def screen(
        self, flt: ComplaintFilter | None, year: int, *, now: datetime | None = None
    ) -> tuple[tuple[ComplaintRow, ...], dict[tuple[int, str], int]]:
        """The list screen in one call: the rows of ``flt`` (overdue as of
        ``now``, the server's clock when None) and the complaints received per
        (month, category) in ``year`` (Asia/Shanghai)."""
        flt = flt or ComplaintFilter()
        wanted = {
            "status": flt.status,
            "category": flt.category,
            "department": flt.department,
            "account_id": flt.account_id,
            "overdue_only": flt.overdue_only,
            "limit": flt.limit,
        }
        at = _now(now) if now is not None else None
        result = call(self.db, "complaint_list", Jsonb(wanted), year, at, retry_read=True)
        rows = tuple(
            ComplaintRow(
                r["id"],
                r["ticket_no"],
                required(when(r["created_at"]), "created_at"),
                r["complainant"],
                r["account_no"],
                r["category"],
                r["status"],
                r["department"],
                when(r["due_at"]),
                day(r["recall_on"]),
                r["overdue"],
            )
            for r in result["rows"]
        )
        counts = {(int(month), category): int(n) for month, category, n in result["counts"]}
        return rows, counts

    def list(
        self, flt: ComplaintFilter | None = None, *, now: datetime | None = None
    ) -> tuple[ComplaintRow, ...]:
        return self.screen(flt, _now(now).astimezone(CST).year, now=now)[0]

    def monthly_counts(self, year: int) -> dict[tuple[int, str], int]:
        """Complaints received per (month, category) in ``year`` (Asia/Shanghai)."""
        return self.screen(ComplaintFilter(limit=1), year)[1]


def _view(v: dict) -> ComplaintView:
    return ComplaintView(
        id=v["id"],
        ticket_no=v["ticket_no"],
        account_id=v["account_id"],
        account_no=v["account_no"],
        address=v["address"],
        complainant=v["complainant"],
        contact=v["contact"],
        channel=v["channel"],
        category=v["category"],
        description=v["description"],
        company_at_fault=v["company_at_fault"],
        apology_given=v["apology_given"],
        status=v["status"],
        department=v["department"],
        due_at=when(v["due_at"]),
        recall_on=day(v["recall_on"]),
        resolution=v["resolution"],
        satisfaction=v["satisfaction"],
        created_at=required(when(v["created_at"]), "created_at"),
        clerk=v["clerk"],
        version=v["version"],
        events=tuple(
            ComplaintEventView(
                e["kind"], e["content"], e["channel"], e["clerk"], required(when(e["at"]), "at")
            )
            for e in v["events"]
        ),
    )


def _refusal(exc: ActionError, args: tuple) -> Exception:
    """The service's own error for a refusal of the database."""
    if exc.kind == "not_found":
        complaint_id = next((a for a in args if isinstance(a, int)), None)
        return ComplaintNotFound(complaint_id)
    if exc.kind == "conflict" and exc.code == "stale":
        return StaleComplaint(exc.message)
    if exc.kind == "forbidden":
        return PermissionError(exc.message)
    return ComplaintError(exc.code, exc.field, kind=exc.kind)


def _required(value: str, name: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ComplaintError("required", name)
    return text
