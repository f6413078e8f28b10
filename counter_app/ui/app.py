"""The composition root: builds settings, fonts, translators, the task runner,
the login and the main window, and passes each what it needs."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from sqlalchemy.exc import ArgumentError

from counter_app import __version__
from counter_app.resources import resource_path
from counter_app.services.installation.urls import describe_url
from counter_app.settings import (
    APP_AUTHOR,
    APP_NAME,
    ENV_DATABASE_URL,
    Settings,
    SettingsError,
    SettingsStore,
    check_database_url,
    default_data_dir,
    embedded_data_dir,
    strip_password,
)
from counter_app.ui.account_events import AccountEvents
from counter_app.ui.fonts import install_app_font
from counter_app.ui.i18n import DEFAULT_LANGUAGE, install_translators
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.qt_libs import missing_packages, warn_missing
from counter_app.ui.startup import LazyAuthenticator, prepare_behind_login, prepare_embedded
from counter_app.ui.tasks import TaskRunner

APP_ICON = "icons/counter.svg"  # resources/icons/, copied by tools/build_resources.py
log = logging.getLogger("counter_app")


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and the rest for Qt (e.g. ``-platform offscreen``)."""
    parser = argparse.ArgumentParser(prog="counter-app", description="Service-hall counter client.")
    parser.add_argument(
        "--settings",
        type=Path,
        metavar="PATH",
        help="settings file (default: the user's config directory)",
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="database for this run, e.g. postgresql://db-server/counter "
        "(COUNTER_DATABASE_URL works too); a password in it is ignored",
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="check this installation on a throw-away demo database "
        "(offscreen) and exit 0 when it works",
    )
    parser.add_argument(
        "--until-login",
        action="store_true",
        help="start normally, print when the login window shows and when "
        "the database is ready for a sign-in (Unix time), then exit "
        "(start-up timing)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    args, rest = parser.parse_known_args(list(argv))
    if args.database_url:
        try:
            args.database_url = strip_password(check_database_url(args.database_url))
        except (SettingsError, ArgumentError) as exc:
            parser.error(f"--database-url: {exc}")
    return args, rest


def setup_logging(log_dir: Path) -> None:
    handlers: list[logging.Handler] = []
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                log_dir / "counter.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
            )
        )
    except OSError:
        pass
    if sys.stderr is not None:  # None under pythonw on Windows
        handlers.append(logging.StreamHandler())
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=handlers,
    )
    logging.getLogger("alembic").setLevel(logging.WARNING)  # schema check at every login


def load_settings(store: SettingsStore, database_url: str | None) -> Settings:
    """Settings from the store; ``--database-url`` overrides for this run."""
    settings = store.load()
    if database_url:
        settings = settings.with_changes(database_url=database_url)
    return settings


def _settings_problem(store: SettingsStore, exc: SettingsError) -> None:
    QMessageBox.critical(
        None,
        QCoreApplication.translate("App", "Counter"),
        QCoreApplication.translate(
            "App", "The settings file {path} cannot be used ({problem}). Call IT support."
        ).format(path=str(store.path), problem=str(exc)),
    )


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_check:
        from counter_app.ui.selfcheck import run_self_check

        return run_self_check(qt_args)
    setup_logging(default_data_dir() / "logs")
    log.info("Counter %s starting", __version__)

    if QApplication.instance() is None:
        warn_missing(missing_packages(qt_args=qt_args))
    app = qt_application(qt_args)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    install_app_icon(app)
    install_app_font(app)

    store = SettingsStore(args.settings)
    try:
        settings = load_settings(store, args.database_url)
    except SettingsError as exc:
        log.error("unusable settings %s: %s", store.path, exc)
        install_translators(app, DEFAULT_LANGUAGE)
        _settings_problem(store, exc)
        return 2
    install_translators(app, settings.language)

    # the one "account changed" notification: pages follow it, the runner emits it
    runner = TaskRunner(app, events=AccountEvents(app))
    try:
        if needs_first_run(store, args.database_url):
            from counter_app.ui.delivery import run_first_run

            chosen = run_first_run(store, settings, runner)
            if chosen is None:
                log.info("first-run setup cancelled")
                return 0
            settings = chosen
        return _run(app, runner, store, settings, until_login=args.until_login)
    finally:
        runner.shutdown(5000)


def qt_application(qt_args: Sequence[str]) -> QApplication:
    """The QApplication running (a test's), else a new one given ``qt_args``."""
    app = QApplication.instance()
    if app is None:
        return QApplication([sys.argv[0], *qt_args])
    if not isinstance(app, QApplication):
        raise RuntimeError("a QCoreApplication is running: Counter needs a QApplication")
    return app


def install_app_icon(app: QApplication) -> QIcon:
    """The window icon of every window (a drop over a meter's counter line;
    QtSvg's icon engine renders it at each size)."""
    icon = QIcon(str(resource_path(APP_ICON)))
    app.setWindowIcon(icon)
    return icon


def needs_first_run(store: SettingsStore, database_url: str | None) -> bool:
    """No settings file yet and no database named for this run."""
    return not (store.path.exists() or database_url or os.environ.get(ENV_DATABASE_URL))


def _run(
    app: QApplication,
    runner: TaskRunner,
    store: SettingsStore,
    settings: Settings,
    *,
    until_login: bool = False,
) -> int:
    embedded_dir = embedded_data_dir() if settings.is_embedded else None
    if embedded_dir is None:
        log.info("database: %s", describe_url(settings.database_url))
        database_text = describe_url(settings.database_url)
    else:
        log.info("database: embedded PostgreSQL in %s", embedded_dir)
        database_text = QCoreApplication.translate("App", "this computer")
    signin = LazyAuthenticator(settings.connection_url())
    dialog = LoginDialog(signin.login, runner, database_text=database_text)
    failed: list[bool] = []
    servers: list = []  # the embedded server, released when the app ends

    def prepare(datadir: Path):  # on the task runner
        info = prepare_embedded(datadir)
        servers.append(info.server)
        return info

    prepare_behind_login(
        dialog,
        runner,
        authenticator=signin,
        embedded_dir=embedded_dir,
        prepare=prepare,
        on_failure=lambda: failed.append(True),
    )
    try:
        return _sign_in_and_work(
            app, runner, store, settings, dialog, signin, failed, servers, until_login=until_login
        )
    finally:
        runner.shutdown(5000)
        for server in servers:
            from counter_app.services.installation.embedded import release_server

            release_server(server)


def _sign_in_and_work(
    app: QApplication,
    runner: TaskRunner,
    store: SettingsStore,
    settings: Settings,
    dialog: LoginDialog,
    signin: LazyAuthenticator,
    failed: list[bool],
    servers: list,
    *,
    until_login: bool,
) -> int:
    if until_login:
        _exit_once_ready(dialog, failed)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    if failed:
        return 1
    if not accepted or dialog.login_result is None:
        log.info("sign-in cancelled")
        return 0
    result = dialog.login_result
    dialog.deleteLater()

    # imported after the login so the login window shows sooner (cold start)
    from counter_app.ui.context import build_workplace
    from counter_app.ui.main_window import MainWindow

    workplace = build_workplace(
        result.clerk,
        result.database,
        settings,
        runner,
        authenticator=signin.get(),
        embedded_server=servers[0] if servers else None,
    )
    window = MainWindow(workplace, store, ui_state=QSettings())
    window.show()
    try:
        return app.exec()
    finally:
        window.monitor.stop()
        runner.shutdown(5000)
        result.database.dispose()
        log.info("Counter stopped")


def _exit_once_ready(dialog: LoginDialog, failed: list[bool]) -> None:
    """``--until-login``: print when the window shows and when a sign-in
    could start, then close (benchmarks/startup_bench.py reads the times).
    A failed preparation prints ``failed`` and closes its message box too:
    nobody is there to read it."""

    def stamp(what: str) -> None:
        print(f"counter-app: {what} {time.time():.6f}", flush=True)

    def check() -> None:
        if failed:
            stamp("failed")
            box = QApplication.activeModalWidget()
            if box is not None and box is not dialog:
                box.close()
            dialog.reject()
            return
        if dialog.preparing:
            QTimer.singleShot(10, check)
            return
        stamp("ready")
        dialog.reject()

    def shown() -> None:
        stamp("login-shown")
        check()

    QTimer.singleShot(0, shown)  # the event loop runs once the dialog shows
