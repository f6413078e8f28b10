"""Work done behind the login window (imports, fonts, gc.freeze) so the GUI never pays later.
Design: docs/architecture.md ("The UI")
"""

from __future__ import annotations

import gc
import importlib
import logging
from typing import Protocol

log = logging.getLogger(__name__)

# leaves first, so each step is short; the main window last (it imports every page)
MODULES = (
    "counter_app.ui.context",
    "openpyxl",
    "counter_app.documents.render.qt",
    "counter_app.ui.search.page",
    "counter_app.ui.search.statement",
    "counter_app.ui.payments.page",
    "counter_app.ui.relief.page",
    "counter_app.ui.complaints.page",
    "counter_app.ui.dayclose.page",
    "counter_app.ui.pages.settings_page",
    "counter_app.ui.settings.tariffs_page",
    "counter_app.ui.main_window",
)


class _Authenticator(Protocol):
    def get(self) -> object: ...


def import_screens() -> None:
    """Import the main window's modules and load the document fonts (worker)."""
    for name in MODULES:
        importlib.import_module(name)
    from counter_app.documents import warm_up as warm_up_fonts

    warm_up_fonts()


def warm_up_behind_login(authenticator: _Authenticator | None = None) -> None:
    """On the task runner behind the login window: the database layer
    (``authenticator.get``) first, a sign-in needs it; then the screens."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        if authenticator is not None:
            authenticator.get()
        try:
            import_screens()
        except Exception:  # noqa: BLE001 - a warm-up only: the GUI thread imports it again
            log.exception("warm-up of the screens failed; they load on first use")
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
