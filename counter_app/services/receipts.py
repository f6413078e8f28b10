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


def take_receipt_number(session: Session, series_code: str) -> int:
    taken = session.execute(
        update(m.ReceiptSeries)
        .where(m.ReceiptSeries.code == series_code)
        .values(next_no=m.ReceiptSeries.next_no + 1)
        .returning(m.ReceiptSeries.next_no)
    ).scalar_one_or_none()
    if taken is None:
        raise UnknownSeriesError(f"no receipt series {series_code!r}")
    return taken - 1


def series_for_hall(session: Session, hall_code: str) -> str:
    code = session.execute(
        select(m.ReceiptSeries.code).where(m.ReceiptSeries.hall_code == hall_code)
        .order_by(m.ReceiptSeries.code).limit(1)
    ).scalar_one_or_none()
    if code is None:
        raise UnknownSeriesError(f"hall {hall_code!r} has no receipt series")
    return code
