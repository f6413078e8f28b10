"""Captions that may wrap, but never one character a line.
Design: docs/architecture.md ("The UI")
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QWidget


def two_line_width(label: QLabel) -> int:
    """Pixels in which ``label``'s text fits on at most two lines."""
    metrics = label.fontMetrics()
    text = label.text()
    widest_word = max((metrics.horizontalAdvance(word) for word in text.split()), default=0)
    half = (metrics.horizontalAdvance(text) + 1) // 2
    # a line breaks between words, so half the text may need one more word
    return max(widest_word, half + widest_word // 2 if " " in text.strip() else half) + 2


class Caption(QLabel):
    """A caption on one line where the layout has the room (its size hint),
    on two where it has not (its minimum), never more."""

    def __init__(self, text: str | QWidget = "", parent: QWidget | None = None):
        if isinstance(text, QWidget):  # Caption(parent): promoted in a Designer form
            super().__init__("", text)
        else:
            super().__init__(text, parent)
        wrap_at_most_twice(self)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        """A form sets the text after building the label: its room follows."""
        super().setText(text)
        wrap_at_most_twice(self)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        one_line = self.fontMetrics().horizontalAdvance(self.text()) + 2 * self.margin() + 2
        return QSize(max(hint.width(), one_line), hint.height())


def wrap_at_most_twice(label: QLabel) -> QLabel:
    """Word wrap on, with a minimum width keeping the text to two lines."""
    label.setWordWrap(True)
    label.setMinimumWidth(two_line_width(label))
    return label
