"""The acceptance slip (投诉受理单): a plain job run by the task runner."""

from __future__ import annotations

from counter_app.documents import ComplaintSlipData, Utility, complaint_slip_document
from counter_app.services.complaints.service import ComplaintService, ComplaintView
from counter_app.ui.context import Workplace


def slip_data(
    view: ComplaintView, utility: Utility, category: str, clerk: str
) -> ComplaintSlipData:
    handling = ""
    if view.status == "resolved":
        handling = f"当场解决：{view.resolution}"
    elif view.department:
        handling = f"已转 {view.department} 处理"
    return ComplaintSlipData(
        utility=utility,
        complaint_no=view.ticket_no,
        received_at=view.created_at,
        clerk=clerk,
        complainant_name=view.complainant,
        phone=view.contact,
        category=category,
        summary=view.description,
        account_no=view.account_no,
        address=view.address,
        handling=handling,
        due_at=view.due_at if view.status == "forwarded" else None,
    )


def print_slip(
    workplace: Workplace, service: ComplaintService, view: ComplaintView, category: str
) -> str:
    """Worker thread: read the hall's names, build the slip, print it."""
    name, hall, hotline = service.utility(workplace.clerk.hall_code)
    data = slip_data(view, Utility(name, hall, hotline), category, workplace.clerk.display_name)
    printer = workplace.printer
    document = complaint_slip_document(
        data, printer.receipt_paper, mask_names=workplace.settings.mask_names_on_receipt
    )
    printer.print(document)
    return view.ticket_no
