"""Complaints (投诉), the consultation guide and data-correction requests."""

from counter_app.ui.complaints.page import ComplaintsPage

__all__ = ["ComplaintsPage"]
