"""Withholding agreements (代扣协议) at the counter: screen, sign, cancel (migration 0023).
Rules: docs/rules/withholding.md
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from counter_app.db.engine import Database
from counter_app.domain.errors import CounterError
from counter_app.services.action_values import day, required, when
from counter_app.services.actions import ActionError, call
from counter_app.services.audit import Actor

__all__ = [
    "Agreement",
    "Bank",
    "Request",
    "WithholdingError",
    "WithholdingScreen",
    "WithholdingService",
    "normalise_bank_account",
]

BANK_ACCOUNT_RE = re.compile(r"^[0-9]{10,30}$")


class WithholdingError(CounterError, ValueError):
    """A refusal the form shows next to ``field`` (``code`` says which)."""

    field: str

    def __init__(self, field: str, code: str, message: str = "", *, kind: str | None = None):
        super().__init__(code, message, field=field, kind=kind)

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


@dataclass(frozen=True)
class Bank:
    code: str
    name: str


@dataclass(frozen=True)
class Agreement:
    id: int
    account_id: int
    account_no: str
    account_name: str
    address: str
    bank_code: str
    bank_name: str
    bank_account_masked: str
    bank_account_tail: str
    holder_name: str
    signed_on: date
    status: str
    signed_by: str
    version: int
    utility_name: str = ""
    cancelled_on: date | None = None
    cancel_reason: str | None = None
    cancelled_by: str | None = None
    last_result: str | None = None
    last_result_at: datetime | None = None
    last_amount: Decimal | None = None
    last_reason: str | None = None

    @property
    def active(self) -> bool:
        return self.status == "active"


@dataclass(frozen=True)
class Request:
    batch_no: str
    bank_code: str
    period: str
    amount: Decimal
    created_at: datetime
    result: str  # sent | paid | failed
    reason: str | None
    answered_at: datetime | None


@dataclass(frozen=True)
class WithholdingScreen:
    account_id: int
    account_no: str
    account_name: str
    agreement: Agreement | None
    requests: tuple[Request, ...]
    banks: tuple[Bank, ...]


def normalise_bank_account(text: str) -> str:
    """Digits only: full-width digits, blanks and dashes as typed are dropped."""
    return re.sub(r"[\s\-]", "", unicodedata.normalize("NFKC", text or ""))


def agreement_from(data: dict) -> Agreement:
    return Agreement(
        id=data["id"],
        account_id=data["account_id"],
        account_no=data["account_no"],
        account_name=data["account_name"],
        address=data.get("address") or "",
        bank_code=data["bank_code"],
        bank_name=data["bank_name"],
        bank_account_masked=data["bank_account_masked"],
        bank_account_tail=data["bank_account_tail"],
        holder_name=data["holder_name"],
        signed_on=required(day(data["signed_on"]), "signed_on"),
        status=data["status"],
        signed_by=data["signed_by"],
        version=data["version"],
        utility_name=data.get("utility_name") or "",
        cancelled_on=day(data.get("cancelled_on")),
        cancel_reason=data.get("cancel_reason"),
        cancelled_by=data.get("cancelled_by"),
        last_result=data.get("last_result"),
        last_result_at=when(data.get("last_result_at")),
        last_amount=data.get("last_amount"),
        last_reason=data.get("last_reason"),
    )


class WithholdingService:
    def __init__(self, db: Database):
        self.db = db

    def screen(self, account_id: int) -> WithholdingScreen:
        data = call(self.db, "withholding_screen", account_id, retry_read=True)
        agreement = data.get("agreement")
        return WithholdingScreen(
            account_id=data["account_id"],
            account_no=data["account_no"],
            account_name=data["account_name"],
            agreement=agreement_from(agreement) if agreement else None,
            requests=tuple(
                Request(
                    r["batch_no"],
                    r["bank_code"],
                    r["period"],
                    Decimal(r["amount"]),
                    required(when(r["created_at"]), "created_at"),
                    r["result"],
                    r.get("reason"),
                    when(r.get("answered_at")),
                )
                for r in data["requests"]
            ),
            banks=tuple(Bank(b["code"], b["name"]) for b in data["banks"]),
        )

    def sign(
        self,
        account_id: int,
        bank_code: str,
        bank_account: str,
        holder_name: str,
        signed_on: date,
        actor: Actor,
    ) -> Agreement:
        number = normalise_bank_account(bank_account)
        if not BANK_ACCOUNT_RE.match(number):
            raise WithholdingError(
                "bank_account", "bank_account", "a bank account number is 10 to 30 digits"
            )
        holder = (holder_name or "").strip()
        if not holder or len(holder) > 40:
            raise WithholdingError(
                "holder_name", "holder_name", "the holder's name, 1 to 40 characters"
            )
        if not bank_code:
            raise WithholdingError("bank_code", "bank", "choose the bank")
        try:
            data = call(
                self.db,
                "sign_withholding",
                actor.workstation,
                account_id,
                bank_code,
                number,
                holder,
                signed_on,
            )
        except ActionError as exc:
            raise WithholdingError(exc.field, exc.code, exc.message, kind=exc.kind) from None
        return agreement_from(data)

    def cancel(self, agreement: Agreement, reason: str, actor: Actor) -> Agreement:
        reason = (reason or "").strip()
        if not reason or len(reason) > 200:
            raise WithholdingError("reason", "reason", "a reason of 1 to 200 characters")
        try:
            data = call(
                self.db,
                "cancel_withholding",
                actor.workstation,
                agreement.id,
                agreement.version,
                reason,
            )
        except ActionError as exc:
            raise WithholdingError(exc.field, exc.code, exc.message, kind=exc.kind) from None
        return agreement_from(data)
