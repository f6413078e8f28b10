"""Customer search and the account view (用户查询), the first page."""

from counter_app.ui.search.page import SearchPage

__all__ = ["SearchPage"]
