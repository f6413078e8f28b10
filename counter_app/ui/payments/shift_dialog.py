"""No open shift: ask for the cash float in the drawer and open the shift.
Shown with ``open()``; ``opened(shift_id)`` says the shift is open.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from counter_app.domain.money import MoneyError
from counter_app.services.payments.shifts import ShiftError
from counter_app.ui.context import Workplace
from counter_app.ui.forms.ui_payments_shift_dialog import Ui_OpenShiftDialog
from counter_app.ui.payments.messages import money_message
from counter_app.ui.payments.outcome import error_text
from counter_app.ui.payments.tenders import InputRefused, read_money
from counter_app.ui.style import ERROR_STYLE, OK_STYLE, refuse_at, show_status

SHIFT_KEY = "payments:shift"


class OpenShiftDialog(QDialog):
    opened = Signal(int)

    def __init__(self, workplace: Workplace, parent: QWidget | None = None):
        super().__init__(parent)
        self.workplace = workplace
        self.shift_id: int | None = None
        self.ui = Ui_OpenShiftDialog()
        self.ui.setupUi(self)
        self.float_edit = self.ui.floatEdit
        self.status_label = self.ui.statusLabel
        self.open_button = self.ui.openButton
        self.cancel_button = self.ui.cancelButton
        self.open_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.reject)
        self.float_edit.setFocus()
        self.float_edit.selectAll()

    def _say(self, text: str, style: str) -> None:
        show_status(self.status_label, text, style)

    def _busy(self, busy: bool) -> None:
        self.open_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.float_edit.setReadOnly(busy)

    def confirm(self) -> None:
        if not self.open_button.isEnabled():
            return
        try:
            amount = read_money(self.float_edit, "opening_float", allow_zero=True)
        except InputRefused as exc:
            self._refuse(exc.message)
            return
        self._busy(True)
        self._say(self.tr("Opening the shift..."), OK_STYLE)
        w = self.workplace
        w.runner.submit(
            w.services.shifts.open,
            w.actor,
            w.clerk.hall_code,
            amount,
            on_done=self._opened,
            on_error=self._failed,
            key=SHIFT_KEY,
        )

    def _refuse(self, message: str) -> None:
        refuse_at(self.status_label, message, self.float_edit)

    def _opened(self, shift_id: int | None) -> None:
        self._busy(False)
        if shift_id is None:  # it was open a moment ago and is closed now
            self._say(self.tr("Shift: not open; press Enter to open it."), ERROR_STYLE)
            return
        self.shift_id = shift_id
        self.opened.emit(shift_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ShiftError) and error.code == "already_open":
            # opened meanwhile (another window, or a lost answer): use that shift
            w = self.workplace
            w.runner.submit(
                w.services.shifts.current,
                w.clerk.id,
                on_done=self._opened,
                on_error=self._failed,
                key=SHIFT_KEY,
            )
            return
        self._busy(False)
        if isinstance(error, ShiftError) and error.code == "negative":
            self._refuse(money_message("opening_float", MoneyError("negative")))
        else:
            self._refuse(
                self.tr(
                    "The shift was not opened ({0}). What you typed is kept; "
                    "press Enter to try again."
                ).format(error_text(error))
            )

    def reject(self) -> None:
        if not self.cancel_button.isEnabled():
            return  # the shift is being opened
        super().reject()
