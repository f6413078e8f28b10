"""Gapless receipt numbers per series.

The series row is updated inside the posting transaction, so a rollback
gives the number back and concurrent posts queue on the row lock: numbers are
unique and without gaps. It is taken after every read and check of the
posting, so the lock is held only for the final inserts.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from counter_app.db import models as m


class UnknownSeriesError(LookupError):
    pass


def receipt_label(prefix: str, number: int) -> str:
    """A receipt number as printed and listed: the series prefix and 8 digits."""
    return f"{prefix}{number:08d}"


def take_receipt_number(
    session: Session, *, series_code: str | None = None, hall_code: str | None = None
) -> tuple[str, int]:
    """Take the next number of ``series_code``, or of the first series of
    ``hall_code``: one UPDATE ... RETURNING either way (the lookup of the
    hall's series is a subquery of it). Returns (series code, number)."""
    if series_code is not None:
        which = m.ReceiptSeries.code == series_code
    elif hall_code is not None:
        which = m.ReceiptSeries.code == (
            select(m.ReceiptSeries.code).where(m.ReceiptSeries.hall_code == hall_code)
            .order_by(m.ReceiptSeries.code).limit(1).scalar_subquery()
        )
    else:
        raise ValueError("give a receipt series or a hall")
    taken = session.execute(
        update(m.ReceiptSeries).where(which)
        .values(next_no=m.ReceiptSeries.next_no + 1)
        .returning(m.ReceiptSeries.code, m.ReceiptSeries.next_no)
    ).one_or_none()
    if taken is None:
        if series_code is not None:
            raise UnknownSeriesError(f"no receipt series {series_code!r}")
        raise UnknownSeriesError(f"hall {hall_code!r} has no receipt series")
    return taken.code, taken.next_no - 1
