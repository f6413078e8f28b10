"""counter-admin end to end on real databases."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from counter_app.cli import main
from counter_app.db.engine import Database
from tests.support.builders import make_reference
from tests.support.cli import run


def test_migrate_then_status_as_json(empty_db_url, capsys):
    code, out, _ = run(capsys, "--database-url", empty_db_url, "--json", "migrate")
    assert code == 0
    data = json.loads(out)
    assert data["from"] is None and data["to"]
    code, out, _ = run(capsys, "--database-url", empty_db_url, "--json", "status")
    assert json.loads(out)["up_to_date"] is True
    # this installation's role (db/installation.py), as migrate made it
    from sqlalchemy.engine import make_url

    from counter_app.db.installation import installation_role

    assert json.loads(out)["installation_role"] == installation_role(
        make_url(empty_db_url).database
    )


def test_common_options_also_follow_the_command(empty_db_url, capsys):
    code, out, _ = run(capsys, "migrate", "--database-url", empty_db_url)
    assert code == 0
    code, out, _ = run(capsys, "status", "--json", "--database-url", empty_db_url)
    assert code == 0 and json.loads(out)["up_to_date"] is True
    # given before the command, not reset by the command's own defaults
    code, out, _ = run(capsys, "--database-url", empty_db_url, "--json", "status")
    assert code == 0 and json.loads(out)["up_to_date"] is True


def test_create_hall_then_a_clerk_of_it(db_url, capsys, monkeypatch):
    """A new installation: the hall (and its receipt series) before the first clerk."""
    import io

    code, out, err = run(
        capsys,
        "create-hall",
        "--database-url",
        db_url,
        "--json",
        "--code",
        "HQ",
        "--name",
        " 嘉祥营业厅 ",
        "--receipt-prefix",
        "jx",
    )
    assert code == 0, err
    assert json.loads(out) == {
        "code": "HQ",
        "name": "嘉祥营业厅",
        "address": "",
        "receipt_series": "HQ",
        "receipt_prefix": "JX",
    }
    code, _, err = run(
        capsys, "create-hall", "--database-url", db_url, "--code", "HQ", "--name", "again"
    )
    assert code == 1 and err == "counter-admin: error: code: hall HQ exists already\n"
    code, _, err = run(
        capsys, "create-hall", "--database-url", db_url, "--code", "H Q", "--name", "x"
    )
    assert code == 1 and err.startswith("counter-admin: error: code:")
    db = Database.from_url(db_url)
    with db.read() as s:
        series = s.execute(
            text("SELECT code, hall_code, prefix, next_no FROM receipt_series")
        ).all()
    db.dispose()
    assert [tuple(r) for r in series] == [("HQ", "HQ", "JX", 1)]
    name = f"t_cli_{uuid.uuid4().hex[:6]}"
    monkeypatch.setattr(sys, "stdin", io.StringIO("s3cret-pw\n"))
    code, out, err = run(
        capsys,
        "create-clerk",
        "--database-url",
        db_url,
        "--username",
        name,
        "--display-name",
        "王丽",
        "--hall",
        "HQ",
        "--password-stdin",
    )
    try:
        assert code == 0, err
    finally:
        if db_url.startswith("postgresql"):
            admin = Database.from_url(db_url)
            with admin.engine.begin() as conn:
                conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
            admin.dispose()


def test_newer_schema_refused_with_a_message(db_url, capsys):
    db = Database.from_url(db_url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    db.dispose()
    code, out, err = run(capsys, "--database-url", db_url, "migrate")
    assert code == 1
    assert "newer than this app" in err and "Traceback" not in err


def test_unreachable_server_is_one_line(capsys):
    code, _, err = run(capsys, "--database-url", "postgresql://x@127.0.0.1:1/none", "status")
    assert code == 1
    assert err.startswith("counter-admin: error: cannot reach the database")


def test_create_clerk_reads_password_from_stdin(db_url, capsys, monkeypatch, request):
    import io

    db = Database.from_url(db_url)
    with db.write() as s:
        make_reference(s)
    db.dispose()
    name = f"t_cli_{uuid.uuid4().hex[:6]}"
    monkeypatch.setattr(sys, "stdin", io.StringIO("s3cret-pw\n"))
    code, out, err = run(
        capsys,
        "--database-url",
        db_url,
        "--json",
        "create-clerk",
        "--username",
        name,
        "--display-name",
        "王收费",
        "--role",
        "supervisor",
        "--password-stdin",
    )
    assert code == 0, err
    assert json.loads(out)["role"] == "supervisor"
    from counter_app.services.auth import Authenticator

    result = Authenticator(db_url).login(name, "s3cret-pw")
    assert result.clerk.display_name == "王收费"
    result.database.dispose()
    with request.getfixturevalue("pg_server").engine.connect() as conn:
        conn.execute(text(f'DROP ROLE "{name}"'))


@pytest.mark.parametrize(
    "args",
    [
        ["seed-demo", "--accounts", "0"],
        ["seed-demo", "--accounts", "many"],
        ["seed-demo", "--months", "61"],
        ["bill-period", "2026-13"],
        ["create-clerk", "--username", "x", "--display-name", "y", "--role", "boss"],
    ],
)
def test_bad_arguments_name_the_argument(args, capsys):
    with pytest.raises(SystemExit) as info:
        main(["--database-url", "postgresql://127.0.0.1:1/counter", *args])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert any(word in err for word in ("--accounts", "--months", "period", "month", "--role"))


def test_a_sqlite_url_is_refused_naming_the_supported_choices(capsys):
    code, _, err = run(capsys, "--database-url", "sqlite:///counter.sqlite3", "status")
    assert code == 2
    assert "sqlite is not supported" in err and "postgresql://" in err


def test_a_malformed_url_is_not_echoed_with_its_password(capsys):
    code, _, err = run(capsys, "--database-url", "postgresql://u:s3cret@h:notaport/db", "status")
    assert code == 2
    assert "s3cret" not in err


def test_import_of_missing_file_is_refused(db_url, capsys, tmp_path):
    code, _, err = run(
        capsys, "--database-url", db_url, "import-readings", str(tmp_path / "nope.csv")
    )
    assert code == 1 and "does not exist" in err


def test_entry_point_is_installed():
    script = Path(sys.executable).with_name("counter-admin")
    out = subprocess.run([str(script), "--help"], capture_output=True, text=True, check=True).stdout
    for command in ("migrate", "seed-demo", "create-clerk", "bill-period", "import-readings"):
        assert command in out


def test_seed_demo_then_a_demo_clerk_signs_in(db_url, capsys, monkeypatch, request):
    """The foundation's promise: seed-demo, then a demo clerk given a login signs in."""
    import io

    from counter_app.services.auth import Authenticator

    code, out, err = run(
        capsys, "--database-url", db_url, "seed-demo", "--accounts", "60", "--months", "2"
    )
    assert code == 0, err
    assert "accounts" in out
    assert "create-clerk --username clerk01" in out
    monkeypatch.setattr(sys, "stdin", io.StringIO("demo-pw-1\n"))
    code, _, err = run(
        capsys,
        "--database-url",
        db_url,
        "create-clerk",
        "--username",
        "clerk01",
        "--display-name",
        "孔晓燕",
        "--role",
        "clerk",
        "--hall",
        "JX01",
        "--password-stdin",
    )
    assert code == 0, err
    password = "demo-pw-1"
    try:
        result = Authenticator(db_url).login("clerk01", password)
        assert result.clerk.display_name == "孔晓燕"
        result.database.dispose()
    finally:
        with request.getfixturevalue("pg_server").engine.connect() as conn:
            conn.execute(text('DROP ROLE IF EXISTS "clerk01"'))


def test_billing_and_imports_run_as_a_batch_login(db_url, capsys, monkeypatch, tmp_path, request):
    """create-batch-login, then import-readings (twice: the second posts nothing)
    and bill-period signed in as that login; a clerk's login is refused."""
    import io

    from sqlalchemy.engine import make_url

    from counter_app.db import models as m
    from counter_app.services.tariffs.service import save_tariff
    from tests.support.builders import RES, make_account

    db = Database.from_url(db_url)
    with db.write() as s:
        make_reference(s)
        save_tariff(s, RES)
        account = make_account(s)
        s.add(m.Meter(account_id=account.id, meter_no="M1", dial_digits=5))
    name = f"t_bat_{uuid.uuid4().hex[:6]}"
    monkeypatch.setattr(sys, "stdin", io.StringIO("batch-pw-1\n"))
    code, _, err = run(
        capsys,
        "--database-url",
        db_url,
        "create-batch-login",
        "--username",
        name,
        "--password-stdin",
    )
    try:
        assert code == 0, err
        batch_url = (
            make_url(db_url)
            .set(username=name, password="batch-pw-1")
            .render_as_string(hide_password=False)
        )
        readings = tmp_path / "readings.csv"
        readings.write_text("用户号,抄表期间,抄表日期,本期读数\n01000001,2026-10,2026-10-20,12\n")
        code, out, err = run(capsys, "--database-url", batch_url, "import-readings", str(readings))
        assert code == 0, err
        assert "1 written" in out
        code, out, err = run(capsys, "--database-url", batch_url, "import-readings", str(readings))
        assert code == 0 and "imported before: nothing written" in out
        code, out, err = run(
            capsys, "--database-url", batch_url, "--json", "bill-period", "2026-10"
        )
        assert code == 0, err
        assert (json.loads(out)["billed"], json.loads(out)["total_amount"]) == (1, "41.40")
        with db.read() as s:
            clerks = set(
                s.execute(
                    text(
                        "SELECT clerk FROM audit_events WHERE action IN "
                        "('billing.run', 'readings.import')"
                    )
                ).scalars()
            )
        assert clerks == {name}
    finally:
        db.dispose()
        with request.getfixturevalue("pg_server").engine.connect() as conn:
            conn.execute(text(f'DROP OWNED BY "{name}"'))
            conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
            conn.commit()


def test_bill_period_as_an_admin_clerk_is_refused_in_one_line(db_url, capsys, request):
    from datetime import date

    from sqlalchemy.engine import make_url

    from counter_app.db import models as m
    from counter_app.services.installation.clerks import create_clerk
    from counter_app.services.tariffs.service import save_tariff
    from tests.support.builders import RES, make_account

    db = Database.from_url(db_url)
    with db.write() as s:
        make_reference(s)
        save_tariff(s, RES)
        account = make_account(s)
        meter = m.Meter(account_id=account.id, meter_no="M1", dial_digits=5)
        s.add(meter)
        s.flush()
        s.add(
            m.Reading(
                account_id=account.id,
                meter_id=meter.id,
                period="2026-10",
                read_on=date(2026, 10, 20),
                previous_reading=0,
                reading=12,
                usage=12,
            )
        )
    name = f"t_clk_{uuid.uuid4().hex[:6]}"
    create_clerk(
        db,
        username=name,
        display_name="管理员",
        role="admin",
        hall_code="HQ",
        password="clerk-pw-1",
    )
    try:
        url = (
            make_url(db_url)
            .set(username=name, password="clerk-pw-1")
            .render_as_string(hide_password=False)
        )
        code, _, err = run(capsys, "--database-url", url, "bill-period", "2026-10")
        assert code == 1 and "refused (privilege)" in err and "Traceback" not in err
        with db.read() as s:
            assert s.execute(text("SELECT count(*) FROM bills")).scalar_one() == 0
    finally:
        db.dispose()
        with request.getfixturevalue("pg_server").engine.connect() as conn:
            conn.execute(text(f'DROP OWNED BY "{name}"'))
            conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
            conn.commit()
