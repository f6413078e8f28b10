"""The table every record list uses: one row is one record, read, not edited.
Design: docs/architecture.md ("The UI")
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from counter_app.ui.columns import fit_columns

ROW_PADDING = 10  # pixels above the text height in a roomy row


def configure_record_table(view: QTableView, *, roomy_rows: bool = False) -> None:
    """Give ``view`` (also a QTableWidget or a view from a Designer form) the
    record list behaviour; ``roomy_rows``: rows a little taller than the text."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setAlternatingRowColors(True)
    rows = view.verticalHeader()
    rows.hide()
    if roomy_rows:
        rows.setDefaultSectionSize(view.fontMetrics().height() + ROW_PADDING)


class RecordTableView(QTableView):
    """A read-only record list showing ``model``.

    ``fit``: columns sized from the model's ``WIDTH_SAMPLES`` (ui/columns.py),
    ``stretch`` the column taking the spare width (default: the last one);
    without ``fit`` the caller sizes the columns."""

    def __init__(
        self,
        parent: QWidget | None = None,
        model: QAbstractItemModel | None = None,
        *,
        name: str = "",
        fit: bool = True,
        stretch: int | None = None,
        roomy_rows: bool = False,
    ):
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        configure_record_table(self, roomy_rows=roomy_rows)
        if model is not None:
            self.setModel(model)
            if fit:
                fit_columns(self, stretch=stretch)
