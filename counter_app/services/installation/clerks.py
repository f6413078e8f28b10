"""Clerk accounts: each clerk is a PostgreSQL login role in one group role.
Design: docs/architecture.md ("Migrations and installations")
"""

from __future__ import annotations

import re

from psycopg import sql
from sqlalchemy import text

from counter_app.db.engine import Database, driver_connection
from counter_app.db.installation import counter_groups_of, ensure_installation, other_installations
from counter_app.db.migrate import BATCH_ROLE, owner_rights
from counter_app.domain.errors import FieldError
from counter_app.services.actions import ActionError, call
from counter_app.services.auth import ROLES, ClerkIdentity

USERNAME_RE = re.compile(r"^[a-z][a-z0-9_]{1,62}$")
MIN_PASSWORD = 4
LOGIN_GROUPS = (*(f"counter_{r}" for r in ROLES), BATCH_ROLE)


class ClerkError(FieldError):
    """Refused input; ``field`` names the argument at fault."""


def _validate(username: str, display_name: str, role: str, password: str | None) -> None:
    if not USERNAME_RE.match(username):
        raise ClerkError(
            "username", "use 2-63 lowercase letters, digits or _; start with a letter", "format"
        )
    if username.startswith(("counter_", "pg_")):
        raise ClerkError("username", "names starting with counter_ or pg_ are reserved", "reserved")
    if not display_name.strip():
        raise ClerkError("display_name", "must not be empty", "required")
    if role not in ROLES:
        raise ClerkError("role", f"must be one of {', '.join(ROLES)}", "unknown")
    if password is not None and len(password) < MIN_PASSWORD:
        raise ClerkError("password", f"must have at least {MIN_PASSWORD} characters", "too_short")


def _refuse_foreign(cur, username: str, installation: str) -> None:
    """A login of another Counter database (or of a Counter group without
    being in this installation) is not taken over."""
    others = other_installations(cur, username, installation)
    if others:
        raise ClerkError(
            "username",
            f"the login {username} belongs to another Counter database on this "
            f"server ({', '.join(others)}); choose another user name "
            f"（该用户名已属于本服务器上的另一个 Counter 数据库，请换一个用户名）",
            "foreign",
        )
    cur.execute(
        "SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid "
        "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = %s AND r.rolname = %s",
        (username, installation),
    )
    if cur.fetchone() is None and counter_groups_of(cur, username):
        raise ClerkError(
            "username",
            f"the login {username} is in a Counter group but not in this "
            f"database's installation role {installation}: it may be another database's; "
            "choose another user name （该用户名可能属于另一个 Counter 数据库，请换一个用户名）",
            "foreign",
        )


def ensure_login(db: Database, username: str, password: str | None, group: str) -> None:
    """Create or update a PostgreSQL login role in exactly one of the app's
    groups (``counter_clerk`` … ``counter_admin``, ``counter_batch``) and in
    this database's installation role (``db/installation.py``); needs
    CREATEROLE, so this is the DBA connection's. A login of another Counter
    database on the server is refused."""
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        installation = ensure_installation(cur)
        cur.execute("SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = %s", (username,))
        found = cur.fetchone()
        exists = found is not None
        ident = sql.Identifier(username)
        if found is not None and (found[0] or found[1]):
            raise ClerkError(
                "username", f"{username} is an administrator's role, not a clerk's", "reserved"
            )
        if exists:
            _refuse_foreign(cur, username, installation)
        if not exists and password is None:
            raise ClerkError("password", "a new login role needs a password", "required")
        if password is not None:
            verifier = (
                driver_connection(raw)
                .pgconn.encrypt_password(
                    password.encode("utf-8"), username.encode("utf-8"), b"scram-sha-256"
                )
                .decode("ascii")
            )
            verb = "ALTER" if exists else "CREATE"
            cur.execute(
                sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(ident, sql.Literal(verifier))
            )
        for other in LOGIN_GROUPS:
            if other != group:
                cur.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(other), ident))
        cur.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), ident))
        cur.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(installation), ident))
        raw.commit()
    except BaseException:
        raw.rollback()
        raise
    finally:
        raw.close()


def ensure_login_role(db: Database, username: str, role: str, password: str | None) -> None:
    """A clerk's login role in the group of ``role``."""
    ensure_login(db, username, password, f"counter_{role}")


def create_clerk(
    db: Database,
    *,
    username: str,
    display_name: str,
    role: str,
    hall_code: str,
    password: str | None,
    workstation: str = "",
) -> ClerkIdentity:
    """Create (or, for an existing username, update) a clerk: the login role
    (the DBA's connection), then the clerk's row (``counter_save_clerk``).

    The password goes to the login role only (as a SCRAM verifier); nothing
    about it is stored in our tables.
    """
    username = username.strip().lower()
    _validate(username, display_name, role, password)
    if not _hall_exists(db, hall_code):
        raise ClerkError("hall", f"unknown hall code {hall_code!r}", "unknown")
    ensure_login(db, username, password, f"counter_{role}")
    try:
        row = call(db, "save_clerk", username, display_name.strip(), role, hall_code, workstation)
    except ActionError as exc:
        raise ClerkError(exc.field or "clerk", exc.message, exc.code, kind=exc.kind) from None
    return ClerkIdentity(
        row["id"], row["username"], row["display_name"], row["role"], row["hall_code"]
    )


def _hall_exists(db: Database, hall_code: str) -> bool:
    """Read by the DBA (no standing member of counter_owner, db/migrate.py)."""
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        with owner_rights(cur):
            cur.execute("SELECT 1 FROM halls WHERE code = %s", (hall_code,))
            found = cur.fetchone() is not None
        raw.commit()
        return found
    except BaseException:
        raw.rollback()
        raise
    finally:
        raw.close()


def role_exists(db: Database, username: str) -> bool:
    with db.engine.connect() as conn:
        return (
            conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": username}).first()
            is not None
        )
