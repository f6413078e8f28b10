"""Column widths from font metrics, not from the rows.
Design: docs/architecture.md ("The UI")
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractProxyModel, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

DEFAULT_SAMPLE = "00000000"


def column_width(table: QTableView, title: str, sample: str) -> int:
    """Pixels for a column titled ``title`` holding values like ``sample``."""
    cells = table.fontMetrics()
    titles = table.horizontalHeader().fontMetrics()
    padding = cells.horizontalAdvance("M") * 2  # cell margins, grid, sort arrow
    return max(titles.horizontalAdvance(title), cells.horizontalAdvance(sample)) + padding


def fit_columns(
    table: QTableView, samples: Sequence[str] | None = None, *, stretch: int | None = None
) -> None:
    """Interactive columns sized from ``samples`` (default: the model's
    ``WIDTH_SAMPLES``); ``stretch`` takes the spare width (default: the last)."""
    model = table.model()
    source = model.sourceModel() if isinstance(model, QAbstractProxyModel) else model
    samples = samples if samples is not None else getattr(source, "WIDTH_SAMPLES", ())
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column in range(model.columnCount()):
        title = str(
            model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or ""
        )
        sample = samples[column] if column < len(samples) else DEFAULT_SAMPLE
        header.resizeSection(column, column_width(table, title, sample))
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
