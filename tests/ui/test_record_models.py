"""Every record table model under Qt's own model checker (pytest-qt's
``qtmodeltester`` wraps QAbstractItemModelTester), filled with records as the
services return them; and sorting through the view: money as numbers, the
selected record kept."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from enum import IntEnum

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt

from counter_app.services.accounts.ledger import OpenBill
from counter_app.services.channels.service import ChannelDayRow
from counter_app.services.relief.queries import PeriodTotal
from counter_app.ui.complaints.list_view import ComplaintTableModel
from counter_app.ui.dayclose.channel_day import ChannelDayModel
from counter_app.ui.dayclose.models import ShiftsOfDayModel, TenderTotalsModel
from counter_app.ui.dayclose.suspense import SuspenseModel
from counter_app.ui.payments.models import BillsModel as OpenBillsModel
from counter_app.ui.record_model import RECORD_ROLE, SORT_ROLE, RecordSortProxy, RecordTableModel
from counter_app.ui.record_table import RecordTableView
from counter_app.ui.relief.models import PeriodTotalsModel, ReliefRegisterModel
from counter_app.ui.search.dunning_dialog import DunningModel
from counter_app.ui.search.models import (
    BillLinesModel,
    BillsModel,
    PaymentsModel,
    SearchResultsModel,
)
from tests.support.records import (
    AT,
    bill,
    complaint,
    dunning,
    held,
    hit,
    line,
    payment,
    relief,
    shift,
)


def filled(model_class: type[RecordTableModel], rows) -> RecordTableModel:
    model = model_class()
    model.set_rows(rows)
    return model


MODELS = {
    "search results": lambda: filled(
        SearchResultsModel,
        [hit("01000001", "10.00"), hit("01000002", "9.00", "9.00", 45), hit("01000003", "0.00")],
    ),
    "bills": lambda: filled(
        BillsModel,
        [
            bill(1, "2026-10", "10.00"),
            bill(2, "2026-09", "9.00", "9.00"),
            bill(3, "2026-08", "100.00", "40.00"),
        ],
    ),
    "bill lines": lambda: filled(
        BillLinesModel, [line(1, "charge", "34.20"), line(2, "relief", "-10.00")]
    ),
    "payments": lambda: filled(
        PaymentsModel, [payment(11, "10.00"), payment(12, "9.00", reversed_=True)]
    ),
    "relief register": lambda: filled(
        ReliefRegisterModel,
        [relief(1, "10.00"), relief(2, "9.00", "pending"), relief(3, "0.00", "expired")],
    ),
    "relief per period": lambda: filled(
        PeriodTotalsModel,
        [PeriodTotal("2026-09", 12, 144, D("118.80")), PeriodTotal("2026-10", 9, 108, D("9.90"))],
    ),
    "shifts of the day": lambda: filled(ShiftsOfDayModel, [shift(1, True), shift(2, False)]),
    "suspense": lambda: filled(SuspenseModel, [held(1, "10.00"), held(2, "9.00", True)]),
    "channel day": lambda: filled(
        ChannelDayModel,
        [
            ChannelDayRow(
                "online",
                "wechat",
                2,
                D("10.00"),
                D("9.00"),
                D("1.00"),
                D("0.00"),
                "JX00000001",
                "JX00000002",
            ),
            ChannelDayRow(
                "deduction",
                "prepayment",
                1,
                D("9.00"),
                D("9.00"),
                D("0.00"),
                D("9.00"),
                "JX00000003",
                "JX00000003",
            ),
        ],
    ),
    "complaints": lambda: filled(ComplaintTableModel, [complaint(1, True), complaint(2, False)]),
    "dunning": lambda: filled(DunningModel, [dunning(1, "10.00", 120), dunning(2, "9.00", 35)]),
}


def _tender_totals() -> TenderTotalsModel:
    model = TenderTotalsModel()
    model.set_totals({"cash": D("10.00"), "wechat": D("9.00")})
    return model


def _open_bills() -> OpenBillsModel:
    model = OpenBillsModel()
    model.set_bills(
        [
            OpenBill(1, "2026-09", 12, D("9.00"), D("9.00"), date(2026, 9, 28)),
            OpenBill(2, "2026-10", 14, D("10.00"), D("4.00"), date(2026, 10, 28)),
        ]
    )
    return model


MODELS["tender totals"] = _tender_totals
MODELS["open bills (checkable)"] = _open_bills


@pytest.mark.parametrize("make", MODELS.values(), ids=MODELS.keys())
def test_model_passes_qt_model_checks(qtmodeltester, make):
    model = make()
    assert model.rowCount() >= 2
    assert len(model.headers()) == model.columnCount() == len(model.Columns)
    qtmodeltester.check(model, force_py=False)
    for row in range(model.rowCount()):  # every cell has a text and a sort key
        assert model.index(row, 0).data(RECORD_ROLE) is model.rows[row]
        for column in model.Columns:
            index = model.index(row, column)
            assert isinstance(index.data(), str)
            index.data(SORT_ROLE)
    model.set_rows([])  # emptied, as a new search or a refused load leaves it
    qtmodeltester.check(model, force_py=False)


@pytest.mark.parametrize(
    "make",
    [m for m in MODELS.values() if m().SORTABLE],
    ids=[k for k, m in MODELS.items() if m().SORTABLE],
)
def test_sort_proxy_passes_qt_model_checks(qtmodeltester, make):
    proxy = RecordSortProxy()
    proxy.setSourceModel(make())
    qtmodeltester.check(proxy, force_py=False)
    for column in range(proxy.columnCount()):
        proxy.sort(column, Qt.SortOrder.DescendingOrder)
        qtmodeltester.check(proxy, force_py=False)


def test_money_sorts_by_its_value_not_its_text():
    model = MODELS["bills"]()
    amount = BillsModel.Columns.AMOUNT
    assert model.index(0, amount).data(SORT_ROLE) == D("10.00")  # a Decimal, not "10.00"
    proxy = RecordSortProxy()
    proxy.setSourceModel(model)
    proxy.sort(amount, Qt.SortOrder.AscendingOrder)
    shown = [proxy.index(row, amount).data() for row in range(proxy.rowCount())]
    assert shown == ["¥9.00", "¥10.00", "¥100.00"]  # as text: ¥10.00, ¥100.00, ¥9.00
    assert sorted(shown) != shown


def test_dates_and_empty_cells_sort_as_values():
    model = MODELS["complaints"]()
    due = ComplaintTableModel.Columns.DUE
    proxy = RecordSortProxy()
    proxy.setSourceModel(model)
    proxy.sort(due, Qt.SortOrder.AscendingOrder)
    keys = [proxy.index(row, due).data(SORT_ROLE) for row in range(proxy.rowCount())]
    assert keys == [None, AT.replace(day=22)]  # no due time first


@pytest.mark.parametrize("make", MODELS.values(), ids=MODELS.keys())
def test_hooks_get_members_of_the_columns_enum(make):
    model = make()
    seen: set[type] = set()
    display, sort_key = model.display, model.sort_key
    model.display = lambda record, column: seen.add(type(column)) or display(record, column)
    model.sort_key = lambda record, column: seen.add(type(column)) or sort_key(record, column)
    for column in range(model.columnCount()):
        model.index(0, column).data()
        model.index(0, column).data(SORT_ROLE)
    assert seen == {model.Columns} and issubclass(model.Columns, IntEnum)


def _bills_view(qtbot) -> tuple[RecordTableView, BillsModel]:
    model = MODELS["bills"]()
    view = RecordTableView(model=model, name="billsTable")
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view, model


def test_a_header_click_sorts_by_money_and_a_third_gives_the_order_back(qtbot):
    view, model = _bills_view(qtbot)
    amount = BillsModel.Columns.AMOUNT
    header = view.horizontalHeader()

    def shown() -> list[str]:
        return [view.model().index(row, amount).data() for row in range(model.rowCount())]

    assert shown() == ["¥10.00", "¥9.00", "¥100.00"]  # the service's order until a click
    clicks = []
    for _ in range(3):
        where = QPoint(header.sectionViewportPosition(amount) + 5, header.height() // 2)
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
        clicks.append(shown())
    assert clicks == [
        ["¥9.00", "¥10.00", "¥100.00"],
        ["¥100.00", "¥10.00", "¥9.00"],
        ["¥10.00", "¥9.00", "¥100.00"],
    ]


def test_the_selected_row_gives_its_record_after_sorting(qtbot):
    view, model = _bills_view(qtbot)
    view.selectRow(0)
    assert view.current_record().period == "2026-10"
    view.sortByColumn(BillsModel.Columns.AMOUNT, Qt.SortOrder.AscendingOrder)
    assert view.current_record().period == "2026-10"  # the selection follows the record
    assert view.currentIndex().row() == 1  # now shown second, after 9.00
    view.selectRow(0)
    assert view.current_record().period == "2026-09"  # the row shown, not the model's row 0
    assert model.record(0).period == "2026-10"
    rows = view.selectionModel().selectedRows()
    assert [view.record_at(index).period for index in rows] == ["2026-09"]
    assert view.record_at(QModelIndex()) is None
    assert view.source_model() is model


def test_new_rows_keep_the_chosen_sort_and_a_record_can_be_selected(qtbot):
    view, model = _bills_view(qtbot)
    view.sortByColumn(BillsModel.Columns.OUTSTANDING, Qt.SortOrder.DescendingOrder)
    model.set_rows([*model.rows, bill(4, "2026-07", "500.00")])
    assert view.model().index(0, 0).data(RECORD_ROLE).period == "2026-07"
    assert view.select_record(lambda b: b.period == "2026-08")
    assert view.current_record().period == "2026-08"
    assert not view.select_record(lambda b: b.period == "2025-01")


def test_an_unsortable_model_is_shown_as_it_is(qtbot):
    model = MODELS["search results"]()
    view = RecordTableView(model=model)
    qtbot.addWidget(view)
    assert view.model() is model and not view.isSortingEnabled()
    view.selectRow(2)
    assert view.current_record() is model.record(2)
