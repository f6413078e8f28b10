"""The table every record list uses: one row is one record, read, not edited.
Design: docs/architecture.md ("The UI", record lists)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractProxyModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from counter_app.ui.columns import fit_columns
from counter_app.ui.record_model import RECORD_ROLE, RecordSortProxy

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
    without ``fit`` the caller sizes the columns. A ``SORTABLE`` model sorts
    on a header click (through a :class:`RecordSortProxy`)."""

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
                fit_columns(self, getattr(model, "WIDTH_SAMPLES", ()), stretch=stretch)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802
        old = self.model()
        if model is None or not getattr(model, "SORTABLE", False):
            self.setSortingEnabled(False)
            super().setModel(model)
        else:
            proxy = RecordSortProxy(self)
            proxy.setSourceModel(model)
            super().setModel(proxy)
            self._sort_on_header_click()
        if isinstance(old, RecordSortProxy):
            old.deleteLater()

    def _sort_on_header_click(self) -> None:
        header = self.horizontalHeader()
        header.setSortIndicatorClearable(True)  # the third click: the model's own order
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)  # sorts by the indicator: column -1 keeps the order

    def source_model(self) -> QAbstractItemModel | None:
        """The model given to the view (behind the sort proxy, if any)."""
        model = self.model()
        return model.sourceModel() if isinstance(model, QAbstractProxyModel) else model

    def record_at(self, index: QModelIndex) -> Any:
        """The record of the row of ``index`` (an index of this view), or None."""
        return index.data(RECORD_ROLE) if index.isValid() else None

    def current_record(self) -> Any:
        """The record of the current row, or None."""
        return self.record_at(self.currentIndex())

    def select_record(self, wanted: Callable[[Any], bool]) -> bool:
        """Make the first row (as shown) whose record satisfies ``wanted``
        current; False if none does."""
        model = self.model()
        for row in range(model.rowCount()):
            record = model.index(row, 0).data(RECORD_ROLE)
            if record is not None and wanted(record):
                self.selectRow(row)
                return True
        return False
