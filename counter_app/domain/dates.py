"""Rules every date a clerk types must keep (no Qt, no database).
Rules: docs/rules/accounts.md
"""

from __future__ import annotations

from datetime import date

__all__ = ["EARLIEST_DATE", "MAX_YEARS_AHEAD", "latest_date", "validity_problem"]

MAX_YEARS_AHEAD = 10
EARLIEST_DATE = date(2000, 1, 1)


def latest_date(today: date) -> date:
    """Today, :data:`MAX_YEARS_AHEAD` years on (29 February becomes the 28th)."""
    year = today.year + MAX_YEARS_AHEAD
    try:
        return today.replace(year=year)
    except ValueError:
        return today.replace(year=year, day=28)


def validity_problem(start: date, end: date, today: date) -> tuple[str, str] | None:
    """``(which, code)`` for a validity period a form must refuse, else ``None``.

    ``which`` is ``"start"`` or ``"end"``; ``code`` is ``before_from`` (the
    end is before the start), ``too_far`` (more than 10 years ahead) or
    ``too_early`` (before 2000)."""
    if start < EARLIEST_DATE:
        return "start", "too_early"
    if start > latest_date(today):
        return "start", "too_far"
    if end < start:
        return "end", "before_from"
    if end > latest_date(today):
        return "end", "too_far"
    return None
