"""TLS by default for a server that is not on this machine (db/urls.py,
settings.py), against a throw-away PostgreSQL cluster with ssl=on and a
certificate of a test CA made here with openssl: the right CA and host
connect, another host name or another CA is refused, no CA at all is refused
(verify-full, not "prefer"); a weaker sslmode to a remote server needs the
explicit, logged setting. Loopback and socket URLs are unchanged."""

from __future__ import annotations

import glob
import logging
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from counter_app.db import embedded_server as es
from counter_app.db.engine import make_engine
from counter_app.db.urls import is_local, secure_url, tls_description
from counter_app.settings import Settings, SettingsError

HOST = "counter-db.test"  # the name in the server's certificate (resolved by hostaddr)
OPENSSL = shutil.which("openssl")
PG_BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run([OPENSSL, *args], cwd=cwd, check=True, capture_output=True)


def _ca(directory: Path, name: str) -> None:
    _openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        f"/CN={name}",
        "-keyout",
        f"{name}.key",
        "-out",
        f"{name}.crt",
        cwd=directory,
    )


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory):
    if OPENSSL is None:
        pytest.skip("neither openssl nor the cryptography package is installed")
    if not PG_BIN:
        pytest.skip(
            "no system PostgreSQL binaries (/usr/lib/postgresql/*/bin) with OpenSSL; "
            "the embedded wheel is built without it"
        )
    bindir = Path(PG_BIN[-1]).parent
    root = tmp_path_factory.mktemp("tls")
    _ca(root, "ca")
    _ca(root, "otherca")
    (root / "san.cnf").write_text(f"subjectAltName=DNS:{HOST}\n")
    _openssl(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        f"/CN={HOST}",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
        cwd=root,
    )
    _openssl(
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.crt",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "san.cnf",
        "-out",
        "server.crt",
        cwd=root,
    )
    data = root / "data"
    kwargs = es._run_kwargs()
    es._give_to_server_user(root)
    subprocess.run(
        [
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
        ],
        check=True,
        capture_output=True,
        **kwargs,
    )
    for name in ("server.crt", "server.key"):
        shutil.copy(root / name, data / name)
    (data / "server.key").chmod(0o600)
    port = es._free_port()
    with (data / "postgresql.conf").open("a") as conf:
        conf.write(
            f"\nport = {port}\nlisten_addresses = '127.0.0.1'\n"
            f"unix_socket_directories = '{root}'\nssl = on\n"
        )
    # TLS only: a plaintext connection finds no line
    (data / "pg_hba.conf").write_text("hostssl all all 127.0.0.1/32 trust\n")
    es._give_to_server_user(root)
    subprocess.run(
        [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w", "start"],
        check=True,
        capture_output=True,
        **kwargs,
    )
    yield root, port
    subprocess.run(
        [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
        capture_output=True,
        **kwargs,
    )


def _connects(url: str) -> str:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(
                text("SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            ).scalar_one()
    finally:
        engine.dispose()


def _url(port: int, host: str = HOST, **query: str) -> str:
    extra = "".join(f"&{k}={v}" for k, v in query.items())
    return f"postgresql://postgres@{host}:{port}/postgres?hostaddr=127.0.0.1{extra}"


def test_the_right_ca_and_host_connect_with_tls(tls_server):
    root, port = tls_server
    settings = Settings(database_url=_url(port), tls_ca_file=str(root / "ca.crt"))
    url = settings.connection_url()
    assert "sslmode=verify-full" in url and "sslrootcert=" in url
    assert _connects(url) == "true"


def test_another_host_name_is_refused(tls_server):
    root, port = tls_server
    settings = Settings(
        database_url=_url(port, host="other-name.test"), tls_ca_file=str(root / "ca.crt")
    )
    with pytest.raises(OperationalError, match="does not match host name"):
        _connects(settings.connection_url())


def test_another_ca_is_refused(tls_server):
    root, port = tls_server
    settings = Settings(database_url=_url(port), tls_ca_file=str(root / "otherca.crt"))
    with pytest.raises(OperationalError, match="certificate verify failed"):
        _connects(settings.connection_url())


def test_no_ca_is_refused_not_unverified(tls_server, tmp_path, monkeypatch):
    """No sslmode and no CA: verify-full with libpq's default root file,
    absent here, so no connection (libpq's default 'prefer' would connect)."""
    root, port = tls_server
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("PGSSLROOTCERT", str(tmp_path / "none.crt"))
    with pytest.raises(OperationalError, match="root certificate file"):
        _connects(_url(port))
    # the same server with sslmode=require named explicitly: encrypted, unverified
    assert _connects(_url(port, sslmode="require")) == "true"


def test_a_weak_sslmode_to_a_remote_server_is_an_explicit_logged_choice(caplog):
    remote = "postgresql://dbhost:5432/counter?sslmode=disable"
    with pytest.raises(SettingsError) as refused:
        Settings(database_url=remote)
    assert refused.value.field == "database_url" and "allow_plaintext_remote" in str(refused.value)
    chosen = Settings(database_url=remote, allow_plaintext_remote=True)
    with caplog.at_level(logging.WARNING):
        assert "sslmode=disable" in chosen.connection_url()
    assert "allow_plaintext_remote" in caplog.text and "dbhost" in caplog.text
    assert tls_description(chosen.connection_url()) == "plaintext: disable"


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://127.0.0.1:5432/counter",
        "postgresql://localhost/counter",
        "postgresql://[::1]:5432/counter",
        "postgresql:///counter",
        "postgresql:///counter?host=/var/run/postgresql",
        "postgresql://localhost/counter?sslmode=disable",
    ],
)
def test_loopback_and_socket_urls_are_unchanged(url):
    assert is_local(url)
    assert secure_url(url) == make_url(url)
    assert make_url(Settings(database_url=url).connection_url()) == make_url(url)
    assert tls_description(url) == "local"


def test_a_remote_url_gets_verify_full():
    url = secure_url("postgresql://dbhost/counter", ca_file="/etc/counter/ca.pem")
    assert dict(url.query) == {"sslmode": "verify-full", "sslrootcert": "/etc/counter/ca.pem"}
    kept = secure_url(
        "postgresql://dbhost/counter?sslmode=verify-ca&sslrootcert=/x.pem", ca_file="/y.pem"
    )
    assert dict(kept.query) == {"sslmode": "verify-ca", "sslrootcert": "/x.pem"}
    assert tls_description("postgresql://dbhost/counter").startswith("verify-full: ")
