"""Low-income relief (低保减免): the page lives in counter_app/ui/relief/."""

from counter_app.ui.relief.page import ReliefPage

__all__ = ["ReliefPage"]
