"""The payment dialog's step after the post: read the receipt, print it after commit, and on a failure
let Enter print it again (重打, not a 补打 reprint). Strings keep the PaymentDialog context.
Design: docs/architecture.md ("The UI")
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from counter_app.documents import PrintError
from counter_app.domain.money import format_money
from counter_app.services.payments.receipt_facts import ReceiptFacts
from counter_app.services.payments.service import PaymentResult
from counter_app.ui.payments.messages import print_message
from counter_app.ui.payments.printing import print_receipt_job
from counter_app.ui.style import ERROR_STYLE, OK_STYLE

if TYPE_CHECKING:
    from counter_app.ui.payments.payment_dialog import PaymentDialog

log = logging.getLogger("counter_app.ui.payments.payment_dialog")  # where it always logged


class ReceiptStep:
    """What the receipt of the dialog's posted payment says, and its printing."""

    def __init__(self, dialog: PaymentDialog):
        self.dialog = dialog
        self.facts: ReceiptFacts | None = None
        self.receipt_no = ""
        self.printing = False

    def start(self, result: PaymentResult) -> None:
        """The payment is posted: print its receipt (a replayed one waits for Enter)."""
        if result.facts is not None:  # the post's own answer says what the receipt prints
            self._facts_ready(result.facts)
            return
        self._read_facts(result.payment_id)

    def _read_facts(self, payment_id: int) -> None:
        workplace = self.dialog.workplace
        workplace.runner.submit(
            workplace.services.payments.receipt_facts,
            payment_id,
            on_done=self._facts_ready,
            on_error=self._print_failed,
        )

    def _facts_ready(self, facts: ReceiptFacts) -> None:
        dialog = self.dialog
        self.printing = False
        self.facts = facts
        self.receipt_no = facts.receipt_no
        if dialog.posted is not None and dialog.posted.replayed:
            dialog.say(
                QCoreApplication.translate(
                    "PaymentDialog",
                    "Posted: receipt {no}, ¥{amount}. Press Enter to print the receipt.",
                ).format(no=facts.receipt_no, amount=format_money(facts.amount)),
                OK_STYLE,
            )
            dialog.confirm_button.setText(QCoreApplication.translate("PaymentDialog", "Done (Esc)"))
            dialog.enter_button(dialog.print_button)
            dialog.print_button.setFocus()
            return
        self.print()

    def print(self) -> None:
        """Print the posted payment's receipt; again after a failure."""
        dialog = self.dialog
        if dialog.posted is None or self.printing:
            return
        self.printing = True
        dialog.print_button.setEnabled(False)
        if self.facts is None:  # reading what the receipt says failed: read it again
            self._read_facts(dialog.posted.payment_id)
            return
        dialog.say(
            QCoreApplication.translate(
                "PaymentDialog", "Posted: receipt {no}, ¥{amount}. Printing the receipt..."
            ).format(no=self.facts.receipt_no, amount=format_money(self.facts.amount)),
            OK_STYLE,
        )
        dialog.workplace.runner.submit(
            print_receipt_job,
            dialog.workplace,
            self.facts,
            on_done=self._printed,
            on_error=self._print_failed,
        )

    def _printed(self, facts: ReceiptFacts) -> None:
        dialog = self.dialog
        self.printing = False
        dialog.confirm_button.setText(QCoreApplication.translate("PaymentDialog", "Done (Enter)"))
        dialog.enter_button(dialog.confirm_button)
        dialog.confirm_button.setFocus()
        dialog.say(
            QCoreApplication.translate("PaymentDialog", "Posted and printed: receipt {0}.").format(
                facts.receipt_no
            ),
            OK_STYLE,
        )

    def _print_failed(self, error: BaseException) -> None:
        """The payment is posted, the receipt is not: Enter prints it again here."""
        dialog = self.dialog
        self.printing = False
        if not isinstance(error, PrintError):  # a PrintError is logged by the printer
            log.warning(
                "receipt of payment %s not printed",
                dialog.posted and dialog.posted.payment_id,
                exc_info=error,
            )
        receipt = (
            QCoreApplication.translate("PaymentDialog", "Receipt {0}: ").format(self.receipt_no)
            if self.receipt_no
            else ""
        )
        dialog.say(
            receipt
            + print_message(error)
            + " "
            + QCoreApplication.translate(
                "PaymentDialog",
                "The payment is posted. Check the printer, then press Enter to print the "
                "receipt again.",
            ),
            ERROR_STYLE,
        )
        dialog.print_button.setText(
            QCoreApplication.translate("PaymentDialog", "Print again (Enter)")
        )
        dialog.confirm_button.setText(QCoreApplication.translate("PaymentDialog", "Done (Esc)"))
        dialog.enter_button(dialog.print_button)
        dialog.print_button.setFocus()
