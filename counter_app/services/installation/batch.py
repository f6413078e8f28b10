"""What the batch services (billing, imports) share: their logins and how they send a batch.
Design: docs/architecture.md ("Migrations and installations")
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

from psycopg.types.json import Jsonb
from sqlalchemy import BigInteger, String, any_, literal
from sqlalchemy.dialects.postgresql import ARRAY

from counter_app.db.engine import Database
from counter_app.db.migrate import BATCH_ROLE
from counter_app.services.installation.clerks import USERNAME_RE, ClerkError, ensure_login


def _default(value: Any) -> str:
    # money goes as its exact decimal text (PostgreSQL reads it as numeric)
    if isinstance(value, Decimal | date):
        return str(value) if isinstance(value, Decimal) else value.isoformat()
    raise TypeError(f"{type(value).__name__} is not sent to an action")


def jsonb(value: Any) -> Jsonb:
    """``value`` (lists, dicts, Decimal, date) as a jsonb argument of an action."""
    return Jsonb(value, dumps=lambda v: json.dumps(v, default=_default, ensure_ascii=False))


def among(column, values) -> Any:
    """``column = ANY(array)``: one parameter however many values (a file's
    100,000 account numbers are more than an ``IN`` list may carry)."""
    values = list(values)
    kind = BigInteger if values and isinstance(values[0], int) else String
    return column == any_(literal(values, ARRAY(kind)))


def create_batch_login(db: Database, username: str, password: str | None) -> str:
    """Create (or update the password of) a login of ``counter_batch``."""
    username = username.strip().lower()
    if not USERNAME_RE.match(username) or username.startswith(("counter_", "pg_")):
        raise ClerkError(
            "username",
            "use 2-63 lowercase letters, digits or _; start with a letter; not counter_ or pg_",
            "format",
        )
    ensure_login(db, username, password, BATCH_ROLE)
    return username
