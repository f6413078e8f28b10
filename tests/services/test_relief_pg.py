"""Relief with real PostgreSQL logins: clerks file, supervisors decide."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from counter_app.db.engine import Database, with_credentials
from counter_app.services.clerks import create_clerk
from counter_app.services.relief import ReliefService
from tests.services.test_relief_service import ACTOR, TODAY, form, town  # noqa: F401

pytestmark = pytest.mark.postgres


@pytest.fixture
def db(pg_db):
    return pg_db


@pytest.fixture
def login_as(pg_db, pg_server):
    made: list[tuple[str, Database]] = []

    def _login(role: str):
        name = f"t_{role}_{uuid.uuid4().hex[:8]}"
        who = create_clerk(pg_db, username=name, display_name="测试", role=role,
                           hall_code="HQ", password="pw-1234")
        login = Database.from_url(with_credentials(pg_db.engine.url, name, "pw-1234"))
        made.append((name, login))
        return login, who

    yield _login
    for _name, login in made:
        login.dispose()
    with pg_server.engine.connect() as conn:
        for name, _ in made:
            conn.execute(text(f'DROP OWNED BY "{name}"'))
            conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
        conn.commit()


def test_clerk_files_supervisor_decides_nobody_reads_the_raw_id(town, login_as):  # noqa: F811
    clerk_db, clerk = login_as("clerk")
    sup_db, sup = login_as("supervisor")
    row = ReliefService(clerk_db).apply(form(town.household), clerk, ACTOR, today=TODAY)
    assert row.holder_id_masked == "370829********0011"
    approved = ReliefService(sup_db).approve(row.id, 1, sup, ACTOR, today=TODAY)
    assert approved.status == "approved"
    assert [r.id for r in ReliefService(clerk_db).register(today=TODAY)] == [row.id]
    for login in (clerk_db, sup_db):
        with pytest.raises(DBAPIError, match="permission denied"):
            with login.read() as s:
                s.execute(text("SELECT holder_id_number FROM relief_applications")).all()
    assert ReliefService(clerk_db).totals_per_period() == []
    assert date(2027, 12, 31) == approved.valid_to
