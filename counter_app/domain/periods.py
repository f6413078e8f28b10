"""Billing periods (账期): one calendar month, written ``2026-03``.
Rules: docs/rules/billing.md
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from counter_app.domain.text import normalize_input

__all__ = ["Period"]

_MIN_YEAR = 1
_MAX_YEAR = 9999  # the range of datetime.date
_SEPARATED = re.compile(r"([0-9]{4})[-/]([0-9]{1,2})")
_COMPACT = re.compile(r"([0-9]{4})([0-9]{2})")


@dataclass(frozen=True, order=True)
class Period:
    """A calendar month.  Ordered chronologically, hashable, immutable.

    ``Period(2026, 3)`` raises :class:`TypeError` for a non-``int`` year or
    month and :class:`ValueError` for a month outside 1-12 or a year outside
    1-9999.
    """

    year: int
    month: int

    def __post_init__(self) -> None:
        for field, value in (("year", self.year), ("month", self.month)):
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"Period {field} must be an int, not {type(value).__name__}")
        if not _MIN_YEAR <= self.year <= _MAX_YEAR:
            raise ValueError(f"Period year must be {_MIN_YEAR}..{_MAX_YEAR}, got {self.year}")
        if not 1 <= self.month <= 12:
            raise ValueError(f"Period month must be 1..12, got {self.month}")

    # --- construction -------------------------------------------------------

    @classmethod
    def parse(cls, s: str) -> Period:
        """Read ``2026-03``, ``2026/03`` (also ``2026-3``) or ``202603``.

        Full-width digits and surrounding blanks are accepted; anything else
        raises :class:`ValueError` naming the accepted forms.
        """
        if not isinstance(s, str):
            raise TypeError(f"Period.parse() expects str, got {type(s).__name__}")
        text = normalize_input(s)
        match = _SEPARATED.fullmatch(text) or _COMPACT.fullmatch(text)
        if match is None:
            raise ValueError(f"not a period: {s!r} (expected YYYY-MM, YYYY/MM or YYYYMM)")
        try:
            return cls(int(match.group(1)), int(match.group(2)))
        except ValueError as exc:
            raise ValueError(f"not a period: {s!r} ({exc})") from None

    @classmethod
    def from_date(cls, d: date) -> Period:
        """The period containing ``d`` (a ``date`` or ``datetime``; convert
        UTC timestamps to Asia/Shanghai before calling)."""
        if not isinstance(d, date):
            raise TypeError(f"Period.from_date() expects a date, got {type(d).__name__}")
        return cls(d.year, d.month)

    @classmethod
    def _from_index(cls, index: int) -> Period:
        year, month0 = divmod(index, 12)
        if not _MIN_YEAR <= year <= _MAX_YEAR:
            raise ValueError(f"period out of range: year {year}")
        return cls(year, month0 + 1)

    # --- representation -----------------------------------------------------

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def code(self) -> str:
        """Compact form used in account and receipt data: ``202603``."""
        return f"{self.year:04d}{self.month:02d}"

    # --- arithmetic ---------------------------------------------------------

    @property
    def _index(self) -> int:
        return self.year * 12 + self.month - 1

    def add(self, months: int) -> Period:
        """The period ``months`` later (earlier if negative)."""
        if isinstance(months, bool) or not isinstance(months, int):
            raise TypeError(f"months must be an int, not {type(months).__name__}")
        return self._from_index(self._index + months)

    def next(self) -> Period:
        return self.add(1)

    def prev(self) -> Period:
        return self.add(-1)

    @staticmethod
    def months_between(a: Period, b: Period) -> int:
        """Signed number of months from ``a`` to ``b``: positive when ``b``
        is later, so ``a.add(Period.months_between(a, b)) == b``."""
        return b._index - a._index

    # --- calendar -----------------------------------------------------------

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def __contains__(self, d: object) -> bool:
        """``date(2026, 3, 15) in Period(2026, 3)``."""
        return isinstance(d, date) and (d.year, d.month) == (self.year, self.month)
