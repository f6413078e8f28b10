"""counter-admin commands for the money that does not pass the counter:
``online import`` (a platform's daily statement, as a batch login),
``suspense list|resolve`` (a supervisor), ``channel-setting`` (an admin)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from counter_app.domain import localtime


def _cli():
    from counter_app import cli

    return cli


def cmd_online_import(db, args, out) -> int:
    from counter_app.services.channels.online import ImportFileError, import_online

    cli = _cli()
    if not args.file.is_file():
        raise cli.CliError(f"file: {args.file} does not exist")
    try:
        report = import_online(db, args.file, args.platform, dry_run=args.dry_run)
    except ImportFileError as exc:
        raise cli.CliError(f"{args.file.name}: {exc}") from None
    if report.errors:
        lines = "".join(f"\n  line {e.line} {e.field}: {e.message}" for e in report.errors)
        raise cli.CliError(f"{args.file.name}: nothing posted (文件有误，未入账):{lines}")

    def human() -> str:
        if args.dry_run:
            return (
                f"{report.file_name}: {report.orders} orders, {report.amount}: "
                "checked, nothing posted (--dry-run)"
            )
        if report.file_replayed:
            return (
                f"{report.file_name}: imported before ({report.orders} orders, "
                f"{report.amount}); nothing new posted (已导入)"
            )
        check = "reconciled to the cent" if report.reconciled else "DOES NOT RECONCILE"
        return (
            f"{report.file_name} ({report.platform}): {report.orders} orders, {report.amount}"
            f"\n  posted    {report.posted:>6}  {report.posted_amount:>12}"
            f"  (to bills {report.to_bills}, to prepayment {report.to_prepayment})"
            f"\n  replayed  {report.replayed:>6}  {report.replayed_amount:>12}"
            f"\n  suspense  {report.suspended:>6}  {report.suspended_amount:>12}"
            f"\n  file total {report.file_total}: {check} (与文件合计核对)"
        )

    out.result(dict(report.__dict__, reconciled=report.reconciled), human)
    return 0 if report.reconciled else 1


def cmd_suspense_list(db, args, out) -> int:
    from counter_app.services.channels.service import ChannelService

    found = ChannelService(db).suspense_list(args.status)
    out.result(
        found,
        lambda: "\n".join(
            [f"{found.open_count} open, {found.open_amount} (挂账)"]
            + [
                f"  #{r.id} {r.ref} {r.account_no} {r.amount} {r.reason}"
                + ("" if r.is_open else f" -> {r.resolution['action']}")
                for r in found.rows
            ]
        ),
    )
    return 0


def cmd_suspense_resolve(db, args, out) -> int:
    from counter_app.services.actions import ActionError
    from counter_app.services.channels.service import ChannelService

    cli = _cli()
    try:
        row = ChannelService(db).resolve_suspense(
            args.id,
            args.action,
            args.reason,
            account_no=args.account_no or "",
            workstation=cli._workstation(),
        )
    except (ValueError, ActionError) as exc:
        raise cli.CliError(str(exc), of=exc) from None
    out.result(
        row,
        lambda: (
            f"suspense #{row.id} {row.ref}: {row.resolution['action']}"
            + (f", receipt {row.resolution['receipt']}" if row.resolution.get("receipt") else "")
        ),
    )
    return 0


def cmd_channel_report(db, args, out) -> int:
    from counter_app.services.channels.service import ChannelService

    day = ChannelService(db).channel_day(args.day)

    def human() -> str:
        lines = [f"channel money of {args.day} (渠道收款，不入柜台日结):"]
        for c in day["channels"]:
            lines.append(
                f"  {c['channel']:<12}{c['tender']:<11}{c['payments']:>6}"
                f"{c['amount']:>14}  to bills {c['to_bills']}, to prepayment "
                f"{c['to_prepayment']}, receipts {c['first_receipt']}-"
                f"{c['last_receipt']}"
            )
        rev, sus = day["reversed"], day["suspense"]
        lines.append(f"  reversed {rev['count']}, {rev['amount']}")
        lines.append(
            f"  suspense received {sus['received']}, {sus['received_amount']}; "
            f"open {sus['open']}, {sus['open_amount']}"
        )
        return "\n".join(lines)

    out.result(day, human)
    return 0


def cmd_account_deduction(db, args, out) -> int:
    from counter_app.services.actions import ActionError
    from counter_app.services.channels.service import ChannelService
    from counter_app.services.payments.receipt_facts import AccountNotFoundError
    from counter_app.services.payments.service import PaymentService

    cli = _cli()
    try:
        account = PaymentService(db).account_for_payment(account_no=args.account_no)
        done = ChannelService(db).set_account_deduction(
            account.account_id, args.state == "on", args.reason, workstation=cli._workstation()
        )
    except AccountNotFoundError:
        raise cli.CliError(f"account-no: no account {args.account_no}") from None
    except ActionError as exc:
        raise cli.CliError(str(exc), of=exc) from None
    out.result(
        done,
        lambda: (
            f"{args.account_no}: prepayment deduction {args.state}"
            + (
                ""
                if done["effective"] == (args.state == "on")
                else " (but off for the whole utility)"
            )
        ),
    )
    return 0


def cmd_channel_setting(db, args, out) -> int:
    from counter_app.services.actions import ActionError
    from counter_app.services.channels.service import ChannelService

    cli = _cli()
    try:
        done = ChannelService(db).set_channel_setting(
            args.key, args.value, workstation=cli._workstation()
        )
    except ActionError as exc:
        raise cli.CliError(str(exc), of=exc) from None
    out.result(done, lambda: f"{done['key']} = {done['value']}")
    return 0


def add_commands(subparsers, common: argparse.ArgumentParser) -> None:
    def sub_parser(parent, name: str, help: str) -> argparse.ArgumentParser:  # noqa: A002
        return parent.add_parser(name, help=help, parents=[common])

    online = sub_parser(subparsers, "online", "online payments (WeChat, Alipay, bank app)")
    online_sub = online.add_subparsers(dest="online_command", required=True)
    p = sub_parser(online_sub, "import", "post a platform's daily statement (as a batch login)")
    p.add_argument("file", type=Path)
    p.add_argument("--platform", required=True, choices=("wechat", "alipay", "bank"))
    p.add_argument("--dry-run", action="store_true", help="check every line, post nothing")
    p.set_defaults(func=cmd_online_import)

    suspense = sub_parser(subparsers, "suspense", "channel money held in suspense (挂账)")
    suspense_sub = suspense.add_subparsers(dest="suspense_command", required=True)
    p = sub_parser(suspense_sub, "list", "the suspense list (a supervisor)")
    p.add_argument("--status", choices=("open", "resolved", "all"), default="open")
    p.set_defaults(func=cmd_suspense_list)
    p = sub_parser(suspense_sub, "resolve", "resolve one held order (a supervisor)")
    p.add_argument("id", type=int)
    p.add_argument("--action", required=True, choices=("to_prepayment", "to_account", "refunded"))
    p.add_argument("--account-no", default="", help="for to_account: the account to post to")
    p.add_argument("--reason", required=True)
    p.set_defaults(func=cmd_suspense_resolve)

    p = sub_parser(subparsers, "channel-report", "channel money of one day (a supervisor)")
    p.add_argument(
        "--day",
        type=date.fromisoformat,
        default=localtime.today(),
        help="YYYY-MM-DD (default: today)",
    )
    p.set_defaults(func=cmd_channel_report)

    p = sub_parser(
        subparsers,
        "account-deduction",
        "prepayment deduction (预存扣款) on or off for one account (a supervisor)",
    )
    p.add_argument("state", choices=("on", "off"))
    p.add_argument("--account-no", required=True)
    p.add_argument("--reason", required=True)
    p.set_defaults(func=cmd_account_deduction)

    p = sub_parser(subparsers, "channel-setting", "a utility-wide channel setting (an admin)")
    p.add_argument("key", choices=("prepayment_deduction", "online_overpay"))
    p.add_argument(
        "value", help="prepayment_deduction: on|off; online_overpay: suspense|prepayment"
    )
    p.set_defaults(func=cmd_channel_setting)
