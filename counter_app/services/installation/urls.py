"""Database URLs as the clerk sees them, for ``ui/`` (which imports nothing from
``counter_app.db``). Light on purpose: no ORM import, as the login window is
built before the database layer is loaded."""

from __future__ import annotations

from counter_app.db.urls import describe_url

__all__ = ["describe_url"]
