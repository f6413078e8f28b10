"""Column types that behave the same on PostgreSQL and SQLite.

SQLite has no exact decimal type: SQLAlchemy's Numeric would store money as
REAL (binary float). :class:`ScaledDecimal` stores it there as an integer of
the smallest unit (cents for money) so sums stay exact in SQL, and as
``NUMERIC(p, s)`` on PostgreSQL. Timestamps are stored in UTC and always come
back timezone-aware.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import BigInteger, DateTime, Numeric
from sqlalchemy.types import TypeDecorator


class ScaledDecimal(TypeDecorator):
    """Exact decimal: NUMERIC(p, s) on PostgreSQL, scaled INTEGER on SQLite."""

    impl = Numeric
    cache_ok = True

    def __init__(self, precision: int = 12, scale: int = 2):
        super().__init__(precision=precision, scale=scale, asdecimal=True)
        self.precision = precision
        self.scale = scale
        self._quantum = Decimal(1).scaleb(-scale)
        self._factor = Decimal(10) ** scale

    def load_dialect_impl(self, dialect):
        if dialect.name == "sqlite":
            return dialect.type_descriptor(BigInteger())
        return dialect.type_descriptor(Numeric(self.precision, self.scale, asdecimal=True))

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("exact decimal columns refuse float values")
        value = Decimal(value).quantize(self._quantum, rounding=ROUND_HALF_UP)
        if dialect.name == "sqlite":
            return int(value * self._factor)
        return value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if dialect.name == "sqlite":
            return (Decimal(int(value)) / self._factor).quantize(self._quantum)
        return Decimal(value).quantize(self._quantum)

    def process_literal_param(self, value, dialect):
        return str(self.process_bind_param(value, dialect))

    @property
    def python_type(self):
        return Decimal


def Money() -> ScaledDecimal:  # noqa: N802 - reads like a type in models
    """NUMERIC(12,2) money column."""
    return ScaledDecimal(12, 2)


def UnitPrice() -> ScaledDecimal:  # noqa: N802
    """NUMERIC(10,4) unit price column."""
    return ScaledDecimal(10, 4)


class UTCDateTime(TypeDecorator):
    """timestamptz on PostgreSQL; ISO text in UTC on SQLite; aware on load."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused: store timezone-aware UTC times")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)
