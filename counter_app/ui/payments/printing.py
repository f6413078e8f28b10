"""Print jobs of the payments area: plain functions run by the task runner.
A PrintError reaches ``on_error``; the payment is posted already and 补打 prints it again.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from counter_app.documents import (
    BillLine,
    ReceiptData,
    ReprintInfo,
    ReversalData,
    TenderLine,
    Utility,
    receipt_document,
    reprint_document,
    reversal_document,
)
from counter_app.services.payments.receipt_facts import ReceiptFacts
from counter_app.ui.context import Workplace


def _utility(facts: ReceiptFacts) -> Utility:
    return Utility(facts.utility_name, facts.hall_name, facts.utility_hotline)


def _bills(facts: ReceiptFacts) -> tuple[BillLine, ...]:
    return tuple(BillLine(b.period, Decimal(b.usage), b.amount) for b in facts.bills)


def _tenders(facts: ReceiptFacts) -> tuple[TenderLine, ...]:
    return tuple(TenderLine(t.tender, t.amount, t.reference) for t in facts.tenders)


def receipt_data(facts: ReceiptFacts) -> ReceiptData:
    return ReceiptData(
        utility=_utility(facts),
        receipt_no=facts.receipt_no,
        paid_at=facts.paid_at,
        clerk=facts.clerk_name,
        account_no=facts.account_no,
        customer_name=facts.customer_name,
        address=facts.address,
        bills=_bills(facts),
        tenders=_tenders(facts),
        change=facts.change,
        prepaid=facts.deposit,
        balance_after=facts.balance_after,
        late_fee=facts.late_fee,
        late_fee_waived=facts.late_fee_waived,
    )


def reversal_data(facts: ReceiptFacts) -> ReversalData:
    reversal = facts.reversal
    if reversal is None:
        raise LookupError(f"payment {facts.payment_id} is not reversed")
    return ReversalData(
        utility=_utility(facts),
        reversal_no=f"{facts.receipt_no}-R",
        reversed_at=reversal.reversed_at,
        clerk=reversal.clerk_name,
        supervisor=reversal.supervisor_name,
        original_receipt_no=facts.receipt_no,
        original_paid_at=facts.paid_at,
        account_no=facts.account_no,
        customer_name=facts.customer_name,
        address=facts.address,
        amount=facts.amount,
        reason=reversal.reason,
        bills=_bills(facts),
        refunds=_tenders(facts),
    )


def _paper_and_mask(workplace: Workplace):
    return workplace.printer.receipt_paper, workplace.settings.mask_names_on_receipt


def print_receipt_job(workplace: Workplace, facts: ReceiptFacts) -> ReceiptFacts:
    """After commit: the receipt; the drawer opens when cash was taken."""
    paper, mask = _paper_and_mask(workplace)
    document = receipt_document(receipt_data(facts), paper, mask_names=mask)
    cash = any(t.tender == "cash" for t in facts.tenders)
    workplace.printer.print_receipt(document, cash=cash)
    return facts


def reprint_job(workplace: Workplace, payment_id: int) -> int:
    """补打: log the reprint (audited), then print it with its count."""
    count, facts = workplace.services.reversals.reprint(payment_id, workplace.actor)  # one call
    paper, mask = _paper_and_mask(workplace)
    info = ReprintInfo(count, datetime.now(UTC), workplace.clerk.display_name)
    workplace.printer.print_receipt(
        reprint_document(receipt_data(facts), info, paper, mask_names=mask)
    )
    return count


def print_reversal_job(workplace: Workplace, payment_id: int) -> ReceiptFacts:
    facts = workplace.services.payments.receipt_facts(payment_id)
    paper, mask = _paper_and_mask(workplace)
    workplace.printer.print_receipt(reversal_document(reversal_data(facts), paper, mask_names=mask))
    return facts
