"""Relief's server-side actions (migration 0013) as real logins: what the
service does, and the raw SQL a clerk or a supervisor with psql and the same
password could send instead, each refused, the books checked afterwards."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, select, text

from counter_app.db import models as m
from counter_app.services.actions import ActionError, call
from counter_app.services.relief.service import ReliefError, ReliefService
from tests.support.relief import ACTOR, TODAY, form, named

FILE_ARGS = dict(
    certificate_type="城镇居民最低生活保障证",
    certificate_no="DBZ001",
    issuing_office="嘉祥县民政局",
    valid_from=TODAY - timedelta(days=30),
    valid_to=TODAY + timedelta(days=300),
    holder_name="张三",
    holder_id_number="370829198506150011",
    contact_phone="13812345678",
    materials=["certificate_original", "certificate_copy", "holder_id_copy"],
    low=None,
    total=None,
    notes="",
)


def file_raw(login, account_id: int, **kw):
    """counter_file_relief called as psql would, without the service's checks."""
    a = dict(FILE_ARGS, **kw)
    return call(
        login,
        "file_relief",
        "WS-9",
        account_id,
        a["certificate_type"],
        a["certificate_no"],
        a["issuing_office"],
        a["valid_from"],
        a["valid_to"],
        a["holder_name"],
        a["holder_id_number"],
        a["contact_phone"],
        a["materials"],
        a["low"],
        a["total"],
        a["notes"],
    )


def refused(login, sql: str, params: dict | None = None) -> str:
    with login.engine.connect() as conn, pytest.raises(Exception) as info:
        conn.execute(text(sql), params or {})
    return str(info.value)


def stored(db, application_id: int):
    with db.read() as s:
        return s.execute(
            select(m.ReliefApplication).where(m.ReliefApplication.id == application_id)
        ).scalar_one()


def relief_rows(db) -> int:
    with db.read() as s:
        return s.execute(text("SELECT count(*) FROM relief_applications")).scalar_one()


def test_a_clerk_cannot_insert_an_approved_relief_decided_by_a_supervisor(town):
    clerk_db = town.service.db
    message = refused(
        clerk_db,
        """
        INSERT INTO relief_applications (account_id, rule_code, certificate_type,
            certificate_no, valid_from, valid_to, holder_name, status, applied_on,
            effective_period, created_by, decided_by, decided_at)
        VALUES (:a, 'DEFAULT', '城镇居民最低生活保障证', 'DBZ001', current_date - 1,
            current_date + 300, '张三', 'approved', current_date, '2027-02', :c, :s, now())
    """,
        {"a": town.household, "c": town.clerk.id, "s": town.supervisor.id},
    )
    assert "permission denied" in message
    assert relief_rows(town.db) == 0


def test_a_clerk_cannot_approve_by_update_nor_by_the_supervisors_action(town):
    row = town.service.apply(form(town.household), ACTOR)
    clerk_db = town.service.db
    for sql in (
        "UPDATE relief_applications SET status = 'approved', effective_period = '2027-02', "
        "decided_by = :s, decided_at = now(), version = 2 WHERE id = :i",
        "DELETE FROM relief_applications WHERE id = :i",
        "SELECT counter_approve_relief('WS', :i, 1)",
        "SELECT counter_withdraw_relief('WS', :i, 1, 'x')",
        # the helpers the actions share run as the owner: nobody may call them
        "SELECT counter_relief_close('WS', :i, 1, 'x', 'approved', ARRAY['pending'], 'x')",
        "SELECT counter_relief_effective_period(1, current_date)",
        "SELECT counter_relief_options()",
    ):
        assert "permission denied" in refused(
            clerk_db, sql, {"i": row.id, "s": town.supervisor.id}
        ), sql
    with pytest.raises(ReliefError) as info:  # the same through the service
        town.service.approve(row.id, 1, ACTOR)
    assert (info.value.field, info.value.code) == ("supervisor", "role")
    after = stored(town.db, row.id)
    assert (after.status, after.decided_by, after.version) == ("pending", None, 1)


def test_a_supervisor_cannot_forge_the_decider_or_back_date_the_decision(town):
    row = town.service.apply(form(town.household), ACTOR)
    _, other = named(town.db, town.login_as, "supervisor", "王主管")
    sup_db = town.boss.db
    for sql in (
        "UPDATE relief_applications SET status = 'approved', decided_by = :o, "
        "decided_at = now(), version = 2 WHERE id = :i",
        "UPDATE relief_applications SET decided_at = now() - interval '30 days' WHERE id = :i",
        "UPDATE relief_applications SET effective_period = '2020-01' WHERE id = :i",
    ):
        assert "permission denied" in refused(sup_db, sql, {"i": row.id, "o": other.id}), sql
    before = datetime.now(UTC)
    approved = town.boss.approve(row.id, 1, ACTOR)
    after = stored(town.db, row.id)
    assert after.decided_by == town.supervisor.id and approved.decided_by == "李主管"
    assert before - timedelta(seconds=5) <= after.decided_at <= datetime.now(UTC)
    with town.db.read() as s:
        event = s.execute(
            select(m.AuditEvent).where(m.AuditEvent.action == "relief.approve")
        ).scalar_one()
    assert (event.clerk, event.workstation) == (town.supervisor.username, "WS1")


def test_a_second_active_relief_by_spelling_is_refused_even_called_raw(town):
    clerk_db = town.service.db
    first = file_raw(clerk_db, town.household, certificate_no="dbz 001")
    assert first["certificate_no"] == "DBZ001"
    with pytest.raises(ActionError) as info:
        file_raw(clerk_db, town.collective, certificate_no="DBZ001", low=1, total=12)
    assert (info.value.kind, info.value.code, info.value.field) == (
        "conflict",
        "duplicate",
        "certificate_no",
    )
    with pytest.raises(ActionError):
        file_raw(clerk_db, town.collective, certificate_no="ｄｂｚ００１", low=1, total=12)
    # the books refuse an unnormalised number whoever writes it (even the owner's actions)
    with town.db.engine.connect() as conn, pytest.raises(Exception) as books:
        conn.execute(text("UPDATE relief_applications SET certificate_no = 'dbz 001'"))
    assert "relief_applications_certificate_key" in str(books.value)
    assert relief_rows(town.db) == 1


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        (dict(holder_id_number="370829198506150012"), "holder_id_number", "checksum"),
        (dict(holder_id_number="37082919850230001X"), "holder_id_number", "birthdate"),
        (dict(contact_phone="12345"), "contact_phone", "format"),
        (dict(valid_to=TODAY + timedelta(days=3700)), "valid_to", "too_far"),
        (dict(valid_to=TODAY - timedelta(days=40)), "valid_to", "before_from"),
        (dict(valid_to=TODAY - timedelta(days=1)), "valid_to", "expired"),
        (dict(materials=["certificate_original"]), "materials", "missing"),
        (dict(certificate_type="身份证"), "certificate_type", "unknown"),
        (dict(certificate_no="x" * 41), "certificate_no", "too_long"),
    ],
)
def test_the_action_checks_every_field_itself(town, change, field, code):
    with pytest.raises(ActionError) as info:
        file_raw(town.service.db, town.household, **change)
    assert (info.value.field, info.value.code) == (field, code)
    assert relief_rows(town.db) == 0


def test_the_server_masks_and_stores_the_raw_values_normalised(town):
    row = file_raw(
        town.service.db,
        town.household,
        contact_phone="+86 537 681-2345",
        holder_id_number="３７０８２９１９９００１０１１２３x",
    )
    assert (row["contact_phone_masked"], row["holder_id_masked"]) == (
        "0537-****345",
        "370829********123X",
    )
    after = stored(town.db, row["id"])
    assert (after.contact_phone, after.holder_id_number) == ("05376812345", "37082919900101123X")
    assert after.created_by == town.clerk.id and after.applied_on == TODAY


def test_a_supervisor_of_another_hall_cannot_decide(town):
    row = town.service.apply(form(town.household), ACTOR)
    with town.db.write() as s:
        s.add(m.Hall(code="JX02", name="第二营业厅"))
    far_db, far = named(town.db, town.login_as, "supervisor", "外厅主管")
    with town.db.write() as s:
        s.get(m.Clerk, far.id).hall_code = "JX02"
    with pytest.raises(ReliefError) as info:
        ReliefService(far_db).approve(row.id, 1, ACTOR)
    assert (info.value.field, info.value.code) == ("supervisor", "hall")
    admin_db, admin = town.login_as("admin")
    with town.db.write() as s:
        s.get(m.Clerk, admin.id).hall_code = "JX02"
    assert ReliefService(admin_db).approve(row.id, 1, ACTOR).status == "approved"


def test_a_stale_decision_is_refused_with_a_conflict(town):
    row = town.service.apply(form(town.household), ACTOR)
    town.boss.approve(row.id, 1, ACTOR)
    with pytest.raises(ActionError) as info:
        call(town.boss.db, "reject_relief", "WS", row.id, 1, "迟到的驳回")
    assert (info.value.kind, info.value.code, info.value.field) == (
        "conflict",
        "conflict",
        "version",
    )
    assert stored(town.db, row.id).status == "approved"


def test_the_register_is_one_call_with_everything_the_page_shows(town):
    row = town.service.apply(form(town.household), ACTOR)
    page = town.service.page(expiring_days=30)
    assert [r.id for r in page.rows] == [row.id] and page.today == TODAY
    assert page.expiring == [] and page.totals == []
    assert page.options.certificate_types[0] == "城镇居民最低生活保障证"
    assert page.areas == [("A01", "A01 城区一片")]
    context = town.service.context(town.collective)
    assert context.hall_name == "嘉祥营业厅" and context.account.account_type == "collective"
    with pytest.raises(ReliefError) as info:
        town.service.context(999999)
    assert (info.value.field, info.value.code) == ("account", "missing")


def test_no_group_holds_a_write_on_relief_applications(town):
    with town.db.read() as s:
        grants = s.execute(
            text("""
            SELECT grantee, privilege_type FROM information_schema.role_table_grants
            WHERE table_name = 'relief_applications'
              AND grantee LIKE 'counter\\_%' AND grantee <> 'counter_owner'
              AND privilege_type IN ('INSERT', 'UPDATE', 'DELETE')
            UNION
            SELECT grantee, privilege_type FROM information_schema.column_privileges
            WHERE table_name = 'relief_applications'
              AND grantee LIKE 'counter\\_%' AND grantee <> 'counter_owner'
              AND privilege_type IN ('INSERT', 'UPDATE')
        """)
        ).all()
    assert grants == []


def test_one_statement_per_clerk_action_and_per_screen_load(town):
    """Over a hall's VPN every statement is a round trip: filing, deciding and
    loading the page or the form are one each (no BEGIN, no read-back)."""
    sent: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        sent.append(statement)

    town.service.options()  # the pool's first connection is made and set up
    town.boss.options()
    for login in (town.service.db, town.boss.db):
        event.listen(login.engine, "before_cursor_execute", count)
    filed: list = []
    steps = [
        lambda: town.service.page(expiring_days=30),
        lambda: town.service.context(town.household),
        lambda: filed.append(town.service.apply(form(town.household), ACTOR)),
        lambda: town.boss.approve(filed[0].id, 1, ACTOR),
        lambda: town.boss.revoke(filed[0].id, 2, "证件已注销", ACTOR),
    ]
    for step in steps:
        before = len(sent)
        step()
        assert len(sent) - before == 1, sent[before:]
    assert all(s.startswith("SELECT counter_") for s in sent)
