"""The demo's time frame: read periods, the as-of instant and the halls' shifts.
Design: docs/demo.md
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from counter_app.demo.reference import DEMO_CLERKS
from counter_app.domain.localtime import SHANGHAI as CST
from counter_app.domain.periods import Period

__all__ = ["CST", "ShiftPlan", "Window", "at_local"]

_MIDNIGHTS: dict[date, datetime] = {}

OPEN_SECONDS = 8 * 3600 + 30 * 60  # shifts open at 08:30
CLOSE_SECONDS = 17 * 3600 + 30 * 60  # and close at 17:30
FIRST_PAYMENT = OPEN_SECONDS + 5 * 60
LAST_PAYMENT = CLOSE_SECONDS - 10 * 60


def at_local(day: date, seconds: int) -> datetime:
    """UTC instant of ``seconds`` after local (UTC+8) midnight of ``day``."""
    midnight = _MIDNIGHTS.get(day)
    if midnight is None:
        midnight = datetime(day.year, day.month, day.day, tzinfo=CST).astimezone(UTC)
        if len(_MIDNIGHTS) > 100_000:
            _MIDNIGHTS.clear()
        _MIDNIGHTS[day] = midnight
    return midnight + timedelta(seconds=seconds)


@dataclass(frozen=True)
class Window:
    """``months`` read periods ending with ``end`` (both included)."""

    end: Period
    months: int
    periods: tuple[Period, ...] = field(init=False)

    def __post_init__(self) -> None:
        first = self.end.add(-(self.months - 1))
        object.__setattr__(self, "periods", tuple(first.add(i) for i in range(self.months)))

    @property
    def first(self) -> Period:
        return self.periods[0]

    @property
    def start(self) -> date:
        """First day of the first period."""
        return self.periods[0].first_day

    @property
    def as_of(self) -> date:
        """Last day of the end period: the demo data describe this evening."""
        return self.end.last_day

    @property
    def as_of_at(self) -> datetime:
        return at_local(self.as_of, 20 * 3600)

    def days(self) -> list[date]:
        n = (self.as_of - self.start).days + 1
        return [self.start + timedelta(days=i) for i in range(n)]


@dataclass(frozen=True, slots=True)
class Shift:
    id: int
    clerk: str
    hall_code: str
    workstation: str
    day: date


class ShiftPlan:
    """Who sits at which till on which day, with the shift ids.

    嘉祥营业厅 (JX01) opens every day: clerk01 Monday to Saturday with the
    shift leader super01 at a second till; super01 alone on Sunday.
    卧龙山营业厅 (JX02) opens Monday to Saturday with clerk02; a customer of
    the branch who comes on a Sunday pays there on Monday.
    """

    def __init__(self, window: Window, first_id: int):
        self.shifts: list[Shift] = []
        # (hall, day) -> (shifts, cumulative weights)
        self._by_hall_day: dict[tuple[str, date], tuple[tuple[Shift, ...], tuple[float, ...]]] = {}
        by_name = {c.username: c for c in DEMO_CLERKS}
        next_id = first_id
        for day in window.days():
            sunday = day.weekday() == 6
            staffing = {
                "JX01": (("super01", 1.0),) if sunday else (("clerk01", 0.78), ("super01", 0.22)),
                "JX02": () if sunday else (("clerk02", 1.0),),
            }
            for hall, staff in staffing.items():
                shifts: list[Shift] = []
                cum: list[float] = []
                total = 0.0
                for username, weight in staff:
                    shift = Shift(next_id, username, hall, by_name[username].workstation, day)
                    next_id += 1
                    self.shifts.append(shift)
                    shifts.append(shift)
                    total += weight
                    cum.append(total)
                if shifts:
                    self._by_hall_day[(hall, day)] = (tuple(shifts), tuple(cum))

    def on_duty(self, hall: str, day: date) -> tuple[tuple[Shift, ...], tuple[float, ...]] | None:
        return self._by_hall_day.get((hall, day))
