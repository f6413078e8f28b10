"""Work done behind the login window so the GUI thread never pays for it later.

Importing the main window and its pages (SQLAlchemy's ORM, the services,
openpyxl for the exports, ReportLab, the Qt print support) took 0.4-0.7 s,
and loading the document fonts into ReportLab another 0.1-0.9 s on the first
preview or receipt: both froze the window after the sign-in. They run on the
task runner while the clerk types (:func:`warm_up_behind_login`), so by the
time the clerk has signed in, ``ui/app.py``'s imports find every module loaded
and the first statement preview finds the fonts registered.

Python's cyclic garbage collector: a full collection walks every object of
the process (400,000 after these imports) holding the GIL, 100-150 ms in
which the GUI thread cannot run whichever thread started it; the imports and
the fonts made one. So the collector waits while the warm-up runs, and then
everything loaded so far (modules, classes, font tables: kept for the life
of the process anyway) is moved out of its sight with :func:`gc.freeze`; later
full collections walk only what the screens make.

Importing on a worker thread is safe here: the modules only define classes
and constants at import time (colours, time zones); no widget, pixmap or font
object is made before a page is built on the GUI thread. A sign-in that
beats the warm-up only waits for the module being imported at that moment
(Python's per-module import lock), as it would have imported it itself.
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
