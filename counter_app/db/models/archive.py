"""Archive numbering (migration 0019): the gapless sequence per locality and
year. Written only by the owner's functions (counter_archive_issue under the
row lock); no group role reads or writes it."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from counter_app.db.models._base import Base


class ArchiveSequence(Base):
    """The next archive number (序号) of a locality (属地) and year (年度)."""

    __tablename__ = "archive_sequences"
    __table_args__ = (
        CheckConstraint("year BETWEEN 1900 AND 2999", name="year"),
        CheckConstraint("next_no >= 1", name="next_no"),
    )
    locality: Mapped[str] = mapped_column(String(16), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    next_no: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")
