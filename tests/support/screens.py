"""Screen checks: screenshots and nothing clipped.

Screenshots go to the test's tmp_path; with COUNTER_SHOTS=<folder> set they are
also copied to <folder>/<group>/ for a person to look at (the suite writes
nothing outside its temporary folders otherwise)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QWidget,
)

SHOTS_ENV = "COUNTER_SHOTS"


def shot_dirs(tmp_path: Path, group: str = "") -> list[Path]:
    """The folders a test's screenshots go to (created)."""
    dirs = [tmp_path / "shots"]
    if os.environ.get(SHOTS_ENV):
        dirs.append(Path(os.environ[SHOTS_ENV]) / group)
    for d in dirs:
        d.mkdir(parents=True, exist_ok=True)
    return dirs


def save_shot(widget: QWidget, name: str, dirs: list[Path]) -> None:
    pixmap = widget.grab()
    assert not pixmap.isNull()
    for d in dirs:
        assert pixmap.save(str(d / f"{name}.png")), d


SHORT_TEXT = 20  # characters: a caption, never more than two lines


def assert_nothing_clipped(root: QWidget) -> None:
    """Single-line labels and buttons get at least the room their text needs."""
    clipped = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        single_line = isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and not widget.wordWrap() and widget.text()
        )
        if single_line and widget.width() < widget.sizeHint().width():
            clipped.append(f"{widget.objectName() or type(widget).__name__}: {widget.text()!r}")
        if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
            if widget.height() < widget.heightForWidth(widget.width()):
                clipped.append(f"{widget.objectName()}: wrapped text cut: {widget.text()!r}")
            # a caption squeezed to a character a line (账/期/：) reads as nothing
            lines = widget.heightForWidth(widget.width()) / widget.fontMetrics().lineSpacing()
            if len(widget.text()) <= SHORT_TEXT and lines > 2.5:
                clipped.append(f"{widget.objectName()}: {lines:.0f} lines for {widget.text()!r}")
    assert not clipped, clipped


def settle(qtbot, root: QWidget, timeout: int = 5000) -> None:
    """Wait until ``root`` is laid out: posted layout requests and resizes
    delivered, and no child moved since the previous look (before a screenshot
    or a clipping check; a fixed sleep is either too short or wasted)."""
    looks: list[list[tuple[int, int, int, int]]] = []

    def laid_out() -> None:
        QApplication.sendPostedEvents()
        QApplication.processEvents()
        look = [root.geometry().getRect()]
        look += [w.geometry().getRect() for w in root.findChildren(QWidget)]
        steady = bool(looks) and looks[-1] == look
        looks.append(look)
        assert steady, "the layout is still moving"

    qtbot.waitUntil(laid_out, timeout=timeout)
