"""Relief with real PostgreSQL logins: clerks file, supervisors decide."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from counter_app.documents import render_pdf
from counter_app.services.relief.application_document import application_document
from counter_app.services.relief.service import ReliefError, ReliefRow, ReliefService
from tests.support.pdf import pdf_text, squash
from tests.support.relief import ACTOR, form, named
from tests.support.waiting import poll_until

pytestmark = pytest.mark.postgres


@pytest.fixture
def db(pg_db):  # login_as (tests/conftest.py) signs in to this database
    return pg_db


def test_clerk_files_supervisor_decides_nobody_reads_the_raw_id(town, login_as):  # noqa: F811
    clerk_db, clerk = login_as("clerk")
    sup_db, sup = login_as("supervisor")
    row = ReliefService(clerk_db).apply(form(town.household), ACTOR)
    assert row.holder_id_masked == "370829********0011"
    assert row.contact_phone_masked == "138****5678"
    approved = ReliefService(sup_db).approve(row.id, 1, ACTOR)
    assert approved.status == "approved"
    assert [r.id for r in ReliefService(clerk_db).register()] == [row.id]
    for login in (clerk_db, sup_db):
        with pytest.raises(DBAPIError, match="permission denied"):
            with login.read() as s:
                s.execute(text("SELECT holder_id_number FROM relief_applications")).all()
        with pytest.raises(DBAPIError, match="permission denied"):
            with login.read() as s:
                s.execute(text("SELECT contact_phone FROM relief_applications")).all()
    assert ReliefService(clerk_db).totals_per_period() == []
    assert form(town.household).valid_to == approved.valid_to


def _waiting_on(db, pid: int) -> int:
    """Sessions waiting on a lock the session ``pid`` holds."""
    with db.read() as s:
        return s.execute(
            text("SELECT count(*) FROM pg_stat_activity WHERE :p = ANY (pg_blocking_pids(pid))"),
            {"p": pid},
        ).scalar_one()


def test_same_certificate_on_two_accounts_at_once_only_one_is_filed(
    town,
    login_as,
    pg_db,  # noqa: F811
):
    """Two clerks file one certificate on two accounts at the same moment.

    A third connection holds the certificate's lock while both start (a
    barrier), so both are seen waiting on it before either has checked for a
    duplicate; once it is released exactly one is filed and the other gets the
    duplicate-certificate refusal. Were the check not behind the lock, neither
    would wait and both would be filed."""
    number = "嘉民低保字〔2026〕00777号"
    filings = [
        (*login_as("clerk"), form(town.household, certificate_no=number)),
        (
            *login_as("clerk"),
            form(
                town.collective, certificate_no=number, low_income_households=1, total_households=12
            ),
        ),
    ]
    results: list[object] = [None, None]
    start = threading.Barrier(3, timeout=30)

    def file(i: int) -> None:
        login, who, data = filings[i]
        start.wait()
        try:
            results[i] = ReliefService(login).apply(data, ACTOR)
        except Exception as exc:  # noqa: BLE001 - judged below
            results[i] = exc

    threads = [threading.Thread(target=file, args=(i,), daemon=True) for i in (0, 1)]
    with pg_db.engine.connect() as holder:  # the lock the action takes (0030: a row)
        holder.execute(
            text("SELECT counter_lock('relief_certificate', counter_relief_certificate_key(:n))"),
            {"n": number},
        )
        pid = holder.execute(text("SELECT pg_backend_pid()")).scalar_one()
        try:
            for t in threads:
                t.start()
            start.wait()
            poll_until(lambda: _waiting_on(pg_db, pid) >= 2, timeout=20)
            waiting = _waiting_on(pg_db, pid)
        finally:
            holder.rollback()
    for t in threads:
        t.join(30)
    assert waiting == 2, "the filings did not wait on the certificate lock"
    filed = [r for r in results if isinstance(r, ReliefRow)]
    refused = [r for r in results if isinstance(r, ReliefError)]
    assert len(filed) == 1 and len(refused) == 1, results
    assert (refused[0].field, refused[0].code) == ("certificate_no", "duplicate")
    rows = town.service.register()
    assert [(r.id, r.certificate_no) for r in rows] == [(filed[0].id, number)]


def test_printed_form_names_who_filed_and_approved_not_who_prints(
    town,
    login_as,
    pg_db,  # noqa: F811
):
    filer_db, filer = named(pg_db, login_as, "clerk", "王丽")
    sup_db, sup = named(pg_db, login_as, "supervisor", "李主管")
    printer_db, printer = named(pg_db, login_as, "clerk", "赵六")
    pending = ReliefService(filer_db).apply(
        form(town.household, contact_phone="0537-6812345"), ACTOR
    )

    def printed(application_id: int) -> str:
        service = ReliefService(printer_db)  # a clerk login reads only what it may
        [row] = [r for r in service.register() if r.id == application_id]
        return squash(pdf_text(render_pdf(application_document(service, row))))

    text_ = printed(pending.id)
    assert "受理人签字（王丽）" in text_ and "赵六" not in text_
    assert "李主管" not in text_ and "审核人" not in text_
    assert "0537-****345" in text_ and "6812345" not in text_
    ReliefService(sup_db).approve(pending.id, 1, ACTOR)
    text_ = printed(pending.id)
    assert "受理人签字（王丽）" in text_ and "审核人：李主管" in text_ and "赵六" not in text_
