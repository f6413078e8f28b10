"""The one record list view: its set-up, and no screen repeating it by hand."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QWidget

from counter_app.ui.record_table import ROW_PADDING, RecordTableView, configure_record_table

UI = Path(__file__).resolve().parents[2] / "counter_app" / "ui"
HAND_MADE = re.compile(r"setSelectionBehavior|setSelectionMode\(|setTabKeyNavigation")


def _model(rows: int = 3, columns: int = 4) -> QStandardItemModel:
    model = QStandardItemModel(rows, columns)
    model.setHorizontalHeaderLabels([f"Column {c}" for c in range(columns)])
    return model


def _assert_record_list(view) -> None:
    assert view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert view.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert not view.tabKeyNavigation()  # Tab leaves the table
    assert view.alternatingRowColors()
    assert view.verticalHeader().isHidden()


def test_record_table_view_is_a_read_only_row_list(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    view = RecordTableView(parent, _model(), name="someTable", stretch=1)
    _assert_record_list(view)
    assert view.objectName() == "someTable"
    header = view.horizontalHeader()
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Stretch
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive
    assert not header.stretchLastSection()


def test_fit_false_leaves_the_columns_to_the_caller(qtbot):
    view = RecordTableView(model=_model(), fit=False)
    qtbot.addWidget(view)
    _assert_record_list(view)
    header = view.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive
    assert not header.stretchLastSection()


def test_roomy_rows_are_taller_than_the_text(qtbot):
    view = RecordTableView(model=_model(), roomy_rows=True)
    qtbot.addWidget(view)
    expected = view.fontMetrics().height() + ROW_PADDING
    assert view.verticalHeader().defaultSectionSize() == expected


def test_a_table_widget_gets_the_same_behaviour(qtbot):
    table = QTableWidget(2, 2)
    qtbot.addWidget(table)
    configure_record_table(table)
    _assert_record_list(table)


def test_one_row_selected_at_a_time_and_nothing_edited(qtbot):
    model = _model()
    view = RecordTableView(model=model)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    rows = view.selectionModel().selectedRows()
    assert [r.row() for r in rows] == [1]
    qtbot.keyClick(view, Qt.Key.Key_F2)  # the edit key opens no editor
    assert view.state() != QAbstractItemView.State.EditingState


def test_no_screen_sets_up_a_record_list_by_hand():
    """The selection set-up lives in ui/record_table.py only."""
    found = [
        f"{path.relative_to(UI)}:{n}"
        for path in sorted(UI.rglob("*.py"))
        if path.name != "record_table.py" and "forms" not in path.parts
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if HAND_MADE.search(line)
    ]
    assert not found, "use RecordTableView / configure_record_table: " + ", ".join(found)
