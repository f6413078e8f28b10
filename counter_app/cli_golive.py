"""counter-admin commands of going live: the old billing system's accounts
and opening balances (as a batch login; see README, "Going live")."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from counter_app.db.engine import Database


def _report_lines(errors) -> list[str]:
    return [
        f"line {e.line}, {e.column}: {e.message}" if e.line else f"{e.column}: {e.message}"
        for e in errors
    ]


def _checked_file(args) -> Path:
    from counter_app.cli import CliError

    if not args.file.is_file():
        raise CliError(f"file: {args.file} does not exist")
    return args.file


def cmd_import_accounts(db: Database, args, out) -> int:
    from counter_app.cli import CliError
    from counter_app.services.imports.accounts import import_accounts
    from counter_app.services.imports.files import ImportFileError

    path = _checked_file(args)
    try:
        report = import_accounts(db, path, dry_run=args.dry_run)
    except ImportFileError as exc:
        raise CliError(f"{path.name}: {exc}", of=exc) from None
    numbered = _number_new_files(db) if report.ok and not report.dry_run else None

    def human() -> str:
        lines = _report_lines(report.errors)
        if report.replayed:
            lines.append(f"{path.name} was imported before: nothing written (已导入过, 未写入)")
        elif report.errors:
            lines.append(
                f"{report.rows} rows checked, nothing written: "
                f"{len(report.errors)} problem(s) (有错误, 未写入)"
            )
        else:
            verb = "would create" if report.dry_run else "created"
            lines.append(
                f"{report.rows} rows: {verb} {report.accounts} accounts, "
                f"{report.meters} meters, {report.readings} readings; "
                f"{report.skipped} skipped as already present"
                + (" (dry run: nothing written)" if report.dry_run else "")
            )
        if numbered is not None:
            lines.append(_numbered_line(numbered))
        return "\n".join(lines)

    archive = None if numbered is None else dataclasses.asdict(numbered)
    out.result(dataclasses.asdict(report) | {"ok": report.ok, "archive_numbers": archive}, human)
    return 0 if report.ok else 1


def _number_new_files(db: Database):
    """An archive number is generated when an account is opened (属地-年度-序号):
    after an import, the accounts that came without a 档案号 get one, by the
    batch action ``counter_assign_archive_numbers`` (imported numbers are kept;
    a replayed file numbers what an earlier run may have left)."""
    from counter_app.cli import CliError, _workstation
    from counter_app.services.accounts.archive import ArchiveError, ArchiveService

    try:
        return ArchiveService(db).assign_all(_workstation())
    except (ArchiveError, PermissionError) as exc:
        raise CliError(
            f"accounts imported, but archive numbering was refused ({exc}): run "
            "`counter-admin archive assign` (已导入, 档案号未编)"
        ) from None


def _numbered_line(result) -> str:
    if result.assigned == 0:
        return "archive numbers: every account has one (档案号: 无需编号)"
    return (
        f"archive numbers: {result.assigned} accounts numbered (已编档案号), "
        f"{result.first} … {result.last}"
    )


def cmd_import_balances(db: Database, args, out) -> int:
    from counter_app.cli import CliError
    from counter_app.services.imports.balances import import_balances
    from counter_app.services.imports.files import ImportFileError

    path = _checked_file(args)
    try:
        report = import_balances(db, path, dry_run=args.dry_run)
    except ImportFileError as exc:
        raise CliError(f"{path.name}: {exc}", of=exc) from None

    def human() -> str:
        lines = _report_lines(report.errors)
        f, d = report.file_totals, report.database_totals
        lines.append(f"{'':24}{'file 文件':>16}{'database 数据库':>18}")
        for label, a, b in (
            ("opening bills 期初账单", f.bills, d and d.bills),
            ("bills amount 欠费金额", f.bills_amount, d and d.bills_amount),
            ("prepayment 预存余额", f.prepayment, d and d.prepayment),
        ):
            lines.append(f"{label:24}{a!s:>16}{'-' if b is None else str(b):>18}")
        if report.replayed:
            lines.append(f"{path.name} was imported before: nothing written (已导入过, 未写入)")
        elif report.errors:
            lines.append(
                f"{report.rows} rows checked, nothing written: "
                f"{len(report.errors)} problem(s) (有错误, 未写入)"
            )
        elif report.dry_run:
            lines.append(f"{report.rows} rows checked (dry run: nothing written)")
        else:
            lines.append(
                f"{report.rows} rows: {report.bills_written} opening bills, "
                f"{report.prepayments_written} prepayments written; {report.skipped} "
                "skipped as already present; totals "
                + ("agree (一致)" if report.agree else "DO NOT AGREE (不一致)")
            )
        return "\n".join(lines)

    out.result(dataclasses.asdict(report) | {"ok": report.ok, "agree": report.agree}, human)
    return 0 if report.ok else 1


def add_commands(subparsers, common) -> None:
    p = subparsers.add_parser(
        "import-accounts",
        parents=[common],
        help="going live: import the old system's accounts, meters and last readings, CSV or "
        "XLSX (as a batch login)",
    )
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
    p.set_defaults(func=cmd_import_accounts)

    p = subparsers.add_parser(
        "import-balances",
        parents=[common],
        help="going live: carry over unpaid bills and prepayments as opening rows (as a batch "
        "login)",
    )
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
    p.set_defaults(func=cmd_import_balances)
