"""One typed settings registry per workstation (a JSON file; never a password).
Design: docs/architecture.md ("Migrations and installations")
"""

from __future__ import annotations

import json
import logging
import os
import socket
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from counter_app.db.urls import WEAK_MODES, is_local, secure_url, sslmode
from counter_app.domain.errors import FieldError

log = logging.getLogger(__name__)

APP_NAME = "Counter"
APP_AUTHOR = "Counter"
ENV_DATABASE_URL = "COUNTER_DATABASE_URL"
LANGUAGES = ("zh_CN", "en")
PAPER_WIDTHS = (58, 80)
# where the cursor goes after a payment: the search page's box (emptied) or the
# payments page's 户号 box (the old number kept, selected)
AFTER_PAYMENT_FOCUS = ("search", "account_no")


class SettingsError(FieldError):
    """A setting has a value we cannot use; ``field`` names it (also first in ``str()``)."""

    def __init__(self, field_name: str, message: str):
        super().__init__(field_name, message)


def default_data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, APP_AUTHOR))


def default_settings_path() -> Path:
    return Path(user_config_dir(APP_NAME, APP_AUTHOR)) / "settings.json"


def embedded_data_dir(data_dir: Path | None = None) -> Path:
    """The embedded PostgreSQL server's data directory (the cluster)."""
    return (data_dir or default_data_dir()) / "postgres"


SUPPORTED_URL = "postgresql://host:port/database"


def check_database_url(url: str) -> str:
    """``url`` if it names a PostgreSQL database; else a SettingsError that
    names the supported choices (never echoing a password)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise SettingsError(
            "database_url",
            f"not a database URL; use {SUPPORTED_URL}, or nothing for the database on this "
            "computer",
        ) from None
    if parsed.get_backend_name() not in ("postgresql", "postgres"):
        raise SettingsError(
            "database_url",
            f"{parsed.get_backend_name()} is not supported: Counter runs on PostgreSQL only; "
            f"use {SUPPORTED_URL} for a shared server, or nothing for the database on this "
            "computer (an embedded PostgreSQL the app starts itself)",
        )
    return url


SECRET_PARAMETERS = ("password", "passfile", "sslpassword")


def strip_password(url: str) -> str:
    """The URL without any password (``user:pw@`` or ``?password=`` and the
    other libpq secrets in the query), as it may be stored on disk or logged."""
    parsed = make_url(url)
    query = {k: v for k, v in parsed.query.items() if k.lower() not in SECRET_PARAMETERS}
    if parsed.password is None and query == dict(parsed.query):
        return url
    bare = URL.create(
        parsed.drivername,
        username=parsed.username,
        host=parsed.host,
        port=parsed.port,
        database=parsed.database,
        query=query,
    )
    return bare.render_as_string(hide_password=False)


@dataclass(frozen=True)
class Settings:
    """Everything one workstation needs to know; immutable, replaced on save."""

    database_url: str = ""
    workstation: str = field(default_factory=socket.gethostname)
    hall_code: str = "HQ"
    language: str = "zh_CN"
    receipt_printer: str = ""
    a4_printer: str = ""
    paper_width_mm: int = 80
    escpos_profile: str = "default"
    receipt_copies: int = 1
    open_drawer_on_cash: bool = True
    mask_names_on_receipt: bool = False
    after_payment_focus: str = "search"
    # TLS to a shared server on another machine: verify-full by default, with
    # this CA file (PEM) unless the URL names its sslrootcert
    tls_ca_file: str = ""
    # the explicit choice to let a URL with a weaker sslmode (disable, require,
    # ...) reach a server on another machine; logged at every connection
    allow_plaintext_remote: bool = False

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise SettingsError("language", f"must be one of {', '.join(LANGUAGES)}")
        if self.paper_width_mm not in PAPER_WIDTHS:
            raise SettingsError("paper_width_mm", "must be 58 or 80")
        if self.after_payment_focus not in AFTER_PAYMENT_FOCUS:
            raise SettingsError(
                "after_payment_focus", f"must be one of {', '.join(AFTER_PAYMENT_FOCUS)}"
            )
        if not 1 <= self.receipt_copies <= 5:
            raise SettingsError("receipt_copies", "must be between 1 and 5")
        if not self.workstation.strip():
            raise SettingsError("workstation", "must not be empty")
        if self.database_url:
            check_database_url(self.database_url)
            if strip_password(self.database_url) != self.database_url:
                raise SettingsError("database_url", "must not contain a password")
            if (
                not is_local(self.database_url)
                and sslmode(self.database_url) in WEAK_MODES
                and not self.allow_plaintext_remote
            ):
                raise SettingsError(
                    "database_url",
                    f"sslmode={sslmode(self.database_url)} does not verify a server on another "
                    "machine; remove it (TLS verify-full is used) or set "
                    "allow_plaintext_remote",
                )

    @property
    def is_embedded(self) -> bool:
        """No URL: the embedded PostgreSQL server of this computer."""
        return not self.database_url

    def connection_url(self) -> str:
        """The URL the workstation connects with: a server on another machine
        with TLS verify-full and :attr:`tls_ca_file` (``db/urls.secure_url``);
        a weaker mode only with :attr:`allow_plaintext_remote`, logged."""
        if self.is_embedded:
            return ""
        if (
            self.allow_plaintext_remote
            and not is_local(self.database_url)
            and sslmode(self.database_url) in WEAK_MODES
        ):
            log.warning(
                "settings: allow_plaintext_remote is set; %s is reached with sslmode=%s",
                make_url(self.database_url).host,
                sslmode(self.database_url),
            )
        return secure_url(self.database_url, ca_file=self.tls_ca_file).render_as_string(
            hide_password=False
        )

    def with_changes(self, **changes: object) -> Settings:
        return replace(self, **changes)


class SettingsStore:
    """Loads and saves :class:`Settings` as JSON at one path."""

    def __init__(self, path: Path | None = None, *, environ: dict[str, str] | None = None):
        self.path = path or default_settings_path()
        self._environ = os.environ if environ is None else environ

    def load(self) -> Settings:
        data: dict[str, object] = {}
        if self.path.exists():
            try:
                raw = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError) as exc:
                raise SettingsError("file", f"cannot read {self.path}: {exc}") from exc
            known = {f.name for f in fields(Settings)}
            data = {k: v for k, v in raw.items() if k in known}
        env_url = self._environ.get(ENV_DATABASE_URL)
        if env_url:
            data["database_url"] = strip_password(env_url)
        return Settings(**data)  # type: ignore[arg-type]

    def stored_database_url(self) -> str:
        """The URL in the file itself (not COUNTER_DATABASE_URL, not --database-url)."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return ""
        url = raw.get("database_url", "") if isinstance(raw, dict) else ""
        return url if isinstance(url, str) else ""

    def save(self, settings: Settings) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(self.path)
