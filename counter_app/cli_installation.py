"""``counter-admin create-hall``, ``create-clerk``, ``create-batch-login``, ``set-reversal-policy``.
Setting up an installation's halls, logins and reversal rule, as the DBA or an admin clerk.
Design: docs/architecture.md ("Migrations and installations")
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import sys
from typing import TYPE_CHECKING

from counter_app.db.engine import Database

if TYPE_CHECKING:
    from counter_app.cli import Output


def _read_password(args) -> str | None:
    from counter_app.cli import CliError

    if args.password_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise CliError("password: nothing on standard input")
        return line
    if args.no_password:
        return None
    if not sys.stdin.isatty():
        raise CliError("password: use --password-stdin when not at a terminal")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Again: "):
        raise CliError("password: the two entries differ")
    return first


def cmd_create_hall(db: Database, args, out: Output) -> int:
    from counter_app.cli import CliError, _workstation
    from counter_app.services.installation.halls import HallError, create_hall

    try:
        hall = create_hall(
            db,
            code=args.code,
            name=args.name,
            address=args.address,
            receipt_prefix=args.receipt_prefix,
            workstation=_workstation(),
        )
    except HallError as exc:
        raise CliError(str(exc), of=exc) from None
    out.result(
        dataclasses.asdict(hall),
        lambda: (
            f"hall {hall.code} ({hall.name}) ready; receipts numbered "
            f"{hall.receipt_prefix}00000001 on"
        ),
    )
    return 0


def cmd_set_reversal_policy(db: Database, args, out: Output) -> int:
    from counter_app.cli import _workstation
    from counter_app.domain.reversal_policy import ReversalPolicy, ReversalScope
    from counter_app.services.audit import Actor
    from counter_app.services.auth import ClerkIdentity
    from counter_app.services.payments.reversal_policy import set_reversal_policy

    administrator = ClerkIdentity(0, "counter-admin", "counter-admin", "admin", "")
    policy = set_reversal_policy(
        db,
        ReversalPolicy(ReversalScope(args.scope), args.warn_after_days),
        administrator,
        Actor("counter-admin", _workstation()),
    )
    out.result(
        {"scope": policy.scope.value, "warn_after_days": policy.warn_after_days},
        lambda: (
            f"reversals: {policy.scope.value.replace('_', ' ')}; the supervisor is warned "
            f"from {policy.warn_after_days} day(s) after the payment"
        ),
    )
    return 0


def cmd_create_clerk(db: Database, args, out: Output) -> int:
    from counter_app.cli import CliError, _workstation
    from counter_app.services.installation.clerks import ClerkError, create_clerk

    password = _read_password(args)
    try:
        clerk = create_clerk(
            db,
            username=args.username,
            display_name=args.display_name,
            role=args.role,
            hall_code=args.hall,
            password=password,
            workstation=_workstation(),
        )
    except ClerkError as exc:
        raise CliError(str(exc), of=exc) from None
    out.result(
        dataclasses.asdict(clerk),
        lambda: (
            f"clerk {clerk.username} ({clerk.display_name}, {clerk.role}, hall {clerk.hall_code}) ready"
        ),
    )
    return 0


def cmd_create_batch_login(db: Database, args, out: Output) -> int:
    from counter_app.cli import CliError
    from counter_app.services.installation.batch import create_batch_login
    from counter_app.services.installation.clerks import ClerkError

    password = _read_password(args)
    try:
        name = create_batch_login(db, args.username, password)
    except ClerkError as exc:
        raise CliError(str(exc), of=exc) from None
    out.result(
        {"username": name, "group": "counter_batch"},
        lambda: f"batch login {name} ready: run bill-period and import-readings as it",
    )
    return 0


def add_commands(subparsers, common: argparse.ArgumentParser) -> None:
    from counter_app.cli import _positive

    def sub_parser(name: str, help: str) -> argparse.ArgumentParser:  # noqa: A002
        return subparsers.add_parser(name, help=help, parents=[common])

    p = sub_parser("create-hall", "create a service hall and its receipt series")
    p.add_argument("--code", required=True, help="hall code, e.g. HQ (also the receipt series)")
    p.add_argument("--name", required=True, help="e.g. 嘉祥营业厅")
    p.add_argument("--address", default="")
    p.add_argument("--receipt-prefix", default="", help="printed before receipt numbers, e.g. JX")
    p.set_defaults(func=cmd_create_hall)

    p = sub_parser("create-clerk", "create a clerk (a login role on PostgreSQL)")
    p.add_argument("--username", required=True)
    p.add_argument("--display-name", required=True)
    p.add_argument("--role", choices=("clerk", "supervisor", "admin"), default="clerk")
    p.add_argument("--hall", default="HQ", help="hall code")
    pw = p.add_mutually_exclusive_group()
    pw.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    pw.add_argument("--no-password", action="store_true", help="keep an existing role's password")
    p.set_defaults(func=cmd_create_clerk)

    p = sub_parser("set-reversal-policy", "how old a payment may be reversed (冲正)")
    p.add_argument(
        "--scope",
        required=True,
        choices=("same_day", "any_time"),
        help="same_day: payments taken today only; any_time: any, with a reason",
    )
    p.add_argument(
        "--warn-after-days",
        type=_positive("--warn-after-days", 3660),
        default=1,
        help="warn the supervisor from this many days after the payment (default 1)",
    )
    p.set_defaults(func=cmd_set_reversal_policy)

    p = sub_parser(
        "create-batch-login",
        "create a login for billing and imports (a login role in counter_batch)",
    )
    p.add_argument("--username", required=True)
    pw = p.add_mutually_exclusive_group()
    pw.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    pw.add_argument("--no-password", action="store_true", help="keep an existing role's password")
    p.set_defaults(func=cmd_create_batch_login)
