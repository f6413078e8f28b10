"""Values as the actions return them in ``jsonb``: times as ISO strings (to
aware UTC datetimes), dates as ISO dates."""

from __future__ import annotations

from datetime import UTC, date, datetime


def when(value: str | None) -> datetime | None:
    """An action's ``timestamptz`` as an aware UTC datetime (None stays None)."""
    return None if value is None else datetime.fromisoformat(value).astimezone(UTC)


def day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def iso(value: datetime | None) -> str | None:
    """An aware datetime as an action's argument (a naive one is refused)."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("times sent to the database must be timezone-aware")
    return value.astimezone(UTC).isoformat()
