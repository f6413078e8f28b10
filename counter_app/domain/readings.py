"""Meter readings: usage between two readings (dial rollover) and flags for suspicious reads.
Rules: docs/rules/billing.md
"""

from __future__ import annotations

from collections.abc import Sequence

from counter_app.domain.errors import CounterError

__all__ = [
    "FLAG_HIGH",
    "FLAG_NO_CHANGE",
    "FLAG_ROLLOVER",
    "ReadingError",
    "reading_flags",
    "usage_between",
]

FLAG_NO_CHANGE = "no_change"
FLAG_HIGH = "high"
FLAG_ROLLOVER = "rollover"

# Zero-usage periods, including the current one, that make a meter "not moving".
_NO_CHANGE_PERIODS = 3


class ReadingError(CounterError, ValueError):
    """A meter reading that cannot be billed.

    ``code`` is one of ``"negative"``, ``"lower_than_last"``, ``"too_large"``;
    the UI maps it to a translated message.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(code, message)


def _check_reading(name: str, value: int, dial_range: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} reading must be a whole number of m³, got {value!r}")
    if value < 0:
        raise ReadingError("negative", f"{name} reading {value} is negative")
    if value >= dial_range:
        raise ReadingError(
            "too_large", f"{name} reading {value} does not fit a dial of range {dial_range}"
        )


def usage_between(
    previous: int,
    current: int,
    *,
    dial_digits: int = 5,
    max_rollover_usage: int | None = None,
) -> tuple[int, bool]:
    """Usage in m³ from ``previous`` to ``current`` reading, and whether the dial wrapped.

    >>> usage_between(1200, 1235)
    (35, False)
    >>> usage_between(99990, 15)
    (25, True)
    """
    if isinstance(dial_digits, bool) or not isinstance(dial_digits, int) or dial_digits < 1:
        raise ValueError(f"dial_digits must be a positive whole number, got {dial_digits!r}")
    dial_range = 10**dial_digits
    _check_reading("previous", previous, dial_range)
    _check_reading("current", current, dial_range)
    if current >= previous:
        return current - previous, False

    limit = dial_range // 10 if max_rollover_usage is None else max_rollover_usage
    if limit < 0:
        raise ValueError(f"max_rollover_usage must not be negative, got {limit}")
    wrapped_usage = dial_range - previous + current
    if wrapped_usage <= limit:
        return wrapped_usage, True
    raise ReadingError(
        "lower_than_last",
        f"current reading {current} is lower than the previous reading {previous} "
        f"(a rollover would mean {wrapped_usage} m³, more than {limit} m³)",
    )


def reading_flags(usage: int, recent_usages: Sequence[int], *, high_threshold: int) -> set[str]:
    """Flags for inspection of one period's ``usage``.

    ``recent_usages`` are the usages of the previous recorded periods, oldest
    first (only the last two matter). ``"no_change"`` needs two recorded
    previous periods, both zero; with a shorter history it is not raised.
    ``"high"`` is raised when ``usage > high_threshold``. ``"rollover"`` is the
    caller's to add.
    """
    if usage < 0:
        raise ValueError(f"usage must not be negative, got {usage}")
    flags: set[str] = set()
    previous_needed = _NO_CHANGE_PERIODS - 1
    last_usages = list(recent_usages)[-previous_needed:]
    if usage == 0 and len(last_usages) == previous_needed and all(u == 0 for u in last_usages):
        flags.add(FLAG_NO_CHANGE)
    if usage > high_threshold:
        flags.add(FLAG_HIGH)
    return flags
