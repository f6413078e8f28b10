"""``counter-admin dunning`` (催缴 / 停供 list as Excel) and ``set-late-fee-rule`` (违约金).
Rules: docs/rules/late_fees.md
"""

from __future__ import annotations

import argparse
import os
from datetime import date
from decimal import Decimal, InvalidOperation

from counter_app.db.engine import Database
from counter_app.domain.localtime import today
from counter_app.export.dunning import write_dunning_xlsx
from counter_app.services.audit import Actor
from counter_app.services.payments.late_fees import LateFeeError, LateFeeService


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--days 逾期天数必须是整数 / must be a whole number, not {text!r}"
        ) from None
    if not 0 <= value <= 3650:
        raise argparse.ArgumentTypeError(
            f"--days 逾期天数为 0 到 3650 / must be between 0 and 3650, not {value}"
        )
    return value


def cmd_dunning(db: Database, args, out) -> int:
    from counter_app.cli import CliError

    try:
        listing = LateFeeService(db).dunning_list(
            days=args.days, area=args.area, book=args.book, suspension=args.suspension
        )
    except LateFeeError as exc:
        raise CliError(f"{exc.field or 'dunning'}: {exc}", of=exc) from None
    path = write_dunning_xlsx(args.out, listing)
    out.result(
        {
            "file": str(path),
            "accounts": len(listing.rows),
            "total": listing.total,
            "as_of": listing.as_of,
            "days": listing.days,
            "area": listing.area,
            "book": listing.book,
            "suspension": listing.suspension,
        },
        lambda: (
            f"{'停供' if listing.suspension else '催缴'}名单 {len(listing.rows)} 户, "
            f"逾期合计 ¥{listing.total} -> {path}"
        ),
    )
    return 0


def _decimal(name: str):
    def parse(text: str) -> Decimal:
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise argparse.ArgumentTypeError(
                f"{name} 须为数字 / must be a number, not {text!r}"
            ) from None
        if not value.is_finite() or value < 0:
            raise argparse.ArgumentTypeError(f"{name} 须为非负数 / must not be negative: {text}")
        return value

    return parse


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--from 日期格式 YYYY-MM-DD / a date YYYY-MM-DD, not {text!r}"
        ) from None


def cmd_set_late_fee_rule(db: Database, args, out) -> int:
    from counter_app.cli import CliError

    actor = Actor(db.engine.url.username or "", os.environ.get("HOSTNAME", "cli"), None)
    try:
        rule = LateFeeService(db).set_rule(
            actor,
            price_category=args.category,
            rate=args.rate,
            delay_days=args.delay_days,
            cap_ratio=args.cap,
            effective_from=args.effective_from or today(),
            reason=args.reason,
            suspend_after_days=args.suspend_after_days,
            suspend_min_amount=args.suspend_min_amount,
        )
    except LateFeeError as exc:
        raise CliError(f"{exc.field or 'rule'}: {exc}", of=exc) from None
    out.result(
        {
            "rule_id": rule.rule_id,
            "price_category": rule.price_category,
            "rate_per_day": rule.rate_per_day,
            "delay_days": rule.delay_days,
            "cap_ratio": rule.cap_ratio,
            "effective_from": rule.effective_from,
        },
        lambda: (
            f"违约金规则 {rule.rule_id}: {rule.price_category or '全部类别'} "
            f"每日 {rule.rate_per_day}, 宽限 {rule.delay_days} 天, "
            f"自 {rule.effective_from} 起"
        ),
    )
    return 0


def add_commands(subparsers, common: argparse.ArgumentParser) -> None:
    from counter_app.cli import xlsx_out_in_a_folder

    p = subparsers.add_parser(
        "dunning",
        parents=[common],
        help="催缴/停供名单: accounts overdue by more than N days, as Excel",
    )
    p.add_argument("--days", type=_days, required=True, help="overdue by more than N days")
    p.add_argument("--area", default=None, help="片区 code (default: every area)")
    p.add_argument("--book", default=None, help="表册 number (default: every book)")
    p.add_argument(
        "--suspension",
        action="store_true",
        help="停供: only accounts past their rule's suspension thresholds",
    )
    p.add_argument(
        "--out", type=xlsx_out_in_a_folder, required=True, help="the .xlsx file to write"
    )
    p.set_defaults(func=cmd_dunning)

    p = subparsers.add_parser(
        "set-late-fee-rule",
        parents=[common],
        help="违约金规则: a rate per day on overdue amounts (as an admin login)",
    )
    p.add_argument(
        "--rate",
        type=_decimal("--rate"),
        required=True,
        help="per day, e.g. 0.0003 (万分之三) or 0.001",
    )
    p.add_argument("--delay-days", type=int, default=0, help="grace days after the due date")
    p.add_argument(
        "--cap",
        type=_decimal("--cap"),
        default=None,
        help="at most this share of the bill, e.g. 1 (the bill itself) or 0.3",
    )
    p.add_argument("--category", default=None, help="price category code (default: every one)")
    p.add_argument("--suspend-after-days", type=int, default=None, help="停供 after N days overdue")
    p.add_argument(
        "--suspend-min-amount",
        type=_decimal("--suspend-min-amount"),
        default=None,
        help="停供 from this overdue amount",
    )
    p.add_argument(
        "--from",
        dest="effective_from",
        type=_day,
        default=None,
        help="first day, YYYY-MM-DD, today or later (default: today)",
    )
    p.add_argument("--reason", required=True, help="e.g. the price bureau's document")
    p.set_defaults(func=cmd_set_late_fee_rule)
