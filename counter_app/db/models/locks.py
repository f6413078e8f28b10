"""The actions' locks (migration 0029): a row per (name, key), locked FOR
UPDATE / FOR SHARE by ``counter_lock()`` inside the definer's actions. No
group role holds any privilege on it, so no login can take or hold one of
these locks from psql (an advisory lock's key anyone could take)."""

from __future__ import annotations

from sqlalchemy import Text
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.db.models._base import Base


class CounterLock(Base):
    __tablename__ = "counter_locks"

    name: Mapped[str] = mapped_column(Text, primary_key=True)
    key: Mapped[str] = mapped_column(Text, primary_key=True, server_default="")
