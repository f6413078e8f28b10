"""Pieces of the demo generator that need no database."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

from counter_app.demo import masks
from counter_app.demo.columns import COLUMNS
from counter_app.demo.complaints import maybe_complaint
from counter_app.demo.context import Context, IdCounters
from counter_app.demo.copytext import to_copy_text
from counter_app.demo.masks import masked_id_number, masked_phone
from counter_app.demo.names import COMPOUND_SURNAMES, person_name
from counter_app.demo.people import make_person
from counter_app.demo.rand import below, between, pick, span, uuid4
from counter_app.demo.reference import Reference
from counter_app.demo.timeline import Window
from counter_app.domain.idnumber import validate_id_number
from counter_app.domain.masking import mask_id_number, mask_phone
from counter_app.domain.periods import Period
from counter_app.domain.phone import is_landline, is_mobile
from counter_app.services.complaints.types import (
    CATEGORIES,
    CHANNELS,
    DEFAULT_DEPARTMENTS,
    SATISFACTION,
)


def test_people_have_valid_ids_matching_sex_and_phones():
    rng = random.Random(3)
    people = [make_person(rng) for _ in range(3000)]
    for p in people:
        assert validate_id_number(p.id_number) == p.id_number
        assert p.id_number[6:14] == f"{p.birth:%Y%m%d}"
        assert int(p.id_number[16]) % 2 == (1 if p.male else 0)
        assert 1940 <= p.birth.year <= 2005
        assert p.mobile is None or is_mobile(p.mobile)
        assert p.landline is None or is_landline(p.landline)
        assert p.mobile or p.landline
    assert sum(p.id_number.endswith("X") for p in people) > 100


def test_names_cover_compound_surnames_and_rare_characters():
    rng = random.Random(8)
    names = [person_name(rng, rng.random() < 0.5, rng.randint(1940, 2005)) for _ in range(5000)]
    assert any(n[:2] in COMPOUND_SURNAMES for n in names)
    assert all(2 <= len(n) <= 4 for n in names)
    for rare in "㵘堃喆":
        assert any(rare in n for n in names)


def test_shape_masks_equal_the_domain_masks():
    rng = random.Random(5)
    for _ in range(500):
        p = make_person(rng)
        assert masked_id_number(p.id_number) == mask_id_number(p.id_number)
        assert masked_phone(p.mobile) == mask_phone(p.mobile)
        assert masked_phone(p.landline) == mask_phone(p.landline)
    assert masked_phone(None) == "" and masked_id_number("") == ""


def test_shape_masks_fall_back_to_the_domain_for_other_rules():
    calls = []

    def odd_rule(value):  # not one contiguous run: the shape is not learnt
        calls.append(value)
        return "*" + value[1:-1] + "*"

    masker = masks._ShapeMasker(odd_rule)
    assert masker("13812345678") == "*381234567*"
    assert masker("13912345678") == "*391234567*"
    assert len(calls) == 2


def test_copy_text_formats_and_escapes():
    row = (7, 1, "charge", "basic", None, 31, Decimal("2.1000"), Decimal("65.10"), "基本水费")
    assert to_copy_text("bill_lines", [row]) == (
        "7\t1\tcharge\tbasic\t\\N\t31\t2.1000\t65.10\t基本水费\n"
    )
    odd = (7, 2, "charge", "basic", 1, 31, Decimal("0E-2"), Decimal("-0.20"), "a\tb\\c\nd")
    assert to_copy_text("bill_lines", [odd]) == (
        "7\t2\tcharge\tbasic\t1\t31\t0.00\t-0.20\ta\\tb\\\\c\\nd\n"
    )
    meter = (1, 1, "JX1", 20, 5, date(2020, 1, 2), None, True)
    assert to_copy_text("meters", [meter]) == "1\t1\tJX1\t20\t5\t2020-01-02\t\\N\tTrue\n"
    when = datetime(2024, 5, 1, 1, 2, 3, tzinfo=UTC)
    audit = (1, when, "admin", "ws", "demo.seed", "database", "", "{}")
    assert to_copy_text("audit_events", [audit]).startswith("1\t2024-05-01 01:02:03+00:00\t")
    assert to_copy_text("meters", []) == ""


def test_fast_uuid_is_the_standard_version_4_uuid():
    a, b = random.Random(9), random.Random(9)
    for _ in range(200):
        assert uuid4(a) == str(uuid.UUID(int=b.getrandbits(128), version=4))


def test_fast_draws_stay_in_range():
    rng = random.Random(1)
    assert {below(rng, 3) for _ in range(500)} == {0, 1, 2}
    assert {span(rng, 5, 8) for _ in range(500)} == {5, 6, 7}
    assert {between(rng, 1, 3) for _ in range(500)} == {1, 2, 3}
    assert {pick(rng, "ab") for _ in range(100)} == {"a", "b"}


def test_every_demo_complaint_uses_the_complaint_services_codes():
    """Thousands of drawn complaints (every branch of the generator), not only
    the few a seeded town happens to hold."""
    ids = {"clerk01": 1, "clerk02": 2, "super01": 3}
    reference = Reference(
        tariffs=(), tariff_ids={}, relief_rule=None, clerk_ids=ids, series_next={}
    )
    ctx = Context(
        Window(Period(2026, 10), 2),
        reference,
        None,
        IdCounters({"complaints": 1, "complaint_events": 1}),
    )
    rng = random.Random(7)
    out: dict[str, list] = {"complaints": [], "complaint_events": []}
    for n in range(3000):
        maybe_complaint(
            ctx, rng, n, "张三", "13812345678", "JX02" if n % 2 else "HQ", out, rate=1.0
        )
    rows = [dict(zip(COLUMNS["complaints"], row, strict=True)) for row in out["complaints"]]
    assert len(rows) == 3000
    assert {r["channel"] for r in rows} == set(CHANNELS)
    assert {r["category"] for r in rows} <= set(CATEGORIES)
    assert {r["department"] for r in rows} <= {"", *DEFAULT_DEPARTMENTS}
    assert {r["satisfaction"] for r in rows} <= {"", *SATISFACTION}
    events = [
        dict(zip(COLUMNS["complaint_events"], e, strict=True)) for e in out["complaint_events"]
    ]
    assert {e["channel"] for e in events} <= {"", *CHANNELS}
