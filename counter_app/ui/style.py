"""The one palette of the UI: each colour named by what it tells the clerk.
No colour literal lives anywhere else in counter_app/ui (tests/ui/test_style.py).
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

# -- colours, by meaning -------------------------------------------------------------

ERROR = "#b00020"  # a refusal, a shortfall, money owed, overdue, a variance
OK = "#1b5e20"  # done, paid, connected, a relief line on a bill
WARNING = "#8a5a00"  # waiting for someone (a relief application pending)
NOTICE = "#0d47a1"  # a figure the clerk acts on now (the change to hand back)
MUTED = "#555555"  # captions, hints, a neutral status line
INACTIVE = "#777777"  # a row no longer in force (closed account, revoked relief)
ON_ERROR = "#ffffff"  # text on an ERROR background (the suspension banner)
OVERDUE_BACKGROUND = "#f8d0d0"  # a row past its deadline (complaints)
NOTE_BACKGROUND = "#fff8e1"  # a boxed note (the demo database hint at sign-in)
NOTE_BORDER = "#e0c060"


def text_style(colour: str, *, bold: bool = False) -> str:
    """The style sheet of a label whose text is in ``colour``."""
    return f"color: {colour};" + (" font-weight: bold;" if bold else "")


# -- label style sheets ----------------------------------------------------------------

ERROR_STYLE = text_style(ERROR)  # a refusal, named
ALARM_STYLE = text_style(ERROR, bold=True)  # must not be missed (connection lost, reversal warning)
OK_STYLE = text_style(OK)  # done
NOTICE_STYLE = text_style(NOTICE)
MUTED_STYLE = text_style(MUTED)  # a caption or a hint
BANNER_STYLE = f"color: {ON_ERROR}; background: {ERROR}; padding: 2px 6px;"  # 停供 on the account
NOTE_STYLE = (
    f"background: {NOTE_BACKGROUND}; border: 1px solid {NOTE_BORDER}; "
    "border-radius: 4px; padding: 6px;"
)
ERROR_PARAGRAPH = f"<p style='color:{ERROR}'>"  # opens a red paragraph in rich text


def message_style(warn: bool) -> str:
    """A status line that is either a refusal (red) or good news (green)."""
    return ERROR_STYLE if warn else OK_STYLE


def hint_style(warn: bool) -> str:
    """A status line that is either a refusal (red) or a neutral hint (grey)."""
    return ERROR_STYLE if warn else MUTED_STYLE


# -- headings ----------------------------------------------------------------------------

HEADING_POINT_SIZE = 16


def heading_label(text: str, parent: QWidget) -> QLabel:
    """The big bold title at the top of a page."""
    label = QLabel(text, parent)
    label.setObjectName("headingLabel")
    font = QFont(label.font())
    font.setPointSize(HEADING_POINT_SIZE)
    font.setBold(True)
    label.setFont(font)
    return label


def show_status(label: QLabel, text: str, style: str) -> None:
    """A dialog's status line: ``text`` in ``style`` (ERROR_STYLE, OK_STYLE, ...)."""
    label.setStyleSheet(style)
    label.setText(text)


def refuse_at(label: QLabel, text: str, widget: QLineEdit) -> None:
    """Say why on ``label`` and put the cursor on what to change; what was typed stays."""
    show_status(label, text, ERROR_STYLE)
    widget.setFocus()
    widget.selectAll()
