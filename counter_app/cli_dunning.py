"""counter-admin dunning: the 催缴 / 停供 list of an area and reader book as
an Excel file for the meter readers (one call of ``counter_dunning_list``,
as the login of --database-url: a supervisor's, or the DBA's)."""

from __future__ import annotations

import argparse
from pathlib import Path

from counter_app.db.engine import Database
from counter_app.export.dunning import write_dunning_xlsx
from counter_app.services.late_fees import LateFeeError, dunning_list


class DunningCliError(Exception):
    pass


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--days 逾期天数必须是整数 / must be a whole number, "
                                         f"not {text!r}") from None
    if not 0 <= value <= 3650:
        raise argparse.ArgumentTypeError(f"--days 逾期天数为 0 到 3650 / must be between 0 and "
                                         f"3650, not {value}")
    return value


def _xlsx(text: str) -> Path:
    path = Path(text)
    if path.suffix.lower() != ".xlsx":
        raise argparse.ArgumentTypeError(f"--out 文件须为 .xlsx / must end in .xlsx: {text}")
    if not path.parent.exists():
        raise argparse.ArgumentTypeError(f"--out 目录不存在 / no folder {path.parent}")
    return path


def cmd_dunning(db: Database, args, out) -> int:
    from counter_app.cli import CliError

    try:
        listing = dunning_list(db, days=args.days, area=args.area, book=args.book,
                               suspension=args.suspension)
    except LateFeeError as exc:
        raise CliError(f"{exc.field or 'dunning'}: {exc}") from None
    path = write_dunning_xlsx(args.out, listing)
    out.result(
        {"file": str(path), "accounts": len(listing.rows), "total": listing.total,
         "as_of": listing.as_of, "days": listing.days, "area": listing.area,
         "book": listing.book, "suspension": listing.suspension},
        lambda: f"{'停供' if listing.suspension else '催缴'}名单 {len(listing.rows)} 户, "
                f"逾期合计 ¥{listing.total} -> {path}")
    return 0


def add_commands(subparsers, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("dunning", parents=[common],
                              help="催缴/停供名单: accounts overdue by more than N days, as Excel")
    p.add_argument("--days", type=_days, required=True, help="overdue by more than N days")
    p.add_argument("--area", default=None, help="片区 code (default: every area)")
    p.add_argument("--book", default=None, help="表册 number (default: every book)")
    p.add_argument("--suspension", action="store_true",
                   help="停供: only accounts past their rule's suspension thresholds")
    p.add_argument("--out", type=_xlsx, required=True, help="the .xlsx file to write")
    p.set_defaults(func=cmd_dunning)
