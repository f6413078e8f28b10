"""The utility's local time: every date a clerk sees or types is Beijing time."""

from __future__ import annotations

from datetime import timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["SHANGHAI"]

try:
    SHANGHAI: timezone | ZoneInfo = ZoneInfo("Asia/Shanghai")
except ZoneInfoNotFoundError:  # Windows without the tzdata package
    # China has kept UTC+8 without daylight saving since 1991.
    SHANGHAI = timezone(timedelta(hours=8), "CST")
