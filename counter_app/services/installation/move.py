"""Growing from one PC to a hall: the embedded database moves to a server.
Design: docs/architecture.md ("Migrations and installations")
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from psycopg import sql

from counter_app.db.engine import Database, driver_connection
from counter_app.db.installation import ensure_installation, other_installations
from counter_app.db.migrate import GROUP_ROLES, owner_rights, schema_state
from counter_app.db.models import Base
from counter_app.domain.errors import CounterError

log = logging.getLogger(__name__)

# what must agree to the cent between the two databases
MONEY_CHECKS = {
    "bills": "SELECT coalesce(sum(amount), 0) FROM bills",
    "payments": "SELECT coalesce(sum(amount), 0) FROM payments",
    "allocations": "SELECT coalesce(sum(amount), 0) FROM allocations",
    "prepayment": "SELECT coalesce(sum(amount), 0) FROM prepayment_ledger",
}
Progress = Callable[[str, int, int], None]


class MoveError(CounterError, RuntimeError):
    """The move was refused or did not check out; nothing was written."""

    def __init__(self, message: str, code: str = "move"):
        super().__init__(code, message)


@dataclass(frozen=True)
class MoveReport:
    rows: dict[str, int]
    money: dict[str, Decimal]
    roles_created: tuple[str, ...]
    roles_kept: tuple[str, ...]
    skipped_tables: tuple[str, ...] = field(default=())


def move_database(
    source: Database, target: Database, *, progress: Progress | None = None
) -> MoveReport:
    """Copy ``source`` (read as a superuser: the clerks' verifiers) into
    ``target`` (migrated to the same revision, holding no accounts; its
    administrator needs CREATEROLE)."""
    report = progress or (lambda stage, done, total: None)
    _check_schemas(source, target)
    tables = [t.name for t in Base.metadata.sorted_tables]
    src = source.engine.raw_connection()
    dst = target.engine.raw_connection()
    try:
        s, d = driver_connection(src), driver_connection(dst)
        # the tables are the owner's: its rights for this transaction only
        # (db/migrate.owner_rights), the login roles are the DBA's own
        with owner_rights(d.cursor()):
            _refuse_filled(d)
        s.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")  # one snapshot
        created, kept = _copy_roles(s, d)
        with owner_rights(d.cursor()):
            for name in reversed(tables):  # what the migrations put in (defaults)
                d.execute(sql.SQL("DELETE FROM {}").format(sql.Identifier(name)))
            rows: dict[str, int] = {}
            for done, name in enumerate(tables):
                report("tables", done, len(tables))
                rows[name] = _copy_table(s, d, name)
            report("tables", len(tables), len(tables))
            for name in tables:
                _set_sequences(d, name)
            money = _compare(s, d, rows)
        d.commit()
        s.rollback()
        log.info("moved %d tables, %d rows", len(rows), sum(rows.values()))
        return MoveReport(rows, money, created, kept)
    except BaseException:
        dst.rollback()
        raise
    finally:
        src.close()
        dst.close()


def _check_schemas(source: Database, target: Database) -> None:
    theirs, ours = schema_state(target.engine), schema_state(source.engine)
    if ours.current != theirs.current:
        raise MoveError(
            f"the server's schema is at {theirs.current}, this computer's at {ours.current}: "
            "run counter-admin migrate on the server with the same Counter version first"
        )


def _refuse_filled(d) -> None:
    for table in ("accounts", "payments", "clerks"):
        if d.execute(sql.SQL("SELECT 1 FROM {} LIMIT 1").format(sql.Identifier(table))).fetchone():
            raise MoveError(
                f"the server's database already has {table}: move into a new, empty database only"
            )


def _columns(conn, table: str) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = 'public' AND table_name = %s AND is_generated = 'NEVER' "
            "ORDER BY ordinal_position",
            (table,),
        )
    ]


def _copy_table(s, d, table: str) -> int:
    columns = sql.SQL(", ").join(sql.Identifier(c) for c in _columns(s, table))
    ident = sql.Identifier(table)
    count = 0
    with (
        s.cursor().copy(
            sql.SQL("COPY (SELECT {} FROM {}) TO STDOUT").format(columns, ident)
        ) as out,
        d.cursor().copy(sql.SQL("COPY {} ({}) FROM STDIN").format(ident, columns)) as into,
    ):
        for block in out:
            into.write(block)
    count = d.execute(sql.SQL("SELECT count(*) FROM {}").format(ident)).fetchone()[0]
    return count


def _set_sequences(d, table: str) -> None:
    for (column,) in d.execute(
        "SELECT a.attname FROM pg_attribute a WHERE a.attrelid = %s::regclass "
        "AND a.attnum > 0 AND NOT a.attisdropped "
        "AND pg_get_serial_sequence(%s, a.attname) IS NOT NULL",
        (table, table),
    ).fetchall():
        d.execute(
            sql.SQL(
                "SELECT setval(pg_get_serial_sequence({t}, {c}), "
                "coalesce(max({col}), 0) + 1, false) FROM {tbl}"
            ).format(
                t=sql.Literal(table),
                c=sql.Literal(column),
                col=sql.Identifier(column),
                tbl=sql.Identifier(table),
            )
        )


def _compare(s, d, rows: dict[str, int]) -> dict[str, Decimal]:
    for table, count in rows.items():
        theirs = s.execute(
            sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
        ).fetchone()[0]
        if theirs != count:
            raise MoveError(f"{table}: {theirs} rows here, {count} on the server")
    money = {}
    for name, query in MONEY_CHECKS.items():
        here, there = s.execute(query).fetchone()[0], d.execute(query).fetchone()[0]
        if here != there:
            raise MoveError(f"{name}: {here} here, {there} on the server")
        money[name] = Decimal(here)
    return money


def _copy_roles(s, d) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Each clerk's login role on the server, with the verifier of the
    password it has here (the password itself is never known)."""
    clerks = s.execute(
        "SELECT c.username, c.role, a.rolpassword FROM clerks c "
        "JOIN pg_authid a ON a.rolname = c.username ORDER BY c.username"
    ).fetchall()
    created, kept = [], []
    cur = d.cursor()
    installation = ensure_installation(cur)
    for username, role, verifier in clerks:
        ident = sql.Identifier(username)
        if d.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (username,)).fetchone():
            others = other_installations(cur, username, installation)
            if others:
                raise MoveError(
                    f"clerk {username} is a login of another Counter database on "
                    f"the server ({', '.join(others)}); rename the clerk first"
                )
            d.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(installation), ident))
            kept.append(username)
            continue
        if verifier is None or not verifier.startswith("SCRAM-SHA-256$"):
            raise MoveError(
                f"clerk {username} has no SCRAM password here; set one first "
                "(counter-admin create-clerk ... on this computer)"
            )
        d.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(ident, sql.Literal(verifier)))
        group = f"counter_{role}"
        if group not in GROUP_ROLES:
            raise MoveError(f"clerk {username} has an unknown role {role}")
        d.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), ident))
        d.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(installation), ident))
        created.append(username)
    return tuple(created), tuple(kept)
