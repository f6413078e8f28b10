"""Complaints (投诉): see counter_app/ui/complaints."""

from counter_app.ui.complaints import ComplaintsPage

__all__ = ["ComplaintsPage"]
