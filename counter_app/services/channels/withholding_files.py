"""Withholding files of the batch login: the request file to a bank and its return file.
Rules: docs/rules/withholding.md
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import text

from counter_app.db.engine import Database
from counter_app.domain import localtime
from counter_app.domain.bank_files import LineError, layout_from_json, parse, render
from counter_app.domain.errors import CounterError
from counter_app.services.actions import ActionError, call
from counter_app.services.installation.batch import jsonb

__all__ = [
    "ExportReport",
    "ImportReport",
    "Reconciliation",
    "WithholdingFileError",
    "export_withholding",
    "import_withholding",
]


class WithholdingFileError(CounterError, ValueError):
    """A refusal of the command as a whole (no bank, nothing owed, a file
    that cannot be read): ``code`` ``bank``, ``nothing_owed``, ``agreements_changed``,
    ``unreadable``."""

    def __init__(self, code: str, message: str, *, field: str | None = None):
        super().__init__(code, message, field=field)


@dataclass(frozen=True)
class ExportReport:
    bank_code: str
    period: str
    batch_no: str
    count: int
    total: Decimal
    file: str
    file_hash: str


@dataclass(frozen=True)
class Reconciliation:
    batch_no: str
    sent_count: int
    sent_amount: Decimal
    paid_count: int
    paid_amount: Decimal
    failed_count: int
    failed_amount: Decimal
    open_count: int
    open_amount: Decimal

    @property
    def agrees(self) -> bool:
        """Every request answered, paid + failed = sent, to the cent."""
        return (
            self.open_count == 0
            and self.paid_count + self.failed_count == self.sent_count
            and self.paid_amount + self.failed_amount == self.sent_amount
        )


@dataclass
class ImportReport:
    file: str
    bank_code: str
    lines: int = 0
    batch_no: str = ""
    posted: int = 0
    failed: int = 0
    already_posted: int = 0
    replayed: bool = False
    errors: list[LineError] = field(default_factory=list)
    reconciliation: Reconciliation | None = None

    @property
    def ok(self) -> bool:
        return not self.errors and self.reconciliation is not None and self.reconciliation.agrees


def _layout(db: Database, bank: str, direction: str):
    with db.read() as s:
        row = s.execute(
            text("SELECT layout FROM withholding_banks WHERE code = :c AND active"), {"c": bank}
        ).first()
    if row is None:
        raise WithholdingFileError("bank", f"--bank: no bank {bank} takes withholding files")
    return layout_from_json(row[0], direction)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ------------------------------------------------------------------- export


def _full_numbers(db: Database, bank: str, period: str) -> dict[str, str]:
    """{agreement id: full bank account number}: the audit row is committed
    by the request (its own call) before the numbers are handed out."""
    token = call(db, "request_withholding_numbers", bank, period)["token"]
    return call(db, "withholding_numbers", token)["numbers"]


def export_withholding(
    db: Database, bank: str, period: str, out: Path, *, today: date | None = None
) -> ExportReport:
    due = call(db, "withholding_due", bank, period, retry_read=True)
    layout = layout_from_json(due["layout"], "request")
    items = due["items"]
    if not items:
        raise WithholdingFileError(
            "nothing_owed",
            f"nothing to withhold at {bank} up to {period}: no active "
            "agreement owes anything (or their requests are unanswered)",
        )
    numbers = _full_numbers(db, bank, period)
    if any(str(i["agreement_id"]) not in numbers for i in items):
        raise WithholdingFileError(
            "agreements_changed",
            f"the agreements at {bank} changed meanwhile: run the export again",
        )
    details = [
        dict(item, seq=n, bank_account=numbers[str(item["agreement_id"])])
        for n, item in enumerate(items, start=1)
    ]
    total = sum((Decimal(i["amount"]) for i in items), Decimal("0"))
    header = dict(
        bank_code=bank,
        batch_no=due["batch_no"],
        created_on=today or localtime.today(),
        count=len(details),
        total=total,
        period=period,
    )
    data = render(layout, header, details, dict(count=len(details), total=total))
    digest = _sha256(data)
    recorded = call(
        db,
        "export_withholding",
        bank,
        period,
        due["batch_no"],
        digest,
        out.name,
        jsonb(
            [
                dict(
                    seq=d["seq"],
                    account_id=d["account_id"],
                    agreement_id=d["agreement_id"],
                    amount=d["amount"],
                )
                for d in details
            ]
        ),
    )
    partial = out.with_name(out.name + ".part")
    partial.write_bytes(data)
    os.replace(partial, out)
    return ExportReport(
        bank,
        period,
        recorded["batch_no"],
        recorded["count"],
        Decimal(recorded["total"]),
        str(out),
        digest,
    )


# ------------------------------------------------------------------- import


def _reconciliation(data: dict) -> Reconciliation:
    return Reconciliation(
        data["batch_no"],
        data["sent_count"],
        Decimal(data["sent_amount"]),
        data["paid_count"],
        Decimal(data["paid_amount"]),
        data["failed_count"],
        Decimal(data["failed_amount"]),
        data["open_count"],
        Decimal(data["open_amount"]),
    )


def _line_of(field_name: str) -> tuple[int, str]:
    """``rows[line 7].amount`` -> (7, 'amount')."""
    if field_name.startswith("rows[line ") and "]" in field_name:
        number, _, rest = field_name[len("rows[line ") :].partition("]")
        if number.isdigit():
            return int(number), rest.lstrip(".") or "line"
    return 0, field_name or "file"


def import_withholding(db: Database, path: Path, bank: str) -> ImportReport:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise WithholdingFileError("unreadable", f"{path}: {exc.strerror}", field="file") from None
    report = ImportReport(file=str(path), bank_code=bank)
    parsed = parse(_layout(db, bank, "return"), data)
    report.lines = len(parsed.details)
    report.errors.extend(parsed.errors)
    header_bank = parsed.header.get("bank_code")
    if header_bank is not None and header_bank != bank:
        report.errors.insert(
            0, LineError(1, "bank_code", f"the file is {header_bank}'s, not {bank}'s")
        )
    seen: dict[str, int] = {}
    for line, values in parsed.details:
        ref = values.get("bank_ref") or ""
        if ref and ref in seen:
            report.errors.append(
                LineError(line, "bank_ref", f"reference {ref} is on line {seen[ref]} too")
            )
        seen.setdefault(ref, line)
    if report.errors:
        return report
    report.batch_no = parsed.header.get("batch_no", "")
    rows = [
        dict(
            line=line,
            batch_no=report.batch_no,
            seq=v["seq"],
            account_no=v["account_no"],
            amount=v["amount"],
            result_code=v.get("result_code", ""),
            reason=v.get("reason", ""),
            bank_ref=v.get("bank_ref", ""),
        )
        for line, v in parsed.details
    ]
    try:
        result = call(db, "import_withholding", bank, _sha256(data), path.name, jsonb(rows))
    except ActionError as exc:
        line, name = _line_of(exc.field)
        report.errors.append(LineError(line, name, f"{exc.message} ({exc.code})"))
        return report
    report.posted = result["posted"]
    report.failed = result["failed"]
    report.already_posted = result["already_posted"]
    report.replayed = result["replayed"]
    report.reconciliation = _reconciliation(result["reconciliation"])
    return report
