"""How documents write times, money, quantities and tenders."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from counter_app.documents.data import TENDER_LABELS
from counter_app.domain.localtime import SHANGHAI
from counter_app.domain.money import format_money, to_money

__all__ = ["SHANGHAI", "local_date", "local_time", "quantity", "tender_label", "yen"]


def local_time(moment: datetime | None, *, seconds: bool = True) -> str:
    """A UTC ``datetime`` as Shanghai wall time: ``2026-03-05 22:30:12``."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        raise ValueError(f"naive datetime {moment!r}: documents need UTC-aware times")
    return moment.astimezone(SHANGHAI).strftime(
        "%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M"
    )


def local_date(moment: datetime | date | None) -> str:
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        return local_time(moment)[:10]
    return moment.isoformat()


def yen(amount: Decimal) -> str:
    """``Decimal("1234.5")`` -> ``¥1,234.50`` (``-¥12.00`` for negatives).

    The ESC/POS encoder rewrites ``¥`` as the printer profile wants it.
    """
    value = to_money(amount)
    return f"-¥{format_money(-value)}" if value < 0 else f"¥{format_money(value)}"


def quantity(value: Decimal) -> str:
    """Water usage in tons: ``12``, ``12.5``, ``1,234.25`` (at most 2 places)."""
    q = to_money(value)
    text = f"{q:,.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def tender_label(method: str, reference: str = "") -> str:
    label = TENDER_LABELS.get(method, method)
    return f"{label}（{reference}）" if reference else label
