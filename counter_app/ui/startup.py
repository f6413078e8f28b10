"""Start-up work that must not delay the login window.

The login window is the first thing a clerk sees, so it is shown before the
heavy parts load: the database layer (SQLAlchemy's ORM, Alembic, argon2, the
models) is imported on the task runner while the clerk types, and on an
embedded database the migration check (or, on the first start, creating and
filling the demo database) runs there too. A sign-in asked for before the
database is ready starts as soon as it is.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox
from sqlalchemy.engine import make_url

from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from counter_app.services.auth import Authenticator, LoginResult

log = logging.getLogger(__name__)

PREPARE_TASK = "prepare-embedded"
DEMO_LOGINS_TASK = "demo-logins"
WARM_UP_TASK = "warm-up"


class LazyAuthenticator:
    """:class:`~counter_app.services.auth.Authenticator` built on first use.

    Importing it costs more than everything else before the login window,
    so :meth:`get` is first called on the task runner (warm-up or sign-in).
    """

    def __init__(self, url: str):
        self.url = url
        self._lock = threading.Lock()
        self._authenticator: Authenticator | None = None

    def get(self) -> Authenticator:
        with self._lock:
            if self._authenticator is None:
                from counter_app.services.auth import Authenticator

                self._authenticator = Authenticator(self.url)
            return self._authenticator

    def login(self, username: str, password: str) -> LoginResult:
        return self.get().login(username, password)


def _prepare(url: str) -> Any:
    from counter_app.services.embedded import prepare_embedded_database

    return prepare_embedded_database(url, check_demo_logins=False)


def _demo_logins(url: str) -> Any:
    from counter_app.services.embedded import demo_logins

    return demo_logins(url)


def _database_exists(url: str) -> bool:
    path = make_url(url).database
    return bool(path) and Path(path).is_file() and Path(path).stat().st_size > 0


def prepare_behind_login(
    dialog: LoginDialog,
    runner: TaskRunner,
    url: str,
    *,
    authenticator: LazyAuthenticator | None = None,
    embedded: bool,
    on_failure: Callable[[], None] = lambda: None,
    prepare: Callable[[str], Any] = _prepare,
    find_demo_logins: Callable[[str], Any] = _demo_logins,
) -> None:
    """Start the work behind a shown (or about to be shown) login dialog.

    Embedded: the database is checked or created (the dialog says which and
    holds a sign-in until it is done), then the demo logins are looked up and
    shown as a hint. Shared server: only the database layer is imported
    (``authenticator.get``), so the first sign-in does not pay for it. A
    failed preparation is told to the clerk, ``on_failure`` runs and the
    dialog closes.
    """
    if not embedded:
        if authenticator is not None:
            runner.submit(authenticator.get, key=WARM_UP_TASK)
        return

    if _database_exists(url):
        dialog.set_preparing(QCoreApplication.translate(
            "Startup", "Checking the database on this computer..."))
    else:
        dialog.set_preparing(QCoreApplication.translate(
            "Startup",
            "Preparing the demo database on this computer (only on the first start). "
            "You can type your username and password meanwhile.",
        ))

    def ready(info: Any) -> None:
        if getattr(info, "created", False):
            log.info("created the embedded demo database %s", url)
        dialog.set_ready()
        runner.submit(find_demo_logins, url, on_done=dialog.show_demo_logins,
                      on_error=_no_demo_logins, key=DEMO_LOGINS_TASK)
        if authenticator is not None:
            runner.submit(authenticator.get, key=WARM_UP_TASK)

    def failed(exc: BaseException) -> None:
        log.error("cannot prepare the embedded database %s", url, exc_info=exc)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("Startup", "Counter"),
            QCoreApplication.translate(
                "Startup",
                "The demo database on this computer could not be prepared. Call IT support.",
            ),
            parent=dialog,
        )
        box.setDetailedText(str(exc))
        box.exec()
        on_failure()
        dialog.reject()

    runner.submit(prepare, url, on_done=ready, on_error=failed, key=PREPARE_TASK)


def _no_demo_logins(exc: BaseException) -> None:
    log.warning("demo logins not checked: %s", exc)
