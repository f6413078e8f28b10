"""Count the drawer by denomination (点钞): one keypad field per note or coin,
Enter or Tab moves to the next, the total follows as the clerk types."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from counter_app.domain.money import format_money
from counter_app.domain.text import normalize_input
from counter_app.services.payments.shifts import DENOMINATIONS
from counter_app.ui.style import ERROR_STYLE

MAX_PIECES = 99_999
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class CountError(ValueError):
    """A count field holds something other than a whole number of pieces."""

    def __init__(self, denomination: Decimal, edit: QLineEdit):
        super().__init__(f"bad count for {denomination}")
        self.denomination = denomination
        self.edit = edit


def parse_pieces(text: str) -> int | None:
    """``""`` -> 0; ``"１２"`` -> 12; anything not a whole number -> None."""
    t = normalize_input(text).strip()
    if not t:
        return 0
    if not t.isascii() or not t.isdigit() or int(t) > MAX_PIECES:
        return None
    return int(t)


class CountGrid(QWidget):
    """``total_changed(Decimal)`` whenever a field changes (invalid fields
    count as zero until fixed); ``finished`` on Enter in the last field."""

    total_changed = Signal(object)
    finished = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(12)
        layout.setVerticalSpacing(4)
        for column, text in enumerate((self.tr("Note"), self.tr("Pieces"), self.tr("Amount"))):
            header = QLabel(text, self)
            header.setStyleSheet("font-weight: bold;")
            if column:
                header.setAlignment(RIGHT)
            layout.addWidget(header, 0, column)
        self.edits: dict[Decimal, QLineEdit] = {}
        self._amounts: dict[Decimal, QLabel] = {}
        for row, denomination in enumerate(DENOMINATIONS, start=1):
            label = QLabel(self.label_of(denomination), self)
            edit = QLineEdit(self)
            edit.setObjectName(f"count_{str(denomination).replace('.', '_')}")
            edit.setAlignment(RIGHT)
            edit.setMaxLength(6)
            edit.setPlaceholderText("0")
            edit.setMaximumWidth(110)
            edit.setAccessibleName(label.text())
            label.setBuddy(edit)
            amount = QLabel(format_money(0), self)
            amount.setAlignment(RIGHT)
            amount.setMinimumWidth(90)
            layout.addWidget(label, row, 0)
            layout.addWidget(edit, row, 1)
            layout.addWidget(amount, row, 2)
            edit.textChanged.connect(self._changed)
            edit.installEventFilter(self)
            self.edits[denomination] = edit
            self._amounts[denomination] = amount
        edits = list(self.edits.values())
        for first, second in zip(edits, edits[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.setFocusProxy(edits[0])

    def label_of(self, denomination: Decimal) -> str:
        if denomination >= 1:
            return self.tr("¥{value}").format(value=int(denomination))
        return self.tr("{jiao} jiao").format(jiao=int(denomination * 10))

    # -- reading ---------------------------------------------------------------------

    def counts(self) -> dict[Decimal, int]:
        """Pieces per denomination; raises :class:`CountError` at the first bad field."""
        out: dict[Decimal, int] = {}
        for denomination, edit in self.edits.items():
            pieces = parse_pieces(edit.text())
            if pieces is None:
                raise CountError(denomination, edit)
            out[denomination] = pieces
        return out

    def total(self) -> Decimal:
        total = Decimal("0.00")
        for denomination, edit in self.edits.items():
            total += denomination * (parse_pieces(edit.text()) or 0)
        return total.quantize(Decimal("0.01"))

    def clear(self) -> None:
        for edit in self.edits.values():
            edit.clear()

    def set_read_only(self, read_only: bool) -> None:
        for edit in self.edits.values():
            edit.setReadOnly(read_only)

    # -- behaviour ------------------------------------------------------------------

    def _changed(self) -> None:
        for denomination, edit in self.edits.items():
            pieces = parse_pieces(edit.text())
            label = self._amounts[denomination]
            if pieces is None:
                label.setText(self.tr("not a number"))
                label.setStyleSheet(ERROR_STYLE)
            else:
                label.setText(format_money(denomination * pieces))
                label.setStyleSheet("")
        self.total_changed.emit(self.total())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                edits = list(self.edits.values())
                if watched in edits:
                    index = edits.index(watched)
                    if index + 1 < len(edits):
                        edits[index + 1].setFocus(Qt.FocusReason.TabFocusReason)
                        edits[index + 1].selectAll()
                    else:
                        self.finished.emit()
                    return True
        return super().eventFilter(watched, event)
