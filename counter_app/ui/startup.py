"""Start-up work that must not delay the login window.
Design: docs/architecture.md ("The UI")
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from counter_app.services.installation.urls import describe_url
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.tasks import TaskRunner
from counter_app.ui.warm_up import warm_up_behind_login

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

    def __init__(self, url: str = ""):
        self.url = url  # the embedded server's is known once it has started
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


def prepare_embedded(datadir: Path) -> Any:
    from counter_app.services.installation.embedded import prepare_embedded_database

    return prepare_embedded_database(datadir, check_demo_logins=False)


def _demo_logins(server: Any) -> Any:
    from counter_app.services.installation.embedded import demo_logins

    return demo_logins(server)


def _database_exists(datadir: Path) -> bool:
    return (datadir / "PG_VERSION").is_file()


def prepare_behind_login(
    dialog: LoginDialog,
    runner: TaskRunner,
    *,
    authenticator: LazyAuthenticator | None = None,
    embedded_dir: Path | None = None,
    on_ready: Callable[[Any], None] = lambda info: None,
    on_failure: Callable[[], None] = lambda: None,
    prepare: Callable[[Path], Any] = prepare_embedded,
    find_demo_logins: Callable[[Any], Any] = _demo_logins,
) -> None:
    """Start the work behind a shown (or about to be shown) login dialog.

    Embedded (``embedded_dir`` given): the server is started and its database
    checked or created (the dialog says which and holds a sign-in until it is
    done), the authenticator learns the server's URL, ``on_ready`` gets the
    :class:`~counter_app.services.installation.embedded.EmbeddedInfo`, then the demo logins
    are looked up and shown as a hint. Either way the database layer is then
    imported (``authenticator.get``), so the first sign-in does not pay for
    it, and after it the main window's modules and the document fonts
    (``ui/warm_up.py``). A failed preparation is told to the clerk (the reason
    in Chinese, the details in the log), ``on_failure`` runs and the dialog closes.
    """
    if embedded_dir is None:
        if authenticator is not None:
            runner.submit(warm_up_behind_login, authenticator, key=WARM_UP_TASK)
        return

    if _database_exists(embedded_dir):
        dialog.set_preparing(
            QCoreApplication.translate("Startup", "Checking the database on this computer...")
        )
    else:
        dialog.set_preparing(
            QCoreApplication.translate(
                "Startup",
                "Preparing the demo database on this computer (only on the first start). "
                "You can type your username and password meanwhile.",
            )
        )

    def ready(info: Any) -> None:
        if info.created:
            log.info("created the embedded demo database in %s", embedded_dir)
        if authenticator is not None:
            authenticator.url = info.url
        on_ready(info)
        dialog.set_database_text(describe_url(info.url))
        dialog.set_ready()
        runner.submit(
            find_demo_logins,
            info.server,
            on_done=dialog.show_demo_logins,
            on_error=_no_demo_logins,
            key=DEMO_LOGINS_TASK,
        )
        if authenticator is not None:
            runner.submit(warm_up_behind_login, authenticator, key=WARM_UP_TASK)

    def failed(exc: BaseException) -> None:
        log.error(
            "cannot prepare the embedded database in %s: %s (%s)",
            embedded_dir,
            exc,
            getattr(exc, "detail", ""),
            exc_info=exc,
        )
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("Startup", "Counter"),
            embedded_failure_text(exc, embedded_dir),
            parent=dialog,
        )
        box.setDetailedText(str(getattr(exc, "detail", "") or exc))
        on_failure()  # before the box: a run without a clerk (--until-login) ends on it
        box.exec()
        dialog.reject()

    runner.submit(prepare, embedded_dir, on_done=ready, on_error=failed, key=PREPARE_TASK)


def embedded_failure_text(exc: BaseException, datadir: Path) -> str:
    """Why the database on this computer could not start, for the clerk."""
    reasons = {
        "permissions": QCoreApplication.translate(
            "Startup", "The folder {path} cannot be written (permissions)."
        ),
        "disk_full": QCoreApplication.translate("Startup", "The disk holding {path} is full."),
        "port": QCoreApplication.translate(
            "Startup", "No network port on this computer (127.0.0.1) is free for it."
        ),
        "newer_version": QCoreApplication.translate(
            "Startup",
            "The data in {path} was made by a newer version of Counter; install that version.",
        ),
        "older_version": QCoreApplication.translate(
            "Startup",
            "The data in {path} was made by an older PostgreSQL; it must be upgraded first.",
        ),
        "binaries": QCoreApplication.translate(
            "Startup", "This installation lacks its database server; reinstall it."
        ),
    }
    reason = reasons.get(
        getattr(exc, "reason", ""),
        QCoreApplication.translate(
            "Startup", "The database server did not start; its log is in {path}."
        ),
    )
    where = str(getattr(exc, "path", None) or datadir)
    return "\n".join(
        (
            QCoreApplication.translate(
                "Startup", "The database on this computer could not be started."
            ),
            reason.format(path=where),
            QCoreApplication.translate("Startup", "Call IT support."),
        )
    )


def _no_demo_logins(exc: BaseException) -> None:
    log.warning("demo logins not checked: %s", exc)
