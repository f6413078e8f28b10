"""``counter-admin tariffs …``: schedules (水价方案), fee components, price categories.
Run as an admin clerk's login or the DBA. Rules: docs/rules/billing.md
"""

from __future__ import annotations

import argparse
from pathlib import Path

from counter_app.db.engine import Database

TIER_BASIS_NAMES = {"annual": "annual (年度累计)", "period": "per read period (按抄表周期)"}


def add_commands(subparsers, common: argparse.ArgumentParser) -> None:
    tariffs = subparsers.add_parser(
        "tariffs", parents=[common], help="price schedules, fee components, price categories"
    )
    sub = tariffs.add_subparsers(dest="tariffs_command", required=True)

    p = sub.add_parser("list", parents=[common], help="every schedule with its 文号 and dates")
    p.add_argument("--category", default=None, help="only this price category, e.g. RES")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", parents=[common], help="one schedule's tiers and prices")
    p.add_argument("code")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser(
        "add", parents=[common], help="add a schedule from a JSON file (see README: tariffs)"
    )
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("component", parents=[common], help="add or rename a fee component")
    p.add_argument("code", help="e.g. resource_tax")
    p.add_argument("name", help="its name on bills, e.g. 水资源税")
    p.add_argument("--no-relief", action="store_true", help="no relief applies to it")
    p.add_argument("--order", type=int, default=50, help="place on a bill (default 50)")
    p.set_defaults(func=cmd_component)

    p = sub.add_parser("category", parents=[common], help="add or rename a price category")
    p.add_argument("code", help="e.g. GAS")
    p.add_argument("name", help="e.g. 居民用气")
    p.set_defaults(func=cmd_category)


def _cli():
    from counter_app import cli  # the shared Output and errors (cli imports this module)

    return cli


def _fail(exc) -> Exception:
    return _cli().CliError(str(exc), of=exc)


def _dates(s) -> str:
    return (
        f"{s.effective_from.isoformat()} – {s.effective_to.isoformat() if s.effective_to else '…'}"
    )


def _tiers_text(tiers) -> str:
    return " / ".join("∞" if t is None else str(t) for t in tiers)


def cmd_list(db: Database, args, out) -> int:
    from counter_app.services.tariffs.admin import TariffAdminService

    cat = TariffAdminService(db).catalog()
    schedules = [s for s in cat.schedules if args.category in (None, s.category)]

    def human() -> str:
        if not schedules:
            return "no schedule"
        lines = []
        for s in schedules:
            used = f"billed to {s.last_billed.isoformat()}" if s.last_billed else "not billed"
            lines.append(
                f"{s.category:<8} {s.code:<16} {_dates(s):<25} {s.doc_no or '-'}  "
                f"tiers {_tiers_text(s.tiers)}  {used}"
            )
        return "\n".join(lines)

    out.result(
        {"categories": cat.categories, "components": list(cat.components), "schedules": schedules},
        human,
    )
    return 0


def cmd_show(db: Database, args, out) -> int:
    from counter_app.services.tariffs.admin import TariffAdminService

    cat = TariffAdminService(db).catalog()
    s = cat.find(args.code)
    if s is None:
        raise _cli().CliError(f"no schedule {args.code}")

    def human() -> str:
        lines = [
            f"{s.code}  {s.name}",
            f"category   {s.category} {cat.categories.get(s.category, '')}",
            f"文号        {s.doc_no or '-'}",
            f"in force   {_dates(s)}",
            f"tiers      {_tiers_text(s.tiers)} m³, {TIER_BASIS_NAMES[s.tier_basis]}"
            + (", × households of a collective account" if s.households_scaling else ""),
        ]
        for component, prices in s.rates.items():
            text = " / ".join(str(p) for p in prices)
            lines.append(f"  {s.labels.get(component, component)} ({component}): {text} 元/m³")
        lines.append(
            f"billed to  {s.last_billed.isoformat()}" if s.last_billed else "not billed yet"
        )
        return "\n".join(lines)

    out.result({"schedule": s, "category_name": cat.categories.get(s.category, "")}, human)
    return 0


def cmd_add(db: Database, args, out) -> int:
    from counter_app.services.tariffs.admin import (
        TariffAdminService,
        TariffError,
        load_draft,
    )

    try:
        text = args.file.read_text(encoding="utf-8")
    except OSError as exc:
        raise _cli().CliError(f"{args.file}: {exc.strerror or exc}") from None
    try:
        saved = TariffAdminService(db).save_tariff(
            load_draft(text), workstation=_cli()._workstation()
        )
    except TariffError as exc:
        raise _cli().CliError(f"{args.file}: {exc}") from None
    s = saved.schedule

    def human() -> str:
        text = f"schedule {s.code} ({s.doc_no}) saved, in force {_dates(s)}"
        if saved.ended_code:
            text += f"; {saved.ended_code} now ends on {saved.ended_on.isoformat()}"
        return text

    out.result({"schedule": s, "ended": saved.ended_code, "ended_on": saved.ended_on}, human)
    return 0


def cmd_component(db: Database, args, out) -> int:
    from counter_app.services.tariffs.admin import TariffAdminService, TariffError

    try:
        c = TariffAdminService(db).save_fee_component(
            args.code,
            args.name,
            relief_applies=not args.no_relief,
            sort_order=args.order,
            workstation=_cli()._workstation(),
        )
    except TariffError as exc:
        raise _fail(exc) from None
    out.result({"component": c}, lambda: f"fee component {c.code}: {c.name}")
    return 0


def cmd_category(db: Database, args, out) -> int:
    from counter_app.services.tariffs.admin import TariffAdminService, TariffError

    try:
        code, name = TariffAdminService(db).save_price_category(
            args.code, args.name, workstation=_cli()._workstation()
        )
    except TariffError as exc:
        raise _fail(exc) from None
    out.result({"code": code, "name": name}, lambda: f"price category {code}: {name}")
    return 0
