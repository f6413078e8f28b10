"""Values as the actions return them in ``jsonb``: times as ISO strings (to
aware UTC datetimes), dates as ISO dates; amounts as they are sent (exact)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Protocol, TypeVar

from counter_app.domain.errors import CounterError
from counter_app.domain.money import CENT, MAX_AMOUNT

T = TypeVar("T")


class MissingValueError(CounterError, ValueError):
    """A value that is always there came back None (a NOT NULL column in an
    action's answer, a required field already checked): a defect, not the
    clerk's input."""

    def __init__(self, field: str):
        super().__init__(
            "missing_value", f"{field}: no value where one is always given", field=field
        )


def required(value: T | None, field: str) -> T:
    """``value`` of a ``field`` that cannot be None; None raises
    :class:`MissingValueError` naming the field."""
    if value is None:
        raise MissingValueError(field)
    return value


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


class AmountError(CounterError, ValueError):
    """An amount refused before it is sent: ``code`` (``format``: not a
    finite decimal, NaN, infinity, a float; ``decimals``: more than two;
    ``too_large``) and the ``field`` at fault."""

    field: str

    def __init__(self, code: str, message: str, *, field: str = ""):
        super().__init__(code, message, field=field)

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class AmountRefusal(Protocol):
    """An error class taking ``(code, message, *, field=...)``: AmountError,
    PaymentError, ShiftError."""

    def __call__(self, code: str, message: str, *, field: str = ...) -> ValueError: ...


def exact_money(value: object, field: str, error: AmountRefusal | None = None) -> Decimal:
    """``value`` as an amount for an action: a Decimal, int or str that is a
    finite number with at most two decimals (never rounded, never a float);
    else ``error(code, message, field=field)`` (:class:`AmountError` by default)."""
    make: AmountRefusal = error or AmountError
    if isinstance(value, bool | float) or not isinstance(value, Decimal | int | str):
        raise make("format", "an amount is a decimal number, never a float", field=field)
    try:
        d = Decimal(value.strip() if isinstance(value, str) else value)
    except InvalidOperation:
        raise make("format", "not a number", field=field) from None
    if not d.is_finite():
        raise make("format", "not a finite number", field=field)
    if abs(d) > MAX_AMOUNT:
        raise make("too_large", "the amount is too large", field=field)
    if d != d.quantize(CENT, rounding=ROUND_HALF_UP):
        raise make("decimals", "at most two decimals", field=field)
    return d.quantize(CENT) + 0  # never -0.00
