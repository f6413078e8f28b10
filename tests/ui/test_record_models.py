"""Every record table model under Qt's own model checker (pytest-qt's
``qtmodeltester`` wraps QAbstractItemModelTester), filled with records as the
services return them; and sorting through the view: money as numbers, the
selected record kept."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal as D
from enum import IntEnum

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt

from counter_app.services.accounts.ledger import OpenBill
from counter_app.services.accounts.records import (
    BillLineView,
    BillSummary,
    PaymentSummary,
    TenderLine,
)
from counter_app.services.accounts.search import AccountHit
from counter_app.services.channels.service import ChannelDayRow, SuspenseRow
from counter_app.services.complaints.types import ComplaintRow
from counter_app.services.payments.late_fees import DunningRow
from counter_app.services.payments.shifts import ShiftSummary, ShiftTotals
from counter_app.services.relief.queries import PeriodTotal, ReliefRow
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

AT = datetime(2026, 10, 20, 6, 30, tzinfo=UTC)  # 14:30 in Shanghai


def hit(no: str, arrears: str, overdue: str = "0.00", days: int = 0) -> AccountHit:
    return AccountHit(account_id=int(no), account_no=no, name="张三", mobile_masked="138****5678",
                      id_masked="370829********1234", address="嘉祥街道建设路12号",
                      meter_location="院内", status="active", arrears=D(arrears),
                      matched="account_no", overdue=D(overdue), days_overdue=days)


def bill(bill_id: int, period: str, amount: str, paid: str = "0.00") -> BillSummary:
    month = int(period[5:])
    return BillSummary(bill_id=bill_id, period=period, period_start=date(2026, month, 1),
                       period_end=date(2026, month, 28), start_reading=1200 + bill_id,
                       end_reading=1212 + bill_id, usage=12, amount=D(amount), paid=D(paid),
                       outstanding=D(amount) - D(paid), due_on=date(2026, month, 28))


def line(no: int, kind: str, amount: str) -> BillLineView:
    return BillLineView(line_no=no, kind=kind, component="basic", tier_no=1, volume=12,
                        unit_price=D("2.8500"), amount=D(amount),
                        label="基本水费（第一阶梯）" if kind == "charge" else "低保减免")


def payment(payment_id: int, amount: str, *, reversed_: bool = False) -> PaymentSummary:
    return PaymentSummary(
        payment_id=payment_id, receipt=f"JX{payment_id:08d}", series_code="HQ",
        receipt_no=payment_id, paid_at=AT.replace(day=payment_id % 28 + 1), amount=D(amount),
        tenders=(TenderLine("cash", D(amount), D("100.00"), D("100.00") - D(amount), ""),),
        reversed=reversed_, reversal_reason="收错户" if reversed_ else "", workstation="W01",
        periods=("2026-09", "2026-10"))


def relief(app_id: int, total: str, status: str = "approved") -> ReliefRow:
    return ReliefRow(
        id=app_id, account_id=app_id, account_no=f"0100000{app_id}", account_name="李四",
        address="嘉祥街道建设路12号", area_code="A01", account_type="household",
        certificate_type="城镇居民最低生活保障证", certificate_no=f"JX-2026-{app_id:05d}",
        issuing_office="嘉祥县民政局", valid_from=date(2026, 1, 1), valid_to=date(2026, 12, 31),
        holder_name="李四", holder_id_masked="370829********1234",
        contact_phone_masked="138****5678", materials=("低保证",),
        low_income_households=1 if app_id % 2 else None, total_households=1 if app_id % 2 else None,
        notes="", status=status, display_status=status, applied_on=date(2026, 3, 2),
        effective_period="2026-04" if status == "approved" else None, revoked_reason="",
        version=1, relief_total=D(total), filed_by="收费员", decided_by="")


def shift(shift_id: int, closed: bool) -> ShiftSummary:
    totals = ShiftTotals(shift_id=shift_id, clerk_id=shift_id, opened_at=AT, opening_float=D("200.00"),
                         payments=3, reversals=0,
                         by_tender={"cash": D("150.00"), "wechat": D("9.00")},
                         expected_cash=D("350.00"), closed=closed)
    return ShiftSummary(totals=totals, hall_code="HQ", workstation=f"W0{shift_id}",
                        clerk_username=f"clerk0{shift_id}", clerk_name="收费员",
                        closed_at=AT.replace(hour=9) if closed else None,
                        counted_cash=D("349.50") if closed else None,
                        cash_variance=D("-0.50") if closed else None,
                        variance_reason="少收五角" if closed else "")


def held(held_id: int, amount: str, resolved: bool = False) -> SuspenseRow:
    return SuspenseRow(id=held_id, channel="online", ref=f"WX2026102000{held_id}", tender="wechat",
                       account_no="09999999", account_id=None, account_name=None, amount=D(amount),
                       owed=None, paid_at=f"2026-10-20T0{held_id}:15:00+08:00",
                       reason="unknown_account", line=held_id, file_name="online_20261020.csv",
                       resolution={"action": "refunded"} if resolved else None)


def complaint(cid: int, overdue: bool) -> ComplaintRow:
    return ComplaintRow(id=cid, ticket_no=f"TS2026102000{cid}", created_at=AT, complainant="王五",
                        account_no="01000001", category="water_quality", status="assigned",
                        department="供水管网部", due_at=AT.replace(day=22) if cid % 2 else None,
                        recall_on=date(2026, 10, 25) if cid % 2 else None, overdue=overdue)


def dunning(no: int, overdue: str, days: int) -> DunningRow:
    return DunningRow(account_id=no, account_no=f"0100000{no}", name="赵六",
                      address="嘉祥街道建设路12号", area_code="A01", area_name="城区一片",
                      meter_reader="王师傅", book_no="B01", mobile_masked="138****5678",
                      landline_masked="", status="active", overdue=D(overdue), overdue_bills=2,
                      oldest_due=date(2026, 8, 28), days_overdue=days, suspend=days > 90)


def filled(model_class: type[RecordTableModel], rows) -> RecordTableModel:
    model = model_class()
    model.set_rows(rows)
    return model


MODELS = {
    "search results": lambda: filled(SearchResultsModel, [
        hit("01000001", "10.00"), hit("01000002", "9.00", "9.00", 45), hit("01000003", "0.00")]),
    "bills": lambda: filled(BillsModel, [
        bill(1, "2026-10", "10.00"), bill(2, "2026-09", "9.00", "9.00"),
        bill(3, "2026-08", "100.00", "40.00")]),
    "bill lines": lambda: filled(BillLinesModel, [line(1, "charge", "34.20"),
                                                  line(2, "relief", "-10.00")]),
    "payments": lambda: filled(PaymentsModel, [payment(11, "10.00"),
                                               payment(12, "9.00", reversed_=True)]),
    "relief register": lambda: filled(ReliefRegisterModel, [
        relief(1, "10.00"), relief(2, "9.00", "pending"), relief(3, "0.00", "expired")]),
    "relief per period": lambda: filled(PeriodTotalsModel, [
        PeriodTotal("2026-09", 12, 144, D("118.80")), PeriodTotal("2026-10", 9, 108, D("9.90"))]),
    "shifts of the day": lambda: filled(ShiftsOfDayModel, [shift(1, True), shift(2, False)]),
    "suspense": lambda: filled(SuspenseModel, [held(1, "10.00"), held(2, "9.00", True)]),
    "channel day": lambda: filled(ChannelDayModel, [
        ChannelDayRow("online", "wechat", 2, D("10.00"), D("9.00"), D("1.00"), D("0.00"),
                      "JX00000001", "JX00000002"),
        ChannelDayRow("deduction", "prepayment", 1, D("9.00"), D("9.00"), D("0.00"), D("9.00"),
                      "JX00000003", "JX00000003")]),
    "complaints": lambda: filled(ComplaintTableModel, [complaint(1, True), complaint(2, False)]),
    "dunning": lambda: filled(DunningModel, [dunning(1, "10.00", 120), dunning(2, "9.00", 35)]),
}


def _tender_totals() -> TenderTotalsModel:
    model = TenderTotalsModel()
    model.set_totals({"cash": D("10.00"), "wechat": D("9.00")})
    return model


def _open_bills() -> OpenBillsModel:
    model = OpenBillsModel()
    model.set_bills([OpenBill(1, "2026-09", 12, D("9.00"), D("9.00"), date(2026, 9, 28)),
                     OpenBill(2, "2026-10", 14, D("10.00"), D("4.00"), date(2026, 10, 28))])
    return model


MODELS["tender totals"] = _tender_totals
MODELS["open bills (checkable)"] = _open_bills


@pytest.mark.parametrize("make", MODELS.values(), ids=MODELS.keys())
def test_model_passes_qt_model_checks(qtmodeltester, make):
    model = make()
    assert model.rowCount() >= 2
    qtmodeltester.check(model, force_py=False)
    for row in range(model.rowCount()):  # every cell has a text and a sort key
        assert model.index(row, 0).data(RECORD_ROLE) is model.rows[row]
        for column in model.Columns:
            index = model.index(row, column)
            assert isinstance(index.data(), str)
            index.data(SORT_ROLE)
    model.set_rows([])  # emptied, as a new search or a refused load leaves it
    qtmodeltester.check(model, force_py=False)


@pytest.mark.parametrize("make", [m for m in MODELS.values() if m().SORTABLE],
                         ids=[k for k, m in MODELS.items() if m().SORTABLE])
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
    assert clicks == [["¥9.00", "¥10.00", "¥100.00"], ["¥100.00", "¥10.00", "¥9.00"],
                      ["¥10.00", "¥9.00", "¥100.00"]]


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
