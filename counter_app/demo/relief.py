"""Demo low-income relief holders (特困低保户用水优惠) and their approved applications.
Design: docs/demo.md; rules: docs/rules/relief.md
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

from counter_app.demo.context import Context
from counter_app.demo.metering import ReliefTerms, read_date
from counter_app.demo.people import Person
from counter_app.demo.profiles import Profile
from counter_app.demo.rand import below, between
from counter_app.demo.reference import RELIEF_RULE_CODE
from counter_app.demo.timeline import at_local
from counter_app.domain.masking import mask_id_number, mask_phone
from counter_app.domain.periods import Period
from counter_app.domain.phone import validate_phone

__all__ = ["maybe_relief"]

# as the relief service stores them (services.relief_checks.MATERIALS)
_MATERIALS = json.dumps(["证件原件", "证件复印件", "持证人身份证复印件"], ensure_ascii=False)


def _effective_period(p: Profile, applied_on: date) -> Period:
    """The first read period of the account that starts after ``applied_on``:
    the one whose previous reading is on or after the application day."""
    period = Period(applied_on.year, applied_on.month)
    while (period.year * 12 + period.month - 1) % p.cycle != p.phase:
        period = period.next()
    while read_date(p, period.add(-p.cycle)) < applied_on:
        period = period.add(p.cycle)
    return period


def maybe_relief(
    ctx: Context, rng: random.Random, p: Profile, holder: Person, out: dict[str, list]
) -> ReliefTerms | None:
    if p.kind == "household":
        if rng.random() >= 0.02:
            return None
        low, total = None, None
    elif p.kind == "collective":
        if rng.random() >= 0.15:
            return None
        total = p.households
        low = between(rng, 1, max(1, total // 8))
    else:
        return None
    window = ctx.window
    if rng.random() < 0.8:  # applied in the three years before the window
        applied_on = window.start - timedelta(days=between(rng, 1, 3 * 365))
    else:
        applied_on = window.start + timedelta(
            days=below(rng, (window.as_of - window.start).days + 1)
        )
    valid_from = applied_on - timedelta(days=between(rng, 5, 200))
    if rng.random() < 0.15:  # the certificate runs out inside the window
        earliest = max(window.start, applied_on + timedelta(days=20))
        days_left = (window.as_of - earliest).days
        valid_to = (
            earliest + timedelta(days=between(rng, 0, days_left)) if days_left > 0 else earliest
        )
    else:
        valid_to = window.as_of + timedelta(days=between(rng, 30, 720))
    effective = _effective_period(p, applied_on)
    bankrupt = rng.random() < 0.1
    ctx.certificate_serial += 1
    if bankrupt:
        cert_type, office = "破产企业困难职工生活救助证明", "嘉祥县总工会"
        cert_no = f"嘉工困字〔{valid_from.year}〕{ctx.certificate_serial:05d}号"
    else:
        cert_type, office = "城镇居民最低生活保障证", "嘉祥县民政局"
        cert_no = f"嘉民低保字〔{valid_from.year}〕{ctx.certificate_serial:05d}号"
    decided_on = min(applied_on + timedelta(days=between(rng, 0, 3)), window.as_of)
    clerk = ctx.ref.clerk_ids["clerk02" if p.area.hall_code == "JX02" else "clerk01"]
    notes = "" if low is None else f"集体户{total}户,其中低保户{low}户,按比例减免"
    phone = validate_phone(holder.mobile or holder.landline)  # digits, as the service stores
    out["relief_applications"].append(
        (
            ctx.ids.take("relief_applications"),
            p.id,
            RELIEF_RULE_CODE,
            cert_type,
            cert_no,
            office,
            valid_from,
            valid_to,
            holder.name,
            holder.id_number,
            mask_id_number(holder.id_number),
            phone,
            mask_phone(phone),
            _MATERIALS,
            low,
            total,
            notes,
            "approved",
            applied_on,
            str(effective),
            clerk,
            ctx.ref.clerk_ids["super01"],
            at_local(decided_on, 15 * 3600 + below(rng, 3600)),
            "",
            2,
            at_local(applied_on, 9 * 3600 + below(rng, 3 * 3600)),
        )
    )
    return ReliefTerms(str(effective), valid_from, valid_to, low, total)
