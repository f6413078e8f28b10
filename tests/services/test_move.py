"""One PC grows into a hall: the embedded database moves to a server with
nothing retyped (counter-admin move-to-server)."""

from __future__ import annotations

import json
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from counter_app.cli import main
from counter_app.db import embedded_server as es
from counter_app.db.engine import Database
from counter_app.services.auth import Authenticator
from counter_app.services.installation.clerks import create_clerk
from counter_app.services.installation.embedded import prepare_embedded_database
from counter_app.services.installation.move import MoveError, move_database

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def embedded():
    root = Path(tempfile.mkdtemp(prefix="counter-move-test-"))
    info = prepare_embedded_database(root / "postgres", accounts=25, months=3)
    yield info
    es.release_server(info.server)
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def target(pg_server, monkeypatch):
    """A new, empty database on the test server, named without a password
    (libpq reads it from PGPASSWORD, as the README tells a DBA)."""
    name = pg_server.create()
    url = pg_server.url_for(name)
    if url.password:
        monkeypatch.setenv("PGPASSWORD", url.password)
    yield url.set(password=None).render_as_string(hide_password=False)
    pg_server.drop(name, wait=False)


def _totals(db: Database) -> dict:
    with db.read() as s:
        return dict(
            s.execute(
                text(
                    "SELECT 'bills', sum(amount) FROM bills UNION ALL "
                    "SELECT 'payments', sum(amount) FROM payments UNION ALL "
                    "SELECT 'accounts', count(*) FROM accounts UNION ALL "
                    "SELECT 'audit', count(*) FROM audit_events"
                )
            ).all()
        )


def test_move_copies_everything_and_clerks_keep_their_passwords(
    embedded, target, capsys, monkeypatch, pg_server
):
    monkeypatch.delenv("COUNTER_DATABASE_URL", raising=False)
    source = Database.from_url(embedded.server.admin_url())
    newcomer = f"t_move_{uuid.uuid4().hex[:8]}"  # a login the server surely lacks
    create_clerk(
        source,
        username=newcomer,
        display_name="新来的",
        role="supervisor",
        hall_code="JX01",
        password="her own secret",
    )
    before = _totals(source)
    code = main(
        ["--database-url", embedded.server.admin_url(), "--json", "move-to-server", "--to", target]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    report = json.loads(out)
    assert report["rows"]["accounts"] == 25
    assert (
        report["workstation_url"].startswith("postgresql://")
        and "@" not in report["workstation_url"]
    )
    moved = Database.from_url(target)
    assert _totals(moved) == before
    # the server's sequences continue after the copied rows
    with moved.read() as s:
        top = s.execute(text("SELECT max(id) FROM accounts")).scalar_one()
        assert (
            s.execute(text("SELECT nextval(pg_get_serial_sequence('accounts', 'id'))")).scalar_one()
            > top
        )
    # a clerk signs in to the server with the password from this computer
    assert newcomer in report["roles_created"]
    assert set(report["roles_created"]) | set(report["roles_kept"]) >= {"clerk01", "admin"}
    result = Authenticator(report["workstation_url"]).login(newcomer, "her own secret")
    assert result.clerk.username == newcomer and result.clerk.role == "supervisor"
    result.database.dispose()
    # moving again into the filled database writes nothing
    code = main(["--database-url", embedded.server.admin_url(), "move-to-server", "--to", target])
    assert code == 1
    assert "already has" in capsys.readouterr().err
    assert _totals(moved) == before
    moved.dispose()
    source.dispose()
    with pg_server.engine.connect() as conn:  # logins belong to the server, not the database
        for role in report["roles_created"]:
            conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))


def test_a_server_at_another_schema_revision_is_refused(embedded, target):
    source = Database.from_url(embedded.server.admin_url())
    bare = Database.from_url(target)  # not migrated
    with pytest.raises(MoveError, match="migrate"):
        move_database(source, bare)
    source.dispose()
    bare.dispose()


def test_a_password_in_the_target_url_is_refused(embedded, capsys):
    code = main(
        [
            "--database-url",
            embedded.server.admin_url(),
            "move-to-server",
            "--to",
            "postgresql://admin:s3cret@127.0.0.1:1/counter",
        ]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert "s3cret" not in err and "PGPASSWORD" in err
