"""counter-admin: database administration for Counter.
Design: docs/architecture.md ("Migrations and installations")
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import importlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy.exc import DBAPIError, OperationalError

from counter_app.cli_embedded import cmd_move_to_server, embedded_database, without_password
from counter_app.db.embedded_server import EmbeddedServerError, release_server
from counter_app.db.engine import Database
from counter_app.db.installation import installation_role
from counter_app.db.migrate import SchemaError, migrate, schema_state
from counter_app.domain.errors import CounterError
from counter_app.settings import ENV_DATABASE_URL, SettingsError, check_database_url


class CliError(CounterError):
    """A refusal to report in one line (``str()``), without a traceback; ``of`` the
    refusal it reports, whose code, field and kind it passes on (else ``invalid``)."""

    def __init__(self, message: str, *, of: BaseException | None = None) -> None:
        if isinstance(of, CounterError):
            super().__init__(of.code, message, field=of.field, kind=of.kind)
        else:
            super().__init__("invalid", message)


def _jsonable(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


class Output:
    def __init__(self, as_json: bool, stream=None):
        self.as_json = as_json
        self.stream = stream or sys.stdout

    def result(self, data: dict, human: Callable[[], str]) -> None:
        if self.as_json:
            print(json.dumps(_jsonable(data), ensure_ascii=False, indent=2), file=self.stream)
        else:
            print(human(), file=self.stream)


def _workstation() -> str:
    """Recorded in the audit as the client says it (the clerk is the login's)."""
    return os.environ.get("HOSTNAME", "cli")


def xlsx_out(text: str) -> Path:
    """An ``--out`` spreadsheet: an .xlsx file (argparse type)."""
    path = Path(text)
    if path.suffix.lower() != ".xlsx":
        raise argparse.ArgumentTypeError(f"--out: an .xlsx file, not {text!r}")
    return path


def xlsx_out_in_a_folder(text: str) -> Path:
    """:func:`xlsx_out` in a folder that exists (for writers that do not make it)."""
    path = xlsx_out(text)
    if not path.parent.exists():
        raise argparse.ArgumentTypeError(f"--out: no folder {path.parent}")
    return path


def _positive(name: str, upper: int | None = None):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{name} must be a whole number, not {text!r}"
            ) from None
        if value < 1 or (upper is not None and value > upper):
            limit = f"between 1 and {upper}" if upper else "at least 1"
            raise argparse.ArgumentTypeError(f"{name} must be {limit}, not {value}")
        return value

    return parse


def _period(text: str):
    from counter_app.domain.periods import Period

    try:
        return Period.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


# ------------------------------------------------------------------- commands


def cmd_migrate(db: Database, args, out: Output) -> int:
    before = schema_state(db.engine)
    after = migrate(db.engine)
    out.result(
        {"database": db.describe(), "from": before.current, "to": after.current},
        lambda: f"{db.describe()}: schema {before.current or '(empty)'} -> {after.current}",
    )
    return 0


def cmd_status(db: Database, args, out: Output) -> int:
    state = schema_state(db.engine)
    with db.engine.connect() as conn:
        role = installation_role(conn.exec_driver_sql("SELECT current_database()").scalar_one())
    out.result(
        {
            "database": db.describe(),
            "current": state.current,
            "head": state.head,
            "up_to_date": state.up_to_date,
            "installation_role": role,
        },
        lambda: (
            f"{db.describe()}: schema {state.current or '(empty)'}, app needs {state.head}; "
            f"installation role {role}"
        ),
    )
    return 0


@contextlib.contextmanager
def _terminal_progress(args):
    """``progress(stage, done, total)`` for a long command: one line on stderr
    redrawn in place, only at a terminal and never under ``--json``; the line
    is cleared at the end."""
    if args.json or not sys.stderr.isatty():
        yield None
        return
    shown = [False]

    def progress(stage: str, done: int, total: int) -> None:
        shown[0] = True
        figures = f"{done}/{total}" if total else str(done)
        print(f"\r\x1b[K{stage}: {figures}", end="", file=sys.stderr, flush=True)

    try:
        yield progress
    finally:
        if shown[0]:
            print("\r\x1b[K", end="", file=sys.stderr, flush=True)


def cmd_seed_demo(db: Database, args, out: Output) -> int:
    from counter_app.demo import DEMO_CLERKS, seed_demo

    migrate(db.engine)

    try:
        with _terminal_progress(args) as progress:
            report = seed_demo(
                db,
                accounts=args.accounts,
                months=args.months,
                seed=args.seed,
                end_period=args.end_period,
                progress=progress,
            )
    except ValueError as exc:
        raise CliError(str(exc), of=exc) from None

    def human() -> str:
        lines = [
            f"seeded {db.describe()}: {report.accounts} accounts, {report.months} months "
            f"to {report.end_period}, seed {report.seed}, {report.elapsed_seconds:.1f} s",
            *(f"  {table}: {count}" for table, count in sorted(report.counts.items())),
        ]
        demo = DEMO_CLERKS[0]
        lines.append(
            "demo clerks have no login role yet; give one a login with: "
            f"counter-admin create-clerk --username {demo.username} "
            f"--display-name {demo.display_name} --role {demo.role} --hall {demo.hall_code}"
        )
        return "\n".join(lines)

    out.result(dataclasses.asdict(report), human)
    return 0


def cmd_bill_period(db: Database, args, out: Output) -> int:
    from counter_app.services.tariffs.billing import bill_period

    with _terminal_progress(args) as progress:
        report = bill_period(db, args.period, progress=progress)
    out.result(
        dataclasses.asdict(report),
        lambda: (
            f"period {report.period}: {report.billed} bills, total {report.total_amount}; "
            f"{report.already_billed} were billed before; {len(report.skipped)} skipped"
            f"; {report.deducted} paid from prepayment (预存扣款) {report.deducted_total}"
            + "".join(f"\n  skipped {s.account_no}: {s.reason}" for s in report.skipped)
        ),
    )
    return 0


def cmd_import_readings(db: Database, args, out: Output) -> int:
    from counter_app.services.imports.readings import ImportFileError, import_readings

    if not args.file.is_file():
        raise CliError(f"file: {args.file} does not exist")
    try:
        with _terminal_progress(args) as progress:
            report = import_readings(db, args.file, dry_run=args.dry_run, progress=progress)
    except ImportFileError as exc:
        raise CliError(f"{args.file.name}: {exc}", of=exc) from None

    def human() -> str:
        lines = [f"line {e.line}, {e.field}: {e.message}" for e in report.errors]
        lines += [f"line {n}, account {a}: flagged {f}" for n, a, f in report.flagged]
        if report.replayed:
            verdict = f"{args.file.name} was imported before: nothing written"
        elif report.errors:
            verdict = f"{report.rows} rows checked, nothing written: {len(report.errors)} rejected"
        else:
            verdict = f"{report.rows} rows checked, {report.written} written"
        return "\n".join([*lines, verdict])

    out.result(dataclasses.asdict(report) | {"ok": report.ok}, human)
    return 0 if report.ok else 1


# --------------------------------------------------------------------- parser


# the commands of each area, in counter_app/cli_<area>.py (add_commands)
COMMAND_AREAS = (
    "installation",
    "archive",
    "golive",
    "tariffs",
    "channels",
    "withholding",
    "dunning",
)


def build_parser() -> argparse.ArgumentParser:
    # the common options go before or after the command; SUPPRESS keeps a
    # subcommand from resetting what was given before it
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database-url",
        default=argparse.SUPPRESS,
        help=f"database URL, postgresql://user@host:port/db "
        f"(default: ${ENV_DATABASE_URL}, else the database on this computer)",
    )
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print results as JSON"
    )
    parser = argparse.ArgumentParser(
        prog="counter-admin", description=__doc__.splitlines()[0], parents=[common]
    )
    subparsers = parser.add_subparsers(dest="command", required=True)

    def sub_parser(name: str, help: str) -> argparse.ArgumentParser:  # noqa: A002
        return subparsers.add_parser(name, help=help, parents=[common])

    p = sub_parser("migrate", "create or upgrade the schema")
    p.set_defaults(func=cmd_migrate)
    p = sub_parser("status", "show the schema revision")
    p.set_defaults(func=cmd_status)

    p = sub_parser("seed-demo", "fill an empty database with a demo utility")
    p.add_argument("--accounts", type=_positive("--accounts", 5_000_000), default=1000)
    p.add_argument("--months", type=_positive("--months", 60), default=12)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--end-period", type=_period, default=None, help="last period YYYY-MM")
    p.set_defaults(func=cmd_seed_demo)

    p = sub_parser("bill-period", "bill the readings of a period (as a batch login)")
    p.add_argument("period", type=_period, help="YYYY-MM")
    p.set_defaults(func=cmd_bill_period)

    p = sub_parser(
        "move-to-server",
        "copy this database (all of it, clerks' logins too) into "
        "a new, empty database on a shared server",
    )
    p.add_argument(
        "--to",
        required=True,
        metavar="URL",
        help="the server's database as its administrator, "
        "postgresql://admin@host:port/counter (password from PGPASSWORD or "
        "~/.pgpass)",
    )
    p.set_defaults(func=cmd_move_to_server)

    p = sub_parser("import-readings", "import meter readings, CSV or XLSX (as a batch login)")
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
    p.set_defaults(func=cmd_import_readings)
    for area in COMMAND_AREAS:  # imported here: they use this module's helpers
        importlib.import_module(f"counter_app.cli_{area}").add_commands(subparsers, common)
    return parser


def _connection_message(exc: BaseException) -> str:
    from counter_app.services.auth import LoginFailure, classify_connect_error

    orig = getattr(exc, "orig", exc)
    if classify_connect_error(exc) is LoginFailure.BAD_CREDENTIALS:
        return f"database refused the login (wrong user or password): {orig}".strip()
    return f"cannot reach the database: {orig}".strip()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # absent when given nowhere (SUPPRESS: see build_parser)
    args.json = getattr(args, "json", False)
    args.database_url = getattr(args, "database_url", None)
    url = args.database_url or os.environ.get(ENV_DATABASE_URL)
    out = Output(args.json)
    server = None
    try:
        if url:
            db = Database.from_url(check_database_url(url))
        else:
            server, db = embedded_database()
    except SettingsError as exc:
        print(
            f"counter-admin: error: --database-url: {exc}".replace("database_url: ", ""),
            file=sys.stderr,
        )
        return 2
    except EmbeddedServerError as exc:
        print(f"counter-admin: error: the database on this computer: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - a malformed URL
        print(
            f"counter-admin: error: --database-url: {without_password(exc, url)}", file=sys.stderr
        )
        return 2
    try:
        return args.func(db, args, out)
    except CliError as exc:
        print(f"counter-admin: error: {exc}", file=sys.stderr)
        return 1
    except SchemaError as exc:
        print(f"counter-admin: error: {exc}", file=sys.stderr)
        return 1
    except CounterError as exc:  # the database's refusal, or a service's not caught above
        where = f"{exc.field}: " if exc.field else ""
        print(f"counter-admin: error: refused ({exc.code}): {where}{exc.message}", file=sys.stderr)
        return 1
    except OperationalError as exc:
        print(f"counter-admin: error: {_connection_message(exc)}", file=sys.stderr)
        return 1
    except DBAPIError as exc:
        print(
            f"counter-admin: error: database refused: {getattr(exc, 'orig', exc)}", file=sys.stderr
        )
        return 1
    finally:
        db.dispose()
        if server is not None:
            release_server(server)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
