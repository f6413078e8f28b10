"""One table model for every list of records, with a record role and a sort role.
Design: docs/architecture.md ("The UI", record lists)
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Rows of records; subclasses say how a cell shows."""

    Columns: type[IntEnum]
    RIGHT_ALIGNED: frozenset[int] = frozenset()
    # a click on a header sorts the list (RecordTableView shows it through a RecordSortProxy)
    SORTABLE = False

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[R] = []
        self._columns = tuple(self.Columns)  # by position: data() asks for every role of every cell

    # -- rows ------------------------------------------------------------------

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    @property
    def rows(self) -> tuple[R, ...]:
        return tuple(self._rows)

    def record(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- what a subclass says ----------------------------------------------------

    def headers(self) -> Sequence[str]:  # pragma: no cover - abstract
        raise NotImplementedError

    def display(self, record: R, column: Any) -> str:  # pragma: no cover - abstract
        """The cell's text; ``column`` is a member of ``Columns``."""
        raise NotImplementedError

    def sort_key(self, record: R, column: Any) -> Any:
        """What the cell sorts by: the shown text, unless a subclass gives a
        value that sorts right (a Decimal for money, a date, a number)."""
        return self.display(record, column)

    def colour(self, record: R, column: Any) -> QColor | None:
        return None

    def background(self, record: R, column: Any) -> QBrush | None:
        return None

    def tooltip(self, record: R, column: Any) -> str | None:
        return None

    # -- Qt ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.Columns)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(record, column)
        if role == RECORD_ROLE:
            return record
        if role == SORT_ROLE:
            return self.sort_key(record, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.RIGHT_ALIGNED:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self.colour(record, column)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(record, column)
        return None


class RecordSortProxy(QSortFilterProxyModel):
    """Sorts a :class:`RecordTableModel` by its ``SORT_ROLE`` values, compared
    as Python values (Qt cannot order a Decimal); an empty cell (None) first.
    Column -1 is the model's own order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        a, b = left.data(self.sortRole()), right.data(self.sortRole())
        if a is None or b is None:
            return a is None and b is not None
        try:
            return bool(a < b)
        except TypeError:  # values of two kinds in one column: compare their text
            return str(a) < str(b)
