"""``counter-admin archive assign|catalogue``: the customer files' archive numbers (用户档案号).
Rules: docs/rules/accounts.md
"""

from __future__ import annotations

import argparse

from counter_app.db.engine import Database

__all__ = ["add_commands"]


def _locality(text: str) -> str:
    value = text.strip().upper()
    if not value or len(value) > 16:
        raise argparse.ArgumentTypeError(
            f"属地 locality: an area code of 1-16 characters, not {text!r}"
        )
    return value


def add_commands(subparsers, common: argparse.ArgumentParser) -> None:
    from counter_app.cli import xlsx_out

    archive = subparsers.add_parser(
        "archive", parents=[common], help="archive numbers of the customer files (档案号)"
    )
    commands = archive.add_subparsers(dest="archive_command", required=True)
    p = commands.add_parser(
        "assign", parents=[common], help="number every account without an archive number"
    )
    p.add_argument(
        "--locality",
        type=_locality,
        default=None,
        help="only the accounts of this area (片区) code",
    )
    p.set_defaults(func=cmd_archive_assign)
    p = commands.add_parser(
        "catalogue", parents=[common], help="the archive catalogue (档案目录台账) as .xlsx"
    )
    p.add_argument("--out", type=xlsx_out, required=True, metavar="FILE.xlsx")
    p.add_argument(
        "--locality",
        type=_locality,
        default=None,
        help="only the accounts of this area (片区) code",
    )
    p.set_defaults(func=cmd_archive_catalogue)


def _refused(exc: Exception):
    from counter_app.cli import CliError
    from counter_app.services.accounts.archive import ArchiveError

    if isinstance(exc, ArchiveError):
        where = "--locality" if exc.field == "locality" else exc.field
        text = f"refused ({exc.code}): {where}: {exc}" if where else f"refused: {exc}"
        return CliError(text, of=exc)
    return CliError(f"refused (not allowed, 无权限): {exc}", of=exc)


def cmd_archive_assign(db: Database, args, out) -> int:
    from counter_app.cli import _workstation
    from counter_app.services.accounts.archive import ArchiveError, ArchiveService

    try:
        result = ArchiveService(db).assign_all(_workstation(), args.locality)
    except (ArchiveError, PermissionError) as exc:
        raise _refused(exc) from None

    def human() -> str:
        if result.assigned == 0:
            return "no account without an archive number: nothing numbered (没有待编号的用户)"
        per = ", ".join(f"{k}: {v}" for k, v in sorted(result.by_locality.items()))
        return (
            f"{result.assigned} accounts numbered (已编号), {result.first} … {result.last} ({per})"
        )

    out.result(
        {
            "assigned": result.assigned,
            "first": result.first,
            "last": result.last,
            "by_locality": result.by_locality,
        },
        human,
    )
    return 0


def cmd_archive_catalogue(db: Database, args, out) -> int:
    from counter_app.cli import CliError, _terminal_progress
    from counter_app.export.archive_catalogue import export_archive_catalogue
    from counter_app.services.accounts.archive import ArchiveError, ArchiveService

    try:
        rows = ArchiveService(db).catalogue(args.locality)
    except (ArchiveError, PermissionError) as exc:
        raise _refused(exc) from None
    try:
        with _terminal_progress(args) as progress:
            done = export_archive_catalogue(
                rows,
                args.out,
                on_progress=None
                if progress is None
                else lambda n: progress("catalogue", n, len(rows)),
            )
    except OSError as exc:
        raise CliError(
            f"--out: cannot write {args.out} (无法写入): {exc.strerror or exc}"
        ) from None
    out.result(
        {"path": str(done.path), "rows": done.rows},
        lambda: f"{done.rows} files in the catalogue (档案目录): {done.path}",
    )
    return 0
