"""The tender grid of the payment dialog: cash (received, change), WeChat,
Alipay, bank card (reference no.), prepayment balance."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, overload

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from counter_app.domain.money import MoneyError, format_money, parse_money
from counter_app.domain.text import normalize_input
from counter_app.services.accounts.ledger import ZERO
from counter_app.services.payments.service import Tender, TenderInput
from counter_app.ui.payments.messages import money_message, payment_message

MONEY_WIDTH = 130
REFERENCED = (Tender.WECHAT, Tender.ALIPAY, Tender.CARD)


class InputRefused(ValueError):
    """Input refused before posting; ``field`` names the widget to focus."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


@overload
def read_money(
    edit: QLineEdit,
    field: str,
    *,
    required: Literal[True] = ...,
    allow_zero: bool = ...,
    normalise: bool = ...,
) -> Decimal: ...
@overload
def read_money(
    edit: QLineEdit, field: str, *, required: bool, allow_zero: bool = ..., normalise: bool = ...
) -> Decimal | None: ...
def read_money(
    edit: QLineEdit,
    field: str,
    *,
    required: bool = True,
    allow_zero: bool = False,
    normalise: bool = True,
) -> Decimal | None:
    """The amount typed in ``edit``; None when blank and not required.
    ``normalise``: show full-width digits as read (not while the clerk types)."""
    text = edit.text()
    if not text.strip() and not required:
        return None
    try:
        value = parse_money(text, allow_zero=allow_zero)
    except MoneyError as exc:
        raise InputRefused(field, money_message(field, exc)) from None
    normalised = normalize_input(text)
    if normalise and normalised != text:
        edit.setText(normalised)  # full-width digits from an input method, shown as read
    return value


class TenderPanel(QWidget):
    """One row per tender; ``changed`` whenever an amount is edited.

    The cash amount follows what is still due (``set_due``) until the clerk
    types into it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.fields: dict[str, QLineEdit] = {}
        self._cash_typed = False
        self._due = ZERO
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(self.tr("Tender"), self), 0, 0)
        grid.addWidget(QLabel(self.tr("Amount"), self), 0, 1)
        grid.addWidget(QLabel(self.tr("Received / reference no."), self), 0, 2)
        rows = (
            (Tender.CASH, self.tr("Cash"), self.tr("received")),
            (Tender.WECHAT, self.tr("WeChat"), self.tr("transaction no.")),
            (Tender.ALIPAY, self.tr("Alipay"), self.tr("transaction no.")),
            (Tender.CARD, self.tr("Bank card"), self.tr("reference no.")),
            (Tender.PREPAYMENT, self.tr("Prepayment balance"), ""),
        )
        for row, (tender, label, extra) in enumerate(rows, start=1):
            grid.addWidget(QLabel(label, self), row, 0)
            amount = self._edit(f"{tender.value}.amount", "0.00")
            amount.setMaximumWidth(MONEY_WIDTH)
            grid.addWidget(amount, row, 1)
            if tender is Tender.CASH:
                received = self._edit("cash.received", extra)
                received.setMaximumWidth(MONEY_WIDTH)
                grid.addWidget(received, row, 2)
            elif extra:
                grid.addWidget(self._edit(f"{tender.value}.reference", extra), row, 2)
        self.balance_label = QLabel(self)
        grid.addWidget(self.balance_label, len(rows), 2)
        self.fields["cash.amount"].textEdited.connect(self._cash_edited)
        grid.setColumnStretch(2, 1)

    def _edit(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name.replace(".", "_"))
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self.changed)
        self.fields[name] = edit
        return edit

    def order(self) -> list[QLineEdit]:
        """Tab order: cash received first (what the customer hands over)."""
        names = [
            "cash.received",
            "cash.amount",
            "wechat.amount",
            "wechat.reference",
            "alipay.amount",
            "alipay.reference",
            "card.amount",
            "card.reference",
            "prepayment.amount",
        ]
        return [self.fields[n] for n in names]

    def _cash_edited(self, _text: str) -> None:
        self._cash_typed = True

    def set_balance(self, balance: Decimal) -> None:
        self.balance_label.setText(self.tr("balance ¥{0}").format(format_money(balance)))

    def amount(self, tender: Tender) -> Decimal:
        """The amount typed for ``tender``; ZERO while it does not read."""
        try:
            return parse_money(self.fields[f"{tender.value}.amount"].text(), allow_zero=True)
        except MoneyError:
            return ZERO

    def funds(self) -> Decimal:
        """All tender amounts that read, summed (the live figures)."""
        return sum((self.amount(t) for t in Tender), ZERO)

    def set_due(self, due: Decimal) -> None:
        """Cash covers what the other tenders leave (until typed by hand)."""
        self._due = due
        if self._cash_typed:
            return
        others = self.funds() - self.amount(Tender.CASH)
        rest = max(due - others, ZERO)
        text = "" if rest == ZERO else f"{rest:.2f}"
        edit = self.fields["cash.amount"]
        if edit.text() != text:
            edit.blockSignals(True)
            edit.setText(text)
            edit.blockSignals(False)

    def others_changed(self) -> None:
        self.set_due(self._due)

    def change(self) -> Decimal | None:
        """Cash received minus the cash amount, when both read and it is not short."""
        try:
            amount = parse_money(self.fields["cash.amount"].text())
            received = parse_money(self.fields["cash.received"].text())
        except MoneyError:
            return None
        return received - amount if received >= amount else None

    def tenders(self, *, normalise: bool = True) -> tuple[TenderInput, ...]:
        """The tenders typed; raises :class:`InputRefused` naming the field."""
        result = []
        for tender in Tender:
            name = tender.value
            amount = read_money(
                self.fields[f"{name}.amount"], f"{name}.amount", required=False, normalise=normalise
            )
            if tender is Tender.CASH:
                received = read_money(
                    self.fields["cash.received"],
                    "cash.received",
                    required=False,
                    normalise=normalise,
                )
                if amount is None and received is not None:
                    raise InputRefused(
                        "cash.amount", money_message("cash.amount", MoneyError("empty"))
                    )
                if amount is None:
                    continue
                if received is not None and received < amount:
                    raise InputRefused(
                        "cash.received", payment_message("received_short", "cash.received")
                    )
                result.append(TenderInput(tender, amount, received))
                continue
            if amount is None:
                continue
            reference = ""
            if tender in REFERENCED:
                reference = self.fields[f"{name}.reference"].text().strip()
                if not reference:
                    raise InputRefused(
                        f"{name}.reference", payment_message("reference", f"{name}.reference")
                    )
            result.append(TenderInput(tender, amount, None, reference))
        if not result:
            raise InputRefused("cash.amount", payment_message("no_tender", "tenders"))
        return tuple(result)

    def set_tenders(self, tenders: tuple[TenderInput, ...]) -> None:
        """Show ``tenders`` (posted or submitted earlier) in place of what is typed."""
        self._cash_typed = True  # the cash amount shown is the one given
        shown: dict[str, Decimal | str] = {f"{t.tender.value}.amount": t.amount for t in tenders}
        for t in tenders:
            if t.received is not None:
                shown["cash.received"] = t.received
            if t.tender in REFERENCED:
                shown[f"{t.tender.value}.reference"] = t.reference
        for name, edit in self.fields.items():
            value = shown.get(name)
            edit.setText(
                "" if value is None else value if isinstance(value, str) else f"{value:.2f}"
            )

    def set_locked(self, locked: bool) -> None:
        for edit in self.fields.values():
            edit.setReadOnly(locked)
