"""Generate one chunk of demo accounts with everything that hangs off them.
Design: docs/demo.md
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from counter_app.demo.addresses import (
    address_for,
    complex_name,
    meter_location,
    pick_area,
    street_address,
)
from counter_app.demo.columns import CHUNK_TABLES, STAGED
from counter_app.demo.complaints import maybe_complaint
from counter_app.demo.context import Context, cents_to_decimal
from counter_app.demo.masks import masked_id_number, masked_phone
from counter_app.demo.metering import generate_meter_and_bills
from counter_app.demo.names import INSTITUTIONS, business_name
from counter_app.demo.payments import behaviour, simulate_payments
from counter_app.demo.people import make_person
from counter_app.demo.profiles import make_profile, pick_type
from counter_app.demo.rand import below, pick
from counter_app.demo.relief import maybe_relief
from counter_app.demo.timeline import at_local
from counter_app.domain.archive import format_archive_no
from counter_app.domain.pinyin import name_keys

__all__ = ["CHUNK_SIZE", "generate_chunk"]

CHUNK_SIZE = 10_000  # accounts per chunk: memory stays flat, COPYs stay large

_KEYS: dict[str, tuple[str, str]] = {}
_EARLIEST_OPENING = date(1995, 1, 1)


def _name_keys(name: str) -> tuple[str, str]:
    keys = _KEYS.get(name)
    if keys is None:
        if len(_KEYS) > 300_000:
            _KEYS.clear()
        keys = _KEYS[name] = name_keys(name)
    return keys


def chunk_rng(seed: int, chunk_no: int) -> random.Random:
    return random.Random(f"counter-demo:{seed}:{chunk_no}")


def generate_chunk(ctx: Context, seed: int, chunk_no: int, count: int) -> dict[str, list]:
    rng = chunk_rng(seed, chunk_no)
    out: dict[str, list] = {t: [] for t in CHUNK_TABLES + STAGED}
    latest_birth = min(2005, ctx.window.end.year - 20)
    for _ in range(count):
        _account(ctx, rng, out, latest_birth)
    return out


def _opened_on(rng: random.Random, ctx: Context, earliest: date) -> date:
    latest = ctx.window.start - timedelta(days=60)
    earliest = max(earliest, _EARLIEST_OPENING)
    if earliest >= latest:
        return latest
    return earliest + timedelta(days=below(rng, (latest - earliest).days))


def _archive(ctx: Context, locality: str, opened: date) -> tuple[str, str]:
    """The file's archive number (gapless per area and year, in the order the
    accounts are made) and its cabinet (300 files a cabinet)."""
    ctx.archive_serials[locality, opened.year] += 1
    n = ctx.archive_serials[locality, opened.year]
    cabinet = f"{locality}-{opened.year}-{(n - 1) // 300 + 1}"
    return format_archive_no(locality, opened.year, n), cabinet


def _account(ctx: Context, rng: random.Random, out: dict[str, list], latest_birth: int) -> None:
    kind = pick_type(rng)
    area = pick_area(rng)
    ctx.area_serials[area.code] += 1
    serial = ctx.area_serials[area.code]
    account_id = ctx.ids.take("accounts")
    account_no = f"{area.code}{serial:06d}"
    p = make_profile(rng, account_id, account_no, kind, area, serial)
    person = make_person(rng, latest_birth_year=latest_birth)
    id_number = None
    households = p.households
    if kind == "household":
        name, category = person.name, "RES"
        id_number = person.id_number
        addr = address_for(rng, area)
        address, location = addr.text, meter_location(rng, addr)
        adult = date(person.birth.year + 20, person.birth.month, min(person.birth.day, 28))
        opened = _opened_on(rng, ctx, adult)
    elif kind == "bulk":
        place = pick(rng, INSTITUTIONS) if rng.random() < 0.3 else complex_name(rng, area)
        name, category = f"{place}总表", "NONRES"
        address, location = street_address(rng, area), meter_location(rng)
        opened = _opened_on(rng, ctx, _EARLIEST_OPENING)
    elif kind == "collective":
        place = complex_name(rng, area)
        name, category = f"{place}集体户", "RES"
        address = f"{area.town.name}{place}" if not area.town.urban else street_address(rng, area)
        location = meter_location(rng)
        opened = _opened_on(rng, ctx, _EARLIEST_OPENING)
    else:
        name, category = business_name(rng)
        address, location = street_address(rng, area), meter_location(rng)
        opened = _opened_on(rng, ctx, _EARLIEST_OPENING)
    p.category = category

    relief = maybe_relief(ctx, rng, p, person, out)
    bills = generate_meter_and_bills(ctx, rng, p, opened, relief, out)
    b = behaviour(rng, older=person.birth.year < 1960)
    if relief is not None and b.arrears_bills and rng.random() < 0.5:
        b = behaviour(rng, older=True)  # low-income households mostly pay on time
    outcome = simulate_payments(ctx, rng, account_id, account_no, area.hall_code, b, bills, out)
    status = "active"
    if outcome.unpaid_bills >= 2 and b.arrears_bills and rng.random() < 0.25:
        status = "suspended"

    full, initials = _name_keys(name)
    mobile, landline = person.mobile, person.landline
    created = at_local(opened, 10 * 3600 + below(rng, 6 * 3600))
    out["accounts"].append(
        (
            account_id,
            account_no,
            name,
            full[:200],
            initials[:40],
            id_number,
            masked_id_number(id_number),
            id_number[-6:] if id_number else "",
            mobile,
            masked_phone(mobile),
            landline,
            masked_phone(landline),
            address,
            location,
            kind,
            households,
            category,
            area.code,
            p.book_no,
            p.cycle,
            status,
            cents_to_decimal(outcome.balance_cents),
            *_archive(ctx, area.code, opened),
            opened,
            1,
            created,
            created,
        )
    )
    contact = mobile or landline or ""
    maybe_complaint(ctx, rng, account_id, person.name, contact, area.hall_code, out)
