"""Day close (日结): the page lives in counter_app/ui/dayclose/."""

from counter_app.ui.dayclose.page import DayClosePage

__all__ = ["DayClosePage"]
