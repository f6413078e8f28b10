from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

import pytest

from counter_app.domain import localtime
from counter_app.domain.localtime import SHANGHAI, local_date, now, today


@pytest.mark.parametrize(
    ("utc", "beijing_day"),
    [
        (datetime(2026, 12, 4, 15, 59, 59, tzinfo=UTC), date(2026, 12, 4)),
        (datetime(2026, 12, 4, 16, 0, 0, tzinfo=UTC), date(2026, 12, 5)),  # 00:00 in Beijing
        (datetime(2026, 12, 4, 23, 59, 59, tzinfo=UTC), date(2026, 12, 5)),
        (datetime(2026, 12, 5, 0, 0, 0, tzinfo=UTC), date(2026, 12, 5)),  # midnight UTC
        (datetime(2026, 12, 31, 16, 0, 0, tzinfo=UTC), date(2027, 1, 1)),  # a new year first
    ],
)
def test_today_is_the_beijing_day_around_midnight(utc: datetime, beijing_day: date) -> None:
    assert today(utc) == beijing_day


def test_a_moment_in_another_zone_counts_by_its_instant() -> None:
    new_york = timezone(timedelta(hours=-5))
    at = datetime(2026, 12, 4, 11, 0, tzinfo=new_york)  # 16:00 UTC
    assert today(at) == date(2026, 12, 5)
    assert local_date(at) == date(2026, 12, 5)


def test_a_naive_moment_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        local_date(datetime(2026, 12, 4, 16, 0))


def test_today_and_now_are_beijing_whatever_the_clock_says() -> None:
    before = datetime.now(UTC)
    moment = now()
    after = datetime.now(UTC)
    assert moment.utcoffset() == timedelta(hours=8)
    assert before <= moment <= after
    assert today() in {before.astimezone(SHANGHAI).date(), after.astimezone(SHANGHAI).date()}


def test_today_follows_the_utc_clock_not_the_machine_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The machine's local zone (a Windows PC set to UTC) does not move the day."""

    class Clock(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> datetime:  # type: ignore[override]
            return datetime(2026, 12, 4, 16, 30, tzinfo=UTC).astimezone(tz or UTC)

    monkeypatch.setattr(localtime, "datetime", Clock)
    assert today() == date(2026, 12, 5)
    assert now().date() == date(2026, 12, 5) and now().hour == 0
