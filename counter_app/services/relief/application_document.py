"""A relief application as paper: a ReliefRow → documents
ReliefApplicationData → the A4 application form (no Qt; the page previews
and prints the document on the GUI thread)."""

from __future__ import annotations

from datetime import UTC, datetime

from counter_app.documents.data import ReliefApplicationData, Utility
from counter_app.documents.layouts.forms import relief_form_document
from counter_app.documents.model import Document
from counter_app.services.relief.queries import ReliefRow
from counter_app.services.relief.service import ReliefService

DEFAULT_RELIEF_ITEM = "基本水费每吨减免0.20元"  # when the utility names no relief rule


def application_data(row: ReliefRow, utility: Utility, relief_item: str) -> ReliefApplicationData:
    """The application form of ``row``: the filing clerk in the acceptance box,
    the approving supervisor in the review box, masked ID number and phone."""
    return ReliefApplicationData(
        utility=utility,
        application_no=f"DB{row.id:06d}",
        applied_at=datetime(
            row.applied_on.year, row.applied_on.month, row.applied_on.day, tzinfo=UTC
        ),
        clerk=row.filed_by,
        account_no=row.account_no,
        applicant_name=row.holder_name,
        id_number=row.holder_id_masked,
        phone=row.contact_phone_masked,
        address=row.address,
        certificate_type=row.certificate_type,
        certificate_no=row.certificate_no,
        relief_item=relief_item,
        effective_period=row.effective_period or "审批后确定",
        certificate_valid_to=row.valid_to,
        low_income_households=row.low_income_households,
        total_households=row.total_households,
        materials=row.materials,
        remarks=row.notes,
        approved_by=row.decided_by if row.status == "approved" else "",
    )


def application_document(service: ReliefService, row: ReliefRow) -> Document:
    """The application form document of ``row`` (a worker may build it).

    Only the hall heading comes from who prints it (the signed-in login); the
    filing clerk and the approver are the row's. One call."""
    context = service.context()
    item = context.options.rule_name or DEFAULT_RELIEF_ITEM
    utility = Utility(context.utility_name, context.hall_name)
    return relief_form_document(application_data(row, utility, item))
