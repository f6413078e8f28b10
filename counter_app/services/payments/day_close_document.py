"""The day-close report as paper: a DayCloseReport → documents DayCloseData
(the tenders expected and counted) → the receipt-roll document (no Qt)."""

from __future__ import annotations

from counter_app.documents.data import DayCloseData, TenderCount, Utility
from counter_app.documents.layouts.forms import day_close_document as layout
from counter_app.documents.model import Document, Paper
from counter_app.domain.localtime import SHANGHAI
from counter_app.services.payments.shifts import TENDERS, ZERO, DayCloseReport


def tender_rows(report: DayCloseReport) -> list[TenderCount]:
    """Expected vs counted per tender: cash is counted in the drawer (float
    included); the other tenders are settled electronically, so counted =
    expected."""
    s = report.summary
    rows = []
    for code in TENDERS:
        if code == "cash":
            counted = s.counted_cash if s.counted_cash is not None else s.totals.expected_cash
            rows.append(TenderCount(code, s.totals.expected_cash, counted))
        else:
            amount = s.totals.by_tender.get(code, ZERO)
            rows.append(TenderCount(code, amount, amount))
    return rows


def day_close_data(report: DayCloseReport) -> DayCloseData:
    s = report.summary
    if s.closed_at is None:
        raise ValueError("the day-close report is of a closed shift")
    return DayCloseData(
        utility=Utility(report.utility_name, report.hall_name),
        clerk=s.clerk_name,
        workstation=s.workstation,
        business_date=s.totals.opened_at.astimezone(SHANGHAI).date(),
        closed_at=s.closed_at,
        tenders=tuple(tender_rows(report)),
        payment_count=s.totals.payments,
        reversal_count=s.totals.reversals,
        reversal_amount=report.reversal_amount,
        late_fees=s.totals.late_fees,
        first_receipt_no=report.first_receipt,
        last_receipt_no=report.last_receipt,
        note=s.variance_reason,
    )


def day_close_document(report: DayCloseReport, paper_width_mm: int) -> Document:
    return layout(day_close_data(report), Paper.roll(paper_width_mm))
