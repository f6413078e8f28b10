"""File dialogs that start in the folder the clerk last used for that kind
of file (remembered per kind in QSettings, the workstation's UI state)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

KEY = "file_dialogs/{kind}"


def last_folder(kind: str, state: QSettings | None = None) -> Path:
    """The folder last used for ``kind``, if it still exists; else the home folder."""
    value = (state or QSettings()).value(KEY.format(kind=kind))
    folder = Path(str(value)) if value else None
    return folder if folder is not None and folder.is_dir() else Path.home()


def remember_folder(kind: str, chosen: str, state: QSettings | None = None) -> None:
    if chosen:
        (state or QSettings()).setValue(KEY.format(kind=kind), str(Path(chosen).parent))


def save_file_name(
    parent: QWidget,
    kind: str,
    title: str,
    name: str,
    filters: str,
    *,
    state: QSettings | None = None,
) -> str:
    """Ask where to save ``name``; "" when the clerk cancels."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent, title, str(last_folder(kind, state) / name), filters
    )
    remember_folder(kind, chosen, state)
    return chosen
