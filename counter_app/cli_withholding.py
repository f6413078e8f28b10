"""counter-admin withholding: the request file of a bank (export) and the
bank's return file (import), run as a batch login (docs/rules/withholding.md)."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from counter_app.db.engine import Database

if TYPE_CHECKING:
    from counter_app.cli import Output


def _bank(text: str) -> str:
    code = text.strip().upper()
    if not code.isascii() or not code.isalnum() or not 2 <= len(code) <= 16:
        raise argparse.ArgumentTypeError(
            f"--bank is a bank code of 2-16 letters or digits, not {text!r}"
        )
    return code


def cmd_export(db: Database, args, out: Output) -> int:
    from counter_app.cli import CliError
    from counter_app.services.channels.withholding_files import (
        WithholdingFileError,
        export_withholding,
    )

    if not args.out.parent.is_dir():
        raise CliError(f"--out: folder {args.out.parent} does not exist")
    if args.out.exists():
        raise CliError(f"--out: {args.out} exists; a request file is never overwritten")
    try:
        report = export_withholding(db, args.bank, str(args.period), args.out)
    except WithholdingFileError as exc:
        raise CliError(str(exc), of=exc) from None
    out.result(
        dataclasses.asdict(report),
        lambda: (
            f"batch {report.batch_no} ({report.bank_code}, up to {report.period}): "
            f"{report.count} accounts, total {report.total} -> {report.file}\n"
            f"  sha256 {report.file_hash}"
        ),
    )
    return 0


def cmd_import(db: Database, args, out: Output) -> int:
    from counter_app.cli import CliError
    from counter_app.services.channels.withholding_files import (
        WithholdingFileError,
        import_withholding,
    )

    if not args.file.is_file():
        raise CliError(f"file: {args.file} does not exist")
    try:
        report = import_withholding(db, args.file, args.bank)
    except WithholdingFileError as exc:
        raise CliError(str(exc), of=exc) from None

    def human() -> str:
        lines = [f"{args.file.name}: {e}" for e in report.errors]
        if report.errors:
            lines.append(
                f"{args.file.name}: {len(report.errors)} problem(s), nothing posted (未入账)"
            )
            return "\n".join(lines)
        r = report.reconciliation
        verdict = (
            "imported before: nothing new posted (重复导入，未重复入账)"
            if report.replayed
            else f"posted {report.posted}, failed {report.failed}, already posted "
            f"{report.already_posted}"
        )
        lines += [
            f"batch {r.batch_no} ({report.bank_code}): {verdict}",
            f"  sent   {r.sent_count:>6}  {r.sent_amount:>14}",
            f"  paid   {r.paid_count:>6}  {r.paid_amount:>14}",
            f"  failed {r.failed_count:>6}  {r.failed_amount:>14}",
            "  reconciled to the cent (对账一致)"
            if r.agrees
            else f"  NOT reconciled: {r.open_count} unanswered, {r.open_amount} (对账不符)",
        ]
        return "\n".join(lines)

    data = dataclasses.asdict(report) | {"ok": report.ok, "errors": [str(e) for e in report.errors]}
    out.result(data, human)
    return 0 if report.ok else 1


def add_commands(subparsers, common) -> None:
    from counter_app.cli import _period

    group = subparsers.add_parser(
        "withholding", help="bank withholding files (银行代扣), as a batch login", parents=[common]
    )
    commands = group.add_subparsers(dest="withholding_command", required=True)
    p = commands.add_parser(
        "export",
        parents=[common],
        help="write the request file of a bank: what each account with an "
        "active agreement owes up to a period",
    )
    p.add_argument("--bank", required=True, type=_bank, help="bank code, e.g. ABC")
    p.add_argument("--period", required=True, type=_period, help="YYYY-MM: bills up to it")
    p.add_argument("--out", required=True, type=Path, help="the file to write")
    p.set_defaults(func=cmd_export)
    p = commands.add_parser(
        "import",
        parents=[common],
        help="post the bank's return file (successes as payments, "
        "failures with the bank's reason) and reconcile it",
    )
    p.add_argument("file", type=Path)
    p.add_argument("--bank", required=True, type=_bank, help="bank code, e.g. ABC")
    p.set_defaults(func=cmd_import)
