"""Rows to PostgreSQL COPY text, fast.
Design: docs/demo.md
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from counter_app.db.models import Base
from counter_app.db.types import UTCDateTime
from counter_app.demo.columns import COLUMNS

__all__ = ["to_copy_text"]

_NULL = "\\N"
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _compile(table: str) -> Callable[[Sequence[tuple]], str]:
    model = Base.metadata.tables[table]
    parts = []
    for i, name in enumerate(COLUMNS[table]):
        column = model.c[name]
        value = f"T(r[{i}])" if isinstance(column.type, UTCDateTime) else f"r[{i}]"
        if column.nullable:
            parts.append(f"{{N if r[{i}] is None else {value}}}")
        else:
            parts.append(f"{{{value}}}")
    line = "\\t".join(parts) + "\\n"
    source = f"def fmt(rows):\n    return ''.join([f\"{line}\" for r in rows])\n"
    namespace: dict = {"N": _NULL, "T": _timestamp}
    exec(compile(source, f"<copytext {table}>", "exec"), namespace)  # noqa: S102
    return namespace["fmt"]


_STAMPS: dict[datetime, str] = {}


def _timestamp(value: datetime) -> str:
    """str() of a timestamp, remembered: many rows share one (every bill of
    a read day is issued at 09:00), and formatting a datetime is slow."""
    text = _STAMPS.get(value)
    if text is None:
        if len(_STAMPS) > 200_000:
            _STAMPS.clear()
        text = _STAMPS[value] = str(value)
    return text


def _careful(row: tuple) -> str:
    out = []
    for v in row:
        if v is None:
            out.append(_NULL)
        elif isinstance(v, str):
            out.append(v.translate(_ESCAPES))
        else:
            out.append(str(v))
    return "\t".join(out) + "\n"


_FORMATTERS = {table: _compile(table) for table in COLUMNS}


def to_copy_text(table: str, rows: Sequence[tuple]) -> str:
    """COPY text (one line per row) of ``rows`` in the column order of
    :data:`~counter_app.demo.sink.COLUMNS`."""
    if not rows:
        return ""
    text = _FORMATTERS[table](rows)
    tabs = len(rows) * (len(COLUMNS[table]) - 1)
    if (
        "\\" in text.replace(_NULL, "")
        or text.count("\n") != len(rows)
        or (text.count("\t") != tabs or "\r" in text)
    ):
        text = "".join(_careful(row) for row in rows)
    return text
