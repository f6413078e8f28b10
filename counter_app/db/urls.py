"""Database URLs as the clerk sees them (no ORM import: used before login),
and TLS by default for a server that is not on this machine."""

from __future__ import annotations

import ipaddress
import logging

from sqlalchemy.engine import URL, make_url

log = logging.getLogger(__name__)

VERIFIED_MODES = ("verify-full", "verify-ca")
#: libpq sslmodes that do not check who answers (or do not encrypt at all)
WEAK_MODES = ("disable", "allow", "prefer", "require")


def describe_url(url: str | URL) -> str:
    """'PostgreSQL host:port/db', never a password."""
    parsed = make_url(url) if isinstance(url, str) else url
    host = parsed.host or "localhost"
    port = f":{parsed.port}" if parsed.port else ""
    return f"PostgreSQL {host}{port}/{parsed.database}"


def _loopback(host: str) -> bool:
    if not host or host.startswith("/") or host.lower() == "localhost":
        return True  # a Unix socket (no host, or a directory) or this machine
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_local(url: str | URL) -> bool:
    """The server is this machine (loopback address, ``localhost`` or a socket)."""
    parsed = make_url(url) if isinstance(url, str) else url
    hosts = [h for h in (parsed.host or "").split(",") if h] or [""]
    query_host = parsed.query.get("host")
    if isinstance(query_host, str):
        hosts.append(query_host)
    hostaddr = parsed.query.get("hostaddr")
    if isinstance(hostaddr, str):
        hosts.append(hostaddr)
    return all(_loopback(h) for h in hosts)


def sslmode(url: str | URL) -> str:
    parsed = make_url(url) if isinstance(url, str) else url
    value = parsed.query.get("sslmode", "")
    return value if isinstance(value, str) else value[-1]


def secure_url(url: str | URL, *, ca_file: str = "") -> URL:
    """A URL of a server on another machine without ``sslmode`` gets
    ``sslmode=verify-full`` (with ``ca_file`` as ``sslrootcert`` when given and
    none is named). A weaker ``sslmode`` named in the URL is kept (the
    caller's explicit choice; settings refuse it unless
    ``allow_plaintext_remote``) and logged. Local URLs are unchanged."""
    parsed = make_url(url) if isinstance(url, str) else url
    if is_local(parsed):
        return parsed
    mode = sslmode(parsed)
    query = dict(parsed.query)
    if not mode:
        query["sslmode"] = "verify-full"
    elif mode in WEAK_MODES:
        log.warning(
            "connection to %s with sslmode=%s: the server is not verified%s (an explicit choice)",
            describe_url(parsed),
            mode,
            " and the line is not encrypted" if mode in ("disable", "allow", "prefer") else "",
        )
        return parsed
    if ca_file and "sslrootcert" not in query:
        query["sslrootcert"] = ca_file
    return parsed.set(query=query)


def tls_description(url: str | URL) -> str:
    """What protects the line, in English (the UI translates its own words):
    ``local``, ``verify-full: <ca>`` or ``plaintext: <sslmode>``."""
    parsed = make_url(url) if isinstance(url, str) else url
    if is_local(parsed):
        return "local"
    secured = secure_url(parsed) if sslmode(parsed) not in WEAK_MODES else parsed
    mode = sslmode(secured)
    if mode in VERIFIED_MODES:
        ca = secured.query.get("sslrootcert") or "~/.postgresql/root.crt"
        return f"{mode}: {ca}"
    return f"plaintext: {mode}"
