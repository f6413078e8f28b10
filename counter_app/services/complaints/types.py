"""Codes, records and errors of the complaints service (see complaints.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from counter_app.domain.errors import CounterError
from counter_app.domain.localtime import SHANGHAI as CST
from counter_app.domain.localtime import local_date
from counter_app.domain.phone import PhoneError, validate_phone

CHANNELS = ("counter", "hotline", "online", "letter")
CATEGORIES = (
    "water_quality",
    "pressure",
    "billing",
    "meter",
    "service",
    "construction",
    "other",
)
SATISFACTION = ("satisfied", "neutral", "dissatisfied")
DEFAULT_DEPARTMENTS = ("水质检测", "管网维修", "抄表", "营业", "客服热线")
DEPARTMENTS_KEY = "complaint_departments"
DEPARTMENT_MAX = 40  # complaints.department is VARCHAR(40)
OPEN_STATES = ("open", "forwarded", "resolved", "replied")
#: Longest text per field, in characters. The form's maxLength, the service
#: and the database's CHECK constraints (migration 0009) hold the same
#: numbers; a slip prints at most these.
LIMITS = {"complainant": 40, "contact": 20, "description": 500, "resolution": 500}


class ComplaintError(CounterError, ValueError):
    """Refused input; ``code`` names what (``field`` the form field)."""

    field: str

    def __init__(self, code: str, field_name: str = "", *, kind: str | None = None):
        super().__init__(
            code, f"complaint refused: {code} {field_name}".strip(), field=field_name, kind=kind
        )


class DepartmentError(ComplaintError):
    """The department list is refused: ``required`` (an empty name),
    ``empty_list``, ``too_long`` or ``duplicate`` (``name`` is the entry at
    fault), ``stale`` (someone saved the list after it was loaded)."""

    def __init__(self, code: str, name: str = ""):
        super().__init__(code, "department")
        self.name = name


def parse_departments(value: str | None) -> tuple[str, ...]:
    """The stored list (one name per line), or the default list."""
    names = tuple(line.strip() for line in (value or "").splitlines() if line.strip())
    return names or DEFAULT_DEPARTMENTS


def clean_departments(names: Iterable[str]) -> tuple[str, ...]:
    """The names as stored (inner spaces collapsed) or :class:`DepartmentError`."""
    cleaned: list[str] = []
    seen: set[str] = set()
    for raw in names:
        name = " ".join(raw.split())
        if not name:
            raise DepartmentError("required")
        if len(name) > DEPARTMENT_MAX:
            raise DepartmentError("too_long", name)
        if name.casefold() in seen:
            raise DepartmentError("duplicate", name)
        seen.add(name.casefold())
        cleaned.append(name)
    if not cleaned:
        raise DepartmentError("empty_list")
    return tuple(cleaned)


class ComplaintNotFound(CounterError, LookupError):
    """No complaint with that id (``str()`` is the id)."""

    def __init__(self, complaint_id: object = None):
        super().__init__("not_found", str(complaint_id), field="complaint", kind="not_found")


class StaleComplaint(CounterError, RuntimeError):
    """Someone saved this complaint after it was loaded: nothing was written."""

    def __init__(self, message: str = ""):
        super().__init__("stale", message, kind="conflict")


@dataclass(frozen=True)
class NewComplaint:
    complainant: str
    contact: str
    channel: str
    category: str
    description: str
    account_id: int | None = None
    company_at_fault: bool = False
    apology_given: bool = False
    recall_on: date | None = None
    # handled at once: solved on the spot, or forwarded with a due time
    resolution: str = ""
    department: str = ""
    due_at: datetime | None = None


@dataclass(frozen=True)
class ComplaintEventView:
    kind: str  # received / resolved / forwarded / follow_up / reply / closed / reopened
    content: str
    channel: str
    clerk: str
    at: datetime


@dataclass(frozen=True)
class ComplaintView:
    id: int
    ticket_no: str
    account_id: int | None
    account_no: str
    address: str
    complainant: str
    contact: str
    channel: str
    category: str
    description: str
    company_at_fault: bool
    apology_given: bool
    status: str
    department: str
    due_at: datetime | None
    recall_on: date | None
    resolution: str
    satisfaction: str
    created_at: datetime
    clerk: str
    version: int
    events: tuple[ComplaintEventView, ...] = field(default=())


@dataclass(frozen=True)
class ComplaintRow:
    id: int
    ticket_no: str
    created_at: datetime
    complainant: str
    account_no: str
    category: str
    status: str
    department: str
    due_at: datetime | None
    recall_on: date | None
    overdue: bool


@dataclass(frozen=True)
class ComplaintFilter:
    status: str | None = None  # a status, or "unclosed"
    category: str | None = None
    department: str | None = None
    overdue_only: bool = False
    account_id: int | None = None
    limit: int = 500


def is_overdue(status: str, due_at: datetime | None, now: datetime) -> bool:
    return due_at is not None and status != "closed" and due_at < now


def ticket_prefix(at: datetime) -> str:
    """``TS`` + the Asia/Shanghai date of ``at`` (an aware time)."""
    return "TS" + at.astimezone(CST).strftime("%Y%m%d")


DATE_WINDOW_DAYS = 366  # a recall date / due time at most a year ahead (0025 too)


def check_dates(
    recall_on: date | None, due_at: datetime | None, now: datetime | None = None
) -> None:
    """A recall date from today (Shanghai) to a year ahead, a due time within
    a year; ``ComplaintError("date_range", field)`` otherwise (the database's
    trigger refuses the same)."""
    at = _now(now)
    today = local_date(at)
    if recall_on is not None and not today <= recall_on <= today + timedelta(DATE_WINDOW_DAYS):
        raise ComplaintError("date_range", "recall_on")
    if due_at is not None and due_at > at + timedelta(DATE_WINDOW_DAYS):
        raise ComplaintError("date_range", "due_at")


def _now(now: datetime | None) -> datetime:
    value = now or datetime.now(UTC)
    if value.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return value.astimezone(UTC)


def contact_phone(contact: str) -> str:
    """The contact as stored: ``""`` (none given) or a normalised mobile or
    fixed-line number; ``ComplaintError("phone", "contact")`` otherwise."""
    if not contact.strip():
        return ""
    if len(contact) > LIMITS["contact"]:
        raise ComplaintError("too_long", "contact")
    try:
        return validate_phone(contact)
    except PhoneError:
        raise ComplaintError("phone", "contact") from None


def check_new_complaint(new: NewComplaint) -> None:
    """What the service refuses of a new complaint's texts, field by field in
    form order (the form asks the same before the round trip)."""
    if not new.complainant.strip():
        raise ComplaintError("required", "complainant")
    if len(new.complainant.strip()) > LIMITS["complainant"]:
        raise ComplaintError("too_long", "complainant")
    contact_phone(new.contact)
    if not new.description.strip():
        raise ComplaintError("required", "description")
    for name in ("description", "resolution"):
        if len(getattr(new, name).strip()) > LIMITS[name]:
            raise ComplaintError("too_long", name)
