"""The archive catalogue (档案目录台账) as an Excel workbook (openpyxl, write-only).
Rules: docs/rules/accounts.md; design: docs/architecture.md ("Exports")
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from counter_app.export.relief_register import _discard as discard_sheet
from counter_app.services.accounts.archive import CatalogueRow

__all__ = ["HEADERS", "CatalogueExport", "export_archive_catalogue"]

#: title, width (a Chinese character counts about 2), text format or not
COLUMNS: tuple[tuple[str, float, bool], ...] = (
    ("档案号", 18, True),
    ("用户号", 12, True),
    ("户名", 20, False),
    ("用水地址", 36, False),
    ("档案柜号", 12, True),
    ("开户日期", 12, False),
    ("属地", 8, True),
)
HEADERS = tuple(c[0] for c in COLUMNS)
PROGRESS_EVERY = 1000  # rows between two on_progress calls


@dataclass(frozen=True)
class CatalogueExport:
    path: Path
    rows: int


def _values(r: CatalogueRow) -> tuple[object, ...]:
    return (r.archive_no, r.account_no, r.name, r.address, r.cabinet_no, r.opened_on, r.locality)


def export_archive_catalogue(
    rows: Iterable[CatalogueRow],
    path: str | Path,
    *,
    title: str = "档案目录台账",
    on_progress: Callable[[int], None] | None = None,
) -> CatalogueExport:
    """Write ``rows`` to ``path`` (.xlsx). ``on_progress(rows_written)`` every
    thousand rows and at the end; an exception it raises (a cancel) leaves no
    file."""
    path = Path(path)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title)
    for index, (_title, width, _text) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    def cell(value: object, **style) -> WriteOnlyCell:
        c = WriteOnlyCell(ws, value)
        for name, setting in style.items():
            setattr(c, name, setting)
        return c

    header_fill = PatternFill("solid", fgColor="DDEBF7")
    ws.append(
        [
            cell(
                t, font=Font(bold=True), fill=header_fill, alignment=Alignment(horizontal="center")
            )
            for t in HEADERS
        ]
    )
    count = 0
    try:
        for row in rows:
            ws.append(
                [
                    cell(v, number_format="@")
                    if text and v is not None
                    else cell(v, number_format="yyyy-mm-dd")
                    if isinstance(v, date)
                    else v
                    for v, (_t, _w, text) in zip(_values(row), COLUMNS, strict=True)
                ]
            )
            count += 1
            if on_progress is not None and count % PROGRESS_EVERY == 0:
                on_progress(count)
        if on_progress is not None:
            on_progress(count)
    except BaseException:
        discard_sheet(ws)  # the sheet's streaming temporary file too
        raise
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{count + 1}"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    try:
        wb.save(tmp)
        tmp.replace(path)  # never a half-written catalogue under the real name
    finally:
        tmp.unlink(missing_ok=True)
    return CatalogueExport(path, count)
