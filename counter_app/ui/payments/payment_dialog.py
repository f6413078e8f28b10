"""The payment dialog (收费): bills, what to pay, tenders, change, post, print.

One client UUID per dialog: a retry after an unknown outcome or a double
press posts at most once. Posting and printing go through the task runner;
the confirm button is disabled while a request is in flight.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.money import MoneyError, format_money, parse_money
from counter_app.services.ledger import ZERO
from counter_app.services.payments import (
    IdempotencyConflict,
    PaymentError,
    PaymentRequest,
    PaymentResult,
    StaleBillsError,
)
from counter_app.services.receipt_facts import (
    PayableAccount,
    ReceiptFacts,
    account_for_payment,
    receipt_facts,
)
from counter_app.ui.context import Workplace
from counter_app.ui.payments.messages import payment_message, print_message
from counter_app.ui.payments.models import BillsModel
from counter_app.ui.payments.printing import print_receipt_job
from counter_app.ui.payments.tenders import InputRefused, TenderPanel, read_money

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"
BIG_POINTS = 26


class Mode:
    BILLS, CUSTOM, DEPOSIT = 0, 1, 2


def _big(label: QLabel, points: int = BIG_POINTS) -> QLabel:
    font = QFont(label.font())
    font.setPointSize(points)
    font.setBold(True)
    label.setFont(font)
    return label


class PaymentDialog(QDialog):
    def __init__(self, workplace: Workplace, account: PayableAccount, shift_id: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.workplace = workplace
        self.account = account
        self.shift_id = shift_id
        self.client_uuid = str(uuid.uuid4())
        self.result: PaymentResult | None = None
        self.receipt_no = ""
        self._prefix = ""  # said before every later message of a replayed payment
        self.posting = False
        self.setWindowTitle(self.tr("Take payment - {0}").format(account.account_no))
        self._build()
        self.bills.set_bills(account.bills)
        self.mode_buttons.button(Mode.BILLS if account.bills else Mode.DEPOSIT).setChecked(True)
        self._mode_changed()
        self.tender_panel.fields["cash.received"].setFocus()

    # -- layout -----------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        a = self.account
        head = QLabel(
            self.tr("Account {no}   {name}   {address}").format(
                no=a.account_no, name=a.name, address=a.address), self)
        head.setObjectName("accountLabel")
        layout.addWidget(head)
        self.bills = BillsModel(self)
        self.bills_view = QTableView(self)
        self.bills_view.setModel(self.bills)
        self.bills_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.bills_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.bills_view.verticalHeader().hide()
        self.bills_view.setMinimumHeight(130)
        layout.addWidget(self.bills_view)

        modes = QHBoxLayout()
        self.mode_buttons = QButtonGroup(self)
        for mode, text in ((Mode.BILLS, self.tr("Pay chosen bills (F5)")),
                           (Mode.CUSTOM, self.tr("Custom amount, oldest first (F6)")),
                           (Mode.DEPOSIT, self.tr("Prepayment only (F7)"))):
            button = QRadioButton(text, self)
            self.mode_buttons.addButton(button, mode)
            modes.addWidget(button)
            QShortcut(QKeySequence(Qt.Key.Key_F5 + mode), self, activated=button.click)
        self.amount_edit = QLineEdit(self)
        self.amount_edit.setObjectName("amountEdit")
        self.amount_edit.setPlaceholderText(self.tr("amount"))
        self.amount_edit.setMaximumWidth(130)
        modes.addWidget(self.amount_edit)
        layout.addLayout(modes)

        due_row = QHBoxLayout()
        self.due_label = _big(QLabel(self), 18)
        self.due_label.setObjectName("dueLabel")
        due_row.addWidget(self.due_label)
        due_row.addStretch(1)
        self.surplus_label = QLabel(self)
        due_row.addWidget(self.surplus_label)
        layout.addLayout(due_row)

        self.tender_panel = TenderPanel(self)
        self.tender_panel.set_balance(a.prepayment_balance)
        layout.addWidget(self.tender_panel)
        self.change_label = _big(QLabel(self))
        self.change_label.setObjectName("changeLabel")
        self.change_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.change_label.setStyleSheet("color: #0d47a1;")
        layout.addWidget(self.change_label)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)

        self.buttons = QDialogButtonBox(self)
        self.confirm_button = self.buttons.addButton(
            self.tr("Confirm (Enter)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(
            self.tr("Cancel (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)

        order = [*self.tender_panel.order(), self.amount_edit, self.bills_view]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.mode_buttons.idToggled.connect(lambda _i, on: on and self._mode_changed())
        self.bills.selection_changed.connect(self._recalculate)
        self.amount_edit.textChanged.connect(self._recalculate)
        self.tender_panel.changed.connect(self._tenders_changed)
        QShortcut(QKeySequence(Qt.Key.Key_Space), self.bills_view,
                  activated=lambda: self.bills.toggle(self.bills_view.currentIndex().row()),
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.resize(720, 640)

    # -- live figures -----------------------------------------------------------------

    @property
    def mode(self) -> int:
        return self.mode_buttons.checkedId()

    def _mode_changed(self) -> None:
        self.amount_edit.setEnabled(self.mode != Mode.BILLS)
        self.bills_view.setEnabled(self.mode != Mode.DEPOSIT)
        self._recalculate()

    def _due(self) -> Decimal:
        """What the tenders must cover, or ZERO while the amount does not read."""
        if self.mode == Mode.BILLS:
            return self.bills.chosen_owed()
        try:
            return parse_money(self.amount_edit.text())
        except MoneyError:
            return ZERO

    def _recalculate(self) -> None:
        due = self._due()
        self.due_label.setText(self.tr("Due ¥{0}").format(format_money(due)))
        self.tender_panel.set_due(due)
        self._show_change()

    def _tenders_changed(self) -> None:
        self.tender_panel.others_changed()
        self._show_change()

    def _show_change(self) -> None:
        change = self.tender_panel.change()
        self.change_label.setText(
            self.tr("Change ¥{0}").format(format_money(change)) if change is not None else "")

    # -- posting ---------------------------------------------------------------------

    def build_request(self) -> PaymentRequest:
        """The request from what is typed; InputRefused names the field at fault."""
        tenders = self.tender_panel.tenders()
        chosen = self.bills.chosen()
        owed = self.bills.chosen_owed()
        if self.mode == Mode.DEPOSIT:
            read_money(self.amount_edit, "deposit")
            return PaymentRequest(self.client_uuid, self.account.account_id, self.shift_id,
                                  tenders, ZERO)
        if not chosen:
            raise InputRefused("bills", payment_message("no_bills", "bills"))
        to_bills = owed
        if self.mode == Mode.CUSTOM:
            to_bills = read_money(self.amount_edit, "to_bills")
            if to_bills > owed:
                raise InputRefused("to_bills", payment_message("over_allocation", "to_bills"))
        funds = sum((t.amount for t in tenders), ZERO)
        if funds < to_bills:
            raise InputRefused("cash.amount", payment_message("short", "tenders"))
        return PaymentRequest(
            self.client_uuid, self.account.account_id, self.shift_id, tenders, to_bills,
            bill_ids=tuple(b.bill_id for b in chosen), expected_owed=owed)

    def confirm(self) -> None:
        if self.result is not None:
            self.accept()
            return
        if self.posting:
            return
        try:
            request = self.build_request()
        except InputRefused as exc:
            self._refuse(exc.field, exc.message)
            return
        self._set_posting(True)
        self._say(self.tr("Posting..."), OK_STYLE)
        self.workplace.runner.submit(
            self.workplace.services.payments.post, request, self.workplace.actor,
            on_done=self._posted, on_error=self._post_failed, key=f"payment:{self.client_uuid}")

    def _set_posting(self, posting: bool) -> None:
        self.posting = posting
        self.confirm_button.setEnabled(not posting)
        self.cancel_button.setEnabled(not posting)

    def _posted(self, result: PaymentResult) -> None:
        self._set_posting(False)
        self.result = result
        self.tender_panel.set_locked(True)
        self.amount_edit.setReadOnly(True)
        self.bills_view.setEnabled(False)
        for button in self.mode_buttons.buttons():
            button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.confirm_button.setText(self.tr("Done (Enter)"))
        self.confirm_button.setFocus()
        if result.change:
            self.change_label.setText(self.tr("Change ¥{0}").format(format_money(result.change)))
        if result.replayed:
            self._prefix = self.tr("This payment was already posted (no second charge). ")
        self._say(self.tr("Posted: ¥{amount}. Printing the receipt...").format(
            amount=format_money(result.amount)), OK_STYLE)
        self.workplace.runner.submit(
            receipt_facts, self.workplace.database, result.payment_id,
            on_done=self._facts_ready, on_error=self._print_failed)

    def _facts_ready(self, facts: ReceiptFacts) -> None:
        self.receipt_no = facts.receipt_no
        self._say(self.tr("Posted: receipt {no}, ¥{amount}. Printing the receipt...").format(
            no=facts.receipt_no, amount=format_money(facts.amount)), OK_STYLE)
        self.workplace.runner.submit(
            print_receipt_job, self.workplace, facts,
            on_done=self._printed, on_error=self._print_failed)

    def _printed(self, facts: ReceiptFacts) -> None:
        self._say(self.tr("Posted and printed: receipt {0}.").format(facts.receipt_no), OK_STYLE)

    def _print_failed(self, error: BaseException) -> None:
        receipt = self.tr("Receipt {0}: ").format(self.receipt_no) if self.receipt_no else ""
        self._say(receipt + print_message(error) + " " + self.tr(
            "The payment is posted; reprint the receipt (补打) from the payment history."),
            ERROR_STYLE)

    def _post_failed(self, error: BaseException) -> None:
        self._set_posting(False)
        if isinstance(error, StaleBillsError):
            self._say(self.tr("The bills were just paid; now owed: ¥{0}. The bills are reloaded.")
                      .format(format_money(error.outstanding)), ERROR_STYLE)
            self._reload()
        elif isinstance(error, IdempotencyConflict):
            self._unknown_outcome()
        elif isinstance(error, PaymentError):
            field = self._widget_field(error)
            self._refuse(field, payment_message(error.code, field, str(error)))
        else:
            self._unknown_outcome()

    def _widget_field(self, error: PaymentError) -> str:
        f = error.field
        if f.startswith("tender."):
            kind = f.split(".", 1)[1]
            if error.code == "received_short":
                return "cash.received"
            if error.code == "reference":
                return f"{kind}.reference"
            return f"{kind}.amount"
        if f == "tenders":
            return "cash.amount"
        if f == "to_bills":
            return "to_bills" if self.mode == Mode.CUSTOM else "bills"
        return f

    def _unknown_outcome(self) -> None:
        """The connection broke around commit: ask what really happened."""
        self._set_posting(True)
        self._say(self.tr("The outcome is unknown (the connection was lost). "
                          "Checking whether this payment was posted..."), ERROR_STYLE)
        self.workplace.runner.submit(
            self.workplace.services.payments.lookup, self.client_uuid,
            on_done=self._looked_up, on_error=self._lookup_failed,
            key=f"payment:{self.client_uuid}")

    def _looked_up(self, result: PaymentResult | None) -> None:
        if result is not None:
            self._posted(result)
            return
        self._set_posting(False)
        self._say(self.tr("Not posted: nothing was charged. Press Enter to try again "
                          "(the same payment, it can post only once)."), ERROR_STYLE)

    def _lookup_failed(self, _error: BaseException) -> None:
        self._set_posting(False)
        self._say(self.tr("The outcome is still unknown: the database does not answer. Do not "
                          "take the money again; press Enter to check again (the same payment "
                          "posts only once)."), ERROR_STYLE)

    def _reload(self) -> None:
        self.workplace.runner.submit(
            partial(account_for_payment, self.workplace.database, account_id=self.account.account_id),
            on_done=self._reloaded, on_error=lambda e: None)

    def _reloaded(self, account: PayableAccount) -> None:
        self.account = account
        self.bills.set_bills(account.bills)
        self._recalculate()

    # -- messages ----------------------------------------------------------------------

    def _say(self, text: str, style: str) -> None:
        self.status_label.setStyleSheet(style)
        self.status_label.setText(self._prefix + text)

    def _refuse(self, field: str, message: str) -> None:
        self._say(message, ERROR_STYLE)
        widget = self.tender_panel.fields.get(field)
        if widget is None and field in ("to_bills", "deposit"):
            widget = self.amount_edit
        if widget is None and field == "bills":
            widget = self.bills_view
        if widget is not None:
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def reject(self) -> None:
        if self.posting:
            return  # never walk away from a payment in flight
        if self.result is not None:
            self.accept()
            return
        super().reject()
