"""Complaints (投诉): receive, resolve or forward, follow up, reply, close.

API (one short transaction per call; frozen dataclasses out)::

    service = ComplaintService(db)
    service.receive(NewComplaint(...), actor, now=None) -> ComplaintView
    service.get(complaint_id) -> ComplaintView          (with its event log)
    service.resolve(id, version, resolution, actor, ...)  # on the spot
    service.forward(id, version, department, due_at, actor, note="")
    service.follow_up(id, version, note, actor, recall_on=None)
    service.reply(id, version, content, channel, actor, replied_at=None)
    service.close(id, version, satisfaction, actor)
    service.reopen(id, version, reason, actor)
    service.list(ComplaintFilter(...), now=None) -> tuple[ComplaintRow, ...]
    service.monthly_counts(year) -> dict[(month, category), int]
    service.departments() -> tuple[str, ...]
    service.set_departments(names, loaded, clerk, actor) -> tuple[str, ...]

Every change carries the version the clerk loaded; a change made after
someone else saved raises :class:`StaleComplaint` and writes nothing. Times
are UTC; overdue means ``due_at < now`` for a complaint not closed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import UTC, date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counter_app.db import models as m
from counter_app.db.engine import Database

from .audit import Actor, record
from .auth import ClerkIdentity
from .complaint_types import (
    CATEGORIES,
    CHANNELS,
    CST,
    DEFAULT_DEPARTMENTS,
    DEPARTMENTS_KEY,
    LIMITS,
    OPEN_STATES,
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

# Who may change the department list. PostgreSQL grants INSERT/UPDATE on
# utility_settings to counter_admin only (migration 0002); a supervisor would
# need a grant there first.
DEPARTMENT_EDITORS = ("admin",)


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
        """Store the list (validated, audited). ``loaded`` is the list the
        editor started from: if someone saved another list meanwhile the save
        is refused (``DepartmentError("stale")``) and nothing is written."""
        if clerk.role not in DEPARTMENT_EDITORS:
            raise PermissionError("only an administrator changes the department list")
        cleaned = clean_departments(names)
        setting = m.UtilitySetting
        try:
            with self.db.write() as s:
                row = s.execute(
                    select(setting).where(setting.key == DEPARTMENTS_KEY).with_for_update()
                ).scalar_one_or_none()
                current = parse_departments(row.value if row else None)
                if current != tuple(loaded):
                    raise DepartmentError("stale")
                if cleaned == current:
                    return current
                value = "\n".join(cleaned)
                if row is None:
                    s.add(setting(key=DEPARTMENTS_KEY, value=value))
                else:
                    row.value = value
                record(s, actor, "setting.change", "utility_setting", DEPARTMENTS_KEY,
                       old=list(current), new=list(cleaned))
        except IntegrityError:  # another editor stored the first list at the same time
            raise DepartmentError("stale") from None
        return cleaned

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
            values.get("utility_name", ""), hall.name if hall else hall_code,
            values.get("utility_hotline", ""),
        )

    # -- receive -------------------------------------------------------------------

    def receive(
        self, new: NewComplaint, actor: Actor, *, now: datetime | None = None
    ) -> ComplaintView:
        at = _now(now)
        check_new_complaint(new)
        complainant = new.complainant.strip()
        description = new.description.strip()
        contact = contact_phone(new.contact)
        if new.channel not in CHANNELS:
            raise ComplaintError("choice", "channel")
        if new.category not in CATEGORIES:
            raise ComplaintError("choice", "category")
        if new.apology_given and not new.company_at_fault:
            raise ComplaintError("apology_without_fault", "apology_given")
        resolution = new.resolution.strip()
        department = new.department.strip()
        if resolution and department:
            raise ComplaintError("resolved_and_forwarded", "department")
        if department and (new.due_at is None or new.due_at.astimezone(UTC) <= at):
            raise ComplaintError("due_in_past", "due_at")
        if new.due_at is not None and new.due_at.tzinfo is None:
            raise ValueError("due_at must be timezone-aware")
        status = "resolved" if resolution else "forwarded" if department else "open"
        last_error: IntegrityError | None = None
        for _attempt in range(5):  # two halls taking the same number: take the next
            try:
                with self.db.write() as s:
                    # the id only: clerks may not read the raw personal columns
                    if new.account_id is not None and s.scalar(
                        select(m.Account.id).where(m.Account.id == new.account_id)
                    ) is None:
                        raise ComplaintError("unknown_account", "account")
                    ticket = self._next_ticket(s, at)
                    row = m.Complaint(
                        ticket_no=ticket, account_id=new.account_id, complainant=complainant,
                        contact=contact, channel=new.channel,
                        category=new.category, description=description,
                        company_at_fault=new.company_at_fault,
                        apology_given=new.apology_given, status=status,
                        department=department, resolution=resolution,
                        due_at=new.due_at.astimezone(UTC) if department else None,
                        recall_on=None if resolution else new.recall_on,
                        created_by=actor.clerk_id,
                        created_at=at, updated_at=at,
                    )
                    s.add(row)
                    s.flush()
                    content = "已致歉" if new.apology_given else ""
                    self._event(s, row.id, "received", content, new.channel, actor, at)
                    if resolution:
                        self._event(s, row.id, "resolved", resolution, "", actor, at)
                    elif department:
                        self._event(s, row.id, "forwarded", department, "", actor, at)
                    record(
                        s, actor, "complaint.receive", "complaint", row.id, ticket=ticket,
                        category=new.category, channel=new.channel,
                        account_id=new.account_id, at_fault=new.company_at_fault,
                        apology=new.apology_given, status=status, department=department,
                        due_at=row.due_at,
                    )
                    complaint_id = row.id
                return self.get(complaint_id)
            except IntegrityError as exc:
                last_error = exc
        raise RuntimeError("could not take a ticket number") from last_error

    @staticmethod
    def _next_ticket(s: Session, at: datetime) -> str:
        prefix = ticket_prefix(at)
        last = s.scalar(
            select(func.max(m.Complaint.ticket_no)).where(
                m.Complaint.ticket_no.like(prefix + "%")
            )
        )
        seq = int(last[len(prefix):]) + 1 if last else 1
        return f"{prefix}{seq:04d}"

    # -- life cycle ----------------------------------------------------------------

    def resolve(
        self, complaint_id: int, version: int, resolution: str, actor: Actor, *,
        company_at_fault: bool | None = None, apology_given: bool | None = None,
        now: datetime | None = None,
    ) -> ComplaintView:
        """Solved on the spot (当场解决)."""
        text = _required(resolution, "resolution")
        values: dict[str, object] = {"status": "resolved", "resolution": text, "recall_on": None}
        if company_at_fault is not None:
            values["company_at_fault"] = company_at_fault
        if apology_given is not None:
            values["apology_given"] = apology_given
        return self._change(
            complaint_id, version, actor, now, values, ("open", "forwarded", "replied"),
            "resolved", text, "",
        )

    def forward(
        self, complaint_id: int, version: int, department: str, due_at: datetime,
        actor: Actor, *, note: str = "", now: datetime | None = None,
    ) -> ComplaintView:
        dept = _required(department, "department")
        if due_at.tzinfo is None:
            raise ValueError("due_at must be timezone-aware")
        if due_at.astimezone(UTC) <= _now(now):
            raise ComplaintError("due_in_past", "due_at")
        values = {"status": "forwarded", "department": dept, "due_at": due_at.astimezone(UTC)}
        content = f"{dept}：{note.strip()}" if note.strip() else dept
        return self._change(
            complaint_id, version, actor, now, values, ("open", "forwarded"), "forwarded",
            content, "",
        )

    def follow_up(
        self, complaint_id: int, version: int, note: str, actor: Actor, *,
        recall_on: date | None = None, now: datetime | None = None,
    ) -> ComplaintView:
        """A follow-up entry; ``recall_on`` keeps an unsolved problem open with
        the date to contact the customer again."""
        text = _required(note, "note")
        values: dict[str, object] = {}
        if recall_on is not None:
            values["recall_on"] = recall_on
        return self._change(
            complaint_id, version, actor, now, values, OPEN_STATES, "follow_up", text, "",
        )

    def reply(
        self, complaint_id: int, version: int, content: str, channel: str, actor: Actor, *,
        replied_at: datetime | None = None, now: datetime | None = None,
    ) -> ComplaintView:
        text = _required(content, "reply")
        if channel not in CHANNELS:
            raise ComplaintError("choice", "reply_channel")
        at = _now(replied_at or now)
        values: dict[str, object] = {"status": "replied"}
        return self._change(
            complaint_id, version, actor, now, values, ("open", "forwarded", "resolved", "replied"),
            "reply", text, channel, event_at=at,
        )

    def close(
        self, complaint_id: int, version: int, satisfaction: str, actor: Actor, *,
        note: str = "", now: datetime | None = None,
    ) -> ComplaintView:
        if satisfaction not in SATISFACTION:
            raise ComplaintError("choice", "satisfaction")
        values = {"status": "closed", "satisfaction": satisfaction, "recall_on": None}
        return self._change(
            complaint_id, version, actor, now, values, ("resolved", "replied"), "closed",
            note.strip() or satisfaction, "",
        )

    def reopen(
        self, complaint_id: int, version: int, reason: str, actor: Actor, *,
        now: datetime | None = None,
    ) -> ComplaintView:
        text = _required(reason, "reason")
        values = {"status": "open", "satisfaction": ""}
        return self._change(
            complaint_id, version, actor, now, values, ("resolved", "replied", "closed"),
            "reopened", text, "",
        )

    def _change(
        self, complaint_id: int, version: int, actor: Actor, now: datetime | None,
        values: dict[str, object], allowed_from: tuple[str, ...], kind: str, content: str,
        channel: str, *, event_at: datetime | None = None,
    ) -> ComplaintView:
        at = _now(now)
        with self.db.write() as s:
            current = s.execute(
                select(m.Complaint.status, m.Complaint.version).where(
                    m.Complaint.id == complaint_id
                )
            ).one_or_none()
            if current is None:
                raise ComplaintNotFound(complaint_id)
            if current.version != version:
                raise StaleComplaint(complaint_id)
            if current.status not in allowed_from:
                raise ComplaintError("state", current.status)
            result = s.execute(
                update(m.Complaint)
                .where(m.Complaint.id == complaint_id, m.Complaint.version == version)
                .values(**values, version=version + 1, updated_at=at)
                .execution_options(synchronize_session=False)
            )
            if result.rowcount != 1:
                raise StaleComplaint(complaint_id)
            self._event(s, complaint_id, kind, content, channel, actor, event_at or at)
            record(
                s, actor, f"complaint.{kind}", "complaint", complaint_id,
                version=version + 1, **{k: v for k, v in values.items() if k != "resolution"},
            )
        return self.get(complaint_id)

    @staticmethod
    def _event(
        s: Session, complaint_id: int, kind: str, content: str, channel: str, actor: Actor,
        at: datetime,
    ) -> None:
        s.add(
            m.ComplaintEvent(
                complaint_id=complaint_id, kind=kind, content=content, channel=channel,
                clerk_id=actor.clerk_id, created_at=at,
            )
        )

    # -- reading -------------------------------------------------------------------

    def get(self, complaint_id: int) -> ComplaintView:
        with self.db.read() as s:
            c = s.get(m.Complaint, complaint_id)
            if c is None:
                raise ComplaintNotFound(complaint_id)
            account_no = address = ""
            if c.account_id is not None:
                acc = s.execute(
                    select(m.Account.account_no, m.Account.address).where(
                        m.Account.id == c.account_id
                    )
                ).one()
                account_no, address = acc.account_no, acc.address
            names = dict(s.execute(select(m.Clerk.id, m.Clerk.display_name)).all())
            events = s.scalars(
                select(m.ComplaintEvent)
                .where(m.ComplaintEvent.complaint_id == complaint_id)
                .order_by(m.ComplaintEvent.id)
            ).all()
            return ComplaintView(
                id=c.id, ticket_no=c.ticket_no, account_id=c.account_id,
                account_no=account_no, address=address, complainant=c.complainant,
                contact=c.contact, channel=c.channel, category=c.category,
                description=c.description, company_at_fault=c.company_at_fault,
                apology_given=c.apology_given, status=c.status, department=c.department,
                due_at=c.due_at, recall_on=c.recall_on, resolution=c.resolution,
                satisfaction=c.satisfaction, created_at=c.created_at,
                clerk=names.get(c.created_by, ""), version=c.version,
                events=tuple(
                    ComplaintEventView(
                        e.kind, e.content, e.channel, names.get(e.clerk_id, ""), e.created_at
                    )
                    for e in events
                ),
            )

    def list(
        self, flt: ComplaintFilter | None = None, *, now: datetime | None = None
    ) -> tuple[ComplaintRow, ...]:
        at = _now(now)
        flt = flt or ComplaintFilter()
        c = m.Complaint
        q = (
            select(
                c.id, c.ticket_no, c.created_at, c.complainant, m.Account.account_no,
                c.category, c.status, c.department, c.due_at, c.recall_on,
            )
            .outerjoin(m.Account, m.Account.id == c.account_id)
            .order_by(c.created_at.desc(), c.id.desc())
            .limit(flt.limit)
        )
        if flt.status == "unclosed":
            q = q.where(c.status != "closed")
        elif flt.status:
            q = q.where(c.status == flt.status)
        if flt.category:
            q = q.where(c.category == flt.category)
        if flt.department:
            q = q.where(c.department == flt.department)
        if flt.account_id is not None:
            q = q.where(c.account_id == flt.account_id)
        if flt.overdue_only:
            q = q.where(c.status != "closed", c.due_at.is_not(None), c.due_at < at)
        with self.db.read() as s:
            rows = s.execute(q).all()
        return tuple(
            ComplaintRow(
                r.id, r.ticket_no, r.created_at, r.complainant, r.account_no or "",
                r.category, r.status, r.department, r.due_at, r.recall_on,
                is_overdue(r.status, r.due_at, at),
            )
            for r in rows
        )

    def monthly_counts(self, year: int) -> dict[tuple[int, str], int]:
        """Complaints received per (month, category) in ``year`` (Asia/Shanghai)."""
        start = datetime(year, 1, 1, tzinfo=CST).astimezone(UTC)
        end = datetime(year + 1, 1, 1, tzinfo=CST).astimezone(UTC)
        with self.db.read() as s:
            rows = s.execute(
                select(m.Complaint.created_at, m.Complaint.category).where(
                    m.Complaint.created_at >= start, m.Complaint.created_at < end
                )
            ).all()
        return dict(Counter((r.created_at.astimezone(CST).month, r.category) for r in rows))


def _required(value: str, name: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ComplaintError("required", name)
    return text
