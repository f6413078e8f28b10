"""The texts the account view shows: its fields, arrears, dues, 停供 warning and file
line (translated in the AccountPanel context of counter_search_<lang>.ts)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from counter_app.documents.fmt import yen as money_text
from counter_app.services.accounts.archive import ArchiveInfo
from counter_app.services.accounts.service import AccountView
from counter_app.ui.search.texts import account_type_text, status_text

# the value labels of the form (ui/search_account_panel.ui: <key>Caption, <key>Value)
FIELDS = (
    "account_no",
    "type",
    "address",
    "meter_location",
    "mobile",
    "landline",
    "id_number",
    "meter_no",
    "status",
    "prepayment",
    "relief",
    "withholding",
    "period",
    "due_on",
    "readings",
    "usage",
    "amount",
    "bill_owed",
)
# numbers are read as a whole: never broken over two lines (0537- / ****676), and
# given the room of a long one in the machine's font (never cut, whatever the font)
UNBROKEN_SAMPLES = {
    "account_no": "01000001",
    "mobile": "138****5678",
    "landline": "0537-6873039",
    "id_number": "370829********1234",
    "meter_no": "JX1900000278",
    "period": "2026-11",
    "due_on": "2026-12-11",
    "readings": "12345 → 12345",
    "usage": "1234 t",
    "amount": "¥12,345.67",
    "bill_owed": "¥12,345.67",
    "prepayment": "¥12,345.67",
}


def none_text() -> str:
    return QCoreApplication.translate("AccountPanel", "none")


def arrears_text(v: AccountView) -> str:
    text = QCoreApplication.translate("AccountPanel", "Arrears: {amount}")
    return text.format(amount=money_text(v.arrears))


def field_values(v: AccountView, revealed: dict[str, str]) -> dict[str, str]:
    """The text of every field but the withholding line (its own, withholding_panel.py);
    the ID number and phones as revealed, else masked."""
    kind = account_type_text(v.account_type)
    if v.households_total:
        kind += QCoreApplication.translate("AccountPanel", " ({n} households)").format(
            n=v.households_total
        )
    none = none_text()
    values = {
        "account_no": v.account_no,
        "type": kind,
        "address": v.address,
        "meter_location": v.meter_location or none,
        "meter_no": v.meter_no or none,
        "mobile": revealed.get("mobile", v.mobile_masked) or none,
        "landline": revealed.get("landline", v.landline_masked) or none,
        "id_number": revealed.get("id_number", v.id_masked) or none,
        "status": status_text(v.status),
        "prepayment": money_text(v.prepayment_balance),
    }
    if v.relief is not None:
        values["relief"] = QCoreApplication.translate(
            "AccountPanel", "{rule}, valid {start} to {end}"
        ).format(
            rule=v.relief.rule_name,
            start=v.relief.valid_from.isoformat(),
            end=v.relief.valid_to.isoformat(),
        )
    else:
        values["relief"] = none
    bill = v.current_bill.bill if v.current_bill else None
    if bill is not None:
        values.update(
            period=bill.period,
            due_on=bill.due_on.isoformat(),
            readings=f"{bill.start_reading} → {bill.end_reading}",
            usage=QCoreApplication.translate("AccountPanel", "{n} t").format(n=bill.usage),
            amount=money_text(bill.amount),
            bill_owed=money_text(bill.outstanding),
        )
    else:
        values.update(
            period=QCoreApplication.translate("AccountPanel", "no bill yet"),
            due_on="",
            readings="",
            usage="",
            amount="",
            bill_owed="",
        )
    return values


def dues_text(v: AccountView) -> str:
    """本期应缴 apart from 逾期欠费 with its days, and the late fee."""
    parts = [
        QCoreApplication.translate("AccountPanel", "Current: {amount}").format(
            amount=money_text(v.current_due)
        )
    ]
    if v.overdue > 0:
        parts.append(
            QCoreApplication.translate("AccountPanel", "Overdue: {amount} ({days} days)").format(
                amount=money_text(v.overdue), days=v.days_overdue
            )
        )
    else:
        parts.append(QCoreApplication.translate("AccountPanel", "Overdue: none"))
    if v.late_fee > 0:
        parts.append(
            QCoreApplication.translate("AccountPanel", "Late fee: {amount}").format(
                amount=money_text(v.late_fee)
            )
        )
    return "　".join(parts)


def suspension_text(v: AccountView) -> str:
    """The 停供 warning (migration 0024); empty when no suspension is pending."""
    if v.suspension is None:
        return ""
    text = QCoreApplication.translate("AccountPanel", "Supply suspension: overdue {days} days")
    return text.format(days=v.days_overdue)


def archive_text(archive: ArchiveInfo) -> str:
    """档案号 … 柜号 … of the customer file."""
    text = QCoreApplication.translate("AccountPanel", "Archive no.: {no}　Cabinet: {cabinet}")
    return text.format(
        no=archive.archive_no or QCoreApplication.translate("AccountPanel", "not numbered"),
        cabinet=archive.cabinet_no or none_text(),
    )
