"""Relief with real PostgreSQL logins: clerks file, supervisors decide."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from counter_app.services.relief import ReliefService
from tests.services.test_relief_service import ACTOR, TODAY, form, town  # noqa: F401

pytestmark = pytest.mark.postgres


@pytest.fixture
def db(pg_db):  # login_as (tests/conftest.py) signs in to this database
    return pg_db


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
