"""The day-close report as paper: plain data in, a document out (no Qt)."""

from __future__ import annotations

from pathlib import Path

from counter_app.documents import DayCloseData, Document, Paper, Utility
from counter_app.documents import day_close_document as layout
from counter_app.domain.localtime import SHANGHAI
from counter_app.export.day_close import tender_rows, write_day_close_workbook
from counter_app.services.payments.shifts import DayCloseReport


def export_workbook(report: DayCloseReport, path: str, *, control) -> Path:
    """Worker: the report's workbook at ``path``; ``control`` (a TaskControl)
    hears the rows written and stops it before anything is saved."""
    return write_day_close_workbook(report, path, on_progress=control.progress)


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
