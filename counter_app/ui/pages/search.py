"""Customer search (查询): the page lives in counter_app/ui/search/."""

from counter_app.ui.search.page import SearchPage

__all__ = ["SearchPage"]
