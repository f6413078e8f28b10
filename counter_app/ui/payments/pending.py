"""Payments whose outcome is unknown, kept in QSettings across a restart (收费).
Design: docs/architecture.md ("The UI")
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QSettings

from counter_app.services.payments.late_fees import Waiver
from counter_app.services.payments.service import PaymentRequest, Tender, TenderInput

KEY = "payments/pending"


@dataclass(frozen=True)
class PendingPayment:
    account_no: str
    request: PaymentRequest
    waiver: Waiver | None = None  # the supervisor's waiver the request names (waiver_id)

    @property
    def client_uuid(self) -> str:
        return self.request.client_uuid

    @property
    def account_id(self) -> int:
        return self.request.account_id


def _money(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _dump(database: str, entry: PendingPayment) -> dict:
    r = entry.request
    return {
        "database": database,
        "account_no": entry.account_no,
        "uuid": r.client_uuid,
        "account_id": r.account_id,
        "shift_id": r.shift_id,
        "to_bills": str(r.to_bills),
        "bill_ids": list(r.bill_ids),
        "expected_owed": _money(r.expected_owed),
        "tenders": [
            [t.tender.value, str(t.amount), _money(t.received), t.reference] for t in r.tenders
        ],
        "late_fee": _money(r.late_fee),
        "waiver_id": r.waiver_id,
        "waiver": None
        if entry.waiver is None
        else {
            "waiver_id": entry.waiver.waiver_id,
            "account_id": entry.waiver.account_id,
            "fee": str(entry.waiver.fee),
            "waived": str(entry.waiver.waived),
            "due": str(entry.waiver.due),
            "supervisor_name": entry.waiver.supervisor_name,
        },
    }


def _waiver(row: dict, request: PaymentRequest) -> Waiver | None:
    """The waiver as the form showed it (None for an entry kept before the
    waivers were: the dialog rebuilds it from the request's id and fee)."""
    w = row.get("waiver")
    if w is None or request.waiver_id is None or w["waiver_id"] != request.waiver_id:
        return None
    return Waiver(
        int(w["waiver_id"]),
        int(w["account_id"]),
        Decimal(w["fee"]),
        Decimal(w["waived"]),
        Decimal(w["due"]),
        w["supervisor_name"],
    )


def _load(row: dict) -> PendingPayment:
    request = PaymentRequest(
        client_uuid=row["uuid"],
        account_id=int(row["account_id"]),
        shift_id=int(row["shift_id"]),
        tenders=tuple(
            TenderInput(
                Tender(kind),
                Decimal(amount),
                None if received is None else Decimal(received),
                reference,
            )
            for kind, amount, received, reference in row["tenders"]
        ),
        to_bills=Decimal(row["to_bills"]),
        bill_ids=tuple(row["bill_ids"]),
        expected_owed=None if row["expected_owed"] is None else Decimal(row["expected_owed"]),
        late_fee=None if row.get("late_fee") is None else Decimal(row["late_fee"]),
        waiver_id=row.get("waiver_id"),
    )
    return PendingPayment(row["account_no"], request, _waiver(row, request))


class PendingPayments:
    """The unresolved payments of ``database`` in ``state`` (in memory when None)."""

    def __init__(self, state: QSettings | None, database: str):
        self.state = state
        self.database = database
        self._memory: list[dict] = []

    def _rows(self) -> list[dict]:
        if self.state is None:
            return list(self._memory)
        raw = self.state.value(KEY)
        try:
            rows = json.loads(raw) if raw else []
        except (TypeError, ValueError):
            return []  # unreadable: nothing to resume (never a crash at sign-in)
        return rows if isinstance(rows, list) else []

    def _write(self, rows: list[dict]) -> None:
        if self.state is None:
            self._memory = rows
            return
        self.state.setValue(KEY, json.dumps(rows, ensure_ascii=False))
        self.state.sync()  # on disk now: the app may be killed next

    def entries(self) -> list[PendingPayment]:
        found = []
        for row in self._rows():
            if row.get("database") != self.database:
                continue
            try:
                found.append(_load(row))
            except (KeyError, TypeError, ValueError):
                continue
        return found

    def for_account(self, account_id: int) -> PendingPayment | None:
        return next((e for e in self.entries() if e.account_id == account_id), None)

    def add(self, account_no: str, request: PaymentRequest, waiver: Waiver | None = None) -> None:
        """Keep (or update) the submission ``request.client_uuid`` (with the
        waiver it names, as shown)."""
        if request.waiver_id is None or (
            waiver is not None and waiver.waiver_id != request.waiver_id
        ):
            waiver = None
        rows = [r for r in self._rows() if r.get("uuid") != request.client_uuid]
        rows.append(_dump(self.database, PendingPayment(account_no, request, waiver)))
        self._write(rows)

    def remove(self, client_uuid: str) -> None:
        rows = self._rows()
        kept = [r for r in rows if r.get("uuid") != client_uuid]
        if len(kept) != len(rows):
            self._write(kept)
