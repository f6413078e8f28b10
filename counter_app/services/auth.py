"""Clerk login, on a shared server and on the embedded one alike.

The clerk's own login role opens the connection (the password is never
stored; it lives only in the engine's URL in memory). The clerk's group role
(counter_clerk / counter_supervisor / counter_admin) decides what the
database lets them do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import literal_column, select, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, OperationalError

from counter_app.db.engine import Database, make_engine, normalize_url, with_credentials
from counter_app.db.migrate import SchemaError, SchemaTooNewError, require_current_schema
from counter_app.db.models import Clerk

from .identity import ROLE_RANK, ROLES, ClerkIdentity, LoginError, LoginFailure

__all__ = [
    "ROLES", "ROLE_RANK", "Authenticator", "ClerkIdentity", "LoginError", "LoginFailure",
    "LoginResult",
]

# A clerk's statements on a shared server never run longer than this: a search
# that would gets the "took too long" hint (services/search.py) instead of
# holding the connection (the CLI's bulk work is not bounded).
WORKSTATION_STATEMENT_TIMEOUT_MS = 20_000


@dataclass(frozen=True)
class LoginResult:
    database: Database
    clerk: ClerkIdentity


_IDENTITY_COLUMNS = (
    Clerk.id, Clerk.username, Clerk.display_name, Clerk.role, Clerk.hall_code, Clerk.active
)


def _identity(row) -> ClerkIdentity:
    return ClerkIdentity(row.id, row.username, row.display_name, row.role, row.hall_code)


def classify_connect_error(exc: BaseException) -> LoginFailure:
    """Wrong password and unreachable server get different messages."""
    orig = getattr(exc, "orig", exc)
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate in ("28P01", "28000"):  # invalid password / authorization
        return LoginFailure.BAD_CREDENTIALS
    message = str(orig).lower()
    if "password" in message or "authentication failed" in message:
        return LoginFailure.BAD_CREDENTIALS
    if 'role "' in message and "does not exist" in message:
        return LoginFailure.BAD_CREDENTIALS
    return LoginFailure.UNREACHABLE


class Authenticator:
    """Turns credentials into a connected :class:`LoginResult`.

    ``database_url`` carries no password; each login gets its own engine.
    """

    def __init__(
        self,
        database_url: str | URL,
        *,
        database_factory: Callable[[URL], Database] | None = None,
    ):
        self.url = normalize_url(database_url)
        self._factory = database_factory or (
            lambda url: Database(make_engine(url, statement_timeout_ms=WORKSTATION_STATEMENT_TIMEOUT_MS))
        )

    def login(self, username: str, password: str) -> LoginResult:
        username = username.strip()
        if not username or not password:
            raise LoginError(LoginFailure.BAD_CREDENTIALS, "username and password are required")
        return self._login_postgres(username, password)

    def verify(self, username: str, password: str, *, role: str) -> ClerkIdentity:
        """Check another person's credentials (a supervisor approving at this
        workstation) without keeping their connection open."""
        result = self.login(username, password)
        try:
            if not result.clerk.has_role(role):
                raise LoginError(LoginFailure.INSUFFICIENT_ROLE, role)
            return result.clerk
        finally:
            result.database.dispose()

    # -- PostgreSQL -------------------------------------------------------------

    def _login_postgres(self, username: str, password: str) -> LoginResult:
        database = self._factory(with_credentials(self.url, username, password))
        try:
            try:
                with database.engine.connect() as conn:
                    conn.execute(text("SELECT 1"))
            except (OperationalError, DBAPIError) as exc:
                raise LoginError(classify_connect_error(exc), str(getattr(exc, "orig", exc))) from None
            self._check_schema(database)
            with database.read() as session:
                # clerks cannot read password_hash: select the identity columns only
                row = session.execute(
                    select(*_IDENTITY_COLUMNS).where(
                        Clerk.username == literal_column("session_user")
                    )
                ).one_or_none()
                if row is None:
                    raise LoginError(LoginFailure.NOT_A_CLERK, username)
                if not row.active:
                    raise LoginError(LoginFailure.INACTIVE)
                granted = session.execute(
                    text(
                        "SELECT r.rolname FROM pg_roles r "
                        "WHERE r.rolname = :group AND pg_has_role(session_user, r.oid, 'MEMBER')"
                    ),
                    {"group": f"counter_{row.role}"},
                ).scalar_one_or_none()
                if granted is None:
                    raise LoginError(LoginFailure.NOT_A_CLERK, f"{username} lacks counter_{row.role}")
                return LoginResult(database, _identity(row))
        except BaseException:
            database.dispose()
            raise

    @staticmethod
    def _check_schema(database: Database) -> None:
        try:
            require_current_schema(database.engine)
        except SchemaTooNewError as exc:
            raise LoginError(LoginFailure.SCHEMA_TOO_NEW, str(exc)) from None
        except SchemaError as exc:
            raise LoginError(LoginFailure.SCHEMA_MISSING, str(exc)) from None
        except (OperationalError, DBAPIError) as exc:
            raise LoginError(classify_connect_error(exc), str(getattr(exc, "orig", exc))) from None
