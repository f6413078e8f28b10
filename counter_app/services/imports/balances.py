"""Going live: unpaid bills and prepayments of the old system as opening rows (期初).
Rules: docs/rules/imports.md
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.domain import localtime
from counter_app.domain.money import ZERO, sum_money
from counter_app.services.actions import ActionError, call
from counter_app.services.imports.files import Column, RowChecker, RowError, read_table, refused_row
from counter_app.services.installation.batch import among, jsonb

__all__ = ["BALANCE_COLUMNS", "BalancesReport", "Totals", "import_balances"]

BALANCE_COLUMNS = (
    Column("account_no", "用户号", aliases=("户号",)),
    Column("period", "账期", aliases=("抄表期间",)),
    Column("usage", "用水量", required=False, aliases=("水量",)),
    Column("amount", "金额", aliases=("欠费金额",)),
    Column("due_on", "应缴日期", required=False),
    Column("prepayment", "预存余额", required=False, aliases=("预存款",)),
)
_SERVER_FIELDS = {
    "account_no": "用户号",
    "period": "账期",
    "usage": "用水量",
    "amount": "金额",
    "due_on": "应缴日期",
    "prepayment": "预存余额",
    "price_category": "用户号",
}


@dataclass(frozen=True)
class Totals:
    bills: int = 0
    bills_amount: Decimal = ZERO
    prepayment: Decimal = ZERO


@dataclass(frozen=True)
class BalancesReport:
    file: str
    rows: int
    bills_written: int = 0
    prepayments_written: int = 0
    skipped: int = 0  # already there (the same opening bill or prepayment)
    file_totals: Totals = field(default_factory=Totals)
    database_totals: Totals | None = None  # after the import (None: dry run or refused)
    errors: tuple[RowError, ...] = ()
    replayed: bool = False
    dry_run: bool = False

    @property
    def agree(self) -> bool:
        return self.database_totals == self.file_totals

    @property
    def ok(self) -> bool:
        return not self.errors and (self.dry_run or self.agree)


def _totals(d: dict) -> Totals:
    return Totals(
        int(d["bills"]),
        Decimal(str(d["bills_amount"])).quantize(Decimal("0.01")),
        Decimal(str(d["prepayment"])).quantize(Decimal("0.01")),
    )


def _parse(table, today: date):
    c = RowChecker(table)
    bills: list[dict] = []
    prepaid: dict[str, tuple[int, Decimal]] = {}
    seen: dict[tuple[str | None, str | None], int] = {}  # None: refused above, on its line
    for row in table.rows:
        before = len(c.errors)
        account_no = c.text(row, "account_no", required=True, max_len=16)
        has_bill = bool(row.cell("period").text or row.cell("amount").text)
        prepayment = c.money(row, "prepayment")
        if not has_bill and prepayment is None and len(c.errors) == before:
            c.error(row, "amount", "nothing to carry over: give 账期 and 金额, or 预存余额")
        if has_bill:
            bill = dict(
                line=row.line,
                account_no=account_no,
                period=c.period(row, "period", required=True),
                usage=c.whole(row, "usage") or 0,
                amount=c.money(row, "amount", required=True),
                due_on=c.date(row, "due_on", required=True),
            )
            if bill["period"] and bill["period"] > today.strftime("%Y-%m"):
                c.error(row, "period", f"{bill['period']} is in the future")
            if bill["amount"] == 0:
                c.error(row, "amount", "an unpaid bill of 0.00: leave the row out")
            key = (account_no, bill["period"])
            if len(c.errors) == before and key in seen:
                c.error(row, "period", f"{account_no} {bill['period']} is also on line {seen[key]}")
            seen.setdefault(key, row.line)
            if len(c.errors) == before:
                bills.append(bill)
        if prepayment and account_no and len(c.errors) == before:
            first = prepaid.get(account_no)
            if first is not None and first[1] != prepayment:
                c.error(
                    row,
                    "prepayment",
                    f"{prepayment} differs from {first[1]} on line {first[0]} for the same account",
                )
            elif first is None:
                prepaid[account_no] = (row.line, prepayment)
    prepayments = [
        dict(line=line, account_no=no, amount=amount) for no, (line, amount) in prepaid.items()
    ]
    return c, bills, prepayments


def _against_database(session, c: RowChecker, bills: list[dict], prepayments: list[dict]) -> int:
    """Unknown accounts and bills there already are refused; the number of
    opening bills already there (skipped)."""
    numbers = {r["account_no"] for r in bills} | {r["account_no"] for r in prepayments}
    accounts = dict(
        session.execute(
            select(m.Account.account_no, m.Account.id).where(among(m.Account.account_no, numbers))
        ).all()
    )
    billed = {
        (a, p): amount
        for a, p, amount in session.execute(
            select(m.Bill.account_id, m.Bill.period, m.Bill.amount).where(
                among(m.Bill.account_id, accounts.values()), m.Bill.adjusts_bill_id.is_(None)
            )
        )
    }
    present = 0
    for r in bills + prepayments:
        if r["account_no"] not in accounts:
            c.error(
                r["line"],
                "account_no",
                f"no account {r['account_no']}: import the accounts first (import-accounts)",
            )
    for r in bills:
        amount = billed.get((accounts.get(r["account_no"]), r["period"]))
        if amount is None:
            continue
        if amount == r["amount"]:
            present += 1
        else:
            c.error(
                r["line"],
                "period",
                f"{r['account_no']} is billed for {r['period']} already ({amount})",
            )
    return present


def import_balances(
    db: Database, path: Path, *, dry_run: bool = False, today: date | None = None
) -> BalancesReport:
    """Check every row, then write them all or none (one action per file)."""
    path = Path(path)
    table = read_table(path, BALANCE_COLUMNS)
    with db.read() as session:
        known = session.get(m.GoliveImport, ("balances", table.file_hash))
        if known is not None:
            summary = json.loads(known.summary)
            return BalancesReport(
                path.name,
                len(table.rows),
                skipped=int(summary["skipped"]),
                file_totals=_totals(summary["file"]),
                database_totals=_totals(summary["database"]),
                replayed=True,
                dry_run=dry_run,
            )
        c, bills, prepayments = _parse(table, today or localtime.today())
        present = _against_database(session, c, bills, prepayments)
    file_totals = Totals(
        len(bills),
        sum_money(b["amount"] for b in bills),
        sum_money(p["amount"] for p in prepayments),
    )
    report = BalancesReport(path.name, len(table.rows), file_totals=file_totals, dry_run=dry_run)
    errors = tuple(sorted(c.errors, key=lambda e: (e.line, e.column)))
    if errors:
        return BalancesReport(
            path.name, len(table.rows), file_totals=file_totals, errors=errors, dry_run=dry_run
        )
    if dry_run or not (bills or prepayments):
        return BalancesReport(
            path.name,
            len(table.rows),
            len(bills) - present,
            len(prepayments),
            present,
            file_totals,
            dry_run=dry_run,
        )
    try:
        result = call(
            db, "import_balances", table.file_hash, path.name, jsonb(bills), jsonb(prepayments)
        )
    except ActionError as exc:
        error = refused_row(exc.field, exc.message, _SERVER_FIELDS | table.headers)
        return BalancesReport(report.file, report.rows, file_totals=file_totals, errors=(error,))
    return BalancesReport(
        path.name,
        len(table.rows),
        int(result["bills_written"]),
        int(result["prepayments_written"]),
        int(result["skipped"]),
        file_totals,
        _totals(result["database"]),
        replayed=bool(result["replayed"]),
    )
