"""What the clerk types in the payment dialog, and the live figures; builds the PaymentRequest.
Rules: docs/rules/payments.md
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.money import MoneyError, format_money, parse_money
from counter_app.services.accounts.ledger import ZERO
from counter_app.services.payments.late_fees import Waiver
from counter_app.services.payments.receipt_facts import PayableAccount
from counter_app.services.payments.service import (
    PaymentError,
    PaymentRequest,
    PaymentResult,
    Tender,
)
from counter_app.ui.payments.messages import payment_message
from counter_app.ui.payments.models import BillsModel
from counter_app.ui.payments.tenders import InputRefused, TenderPanel, read_money
from counter_app.ui.record_table import RecordTableView
from counter_app.ui.style import ERROR_STYLE, NOTICE_STYLE, OK_STYLE

BIG_POINTS = 26


class Mode:
    BILLS, CUSTOM, DEPOSIT = 0, 1, 2


def big(label: QLabel, points: int = BIG_POINTS) -> QLabel:
    font = QFont(label.font())
    font.setPointSize(points)
    font.setBold(True)
    label.setFont(font)
    return label


class PaymentForm(QWidget):
    """``edited()``: anything typed or chosen changed; ``amount_entered()``:
    Enter in the custom / prepayment amount (it does not post: 实收 comes next)."""

    edited = Signal()
    amount_entered = Signal()

    def __init__(self, account: PayableAccount, parent: QWidget | None = None):
        super().__init__(parent)
        self.account = account
        self.posted = False  # the figures of the posted payment stay
        self.waiver: Waiver | None = None  # a supervisor's 违约金 waiver for this account today
        self._build()
        self.bills.set_bills(account.bills)
        self.mode_buttons.button(Mode.BILLS if account.bills else Mode.DEPOSIT).setChecked(True)
        self._mode_changed()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        a = self.account
        head = QLabel(
            self.tr("Account {no}   {name}   {address}").format(
                no=a.account_no, name=a.name, address=a.address
            ),
            self,
        )
        head.setObjectName("accountLabel")
        layout.addWidget(head)
        self.bills = BillsModel(self)
        self.bills_view = RecordTableView(self, self.bills, fit=False)
        self.bills_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.bills_view.setMinimumHeight(130)
        layout.addWidget(self.bills_view)

        modes = QHBoxLayout()
        self.mode_buttons = QButtonGroup(self)
        for mode, text in (
            (Mode.BILLS, self.tr("Pay chosen bills (F5)")),
            (Mode.CUSTOM, self.tr("Custom amount, oldest first (F6)")),
            (Mode.DEPOSIT, self.tr("Prepayment only (F7)")),
        ):
            button = QRadioButton(text, self)
            self.mode_buttons.addButton(button, mode)
            modes.addWidget(button)
            QShortcut(QKeySequence(Qt.Key.Key_F5 + mode), self, button.click)
        self.amount_edit = QLineEdit(self)
        self.amount_edit.setObjectName("amountEdit")
        self.amount_edit.setPlaceholderText(self.tr("amount"))
        self.amount_edit.setMaximumWidth(130)
        modes.addWidget(self.amount_edit)
        layout.addLayout(modes)

        due_row = QHBoxLayout()
        self.due_label = big(QLabel(self), 18)
        self.due_label.setObjectName("dueLabel")
        due_row.addWidget(self.due_label)
        due_row.addStretch(1)
        self.surplus_label = big(QLabel(self), 14)
        self.surplus_label.setObjectName("surplusLabel")
        due_row.addWidget(self.surplus_label)
        layout.addLayout(due_row)
        # 违约金: its own line, computed by the database for the chosen bills
        self.fee_label = QLabel(self)
        self.fee_label.setObjectName("lateFeeLabel")
        self.fee_label.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.fee_label)

        self.tender_panel = TenderPanel(self)
        self.tender_panel.set_balance(a.prepayment_balance)
        layout.addWidget(self.tender_panel)
        self.change_label = big(QLabel(self))
        self.change_label.setObjectName("changeLabel")
        self.change_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.change_label.setStyleSheet(NOTICE_STYLE)
        layout.addWidget(self.change_label)

        order = [*self.tender_panel.order(), self.amount_edit, self.bills_view]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.mode_buttons.idToggled.connect(lambda _i, on: self._mode_changed() if on else None)
        self.bills.selection_changed.connect(self._recalculate)
        self.amount_edit.textChanged.connect(self._recalculate)
        self.tender_panel.changed.connect(self._tenders_changed)
        for signal in (
            self.bills.selection_changed,
            self.amount_edit.textChanged,
            self.tender_panel.changed,
            self.mode_buttons.idToggled,
        ):
            signal.connect(self.edited)
        self.amount_edit.installEventFilter(self)
        space = QShortcut(QKeySequence(Qt.Key.Key_Space), self.bills_view)
        space.setContext(Qt.ShortcutContext.WidgetShortcut)
        space.activated.connect(lambda: self.bills.toggle(self.bills_view.currentIndex().row()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self.amount_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.amount_entered.emit()
            return True  # never the dialog's default button
        return super().eventFilter(watched, event)

    def set_account(self, account: PayableAccount) -> None:
        """The account reloaded (its bills changed meanwhile); what was typed stays."""
        self.account = account
        self.tender_panel.set_balance(account.prepayment_balance)
        self.bills.set_bills(account.bills)
        self._recalculate()

    def set_locked(self, locked: bool) -> None:
        """Read-only while a submission is posted or its outcome is unknown."""
        self.tender_panel.set_locked(locked)
        self.amount_edit.setReadOnly(locked)
        for button in self.mode_buttons.buttons():
            button.setEnabled(not locked)
        if locked:
            self.bills_view.setEnabled(False)
        else:
            self.bills_view.setEnabled(self.mode != Mode.DEPOSIT)

    # -- live figures -----------------------------------------------------------------

    @property
    def mode(self) -> int:
        return self.mode_buttons.checkedId()

    def _mode_changed(self) -> None:
        self.amount_edit.setEnabled(self.mode != Mode.BILLS)
        self.bills_view.setEnabled(self.mode != Mode.DEPOSIT)
        self._recalculate()

    def _typed_due(self) -> Decimal | None:
        """What the tenders must cover; None while the typed amount does not read."""
        if self.mode == Mode.BILLS:
            return self.bills.chosen_owed()
        try:
            return parse_money(self.amount_edit.text())
        except MoneyError:
            return None

    # -- the late fee (违约金, migration 0024) ------------------------------------------

    def _fee_bill_ids(self) -> tuple[int, ...]:
        return tuple(b.bill_id for b in self.bills.chosen())

    def late_fee_computed(self) -> Decimal:
        """The fee of the chosen bills as the database computed it today;
        none for a prepayment only (nothing goes to bills)."""
        if self.mode == Mode.DEPOSIT or not self.bills.chosen():
            return ZERO
        return self.account.late_fee(self._fee_bill_ids())

    def late_fee_waived(self) -> Decimal:
        if self.waiver is None:
            return ZERO
        return min(self.waiver.waived, self.late_fee_computed())

    def late_fee_due(self) -> Decimal:
        return self.late_fee_computed() - self.late_fee_waived()

    def set_waiver(self, waiver: Waiver | None) -> None:
        self.waiver = waiver
        self._recalculate()

    def _show_fee(self) -> None:
        fee = self.late_fee_computed()
        if fee == ZERO:
            self.fee_label.setText("")
        elif self.waiver is not None:
            self.fee_label.setText(
                self.tr("Late fee ¥{fee}, waived ¥{waived} (approved by {who}): ¥{due}").format(
                    fee=format_money(fee),
                    waived=format_money(self.late_fee_waived()),
                    who=self.waiver.supervisor_name,
                    due=format_money(self.late_fee_due()),
                )
            )
        else:
            self.fee_label.setText(
                self.tr("Late fee ¥{0} (overdue bills)").format(format_money(fee))
            )

    def _recalculate(self) -> None:
        if self.posted:
            return
        due = self._typed_due() or ZERO
        fee = self.late_fee_due() if due > ZERO else ZERO
        self.due_label.setText(self.tr("Due ¥{0}").format(format_money(due + fee)))
        self._show_fee()
        self.tender_panel.set_due(due + fee)
        self._show_figures()

    def _tenders_changed(self) -> None:
        if self.posted:
            return
        self.tender_panel.others_changed()
        self._show_figures()

    def _show_figures(self) -> None:
        change = self.tender_panel.change()
        self.change_label.setText(
            self.tr("Change ¥{0}").format(format_money(change)) if change is not None else ""
        )
        self._show_surplus()

    def _show_surplus(self) -> None:
        """The tenders beyond the amount to bills go to the prepayment balance."""
        due = self._typed_due()
        funds = self.tender_panel.funds()
        if due is None or funds == ZERO:
            self._say_surplus("", "")
            return
        fee = self.late_fee_due() if due > ZERO else ZERO
        surplus = funds - (ZERO if self.mode == Mode.DEPOSIT else due + fee)
        if surplus < ZERO:
            self._say_surplus(self.tr("Short ¥{0}").format(format_money(-surplus)), ERROR_STYLE)
        elif surplus > ZERO and self.tender_panel.amount(Tender.PREPAYMENT) > ZERO:
            self._say_surplus(
                payment_message("prepayment_surplus", "prepayment.amount"), ERROR_STYLE
            )
        elif surplus > ZERO:
            self._say_surplus(
                self.surplus_text(surplus, self.account.prepayment_balance + surplus), OK_STYLE
            )
        else:
            self._say_surplus("", "")

    def surplus_text(self, surplus: Decimal, balance: Decimal) -> str:
        return self.tr("To prepayment ¥{amount}, balance after ¥{balance}").format(
            amount=format_money(surplus), balance=format_money(balance)
        )

    def _say_surplus(self, text: str, style: str) -> None:
        self.surplus_label.setStyleSheet(style)
        self.surplus_label.setText(text)

    def show_posted(self, result: PaymentResult) -> None:
        """The posted payment's own figures (read-only): the change and what went
        to 预存; for one found posted by an earlier attempt (``replayed``) also its
        tenders and what it paid to bills, which may differ from what is typed now."""
        self.posted = True
        self.set_locked(True)
        if result.replayed:
            self.tender_panel.set_tenders(result.tenders)
            self.due_label.setText(
                self.tr("Paid to bills ¥{0}").format(format_money(result.amount - result.deposit))
            )
        self.change_label.setText(
            self.tr("Change ¥{0}").format(format_money(result.change)) if result.change else ""
        )
        self._say_surplus(
            self.surplus_text(result.deposit, result.balance_after) if result.deposit else "",
            OK_STYLE,
        )

    def show_request(self, request: PaymentRequest) -> None:
        """Fill the form with an earlier submission (kept across a restart):
        its tenders, and its bills or amount as far as they still apply."""
        if request.to_bills == ZERO:
            self.mode_buttons.button(Mode.DEPOSIT).setChecked(True)
        else:
            wanted = set(request.bill_ids)
            self.bills.set_checked(lambda bill: bill.bill_id in wanted)
            if self.bills.chosen_owed() != request.to_bills:
                self.mode_buttons.button(Mode.CUSTOM).setChecked(True)
                self.amount_edit.setText(f"{request.to_bills:.2f}")
        self._mode_changed()
        self.tender_panel.set_tenders(request.tenders)

    # -- the request --------------------------------------------------------------------

    def read_amount(self, *, normalise: bool = True) -> Decimal | None:
        """The custom or prepayment amount (None when paying chosen bills);
        InputRefused names that field and its own problem."""
        if self.mode == Mode.BILLS:
            return None
        if self.mode == Mode.DEPOSIT:
            return read_money(self.amount_edit, "deposit", normalise=normalise)
        amount = read_money(self.amount_edit, "custom", normalise=normalise)
        if self.bills.chosen() and amount > self.bills.chosen_owed():
            raise InputRefused("custom", payment_message("over_allocation", "custom"))
        return amount

    def build_request(
        self, client_uuid: str, shift_id: int, *, normalise: bool = True
    ) -> PaymentRequest:
        """The request from what is typed; InputRefused names the field at fault:
        the amount field first (its own problem, not a consequence of it)."""
        account_id = self.account.account_id
        amount = self.read_amount(normalise=normalise)
        chosen = self.bills.chosen()
        if self.mode != Mode.DEPOSIT and not chosen:
            raise InputRefused("bills", payment_message("no_bills", "bills"))
        tenders = self.tender_panel.tenders(normalise=normalise)
        if self.mode == Mode.DEPOSIT:
            return PaymentRequest(client_uuid, account_id, shift_id, tenders, ZERO)
        owed = self.bills.chosen_owed()
        to_bills = owed if amount is None else amount
        fee = self.late_fee_due() if to_bills > ZERO else ZERO
        funds = sum((t.amount for t in tenders), ZERO)
        if funds < to_bills + fee:
            raise InputRefused("cash.amount", payment_message("short", "tenders"))
        return PaymentRequest(
            client_uuid,
            account_id,
            shift_id,
            tenders,
            to_bills,
            bill_ids=tuple(b.bill_id for b in chosen),
            expected_owed=owed,
            late_fee=fee if to_bills > ZERO else None,
            waiver_id=self.waiver.waiver_id
            if self.waiver is not None and to_bills > ZERO
            else None,
        )

    def problem(self) -> InputRefused | None:
        """What is wrong with the input now (nothing changed on screen)."""
        try:
            self.build_request("", 0, normalise=False)
        except InputRefused as refused:
            return refused
        return None

    def widget_field(self, error: PaymentError) -> str:
        """The input a refusal of the payment service is about."""
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
        if f in ("late_fee", "waiver"):
            return "bills"
        if f == "to_bills":
            return "custom" if self.mode == Mode.CUSTOM else "bills"
        return f

    def focus_field(self, field: str) -> None:
        widget: QWidget | None = self.tender_panel.fields.get(field)
        if widget is None and field in ("to_bills", "custom", "deposit"):
            widget = self.amount_edit
        if widget is None and field == "bills":
            widget = self.bills_view
        if widget is not None:
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()
