"""Run Alembic migrations on PostgreSQL as ``counter_owner``.
Design: docs/architecture.md ("Migrations and installations")
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from counter_app.db.installation import adopt_logins, ensure_installation

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

OWNER_ROLE = "counter_owner"
GROUP_ROLES = ("counter_clerk", "counter_supervisor", "counter_admin")
BATCH_ROLE = "counter_batch"  # billing and imports: EXECUTE on the batch actions only
# the administrators who run migrate: EXECUTE on the set-up actions (a hall,
# a clerk's row) of a new installation, no table and no owner rights
DBA_ROLE = "counter_dba"
EXTENSIONS = ("pg_trgm",)


class SchemaError(RuntimeError):
    """The database schema cannot be used by this version of the app."""


class SchemaTooNewError(SchemaError):
    reason = "newer_version"  # as the embedded server's refusals say it (login window)
    path = None

    def __init__(self, current: str):
        super().__init__(
            f"database schema revision {current} is newer than this app knows; "
            "install the newer Counter version instead of migrating"
        )
        self.current = current


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


def _config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@functools.cache
def _known_revisions() -> tuple[str, frozenset[str]]:
    """The head and every revision of this build's migrations (read once:
    the files do not change while the app runs)."""
    script = ScriptDirectory.from_config(_config())
    head = script.get_current_head()
    assert head is not None
    return head, frozenset(rev.revision for rev in script.walk_revisions())


def head_revision() -> str:
    return _known_revisions()[0]


def revision_state(current: str | None) -> SchemaState:
    """The state of a database at ``current`` (read by the caller, e.g. from
    ``counter_whoami()``); raises SchemaTooNewError for a revision this build
    does not know."""
    head, known = _known_revisions()
    if current is not None and current not in known:
        raise SchemaTooNewError(current)
    return SchemaState(current=current, head=head)


def schema_state(engine: Engine) -> SchemaState:
    """Where the database is; raises SchemaTooNewError for an unknown revision."""
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    return revision_state(current)


def _prepare_postgres(conn: Connection) -> str:
    """Roles and extensions need more rights than the owner role has."""
    existing = set(
        conn.execute(
            text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"),
            {"names": [OWNER_ROLE, *GROUP_ROLES, BATCH_ROLE, DBA_ROLE]},
        ).scalars()
    )
    for role in (OWNER_ROLE, *GROUP_ROLES, BATCH_ROLE, DBA_ROLE):
        if role not in existing:
            conn.execute(text(f"CREATE ROLE {role} NOLOGIN"))
    # supervisors can do what clerks can; admins what supervisors can.
    conn.execute(text("GRANT counter_clerk TO counter_supervisor"))
    conn.execute(text("GRANT counter_supervisor TO counter_admin"))
    for ext in EXTENSIONS:
        conn.execute(text(f"CREATE EXTENSION IF NOT EXISTS {ext} WITH SCHEMA public"))
    conn.execute(text(f"GRANT USAGE, CREATE ON SCHEMA public TO {OWNER_ROLE}"))
    return ensure_installation(conn.connection.driver_connection.cursor())


def _is_superuser(conn: Connection) -> bool:
    return bool(
        conn.execute(
            text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        ).scalar_one()
    )


def _revoke_owner(conn: Connection) -> None:
    """No standing membership of the owner role for the administrator."""
    if _is_superuser(conn):
        return  # a superuser is every role anyway; nothing to revoke
    member = conn.execute(
        text(
            "SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid "
            "JOIN pg_roles u ON u.oid = m.member WHERE r.rolname = :owner "
            "AND u.rolname = current_user"
        ),
        {"owner": OWNER_ROLE},
    ).first()
    if member is not None:
        conn.execute(text(f"REVOKE {OWNER_ROLE} FROM CURRENT_USER"))


def migrate(engine: Engine, revision: str = "head") -> SchemaState:
    """Bring the schema to ``revision``; refuses a database newer than the app."""
    before = schema_state(engine)
    if before.current == before.head and revision == "head":
        return before
    done = False
    try:
        with engine.begin() as conn:
            installation = _prepare_postgres(conn)
            if not _is_superuser(conn):
                conn.execute(text(f"GRANT {DBA_ROLE} TO CURRENT_USER"))
                # for this transaction only: revoked below, before the commit
                conn.execute(text(f"GRANT {OWNER_ROLE} TO CURRENT_USER"))
            conn.execute(text(f"SET LOCAL ROLE {OWNER_ROLE}"))
            command.upgrade(_config(conn), revision)
            conn.execute(text("RESET ROLE"))
            if _has_table(conn, "clerks"):
                adopt_logins(conn.connection.driver_connection.cursor(), installation)
            _revoke_owner(conn)
        done = True
    finally:
        if not done:
            # the failed transaction rolled its grant back; an older one may remain
            with engine.begin() as conn:
                _revoke_owner(conn)
    return schema_state(engine)


def _has_table(conn: Connection, name: str) -> bool:
    return conn.execute(text("SELECT to_regclass(:n) IS NOT NULL"), {"n": name}).scalar_one()


def run_sql_file(conn: Connection, path: Path) -> None:
    """A migration's SQL file (several statements, function bodies in $$),
    sent as one simple query on the migration's own transaction."""
    conn.connection.driver_connection.execute(path.read_text(encoding="utf-8"))


def frozen_function(path: Path, name: str) -> str:
    """Function ``name`` as the migration SQL file ``path`` created it, as a
    ``CREATE OR REPLACE`` (a downgrade writes back the body it replaced)."""
    sql = path.read_text(encoding="utf-8")
    sql = sql.replace(f"CREATE OR REPLACE FUNCTION {name}(", f"CREATE FUNCTION {name}(")
    start = sql.index(f"CREATE FUNCTION {name}(")
    end = sql.index("$$;", sql.index("AS $$", start) + 5) + 3
    return sql[start:end].replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)


def require_current_schema(engine: Engine) -> SchemaState:
    """For the app at login: the schema must be exactly what this build expects."""
    return require_current_revision(schema_state(engine).current)


def require_current_revision(current: str | None) -> SchemaState:
    """:func:`require_current_schema` for a revision already read (the
    sign-in's ``counter_whoami()``): the same errors and messages."""
    state = revision_state(current)
    if state.current is None:
        raise SchemaError("the database has no Counter schema; run `counter-admin migrate`")
    if not state.up_to_date:
        raise SchemaError(
            f"the database schema is at {state.current}, this app needs {state.head}; "
            "run `counter-admin migrate`"
        )
    return state


@contextmanager
def owner_rights(cur) -> Iterator[None]:
    """The owner's rights for a DBA's maintenance step (``cur``: a psycopg
    cursor in the caller's transaction): the membership is granted and
    revoked inside that transaction, so no other session ever sees it (a
    failed transaction rolls the grant back). A superuser needs none."""
    cur.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    if cur.fetchone()[0]:
        yield
        return
    cur.execute(f"GRANT {OWNER_ROLE} TO CURRENT_USER")
    cur.execute(f"SET LOCAL ROLE {OWNER_ROLE}")
    ok = False
    try:
        yield
        ok = True
    finally:
        if ok:
            cur.execute("RESET ROLE")
            cur.execute(f"REVOKE {OWNER_ROLE} FROM CURRENT_USER")
