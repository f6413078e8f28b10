"""counter-admin and the database on this computer: opening the embedded
server for a command, and moving its database to a shared server."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from counter_app.db.embedded_server import (
    EmbeddedServer,
    release_server,
    start_server,
)
from counter_app.db.engine import Database
from counter_app.db.migrate import migrate
from counter_app.settings import SettingsError, check_database_url

if TYPE_CHECKING:
    from counter_app.cli import Output


def embedded_database() -> tuple[EmbeddedServer, Database]:
    """The embedded server of this user, its database created if missing."""
    from counter_app.services.installation.embedded import create_database
    from counter_app.settings import embedded_data_dir

    server = start_server(embedded_data_dir())
    try:
        create_database(server)
        return server, Database.from_url(server.admin_url())
    except BaseException:
        release_server(server)
        raise


def without_password(exc: BaseException, url: str | None) -> str:
    """An error about a URL, never echoing a password that was in it."""
    message = str(exc)
    try:
        from sqlalchemy.engine import make_url

        password = make_url(url or "").password
    except Exception:  # noqa: BLE001 - unparsable: hide everything after the scheme
        return "not a database URL"
    return message.replace(str(password), "***") if password else message


def cmd_move_to_server(db: Database, args, out: Output) -> int:
    from sqlalchemy.engine import URL, make_url

    from counter_app.cli import CliError
    from counter_app.services.installation.move import MoveError, move_database

    try:
        url = check_database_url(args.to)
    except SettingsError as exc:
        raise CliError(f"--to: {str(exc).replace('database_url: ', '')}", of=exc) from None
    if make_url(url).password is not None:
        raise CliError("--to: no password in the URL; libpq takes it from PGPASSWORD or ~/.pgpass")
    target = Database.from_url(url)
    try:
        migrate(target.engine)
        try:
            report = move_database(db, target)
        except MoveError as exc:
            raise CliError(f"nothing moved: {exc}", of=exc) from None
    finally:
        target.dispose()
    parsed = make_url(url)
    workstation_url = URL.create(
        "postgresql",
        host=parsed.host,
        port=parsed.port,
        database=parsed.database,
        query=parsed.query,
    ).render_as_string(hide_password=False)

    def human() -> str:
        lines = [
            f"moved {db.describe()} to {target.describe()}:",
            *(f"  {table}: {count}" for table, count in report.rows.items() if count),
        ]
        lines += [f"  {name} total: {amount}" for name, amount in report.money.items()]
        if report.roles_created:
            lines.append(
                f"clerk logins created (same passwords): {', '.join(report.roles_created)}"
            )
        if report.roles_kept:
            lines.append(
                f"logins that existed on the server, kept as they are: "
                f"{', '.join(report.roles_kept)}"
            )
        lines.append(f"point every workstation at {workstation_url} (设置 -> 数据库地址)")
        return "\n".join(lines)

    out.result(dataclasses.asdict(report) | {"workstation_url": workstation_url}, human)
    return 0
