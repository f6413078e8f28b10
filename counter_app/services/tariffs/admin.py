"""Tariffs kept by an administrator: categories, fee components, schedules (migration 0021).
Rules: docs/rules/billing.md
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from counter_app.db.engine import Database
from counter_app.domain.errors import FieldError
from counter_app.domain.tariffs import TIER_BASES, Component, FeeComponent
from counter_app.services.actions import ActionError, call
from counter_app.services.installation.batch import jsonb

CODE_RE = re.compile(r"^[A-Za-z0-9_.-]{1,32}$")
CATEGORY_RE = re.compile(r"^[A-Za-z0-9_-]{1,16}$")
COMPONENT_RE = re.compile(r"^[a-z][a-z0-9_]{0,15}$")
PRICE_RE = re.compile(r"^\d{1,6}(\.\d{1,4})?$")
MAX_TIERS = 10


class TariffError(FieldError):
    """Refused input; ``field`` names it (``tiers[2]``, ``rates.basic[1]`` …);
    ``code`` says why for a form's own message (``invalid`` for the checks
    here; the database's: ``overlap``, ``gap``, ``billed_after``,
    ``tariff_used``, ``category`` …)."""


@dataclass(frozen=True)
class Schedule:
    """One schedule as stored. ``rates`` maps a component code to its prices
    (one: flat; else one per tier), in the components' order on a bill."""

    id: int
    code: str
    name: str
    category: str
    doc_no: str
    effective_from: date
    effective_to: date | None
    tier_basis: str
    households_scaling: bool
    last_billed: date | None
    tiers: tuple[int | None, ...]
    rates: dict[str, tuple[Decimal, ...]]
    labels: dict[str, str]

    @property
    def used(self) -> bool:
        """A bill used it: it never changes."""
        return self.last_billed is not None

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


@dataclass(frozen=True)
class Catalog:
    categories: dict[str, str]
    components: tuple[FeeComponent, ...]
    schedules: tuple[Schedule, ...]

    def of_category(self, category: str) -> tuple[Schedule, ...]:
        return tuple(s for s in self.schedules if s.category == category)

    def find(self, code: str) -> Schedule | None:
        return next((s for s in self.schedules if s.code == code), None)


@dataclass(frozen=True)
class Saved:
    schedule: Schedule
    ended_code: str | None  # the schedule this one ended, if any
    ended_on: date | None


def _date(value: Any) -> date | None:
    return None if value in (None, "") else date.fromisoformat(str(value))


def schedule_from(data: Mapping[str, Any]) -> Schedule:
    """A schedule from the database's JSON (``counter_tariff_json``)."""
    tiers = tuple(t["upper"] for t in sorted(data["tiers"], key=lambda t: t["tier_no"]))
    rates: dict[str, list[Decimal]] = {}
    labels: dict[str, str] = {}
    for r in data["rates"]:  # ordered by the component's sort order, then tier
        rates.setdefault(r["component"], []).append(Decimal(str(r["unit_price"])))
        labels[r["component"]] = r["name"]
    return Schedule(
        id=int(data["id"]),
        code=data["code"],
        name=data["name"],
        category=data["category"],
        doc_no=data["doc_no"],
        effective_from=_date(data["effective_from"]),  # type: ignore[arg-type]
        effective_to=_date(data["effective_to"]),
        tier_basis=data["tier_basis"],
        households_scaling=bool(data["households_scaling"]),
        last_billed=_date(data.get("last_billed")),
        tiers=tiers,
        rates={k: tuple(v) for k, v in rates.items()},
        labels=labels,
    )


# -- a new schedule --------------------------------------------------------------


def _text(draft: Mapping[str, Any], field: str, maximum: int, *, required: bool = True) -> str:
    value = draft.get(field)
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise TariffError(field, "must be text")
    value = value.strip()
    if required and not value:
        raise TariffError(field, "must not be empty")
    if len(value) > maximum:
        raise TariffError(field, f"at most {maximum} characters")
    return value


def _draft_date(draft: Mapping[str, Any], field: str, *, required: bool) -> date | None:
    value = draft.get(field)
    if value in (None, ""):
        if required:
            raise TariffError(field, "a date is required (YYYY-MM-DD)")
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise TariffError(field, f"{value!r} is not a date (YYYY-MM-DD)") from None


def _tiers(raw: Any) -> list[int | None]:
    if not isinstance(raw, list | tuple) or not 1 <= len(raw) <= MAX_TIERS:
        raise TariffError("tiers", f"a list of 1 to {MAX_TIERS} tier limits, the last one open")
    tiers: list[int | None] = []
    previous = 0
    for number, upper in enumerate(raw, start=1):
        field = f"tiers[{number}]"
        last = number == len(raw)
        if upper in (None, ""):
            if not last:
                raise TariffError(field, "only the last tier has no upper limit")
            tiers.append(None)
            continue
        if last:
            raise TariffError(field, "the last tier has no upper limit (leave it empty)")
        try:
            value = int(str(upper).strip())
        except ValueError:
            raise TariffError(field, f"{upper!r} is not a whole number of m³") from None
        if isinstance(upper, bool) or value <= previous or value > 999_999_999:
            raise TariffError(field, "a whole number of m³ above the tier before")
        tiers.append(value)
        previous = value
    return tiers


def _prices(component: str, raw: Any, tiers: int) -> list[str]:
    field = f"rates.{component}"
    if isinstance(raw, str | int | Decimal) and not isinstance(raw, bool):
        raw = [raw]
    if not isinstance(raw, list | tuple) or len(raw) not in (1, tiers):
        raise TariffError(field, f"one price, or one per tier ({tiers})")
    prices = []
    for number, value in enumerate(raw, start=1):
        text = str(value).strip()
        if isinstance(value, float | bool) or not PRICE_RE.match(text):
            raise TariffError(
                f"{field}[{number}]", f"{value!r}: a price of at least 0 with at most 4 decimals"
            )
        try:
            prices.append(str(Decimal(text)))
        except InvalidOperation:  # pragma: no cover - the pattern admits numbers only
            raise TariffError(f"{field}[{number}]", f"{value!r} is not a number") from None
    return prices


def check_draft(
    draft: Mapping[str, Any], components: tuple[str, ...] | None = None
) -> dict[str, Any]:
    """The payload of ``counter_save_tariff`` from a form or a JSON file,
    or :class:`TariffError` naming the field. ``components``: the known codes."""
    code = _text(draft, "code", 32)
    if not CODE_RE.match(code):
        raise TariffError("code", "use 1-32 letters, digits, _, . or -")
    name = _text(draft, "name", 80)
    category = _text(draft, "category", 16)
    if not CATEGORY_RE.match(category):
        raise TariffError("category", "use 1-16 letters, digits, _ or -")
    doc_no = _text(draft, "doc_no", 64)
    start = _draft_date(draft, "effective_from", required=True)
    end = _draft_date(draft, "effective_to", required=False)
    if end is not None and start is not None and end < start:
        raise TariffError("effective_to", "the end date is before the start date")
    basis = draft.get("tier_basis") or "annual"
    if basis not in TIER_BASES:
        raise TariffError("tier_basis", "annual or period")
    scaling = draft.get("households_scaling", True)
    if not isinstance(scaling, bool):
        raise TariffError("households_scaling", "true or false")
    tiers = _tiers(draft.get("tiers"))
    raw_rates = draft.get("rates")
    if not isinstance(raw_rates, Mapping) or not raw_rates:
        raise TariffError("rates", "the prices of at least one component")
    rates = {}
    for component, prices in raw_rates.items():
        if not isinstance(component, str) or not COMPONENT_RE.match(component):
            raise TariffError(f"rates.{component}", "not a component code")
        if components is not None and component not in components:
            raise TariffError(f"rates.{component}", f"unknown fee component {component}")
        rates[component] = _prices(component, prices, len(tiers))
    return {
        "code": code,
        "name": name,
        "category": category,
        "doc_no": doc_no,
        "effective_from": start.isoformat() if start else None,
        "effective_to": end.isoformat() if end else None,
        "tier_basis": basis,
        "households_scaling": scaling,
        "tiers": tiers,
        "rates": rates,
    }


def load_draft(text: str) -> dict[str, Any]:
    """A schedule from a JSON file's text (``counter-admin tariffs add``)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TariffError("file", f"not JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(data, dict):
        raise TariffError("file", "a JSON object with code, name, category, doc_no, …")
    return data


def _as_tariff_error(exc: ActionError) -> TariffError:
    return TariffError(exc.field or exc.code, exc.message, exc.code, kind=exc.kind)


class TariffAdminService:
    """The tariff catalogue and an administrator's saves: one action each."""

    def __init__(self, db: Database):
        self.db = db

    def catalog(self) -> Catalog:
        """Categories, components and every schedule, in one call (a clerk may read it)."""
        data = call(self.db, "tariff_catalog", retry_read=True)
        return Catalog(
            categories={c["code"]: c["name"] for c in data["categories"]},
            components=tuple(
                FeeComponent(
                    Component(c["code"]), c["name"], bool(c["relief_applies"]), int(c["sort_order"])
                )
                for c in data["components"]
            ),
            schedules=tuple(schedule_from(t) for t in data["tariffs"]),
        )

    def save_tariff(self, draft: Mapping[str, Any], *, workstation: str) -> Saved:
        """Save a schedule (an admin): checked here for the message, then by
        ``counter_save_tariff``. Raises :class:`TariffError` naming the field,
        or :class:`ActionError` for a refusal of the caller (role)."""
        payload = check_draft(draft)
        try:
            data = call(self.db, "save_tariff", jsonb(payload), workstation)
        except ActionError as exc:
            if exc.kind == "forbidden":
                raise
            raise _as_tariff_error(exc) from None
        ended = data.get("ended") or None
        return Saved(
            schedule_from(data),
            ended["code"] if ended else None,
            _date(ended["effective_to"]) if ended else None,
        )

    def save_fee_component(
        self,
        code: str,
        name: str,
        *,
        relief_applies: bool = True,
        sort_order: int = 0,
        workstation: str,
    ) -> FeeComponent:
        if not COMPONENT_RE.match(code.strip()):
            raise TariffError(
                "code", "use 1-16 lowercase letters, digits or _; start with a letter"
            )
        if not name.strip() or len(name.strip()) > 40:
            raise TariffError("name", "a name of 1 to 40 characters")
        try:
            data = call(
                self.db,
                "save_fee_component",
                code.strip(),
                name.strip(),
                relief_applies,
                sort_order,
                workstation,
            )
        except ActionError as exc:
            if exc.kind == "forbidden":
                raise
            raise _as_tariff_error(exc) from None
        return FeeComponent(
            Component(data["code"]), data["name"], data["relief_applies"], data["sort_order"]
        )

    def save_price_category(self, code: str, name: str, *, workstation: str) -> tuple[str, str]:
        if not CATEGORY_RE.match(code.strip()):
            raise TariffError("code", "use 1-16 letters, digits, _ or -")
        if not name.strip() or len(name.strip()) > 40:
            raise TariffError("name", "a name of 1 to 40 characters")
        try:
            data = call(self.db, "save_price_category", code.strip(), name.strip(), workstation)
        except ActionError as exc:
            if exc.kind == "forbidden":
                raise
            raise _as_tariff_error(exc) from None
        return data["code"], data["name"]
