"""The actions' locks: rows no login may lock, taken by ``counter_lock()`` in definer actions.
Design: docs/architecture.md ("Leftovers (migration 0029)")
"""

from __future__ import annotations

from sqlalchemy import Text
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.db.models._base import Base


class CounterLock(Base):
    __tablename__ = "counter_locks"

    name: Mapped[str] = mapped_column(Text, primary_key=True)
    key: Mapped[str] = mapped_column(Text, primary_key=True, server_default="")
