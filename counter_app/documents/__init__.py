"""Receipts, slips, statements, forms and reports, and how they are printed.
Design: docs/architecture.md ("Documents and printing")
"""

from counter_app.documents.data import (
    TENDER_LABELS,
    BillLine,
    ComplaintSlipData,
    DayCloseData,
    ReceiptData,
    ReliefApplicationData,
    ReprintInfo,
    ReversalData,
    StatementData,
    StatementRow,
    TenderCount,
    TenderLine,
    Utility,
)
from counter_app.documents.layouts.forms import (
    complaint_slip_document,
    day_close_document,
    relief_form_document,
    statement_document,
)
from counter_app.documents.layouts.payments import (
    receipt_document,
    reprint_document,
    reversal_document,
)
from counter_app.documents.model import Document, Paper
from counter_app.documents.output.printing import (
    DocumentPrinter,
    parse_printer,
    printer_test_page,
)
from counter_app.documents.output.transports import (
    PRINT_ERROR_CODES,
    PrintError,
    transport_from_uri,
)
from counter_app.documents.render.escpos import PROFILES, EscposProfile, get_profile, render_escpos
from counter_app.documents.render.fonts import warm_up
from counter_app.documents.render.pdf import render_pdf, write_pdf

__all__ = [
    "PRINT_ERROR_CODES",
    "PROFILES",
    "TENDER_LABELS",
    "BillLine",
    "ComplaintSlipData",
    "DayCloseData",
    "Document",
    "DocumentPrinter",
    "EscposProfile",
    "Paper",
    "PrintError",
    "ReceiptData",
    "ReliefApplicationData",
    "ReprintInfo",
    "ReversalData",
    "StatementData",
    "StatementRow",
    "TenderCount",
    "TenderLine",
    "Utility",
    "complaint_slip_document",
    "day_close_document",
    "get_profile",
    "parse_printer",
    "receipt_document",
    "relief_form_document",
    "render_escpos",
    "render_pdf",
    "reprint_document",
    "reversal_document",
    "statement_document",
    "printer_test_page",
    "transport_from_uri",
    "warm_up",
    "write_pdf",
]
