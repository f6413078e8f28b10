"""The utility's local time: every date a clerk sees or types is Beijing time."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["SHANGHAI", "local_date", "now", "today"]

try:
    SHANGHAI: timezone | ZoneInfo = ZoneInfo("Asia/Shanghai")
except ZoneInfoNotFoundError:  # Windows without the tzdata package
    # China has kept UTC+8 without daylight saving since 1991.
    SHANGHAI = timezone(timedelta(hours=8), "CST")


def now() -> datetime:
    """The current moment in Beijing time (aware)."""
    return datetime.now(SHANGHAI)


def local_date(moment: datetime) -> date:
    """The Beijing calendar day of an aware ``moment`` (16:00 UTC is the next day)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"local_date() needs an aware moment, got naive {moment!r}")
    return moment.astimezone(SHANGHAI).date()


def today(at: datetime | None = None) -> date:
    """Today in Beijing, whatever the computer's own time zone; ``at`` (an
    aware moment, default now) asks for the day of another moment."""
    return local_date(at if at is not None else datetime.now(UTC))
