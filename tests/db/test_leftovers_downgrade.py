"""A rollback never hands a secret read back (migration 0029): from head down
to 0024 (before the hardening of 0025/0026) a clerk still cannot read a
complaint's full contact (the detail shows the mask) and an admin cannot
read the accounts' full numbers; up again, everything is as it was."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from counter_app.db.migrate import migrate
from counter_app.services.actions import call
from tests.support.builders import make_account, make_reference
from tests.support.database import downgrade

GROUPS = ("counter_clerk", "counter_supervisor", "counter_admin", "counter_batch")
SECRETS = {
    "complaints": ("contact",),
    "accounts": ("id_number", "mobile", "landline"),
    "withholding_agreements": ("bank_account",),
}


def _readable_secrets(db) -> list[str]:
    with db.read() as s:
        return [
            f"{g} {t}.{c}"
            for g in GROUPS
            for t, cols in SECRETS.items()
            for c in cols
            if s.execute(
                text("SELECT has_column_privilege(:g, :t, :c, 'SELECT')"), {"g": g, "t": t, "c": c}
            ).scalar_one()
        ]


def _denied(login, statement: str) -> None:
    with pytest.raises(DBAPIError) as info, login.engine.begin() as conn:
        conn.execute(text(statement))
    assert getattr(info.value.orig, "sqlstate", "") == "42501", statement


def test_down_to_0024_no_group_reads_a_contact_or_a_full_number(db, login_as):
    with db.write() as s:
        make_reference(s)
        account = make_account(s, "01000001", name="张三").id
    clerk, _ = login_as("clerk")
    admin, _ = login_as("admin")
    received = call(
        clerk,
        "receive_complaint",
        "WS1",
        json.dumps(
            {
                "complainant": "张三",
                "contact": "13812345678",
                "channel": "counter",
                "category": "billing",
                "description": "水费高",
                "account_id": account,
            }
        ),
    )
    assert _readable_secrets(db) == []

    downgrade(db, "0024_overdue_late_fees")
    assert _readable_secrets(db) == []
    _denied(clerk, "SELECT contact FROM complaints")
    _denied(admin, "SELECT id_number, mobile FROM accounts")
    with clerk.engine.begin() as conn:  # the rest of a complaint stays readable
        assert (
            conn.execute(text("SELECT ticket_no FROM complaints")).scalar_one()
            == received["ticket_no"]
        )
    detail = json.dumps(call(clerk, "complaint_detail", received["id"]), default=str)
    assert "13812345678" not in detail and "138****5678" in detail

    migrate(db.engine)  # and up again
    assert _readable_secrets(db) == []
    detail = json.dumps(call(clerk, "complaint_detail", received["id"]), default=str)
    assert "13812345678" not in detail and "138****5678" in detail
