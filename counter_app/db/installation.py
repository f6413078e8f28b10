"""One installation (one Counter database) cannot reach another on the same server.
Design: docs/architecture.md ("Migrations and installations")
"""

from __future__ import annotations

import hashlib

from psycopg import sql

PREFIX = "counter_i_"


def installation_role(database: str) -> str:
    """The installation role of the database named ``database`` (as the SQL
    function ``counter_installation_role()`` computes it)."""
    return PREFIX + hashlib.md5(database.encode("utf-8")).hexdigest()[:12]  # noqa: S324 - a name


def ensure_installation(cur) -> str:
    """Create this database's installation role if missing, give it alone
    CONNECT; ``cur`` is a psycopg cursor of the DBA (CREATEROLE, owner of the
    database or superuser). Returns the role name."""
    cur.execute("SELECT current_database()")
    database = cur.fetchone()[0]
    role = installation_role(database)
    cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
    ident = sql.Identifier(role)
    if cur.fetchone() is None:
        cur.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(ident))
    db_ident = sql.Identifier(database)
    cur.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(db_ident, ident))
    cur.execute(sql.SQL("REVOKE CONNECT ON DATABASE {} FROM PUBLIC").format(db_ident))
    return role


def other_installations(cur, login: str, own: str) -> list[str]:
    """The installation roles other than ``own`` that ``login`` is a member of."""
    cur.execute(
        "SELECT r.rolname FROM pg_auth_members m "
        "JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
        "WHERE u.rolname = %s AND r.rolname LIKE 'counter\\_i\\_%%' AND r.rolname <> %s "
        "ORDER BY 1",
        (login, own),
    )
    return [row[0] for row in cur.fetchall()]


def counter_groups_of(cur, login: str) -> list[str]:
    """The app's group roles (counter_clerk ... counter_batch) ``login`` is in."""
    cur.execute(
        "SELECT r.rolname FROM pg_auth_members m "
        "JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
        "WHERE u.rolname = %s AND r.rolname IN ('counter_clerk', 'counter_supervisor', "
        "'counter_admin', 'counter_batch', 'counter_owner') ORDER BY 1",
        (login,),
    )
    return [row[0] for row in cur.fetchall()]


def is_member(cur, login: str, role: str) -> bool:
    cur.execute(
        "SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid "
        "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = %s AND r.rolname = %s",
        (login, role),
    )
    return cur.fetchone() is not None


def adopt_logins(cur, role: str) -> tuple[list[str], list[str]]:
    """After an upgrade: this database's clerks' and batch logins' roles (the
    clerks table, the logins named in the audit) that are in a Counter group
    but in no installation yet join ``role``. Returns (adopted, refused: in
    another installation)."""
    cur.execute(
        "SELECT DISTINCT u.rolname FROM pg_roles u "
        "WHERE u.rolcanlogin AND (u.rolname IN (SELECT username FROM clerks) "
        "  OR u.rolname IN (SELECT DISTINCT clerk FROM audit_events)) ORDER BY 1"
    )
    adopted, refused = [], []
    for (login,) in cur.fetchall():
        if is_member(cur, login, role) or not counter_groups_of(cur, login):
            continue
        if other_installations(cur, login, role):
            refused.append(login)
            continue
        cur.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(role), sql.Identifier(login)))
        adopted.append(login)
    return adopted, refused
