"""Who a demo account is: type, price category, read cycle, usage level, meter.
Design: docs/demo.md
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from counter_app.demo.addresses import Area
from counter_app.demo.rand import between, pick

__all__ = ["Profile", "SEASON", "pick_type"]

# Monthly usage factor by calendar month (北方: summer peak, mild winter dip).
SEASON = (0.93, 0.97, 0.92, 0.95, 1.0, 1.1, 1.22, 1.2, 1.05, 0.97, 0.92, 0.92)

TYPES = ("household", "bulk", "collective", "nonresidential")
_TYPE_CUM = (0.88, 0.90, 0.93, 1.0)
BOOK_SIZE = 200


@dataclass(slots=True)
class Profile:
    id: int
    account_no: str
    kind: str
    area: Area
    book: int
    cycle: int
    phase: int  # read in periods whose month index % cycle == phase
    read_day: int
    households: int | None
    base: float  # expected m³ per month
    vacant: bool
    dial: int
    caliber: int
    category: str = "RES"

    @property
    def book_no(self) -> str:
        return f"{self.area.code}-{self.book:03d}"


def pick_type(rng: random.Random) -> str:
    r = rng.random()
    for kind, edge in zip(TYPES, _TYPE_CUM, strict=True):
        if r < edge:
            return kind
    return TYPES[-1]


def make_profile(
    rng: random.Random, account_id: int, account_no: str, kind: str, area: Area, serial: int
) -> Profile:
    """Usage level, cycle and meter of a new account (category set by the caller)."""
    book = (serial - 1) // BOOK_SIZE + 1
    read_day = 3 + (book * 7 + int(area.code)) % 23  # 3..25: each book has its day
    households = None
    vacant = False
    if kind == "household":
        cycle, phase = 2, (book + int(area.code)) % 2  # books alternate months
        vacant = rng.random() < 0.03
        base = min(60.0, max(2.0, rng.lognormvariate(math.log(13.0), 0.42)))
        if rng.random() < 0.03:
            base *= 2.5  # big families, gardens, a small shop at home
        old_meter = rng.random() < 0.12
        dial, caliber = (4 if old_meter else 5), (15 if rng.random() < 0.7 else 20)
    elif kind == "bulk":
        cycle, phase = 1, 0
        base = rng.lognormvariate(math.log(900.0), 0.6)
        dial, caliber = (6 if rng.random() < 0.6 else 7), pick(rng, (50, 80, 100))
    elif kind == "collective":
        cycle, phase = 1, 0
        households = between(rng, 20, 200)
        base = households * rng.uniform(7.0, 11.0)
        dial, caliber = 6, pick(rng, (40, 50, 80))
    else:
        cycle, phase = 1, 0
        base = min(2000.0, rng.lognormvariate(math.log(45.0), 0.9))
        dial, caliber = (5 if base < 300 else 6), pick(rng, (20, 25, 40, 50))
    return Profile(
        account_id,
        account_no,
        kind,
        area,
        book,
        cycle,
        phase,
        read_day,
        households,
        base,
        vacant,
        dial,
        caliber,
    )
