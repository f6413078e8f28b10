"""The day-close report's workbook, written on the task runner (the paper
document is the service area's: services/payments/day_close_document.py)."""

from __future__ import annotations

from pathlib import Path

from counter_app.export.day_close import write_day_close_workbook
from counter_app.services.payments.shifts import DayCloseReport


def export_workbook(report: DayCloseReport, path: str, *, control) -> Path:
    """Worker: the report's workbook at ``path``; ``control`` (a TaskControl)
    hears the rows written and stops it before anything is saved."""
    return write_day_close_workbook(report, path, on_progress=control.progress)
