"""Online payments (WeChat, Alipay, a bank's app) from a platform's daily statement.
Rules: docs/rules/imports.md, docs/rules/payments.md
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from counter_app.db.engine import Database
from counter_app.domain.localtime import SHANGHAI
from counter_app.domain.money import ZERO, sum_money
from counter_app.services.actions import ActionError, call
from counter_app.services.imports.readings import ImportFileError, RowError, _refused_row, read_rows
from counter_app.services.installation.batch import jsonb

PLATFORMS = ("wechat", "alipay", "bank")
#: each platform's column names for (order_id, paid_at, account_no, amount)
HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "wechat": {
        "order_id": ("微信订单号", "商户订单号"),
        "paid_at": ("交易时间", "支付时间"),
        "account_no": ("户号", "缴费户号", "用户号"),
        "amount": ("订单金额", "应结订单金额", "金额"),
    },
    "alipay": {
        "order_id": ("支付宝交易号", "交易号"),
        "paid_at": ("付款时间", "交易创建时间"),
        "account_no": ("户号", "缴费户号", "用户号"),
        "amount": ("订单金额（元）", "订单金额(元)", "订单金额", "金额"),
    },
    "bank": {
        "order_id": ("交易流水号", "流水号"),
        "paid_at": ("交易时间", "交易日期时间"),
        "account_no": ("户号", "缴费户号", "用户号"),
        "amount": ("交易金额", "金额"),
    },
}
TOTAL_MARKS = ("合计", "总计", "total")
TIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y/%m/%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M",
    "%Y%m%d%H%M%S",
)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Order:
    line: int
    order_id: str
    paid_at: datetime
    account_no: str
    amount: Decimal

    def payload(self) -> dict:
        return dict(
            line=self.line,
            order_id=self.order_id,
            paid_at=self.paid_at.isoformat(),
            account_no=self.account_no,
            amount=self.amount,
        )


@dataclass(frozen=True)
class Statement:
    platform: str
    orders: tuple[Order, ...]
    file_count: int
    file_total: Decimal
    errors: tuple[RowError, ...]


@dataclass(frozen=True)
class OnlineImportReport:
    platform: str
    file_name: str
    orders: int
    posted: int
    replayed: int
    suspended: int
    amount: Decimal
    posted_amount: Decimal
    replayed_amount: Decimal
    suspended_amount: Decimal
    to_bills: Decimal
    to_prepayment: Decimal
    file_total: Decimal
    file_replayed: bool
    errors: tuple[RowError, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def reconciled(self) -> bool:
        """The orders posted, replayed and held add up to the file's total."""
        if self.file_replayed:
            return self.amount == self.file_total
        return (
            self.posted_amount + self.replayed_amount + self.suspended_amount
            == self.amount
            == self.file_total
        )


def _money(text: str) -> Decimal:
    try:
        value = Decimal(text.replace(",", "").replace("¥", "").replace("￥", "").strip())
    except InvalidOperation:
        raise ValueError(f"not an amount: {text!r}") from None
    if not value.is_finite():
        raise ValueError(f"not an amount: {text!r}")
    if value != value.quantize(CENT):
        raise ValueError(f"{text}: at most two decimals (fen)")
    return value.quantize(CENT)


def _time(text: str) -> datetime:
    for fmt in TIME_FORMATS:
        try:
            return datetime.strptime(text.strip().lstrip("`"), fmt).replace(tzinfo=SHANGHAI)
        except ValueError:
            continue
    raise ValueError(f"not a time: {text!r} (use YYYY-MM-DD HH:MM:SS)")


def _header(platform: str, cells: list[str]) -> dict[str, int]:
    names = [c.strip() for c in cells]
    found: dict[str, int] = {}
    for key, aliases in HEADERS[platform].items():
        for index, name in enumerate(names):
            if name in aliases:
                found[key] = index
                break
    missing = [k for k in HEADERS[platform] if k not in found]
    if missing:
        raise ImportFileError(
            "header",
            f"line 1: this is not a {platform} statement: missing column(s) "
            + ", ".join(f"{k} ({HEADERS[platform][k][0]})" for k in missing),
            field=missing[0],
        )
    return found


def read_statement(path: Path, platform: str) -> Statement:
    """Every order of the file, checked; the problems with their lines."""
    if platform not in PLATFORMS:
        raise ImportFileError("platform", f"unknown platform {platform!r}: {', '.join(PLATFORMS)}")
    orders: list[Order] = []
    errors: list[RowError] = []
    header: dict[str, int] | None = None
    seen: dict[str, Order] = {}
    total: tuple[int, int, Decimal] | None = None  # (line, count, amount)
    last_line = 0
    for line, cells in read_rows(Path(path)):
        last_line = line
        if not any(c.strip() for c in cells):
            continue
        if header is None:
            header = _header(platform, cells)
            continue
        first = cells[0].strip().lower()
        if any(first.startswith(mark) for mark in TOTAL_MARKS):
            try:
                total = (line, int(cells[1].strip()), _money(cells[2]))
            except (IndexError, ValueError) as exc:
                errors.append(RowError(line, "total", f"the total line: {exc}"))
                total = (line, -1, Decimal("-1"))
            continue
        if total is not None:
            errors.append(RowError(line, "total", "an order after the total line"))
            continue
        if len(cells) < len(HEADERS[platform]) or max(header.values()) >= len(cells):
            errors.append(RowError(line, "line", "the line is cut short (truncated file?)"))
            continue
        values = {k: cells[i].strip() for k, i in header.items()}
        problem = None
        try:
            amount = _money(values["amount"])
            if amount <= 0:
                raise ValueError("the amount must be positive")
        except ValueError as exc:
            problem = ("amount", str(exc))
        try:
            paid_at = _time(values["paid_at"])
        except ValueError as exc:
            problem = problem or ("paid_at", str(exc))
        order_id = values["order_id"].lstrip("`")
        if not order_id or len(order_id) > 90:
            problem = problem or ("order_id", "an order id of 1 to 90 characters")
        if not values["account_no"]:
            problem = problem or ("account_no", "the account number is missing")
        if problem:
            errors.append(RowError(line, *problem))
            continue
        order = Order(line, order_id, paid_at, values["account_no"].lstrip("`"), amount)
        before = seen.get(order_id)
        if before is not None:
            how = (
                "with another amount " if before.amount != amount else ""
            ) + f"(line {before.line})"
            errors.append(RowError(line, "order_id", f"order {order_id} appears twice {how}"))
            continue
        seen[order_id] = order
        orders.append(order)
    if header is None:
        raise ImportFileError("empty", "the file is empty")
    if total is None:
        errors.append(
            RowError(last_line + 1, "total", "no total line (合计): the file is truncated")
        )
        count, amount_total = -1, Decimal("-1")
    else:
        _, count, amount_total = total
        if not errors and (
            count != len(orders) or amount_total != sum_money(o.amount for o in orders)
        ):
            errors.append(
                RowError(
                    total[0],
                    "total",
                    f"the total line says {count} orders, {amount_total}; the file has "
                    f"{len(orders)}, {sum_money(o.amount for o in orders)}",
                )
            )
    return Statement(
        platform,
        tuple(orders),
        count,
        amount_total,
        tuple(sorted(errors, key=lambda e: (e.line, e.field))),
    )


def import_online(
    db: Database,
    path: Path,
    platform: str,
    *,
    dry_run: bool = False,
    orders: tuple[Order, ...] | None = None,
) -> OnlineImportReport:
    """Check the whole file, then post it in one call (as a batch login).
    ``orders``: send only these of the file (a test's import cut short)."""
    path = Path(path)
    statement = read_statement(path, platform)
    sent = statement.orders if orders is None else orders
    empty = ZERO
    report = OnlineImportReport(
        platform=platform,
        file_name=path.name,
        orders=len(sent),
        posted=0,
        replayed=0,
        suspended=0,
        amount=sum_money(o.amount for o in sent),
        posted_amount=empty,
        replayed_amount=empty,
        suspended_amount=empty,
        to_bills=empty,
        to_prepayment=empty,
        file_total=statement.file_total,
        file_replayed=False,
    )
    if statement.errors or dry_run:
        return replace(report, errors=statement.errors)
    data = path.read_bytes()
    if orders is not None:  # a different content: its own hash
        data += repr([o.order_id for o in orders]).encode()
    file_hash = hashlib.sha256(data).hexdigest()
    try:
        result = call(
            db, "import_online", platform, file_hash, path.name, jsonb([o.payload() for o in sent])
        )
    except ActionError as exc:
        return replace(report, errors=(_refused_row(exc),))
    if result["file_replayed"]:
        return replace(
            report,
            replayed=result["orders"],
            file_replayed=True,
            replayed_amount=Decimal(result["amount"]).quantize(CENT),
        )
    q = {
        k: Decimal(result[k]).quantize(CENT)
        for k in (
            "posted_amount",
            "replayed_amount",
            "suspended_amount",
            "allocated",
            "to_prepayment",
        )
    }
    return replace(
        report,
        posted=result["posted"],
        replayed=result["replayed"],
        suspended=result["suspended"],
        posted_amount=q["posted_amount"],
        replayed_amount=q["replayed_amount"],
        suspended_amount=q["suspended_amount"],
        to_bills=q["allocated"],
        to_prepayment=q["to_prepayment"],
    )
