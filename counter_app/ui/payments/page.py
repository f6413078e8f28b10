"""The payments page (收费): find the account, take a payment, its payments (补打 / 冲正).
Keeps unresolved payment and reversal dialogs per account and payment.
Design: docs/architecture.md ("The UI")
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.money import format_money
from counter_app.services.action_values import required
from counter_app.services.payments.receipt_facts import AccountNotFoundError, PayableAccount
from counter_app.ui.account_events import AccountWatch
from counter_app.ui.context import Workplace
from counter_app.ui.payments.history_dialog import HistoryDialog
from counter_app.ui.payments.payment_dialog import PaymentDialog
from counter_app.ui.payments.pending import PendingPayments
from counter_app.ui.payments.reversal_dialog import ReversalDialog
from counter_app.ui.payments.shift_dialog import OpenShiftDialog
from counter_app.ui.style import ERROR_STYLE, heading_label


def _load(workplace: Workplace, account_id: int | None, account_no: str | None):
    """Worker: the account with its open bills, and the clerk's open shift (one call)."""
    account = workplace.services.payments.account_for_payment(
        account_id=account_id, account_no=account_no
    )
    return account, account.open_shift_id


class PaymentsPage(QWidget):
    """``next_customer()``: a payment is done and the settings send the cursor
    to the search page's box (the main window switches page)."""

    next_customer = Signal()
    shift_known = Signal(bool)  # whether the clerk has an open shift, as last read

    def __init__(
        self, workplace: Workplace, parent: QWidget | None = None, *, state: QSettings | None = None
    ):
        super().__init__(parent)
        self.workplace = workplace
        self.account: PayableAccount | None = None
        self.shift_id: int | None = None
        self.dialog: PaymentDialog | None = None
        self.shift_dialog: OpenShiftDialog | None = None
        # account id -> its payment dialog that had an unknown outcome (not posted, not abandoned)
        self.unresolved: dict[int, PaymentDialog] = {}
        # the same submissions across a restart (per database)
        self.pending = PendingPayments(state, workplace.database_key)
        # payment id -> its reversal dialog that had an unknown outcome (not booked)
        self.unresolved_reversals: dict[int, ReversalDialog] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(heading_label(self.tr("Payments"), self))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Account no."), self))
        self.account_edit = QLineEdit(self)
        self.account_edit.setObjectName("accountNoEdit")
        self.account_edit.setPlaceholderText(self.tr("type the account no., Enter"))
        hint = self.account_edit.fontMetrics().horizontalAdvance(
            self.account_edit.placeholderText()
        )
        self.account_edit.setMinimumWidth(hint + 24)  # the whole hint shows
        self.account_edit.returnPressed.connect(self._find)
        row.addWidget(self.account_edit)
        self.pay_button = QPushButton(self.tr("Take payment (F2)"), self)
        self.pay_button.clicked.connect(self.take_payment)
        self.history_button = QPushButton(self.tr("Payment history (F3)"), self)
        self.history_button.clicked.connect(self.show_history)
        row.addWidget(self.pay_button)
        row.addWidget(self.history_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summaryLabel")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary_label)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, self.take_payment)
        QShortcut(QKeySequence(Qt.Key.Key_F3), self, self.show_history)
        self.setFocusProxy(self.account_edit)
        self._enable()
        self._loaded_status()
        # a payment or reversal (here or elsewhere) changed the account shown
        self.account_watch = AccountWatch(
            self,
            workplace.events,
            lambda account_id: self.account is not None and self.account.account_id == account_id,
            lambda: self._submit(
                required(self.account, "account").account_id, None, open_dialog=False
            ),
        )

    def _enable(self) -> None:
        busy = self.workplace.runner.is_running("payments:load")
        self.pay_button.setEnabled(self.account is not None and not busy)
        self.history_button.setEnabled(self.account is not None and not busy)

    # -- loading --------------------------------------------------------------------

    def open_account(self, account_id: int) -> None:
        """Load the account and open the payment dialog (the search page's 收费)."""
        self._submit(account_id, None, open_dialog=True)

    def _find(self) -> None:
        number = self.account_edit.text().strip()
        if not number:
            self.status_label.setText(self.tr("Account no.: type the account number."))
            return
        self._submit(None, number, open_dialog=True)

    def _submit(self, account_id: int | None, account_no: str | None, *, open_dialog: bool) -> None:
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("Loading..."))
        self.workplace.runner.submit(
            _load,
            self.workplace,
            account_id,
            account_no,
            on_done=partial(self._loaded, open_dialog=open_dialog),
            on_error=self._load_failed,
            key="payments:load",
        )
        self._enable()

    def _loaded(self, loaded, *, open_dialog: bool) -> None:
        self.account, self.shift_id = loaded
        self.shift_known.emit(self.shift_id is not None)
        a = self.account
        if self.account_edit.text() != a.account_no:  # re-read: the selection stays
            self.account_edit.setText(a.account_no)
        self.summary_label.setText(
            self.tr(
                "{no}  {name}  {address}\nOwed ¥{owed} on {bills} bill(s); prepayment balance ¥{balance}"
            ).format(
                no=a.account_no,
                name=a.name,
                address=a.address,
                owed=format_money(a.owed),
                bills=len(a.bills),
                balance=format_money(a.prepayment_balance),
            )
        )
        self._loaded_status()
        self._enable()
        if open_dialog:
            self.take_payment()

    def _load_failed(self, error: BaseException) -> None:
        self._enable()
        self.status_label.setStyleSheet(ERROR_STYLE)
        if isinstance(error, AccountNotFoundError):
            self.status_label.setText(self.tr("Account no.: no such account."))
        else:
            self.status_label.setText(self.tr("Could not load the account: {0}").format(error))
        self.account_edit.setFocus()
        self.account_edit.selectAll()

    # -- actions ----------------------------------------------------------------------

    def take_payment(self) -> None:
        if self.account is None or self.dialog is not None or self.shift_dialog is not None:
            return
        pending = self.unresolved.get(self.account.account_id)
        if pending is not None:  # never a new submission while this one is unresolved
            self.dialog = pending
            pending.resume()
            return
        saved = self.pending.for_account(self.account.account_id)
        if saved is not None:  # unresolved before a restart: look its UUID up first
            self.dialog = self._new_dialog(
                self.account, self.shift_id or saved.request.shift_id, client_uuid=saved.client_uuid
            )
            self.dialog.restore(saved.request, saved.waiver)
            return
        if self.shift_id is None:
            self._offer_shift()
            return
        self.dialog = self._new_dialog(self.account, self.shift_id)
        self.dialog.open()

    def _new_dialog(
        self, account: PayableAccount, shift_id: int, *, client_uuid: str | None = None
    ) -> PaymentDialog:
        dialog = PaymentDialog(
            self.workplace, account, shift_id, self, pending=self.pending, client_uuid=client_uuid
        )
        dialog.finished.connect(self._dialog_closed)
        return dialog

    def _dialog_closed(self, _code: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        account_id = dialog.account.account_id
        if dialog.unresolved:
            self.unresolved[account_id] = dialog
        else:
            self.unresolved.pop(account_id, None)
        self._loaded_status()
        if dialog.posted is not None:
            self.ready_for_next()

    def ready_for_next(self) -> None:
        """After a payment: the cursor where the next customer's number is typed."""
        if self.workplace.settings.after_payment_focus == "search":
            self.next_customer.emit()
            return
        self.account_edit.setFocus()
        self.account_edit.selectAll()  # the next number replaces the old one

    def _loaded_status(self) -> None:
        """Warn while a payment of this account (or, with no account loaded,
        any account: at sign-in) is unresolved."""
        pending = self.pending.entries()
        if self.account is not None and (
            self.account.account_id in self.unresolved
            or any(e.account_id == self.account.account_id for e in pending)
        ):
            self.status_label.setStyleSheet(ERROR_STYLE)
            self.status_label.setText(
                self.tr(
                    "The outcome of the last payment of this account is unknown. Do not take the "
                    "money again: press F2 to check whether it was posted."
                )
            )
        elif self.account is None and pending:
            self.status_label.setStyleSheet(ERROR_STYLE)
            self.status_label.setText(
                self.tr(
                    "The outcome of payments of accounts {0} is unknown (submitted before the "
                    "program was closed). Do not take the money again: open the account to check "
                    "whether it was posted."
                ).format("、".join(sorted({e.account_no for e in pending})))
            )
        else:
            self.status_label.setStyleSheet("")
            self.status_label.setText("")

    def _offer_shift(self) -> None:
        """No open shift: ask for the cash float (a non-blocking dialog)."""
        self.shift_dialog = OpenShiftDialog(self.workplace, self)
        self.shift_dialog.opened.connect(self._shift_opened)
        self.shift_dialog.finished.connect(self._shift_dialog_closed)
        self.shift_dialog.open()

    def _shift_dialog_closed(self, _code: int) -> None:
        self.shift_dialog = None
        if self.shift_id is not None:
            self.take_payment()

    def _shift_opened(self, shift_id: int) -> None:
        self.shift_id = shift_id
        self.shift_known.emit(True)
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("Shift opened."))

    def show_history(self) -> None:
        if self.account is None:
            return
        dialog = HistoryDialog(
            self.workplace, self.account, self.shift_id, self, unresolved=self.unresolved_reversals
        )
        dialog.open()

    def unresolved_count(self) -> int:
        """Payments of any account whose outcome is not settled (kept or saved)."""
        return len(
            {e.client_uuid for e in self.pending.entries()}
            | {d.client_uuid for d in self.unresolved.values()}
        )

    def confirm_close(self) -> bool:
        """Before the main window closes: warn while payments are unresolved."""
        count = self.unresolved_count()
        if not count:
            return True
        answer = QMessageBox.warning(
            self,
            self.tr("Unresolved payments"),
            self.tr(
                "{0} payment(s) have an unknown outcome. They are kept and checked when "
                "the account is opened again; do not take the money again meanwhile. "
                "Close anyway?"
            ).format(count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
