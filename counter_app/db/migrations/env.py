"""Alembic environment: always run through counter_app.db.migrate."""

from __future__ import annotations

from alembic import context

from counter_app.db.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the migrate module calls us
    raise RuntimeError("run migrations with `counter-admin migrate`")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
