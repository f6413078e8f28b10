"""Keyboard helpers: typing as an input method does, pressing Alt mnemonics."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication


def type_text(widget, text: str) -> None:
    """Type as an input method commits: a key event carrying each character."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def press_alt(qtbot, widget, key, button) -> None:
    """Press the button's Alt mnemonic (a button clicks itself a moment later)."""
    clicked: list[bool] = []
    button.clicked.connect(lambda: clicked.append(True))
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(clicked), timeout=2000)


def type_keys(qtbot, widget, text: str) -> None:
    """Key presses; characters QTest cannot name (Chinese, full-width, emoji:
    what an input method commits) as key events carrying the text."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            type_text(widget, ch)


def tab_order(first) -> list[str]:
    """The object names of the shown widgets Tab visits from ``first`` round
    to it again (the focus chain a Designer form's <tabstops> sets); a widget
    that hands its focus on (a QTabWidget to its tab bar) is left out."""
    names, widget = [], first
    while True:
        if (
            widget.isVisible()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
        ):
            names.append(widget.objectName())
        widget = widget.nextInFocusChain()
        if widget is first:
            return names
