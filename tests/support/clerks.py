"""Clerk identities the UI tests sign in as (the app's view, not a real login)."""

from __future__ import annotations

from counter_app.services.auth import ClerkIdentity

CLERK = ClerkIdentity(id=1, username="clerk01", display_name="张三", role="clerk", hall_code="HQ")
SUPERVISOR = ClerkIdentity(
    id=1, username="sup01", display_name="王班长", role="supervisor", hall_code="HQ"
)
