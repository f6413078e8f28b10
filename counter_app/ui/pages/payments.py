"""Payments (收费): the page lives in counter_app/ui/payments/."""

from __future__ import annotations

from counter_app.ui.payments.page import PaymentsPage

__all__ = ["PaymentsPage"]
