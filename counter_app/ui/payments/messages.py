"""What the payments area says about refused input, in the clerk's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counter_app.domain.money import MoneyError
from counter_app.ui.errors import explain


def field_name(field: str) -> str:
    """The on-screen name of an input (``cash.received``, ``to_bills`` ...)."""
    names = {
        "cash.amount": QCoreApplication.translate("PaymentMessages", "Cash amount"),
        "cash.received": QCoreApplication.translate("PaymentMessages", "Cash received"),
        "wechat.amount": QCoreApplication.translate("PaymentMessages", "WeChat amount"),
        "wechat.reference": QCoreApplication.translate("PaymentMessages", "WeChat transaction no."),
        "alipay.amount": QCoreApplication.translate("PaymentMessages", "Alipay amount"),
        "alipay.reference": QCoreApplication.translate("PaymentMessages", "Alipay transaction no."),
        "card.amount": QCoreApplication.translate("PaymentMessages", "Bank card amount"),
        "card.reference": QCoreApplication.translate("PaymentMessages", "Bank card reference no."),
        "prepayment.amount": QCoreApplication.translate("PaymentMessages", "Prepayment used"),
        "to_bills": QCoreApplication.translate("PaymentMessages", "Amount to pay"),
        "custom": QCoreApplication.translate("PaymentMessages", "Custom amount"),
        "deposit": QCoreApplication.translate("PaymentMessages", "Prepayment amount"),
        "tenders": QCoreApplication.translate("PaymentMessages", "Tenders"),
        "bills": QCoreApplication.translate("PaymentMessages", "Bills"),
        "shift": QCoreApplication.translate("PaymentMessages", "Shift"),
        "account": QCoreApplication.translate("PaymentMessages", "Account no."),
        "reason": QCoreApplication.translate("PaymentMessages", "Reason"),
        "supervisor": QCoreApplication.translate("PaymentMessages", "Supervisor"),
        "password": QCoreApplication.translate("PaymentMessages", "Password"),
        "payment": QCoreApplication.translate("PaymentMessages", "Payment"),
        "opening_float": QCoreApplication.translate("PaymentMessages", "Cash float"),
    }
    return names.get(field, field)


def money_message(field: str, error: MoneyError) -> str:
    texts = {
        "empty": QCoreApplication.translate("PaymentMessages", "{field}: enter an amount."),
        "format": QCoreApplication.translate(
            "PaymentMessages", "{field}: not an amount; type digits like 123.45."
        ),
        "negative": QCoreApplication.translate(
            "PaymentMessages", "{field}: the amount cannot be negative."
        ),
        "zero": QCoreApplication.translate(
            "PaymentMessages", "{field}: the amount must be above 0."
        ),
        "too_many_decimals": QCoreApplication.translate(
            "PaymentMessages", "{field}: at most two decimals (fen)."
        ),
        "too_large": QCoreApplication.translate(
            "PaymentMessages", "{field}: the amount is too large."
        ),
    }
    return texts.get(error.code, texts["format"]).format(field=field_name(field))


def payment_message(code: str, field: str, detail: str = "") -> str:
    """A refused payment (PaymentError.code) or a check made before posting."""
    texts = {
        "no_tender": QCoreApplication.translate(
            "PaymentMessages", "{field}: enter the amount of at least one tender."
        ),
        "duplicate_tender": QCoreApplication.translate(
            "PaymentMessages", "{field}: each tender at most once."
        ),
        "amount": QCoreApplication.translate(
            "PaymentMessages", "{field}: the amount must be above 0."
        ),
        "decimals": QCoreApplication.translate(
            "PaymentMessages", "{field}: at most two decimals (fen)."
        ),
        "received_short": QCoreApplication.translate(
            "PaymentMessages", "{field}: the cash received is less than the cash amount."
        ),
        "received": QCoreApplication.translate(
            "PaymentMessages", "{field}: only cash has an amount received."
        ),
        "reference": QCoreApplication.translate(
            "PaymentMessages", "{field}: enter the transaction reference."
        ),
        "account": QCoreApplication.translate("PaymentMessages", "{field}: no such account."),
        "shift": QCoreApplication.translate(
            "PaymentMessages", "{field}: your shift is closed or missing; open a shift first."
        ),
        "over_allocation": QCoreApplication.translate(
            "PaymentMessages", "{field}: more than is owed on the chosen bills."
        ),
        "balance": QCoreApplication.translate(
            "PaymentMessages", "{field}: more than the prepayment balance."
        ),
        "short": QCoreApplication.translate(
            "PaymentMessages", "{field}: the tenders do not cover the amount to pay."
        ),
        "prepayment_surplus": QCoreApplication.translate(
            "PaymentMessages", "{field}: the prepayment balance can only pay bills."
        ),
        "series": QCoreApplication.translate(
            "PaymentMessages", "{field}: no receipt series is set up for this hall."
        ),
        "no_bills": QCoreApplication.translate(
            "PaymentMessages", "{field}: choose at least one bill."
        ),
        "negative": QCoreApplication.translate(
            "PaymentMessages", "{field}: the amount cannot be negative."
        ),
    }
    text = texts.get(code)
    if text is None:
        return QCoreApplication.translate("PaymentMessages", "{field}: refused ({detail}).").format(
            field=field_name(field), detail=detail
        )
    return text.format(field=field_name(field))


def print_message(error: BaseException) -> str:
    return QCoreApplication.translate("PaymentMessages", "Printing failed: {reason}").format(
        reason=explain(error)  # a PrintError: the one printer map
    )
