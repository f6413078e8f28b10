"""The embedded PostgreSQL server and the demo database on it: first start,
later starts, two users of one server, a stale postmaster.pid, a killed
server, and the failures a clerk's PC can have (each with its reason)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from counter_app.db import embedded_server as es
from counter_app.db.engine import Database, make_engine, with_credentials
from counter_app.db.models import Account
from counter_app.services.auth import Authenticator, LoginError, LoginFailure
from counter_app.services.installation.clerks import ensure_login_role
from counter_app.services.installation.embedded import prepare_embedded_database
from tests.support.waiting import poll_until

pytestmark = pytest.mark.postgres


@pytest.fixture
def root() -> Iterator[Path]:
    # not under pytest's basetemp (0700, reset by other pytest runs): as root
    # the server runs as its own OS user and must reach the directory
    path = Path(tempfile.mkdtemp(prefix="counter-embedded-test-"))
    yield path
    datadir = path / "postgres"
    if es.is_running(datadir):
        es._pg_ctl(datadir, "stop", "-m", "immediate", "-w")
    shutil.rmtree(path, ignore_errors=True)


def test_first_start_creates_and_fills_then_only_migrates(root):
    first = prepare_embedded_database(root / "postgres", accounts=40, months=3)
    try:
        assert first.created
        assert {(d.username, d.role) for d in first.demo_logins} >= {
            ("clerk01", "clerk"),
            ("super01", "supervisor"),
        }
        # loopback only, and the clerk URL carries no credentials
        assert first.url.startswith("postgresql://127.0.0.1:") and "@" not in first.url
        # the hint on the login screen is true: the demo login works
        login = first.demo_logins[0]
        result = Authenticator(first.url).login(login.username, login.password)
        assert result.clerk.username == login.username
        with result.database.read() as s:
            # the clerk is a real login role in the group of its role
            assert s.execute(
                text("SELECT pg_has_role(session_user, 'counter_clerk', 'MEMBER')")
            ).scalar_one()
            # a database of a non-C ctype, the same on Windows: builtin C.UTF-8
            assert s.execute(
                text(
                    "SELECT datlocprovider, datlocale FROM pg_database "
                    "WHERE datname = current_database()"
                )
            ).one() == ("b", "C.UTF-8")
        result.database.dispose()
    finally:
        assert es.release_server(first.server)  # the last user stops it
    assert not es.is_running(root / "postgres")

    second = prepare_embedded_database(root / "postgres", accounts=40, months=3)
    try:
        assert not second.created
        db = Database.from_url(second.server.admin_url())
        with db.read() as s:
            assert s.execute(select(func.count()).select_from(Account)).scalar_one() == 40
        db.dispose()
    finally:
        es.release_server(second.server)


def test_a_wrong_password_is_refused_even_on_this_computer(root):
    info = prepare_embedded_database(root / "postgres", accounts=5, months=1)
    try:
        with pytest.raises(LoginError) as refused:
            Authenticator(info.url).login("clerk01", "not-demo")
        assert refused.value.failure is LoginFailure.BAD_CREDENTIALS
        # a clerk cannot take the superuser's name without its password
        with pytest.raises(LoginError):
            Authenticator(info.url).login(es.SUPERUSER, "demo")
    finally:
        es.release_server(info.server)


def test_changed_demo_password_is_no_longer_advertised(root):
    info = prepare_embedded_database(root / "postgres", accounts=5, months=1)
    try:
        db = Database.from_url(info.server.admin_url())
        ensure_login_role(db, "clerk01", "clerk", "a real secret")
        db.dispose()
        again = prepare_embedded_database(root / "postgres")
        assert "clerk01" not in {d.username for d in again.demo_logins}
        assert "super01" in {d.username for d in again.demo_logins}
        es.release_server(again.server)
    finally:
        es.release_server(info.server)


def test_two_app_instances_share_one_server_and_the_last_stops_it(root):
    datadir = root / "postgres"
    first = es.start_server(datadir)
    # a second instance on the same PC: another process registered as a user
    es._register(datadir, os.getppid())
    second = es.start_server(datadir)
    assert second.port == first.port
    assert not es.release_server(first)  # the other instance still uses it
    assert es.is_running(datadir)
    es._register(datadir, os.getppid(), remove=True)
    assert es.release_server(second)
    assert not es.is_running(datadir)


def test_a_stale_postmaster_pid_after_a_power_cut_is_recovered(root):
    datadir = root / "postgres"
    server = es.start_server(datadir)
    pid = int((datadir / "postmaster.pid").read_text().splitlines()[0])
    os.kill(pid, signal.SIGKILL)  # the power cut: no shutdown, postmaster.pid stays
    _wait_gone(pid)
    assert (datadir / "postmaster.pid").exists()
    # a dead pid, or one now used by another program (our own pid here)
    lines = (datadir / "postmaster.pid").read_text().splitlines()
    lines[0] = str(os.getpid())
    (datadir / "postmaster.pid").write_text("\n".join(lines) + "\n")
    _kill_backends(datadir)
    again = es.start_server(datadir)
    engine = make_engine(again.admin_url("postgres"))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT 1")).scalar_one() == 1
    engine.dispose()
    es.release_server(again)
    es._register(datadir, os.getpid(), remove=True)
    del server


def test_a_killed_server_is_started_again_by_the_next_start(root):
    datadir = root / "postgres"
    server = es.start_server(datadir)
    es._pg_ctl(datadir, "stop", "-m", "immediate", "-w")
    assert not es.is_running(datadir)
    again = es.ensure_running(server)
    engine = make_engine(again.admin_url("postgres"))
    with engine.connect() as conn:
        assert conn.execute(text("SELECT 1")).scalar_one() == 1
    engine.dispose()
    es.release_server(again)


def test_a_data_directory_of_a_newer_postgresql_is_refused_untouched(root):
    datadir = root / "postgres"
    datadir.mkdir()
    (datadir / "PG_VERSION").write_text(f"{es.binaries_major() + 1}\n")
    (datadir / "base").mkdir()
    with pytest.raises(es.EmbeddedServerError) as refused:
        es.start_server(datadir)
    assert refused.value.reason == "newer_version"
    assert sorted(p.name for p in datadir.iterdir()) == ["PG_VERSION", "base"]


def test_a_data_directory_that_cannot_be_written_names_the_reason(root):
    blocker = root / "file"
    blocker.write_text("not a directory")
    with pytest.raises(es.EmbeddedServerError) as refused:
        es.start_server(blocker / "postgres")
    assert refused.value.reason in ("permissions", "failed")
    assert str(blocker) in str(refused.value) or refused.value.path is not None


def test_failures_are_classified_from_what_the_server_says():
    assert (
        es.classify_failure('could not bind IPv4 address "127.0.0.1": Address already in use')
        == "port"
    )
    assert es.classify_failure("could not write to file: No space left on device") == "disk_full"
    assert (
        es.classify_failure('could not open file "global/pg_control": Permission denied')
        == "permissions"
    )
    assert es.classify_failure("database files are incompatible with server") == "newer_version"
    assert es.classify_failure("something else") == "failed"


def test_a_taken_port_is_avoided(root, monkeypatch):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    busy = taken.getsockname()[1]
    picks = iter([busy])
    real = es._free_port
    monkeypatch.setattr(es, "_free_port", lambda: next(picks, None) or real())
    try:
        server = es.start_server(root / "postgres")
        assert server.port != busy
        es.release_server(server)
    finally:
        taken.close()


def test_clerk_url_alone_signs_nobody_in(root):
    server = es.start_server(root / "postgres")
    try:
        engine = make_engine(with_credentials(server.clerk_url("postgres"), es.SUPERUSER, "x"))
        with pytest.raises(Exception, match="password authentication failed"):
            with engine.connect():
                pass
        engine.dispose()
    finally:
        es.release_server(server)


def _wait_gone(pid: int) -> None:
    import psutil

    try:
        psutil.Process(pid).wait(10)
    except psutil.NoSuchProcess:
        pass


def _kill_backends(datadir: Path) -> None:
    """The children of a killed postmaster exit by themselves; wait for them
    so the shared memory is free (as after a real power cut)."""
    import psutil

    def gone() -> bool:
        return not [
            p
            for p in psutil.process_iter(["name", "cmdline"])
            if p.info["name"] == "postgres" and str(datadir) in " ".join(p.info["cmdline"] or [])
        ]

    poll_until(gone, timeout=10, interval=0.1)


def test_a_server_killed_under_the_app_is_revived_and_the_clerk_reconnects(root):
    from counter_app.services.installation.embedded import ping

    info = prepare_embedded_database(root / "postgres", accounts=5, months=1)
    result = Authenticator(info.url).login("clerk01", "demo")
    try:
        assert ping(result.database, info.server)
        es._pg_ctl(info.server.datadir, "stop", "-m", "immediate", "-w")  # killed
        assert not result.database.ping()
        assert ping(result.database, info.server)  # started again, on its port
        with result.database.read() as s:
            assert s.execute(select(func.count()).select_from(Account)).scalar_one() == 5
    finally:
        result.database.dispose()
        es.release_server(info.server)
