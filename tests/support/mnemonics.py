"""Keyboard mnemonics (Alt+letter) of what a window shows at one time.

A mnemonic is the character after a single "&" in a button's, a buddied
label's, a group box's, a tab's or a menu title's text ("&&" is a literal
"&"). Two visible widgets with the same mnemonic make Alt+letter go to the
first and then cycle, so "Alt+S focuses 保存, then opens 系统". A label with
no buddy does not render its "&": the clerk sees "(&F)".
"""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMainWindow,
    QTabWidget,
    QWidget,
)

_AMP = re.compile(r"&(&|.)", re.DOTALL)


def mnemonic(text: str) -> str | None:
    for match in _AMP.finditer(text):
        if match.group(1) != "&" and not match.group(1).isspace():
            return match.group(1).upper()
    return None


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget is root or widget.isVisibleTo(root)


def owners(root: QWidget) -> tuple[dict[str, list[str]], list[str]]:
    """(mnemonic -> who carries it, texts that show a literal "&") for what
    ``root`` shows now."""
    keys: dict[str, list[str]] = defaultdict(list)
    unrendered: list[str] = []

    def add(text: str, who: str) -> None:
        key = mnemonic(text)
        if key is not None:
            keys[key].append(f"{who}: {text!r}")

    if isinstance(root, QMainWindow) and root.menuBar().isVisibleTo(root):
        for action in root.menuBar().actions():
            if action.isVisible():
                add(action.text(), "menu")
    for widget in root.findChildren(QWidget):
        if not _shown(widget, root) or widget.window() is not root:
            continue
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, QAbstractButton):
            add(widget.text(), name)
        elif isinstance(widget, QGroupBox):
            add(widget.title(), name)
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                if widget.isTabVisible(i):
                    add(widget.tabText(i), f"{name} tab")
        elif isinstance(widget, QLabel):
            text = widget.text()
            if _rich(widget):
                continue
            if widget.buddy() is not None:
                add(text, name)
            elif mnemonic(text) is not None:
                unrendered.append(f"{name}: {text!r}")
    return dict(keys), unrendered


def _rich(label: QLabel) -> bool:
    fmt = label.textFormat()
    if fmt == Qt.TextFormat.RichText:
        return True
    return fmt == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(label.text())


def problems(root: QWidget, where: str) -> list[str]:
    keys, unrendered = owners(root)
    found = [
        f"{where}: Alt+{key} on {', '.join(who)}"
        for key, who in sorted(keys.items())
        if len(who) > 1
    ]
    found += [f"{where}: shows a literal '&' in {text}" for text in unrendered]
    return found
