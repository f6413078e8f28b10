"""Plain jobs the relief page runs on the task runner (no widgets here); the
application form as a document is the service area's
(services/relief/application_document.py)."""

from __future__ import annotations

from counter_app.export.relief_register import ExportResult, export_relief_register
from counter_app.services.relief.service import (
    AccountBrief,
    RegisterFilter,
    RegisterPage,
    ReliefOptions,
    ReliefService,
)
from counter_app.ui.tasks import TaskControl


def load_register(service: ReliefService, filters: RegisterFilter, days: int) -> RegisterPage:
    """The whole page (rows, expiring, totals, choices): one call."""
    return service.page(filters, days)


def load_form(service: ReliefService, account_id: int) -> tuple[AccountBrief, ReliefOptions]:
    context = service.context(account_id)  # one call
    assert context.account is not None  # the server refuses an unknown account
    return context.account, context.options


def export_register(
    service: ReliefService,
    filters: RegisterFilter,
    path: str,
    *,
    control: TaskControl | None = None,
) -> ExportResult:
    """Worker: the register as an .xlsx at ``path``, written to a temporary file
    and renamed last; with ``control``, progress per row and cancel (then no file)."""
    if control is None:
        return export_relief_register(service.register(filters), path)
    control.progress(0)
    rows = service.register(filters)
    total = len(rows)
    control.progress(0, total)
    return export_relief_register(
        rows, path, on_progress=lambda done: control.progress(done, total)
    )
