"""Demo utility: a believable 嘉祥县 water utility for trying Counter out (``seed_demo``).
Design: docs/demo.md
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from counter_app.demo.reference import DEMO_CLERKS, DEMO_PASSWORD, DemoClerk

if TYPE_CHECKING:
    from counter_app.demo.seed import MAX_MONTHS, SeedReport, seed_demo

_SEED_NAMES = ("MAX_MONTHS", "SeedReport", "seed_demo")


def __getattr__(name: str) -> Any:
    # The generator (pypinyin's dictionaries, the name and address tables) is
    # imported on first use: the app's start only needs the demo clerks.
    if name in _SEED_NAMES:
        from counter_app.demo import seed

        return getattr(seed, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["DEMO_CLERKS", "DEMO_PASSWORD", "MAX_MONTHS", "DemoClerk", "SeedReport", "seed_demo"]
