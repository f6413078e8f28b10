"""Plain jobs the relief page runs on the task runner (no widgets here)."""

from __future__ import annotations

from datetime import UTC, datetime

from counter_app.documents import ReliefApplicationData, Utility, relief_form_document
from counter_app.documents.model import Document
from counter_app.export.relief_register import ExportResult, export_relief_register
from counter_app.services.relief.service import (
    AccountBrief,
    RegisterFilter,
    RegisterPage,
    ReliefOptions,
    ReliefRow,
    ReliefService,
)
from counter_app.ui.tasks import TaskControl


def load_register(service: ReliefService, filters: RegisterFilter, days: int) -> RegisterPage:
    """The whole page (rows, expiring, totals, choices): one call."""
    return service.page(filters, days)


def load_form(service: ReliefService, account_id: int) -> tuple[AccountBrief, ReliefOptions]:
    context = service.context(account_id)  # one call
    assert context.account is not None  # the server refuses an unknown account
    return context.account, context.options


def export_register(
    service: ReliefService, filters: RegisterFilter, path: str, *, control: TaskControl | None = None
) -> ExportResult:
    """Worker: the register as an .xlsx at ``path``, written to a temporary file
    and renamed last; with ``control``, progress per row and cancel (then no file)."""
    if control is None:
        return export_relief_register(service.register(filters), path)
    control.progress(0)
    rows = service.register(filters)
    total = len(rows)
    control.progress(0, total)
    return export_relief_register(rows, path,
                                  on_progress=lambda done: control.progress(done, total))


def form_data(row: ReliefRow, utility: Utility, relief_item: str) -> ReliefApplicationData:
    """The application form of ``row``: the filing clerk in the acceptance box,
    the approving supervisor in the review box, masked ID number and phone."""
    return ReliefApplicationData(
        utility=utility, application_no=f"DB{row.id:06d}",
        applied_at=datetime(row.applied_on.year, row.applied_on.month, row.applied_on.day,
                            tzinfo=UTC),
        clerk=row.filed_by, account_no=row.account_no, applicant_name=row.holder_name,
        id_number=row.holder_id_masked, phone=row.contact_phone_masked, address=row.address,
        certificate_type=row.certificate_type, certificate_no=row.certificate_no,
        relief_item=relief_item, effective_period=row.effective_period or "审批后确定",
        certificate_valid_to=row.valid_to, low_income_households=row.low_income_households,
        total_households=row.total_households, materials=row.materials, remarks=row.notes,
        approved_by=row.decided_by if row.status == "approved" else "",
    )


def preview_form(service: ReliefService, row: ReliefRow) -> Document:
    """Worker: build the application form document (painting happens on the GUI thread).

    Only the hall heading comes from who prints it (the signed-in login); the
    filing clerk and the approver are the row's. One call."""
    context = service.context()
    item = context.options.rule_name or "基本水费每吨减免0.20元"
    return relief_form_document(form_data(row, Utility(context.utility_name, context.hall_name),
                                          item))
