"""Going live: the files of the old billing system imported (migration 0020)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CHAR, CheckConstraint, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.db.models._base import Base, created


class GoliveImport(Base):
    """An accounts or balances file imported, by the SHA-256 of its content:
    the same file a second time writes nothing (counter_import_accounts,
    counter_import_balances). ``summary`` is the action's result (JSON).
    Append-only."""

    __tablename__ = "golive_imports"
    __table_args__ = (
        CheckConstraint("kind IN ('accounts', 'balances')", name="kind"),
        CheckConstraint("file_hash ~ '^[0-9a-f]{64}$'", name="file_hash"),
    )
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    file_hash: Mapped[str] = mapped_column(CHAR(64), primary_key=True)
    file_name: Mapped[str] = mapped_column(String(200), nullable=False)
    rows_in_file: Mapped[int] = mapped_column(Integer, nullable=False)
    summary: Mapped[str] = mapped_column(Text, nullable=False)
    imported_by: Mapped[str] = mapped_column(String(63), nullable=False)
    imported_at: Mapped[datetime] = created()
