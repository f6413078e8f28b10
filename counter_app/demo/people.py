"""Demo people: name, sex, valid ID number, mobile and landline.
Design: docs/demo.md
"""

from __future__ import annotations

import random
from bisect import bisect
from dataclasses import dataclass
from datetime import date
from itertools import accumulate

from counter_app.demo.names import person_name
from counter_app.demo.rand import below, pick
from counter_app.domain.idnumber import check_digit

__all__ = ["Person", "REGION_CODES", "landline", "make_person", "mobile"]

# Address codes of Jining's districts and counties, weighted for a 嘉祥 utility.
REGION_CODES: tuple[tuple[str, str, int], ...] = (
    ("370829", "嘉祥县", 760),
    ("370811", "任城区", 40),
    ("370802", "市中区", 15),  # merged into 任城区 in 2013; old cards stay valid
    ("370812", "兖州区", 15),
    ("370826", "微山县", 10),
    ("370827", "鱼台县", 10),
    ("370828", "金乡县", 30),
    ("370830", "汶上县", 20),
    ("370831", "泗水县", 10),
    ("370832", "梁山县", 30),
    ("370881", "曲阜市", 20),
    ("370883", "邹城市", 20),
    ("370882", "兖州市", 5),  # before 2013
    ("371723", "成武县", 5),  # neighbouring Heze: people marry across the border
    ("371724", "巨野县", 10),
)
_REGION_CUM = tuple(accumulate(w for _, _, w in REGION_CODES))

_MOBILE_PREFIXES = tuple(
    [f"13{d}" for d in range(10)]
    + ["150", "151", "152", "153", "155", "156", "157", "158", "159"]
    + [f"18{d}" for d in range(10)]
    + ["191", "193", "195", "196", "197", "198", "199"]
)
# 嘉祥 fixed lines: 0537-68xxxxx, 0537-65xxxxx, 0537-66xxxxx
_LANDLINE_PREFIXES = ("68", "68", "68", "65", "66")

MIN_BIRTH_YEAR = 1940
MAX_BIRTH_YEAR = 2005


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    male: bool
    birth: date
    id_number: str
    mobile: str | None
    landline: str | None


def mobile(rng: random.Random) -> str:
    return f"{pick(rng, _MOBILE_PREFIXES)}{below(rng, 100_000_000):08d}"


def landline(rng: random.Random) -> str:
    return f"0537-{pick(rng, _LANDLINE_PREFIXES)}{below(rng, 100_000):05d}"


def _birth_year(rng: random.Random, latest: int) -> int:
    # Account holders are mostly middle-aged: triangular, peak around 1968.
    year = int(rng.triangular(MIN_BIRTH_YEAR, latest + 1, 1968))
    return min(max(year, MIN_BIRTH_YEAR), latest)


def id_number(rng: random.Random, birth: date, male: bool) -> str:
    region = REGION_CODES[bisect(_REGION_CUM, rng.random() * _REGION_CUM[-1])][0]
    sequence = below(rng, 100) * 10 + below(rng, 5) * 2 + (1 if male else 0)
    first17 = f"{region}{birth.year}{birth.month:02d}{birth.day:02d}{sequence:03d}"
    return first17 + check_digit(first17)


def make_person(
    rng: random.Random,
    *,
    latest_birth_year: int = MAX_BIRTH_YEAR,
    mobile_rate: float = 0.93,
    landline_rate: float = 0.22,
) -> Person:
    """A person born 1940..``latest_birth_year`` (capped at 2005)."""
    latest = max(MIN_BIRTH_YEAR, min(MAX_BIRTH_YEAR, latest_birth_year))
    male = rng.random() < 0.52
    year = _birth_year(rng, latest)
    birth = date.fromordinal(
        date(year, 1, 1).toordinal() + below(rng, 366 if year % 4 == 0 else 365)
    )
    name = person_name(rng, male, year)
    older = year < 1960
    phone = mobile(rng) if rng.random() < (mobile_rate - (0.15 if older else 0)) else None
    fixed = landline(rng) if (phone is None or rng.random() < landline_rate) else None
    return Person(name, male, birth, id_number(rng, birth, male), phone, fixed)
