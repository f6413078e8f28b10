"""Service halls (营业厅) and their receipt series: what a new installation
needs before its first clerk (``counter-admin create-hall``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.db.engine import Database
from counter_app.db.models import Hall, UtilitySetting
from counter_app.domain.errors import FieldError
from counter_app.domain.text import normalize_input
from counter_app.services.actions import ActionError, call
from counter_app.services.payments.receipt_facts import (
    DEFAULT_UTILITY_NAME,
    UTILITY_HOTLINE_KEY,
    UTILITY_NAME_KEY,
)

CODE_RE = re.compile(r"^[A-Za-z0-9_-]{1,16}$")
PREFIX_RE = re.compile(r"^[A-Z0-9]{0,8}$")


class HallError(FieldError):
    """Refused input; ``field`` names the argument at fault."""


@dataclass(frozen=True)
class HallCreated:
    code: str
    name: str
    address: str
    receipt_series: str
    receipt_prefix: str


@dataclass(frozen=True)
class HallHeading:
    """What the head of a printed document names: the utility (a
    ``utility_settings`` row), the hall and the service hotline."""

    utility_name: str
    hall_name: str
    hotline: str


def hall_heading(session: Session, hall_code: str) -> HallHeading:
    """The heading for documents printed in ``hall_code`` (its code when the
    hall is unknown)."""
    values = dict(
        session.execute(
            select(UtilitySetting.key, UtilitySetting.value).where(
                UtilitySetting.key.in_((UTILITY_NAME_KEY, UTILITY_HOTLINE_KEY))
            )
        ).all()
    )
    hall = session.get(Hall, hall_code)
    return HallHeading(
        values.get(UTILITY_NAME_KEY) or DEFAULT_UTILITY_NAME,
        hall.name if hall is not None else hall_code,
        values.get(UTILITY_HOTLINE_KEY, ""),
    )


def create_hall(
    db: Database,
    *,
    code: str,
    name: str,
    address: str = "",
    receipt_prefix: str = "",
    workstation: str = "",
) -> HallCreated:
    """A hall and its first receipt series (same code, numbering from 1), by
    ``counter_create_hall`` (an admin clerk, or the DBA on a new installation)."""
    code = code.strip()
    name = normalize_input(name).strip()
    address = normalize_input(address).strip()
    prefix = receipt_prefix.strip().upper()
    if not CODE_RE.match(code):
        raise HallError("code", "use 1-16 letters, digits, _ or -", "format")
    if not name:
        raise HallError("name", "must not be empty", "required")
    if len(name) > 80:
        raise HallError("name", "at most 80 characters", "too_long")
    if len(address) > 200:
        raise HallError("address", "at most 200 characters", "too_long")
    if not PREFIX_RE.match(prefix):
        raise HallError("receipt_prefix", "use up to 8 capital letters or digits", "format")
    try:
        made = call(db, "create_hall", code, name, address, prefix, workstation)
    except ActionError as exc:
        raise HallError(exc.field or "hall", exc.message, exc.code, kind=exc.kind) from None
    return HallCreated(
        made["code"], made["name"], made["address"], made["receipt_series"], made["receipt_prefix"]
    )
