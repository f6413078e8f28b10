"""收费: the payments page, payment dialog, history with reprint and reversal."""

from counter_app.ui.payments.page import PaymentsPage

__all__ = ["PaymentsPage"]
