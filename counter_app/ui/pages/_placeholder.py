"""Layout shared by the pages that later issues will fill."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

HEADING_POINT_SIZE = 16
TEXT_MAX_WIDTH = 760  # long lines are hard to read on a wide screen


def heading_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("headingLabel")
    font = QFont(label.font())
    font.setPointSize(HEADING_POINT_SIZE)
    font.setBold(True)
    label.setFont(font)
    return label


def build_placeholder(page: QWidget, heading: str, body: str, later: str) -> None:
    """A heading, what the page will hold, and an honest 'not yet' note."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(24, 20, 24, 20)
    layout.setSpacing(12)
    layout.addWidget(heading_label(heading, page))
    body_label = QLabel(body, page)
    body_label.setObjectName("bodyLabel")
    body_label.setWordWrap(True)
    layout.addWidget(body_label)
    later_label = QLabel(later, page)
    later_label.setObjectName("laterLabel")
    later_label.setWordWrap(True)
    later_label.setStyleSheet("color: #666666;")
    layout.addWidget(later_label)
    layout.addStretch(1)
    for label in (body_label, later_label):
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setMaximumWidth(TEXT_MAX_WIDTH)
