"""Service records → document data, in the service areas (no Qt, no database):
the day-close report, the relief application form, the account statement."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal as D

import pytest

from counter_app.documents.data import TenderCount, Utility
from counter_app.services.accounts.records import Statement, StatementLine, StatementPayment
from counter_app.services.accounts.statement_document import statement_data
from counter_app.services.payments.day_close_document import (
    day_close_data,
    day_close_document,
    tender_rows,
)
from counter_app.services.payments.shifts import DayCloseReport, ShiftSummary, ShiftTotals
from counter_app.services.relief.application_document import application_data
from tests.support.records import relief

OPENED = datetime(2026, 10, 19, 23, 50, tzinfo=UTC)  # 07:50 on the 20th in Shanghai
CLOSED = datetime(2026, 10, 20, 9, 5, tzinfo=UTC)


def _report(counted: str | None = "349.50") -> DayCloseReport:
    totals = ShiftTotals(
        shift_id=7,
        clerk_id=3,
        opened_at=OPENED,
        opening_float=D("200.00"),
        payments=4,
        reversals=1,
        by_tender={"cash": D("150.00"), "wechat": D("9.00")},
        expected_cash=D("350.00"),
        closed=True,
        late_fees=D("1.20"),
    )
    summary = ShiftSummary(
        totals=totals,
        hall_code="HQ",
        workstation="W01",
        clerk_username="clerk01",
        clerk_name="收费员",
        closed_at=CLOSED if counted else None,
        counted_cash=D(counted) if counted else None,
        cash_variance=D(counted) - D("350.00") if counted else None,
        variance_reason="少收五角",
    )
    return DayCloseReport(
        summary=summary,
        hall_name="嘉祥营业厅",
        utility_name="嘉祥县自来水公司",
        counts=((D("100"), 3),),
        first_receipt="JX00000001",
        last_receipt="JX00000004",
        reversal_amount=D("10.00"),
    )


def test_day_close_counts_cash_in_the_drawer_and_takes_the_rest_as_expected():
    rows = tender_rows(_report())
    assert rows[0] == TenderCount("cash", D("350.00"), D("349.50"))
    assert TenderCount("wechat", D("9.00"), D("9.00")) in rows
    assert TenderCount("card", D("0.00"), D("0.00")) in rows
    data = day_close_data(_report())
    assert data.business_date == date(2026, 10, 20)  # the Shanghai day the shift opened
    assert (data.payment_count, data.reversal_count, data.reversal_amount) == (4, 1, D("10.00"))
    assert (data.late_fees, data.note, data.utility) == (
        D("1.20"),
        "少收五角",
        Utility("嘉祥县自来水公司", "嘉祥营业厅"),
    )
    assert day_close_document(_report(), 80) is not None


def test_an_open_shift_has_no_day_close_document():
    with pytest.raises(ValueError, match="closed shift"):
        day_close_data(_report(counted=None))


def test_the_relief_form_names_the_approver_only_once_approved():
    utility = Utility("嘉祥县自来水公司", "嘉祥营业厅")
    row = replace(relief(12, "9.00"), decided_by="主管")
    data = application_data(row, utility, "基本水费每吨减免0.20元")
    assert (data.application_no, data.approved_by, data.clerk) == ("DB000012", "主管", "收费员")
    assert data.id_number == "370829********1234" and data.effective_period == "2026-04"
    pending = application_data(replace(row, status="pending", effective_period=None), utility, "x")
    assert (pending.approved_by, pending.effective_period) == ("", "审批后确定")


def test_a_statement_row_has_the_last_payment_and_every_receipt_once():
    first, last = datetime(2026, 9, 3, 2, 0, tzinfo=UTC), datetime(2026, 9, 20, 2, 0, tzinfo=UTC)
    line = StatementLine(
        period="2026-09",
        start_reading=1200,
        end_reading=1212,
        usage=12,
        billed=D("34.20"),
        paid=D("34.20"),
        outstanding=D("0.00"),
        due_on=date(2026, 9, 28),
        payments=(
            StatementPayment("JX00000002", last, D("20.00")),
            StatementPayment("JX00000001", first, D("10.00")),
            StatementPayment("JX00000002", last, D("4.20")),
        ),
    )
    statement = Statement(
        account_id=1,
        account_no="01000001",
        name="张三",
        address="建设路12号",
        from_period="2026-09",
        to_period="2026-09",
        lines=(line,),
        payments=(),
        total_usage=12,
        total_billed=D("34.20"),
        total_paid=D("34.20"),
        total_outstanding=D("0.00"),
        total_received=D("34.20"),
        prepayment_balance=D("5.00"),
        arrears=D("0.00"),
    )
    with pytest.raises(ValueError, match="utility"):
        statement_data(statement, clerk="收费员", printed_at=CLOSED)
    data = statement_data(
        statement,
        clerk="收费员",
        printed_at=CLOSED,
        utility=Utility("嘉祥县自来水公司", "嘉祥营业厅"),
    )
    (row,) = data.rows
    assert (row.paid_at, row.receipt_no) == (last, "JX00000002、JX00000001")
    assert (row.amount_due, row.amount_paid, data.balance) == (D("34.20"), D("34.20"), D("5.00"))
