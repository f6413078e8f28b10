"""pytest-qt fixtures for the GUI: offscreen, bundled font, Chinese UI."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import uuid  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from sqlalchemy import text  # noqa: E402

from counter_app.db.engine import Database  # noqa: E402
from counter_app.db.models import Hall  # noqa: E402
from counter_app.services.installation.clerks import create_clerk  # noqa: E402
from counter_app.settings import Settings, SettingsStore  # noqa: E402
from counter_app.ui.context import build_workplace  # noqa: E402
from counter_app.ui.fonts import install_app_font  # noqa: E402
from counter_app.ui.i18n import install_translators  # noqa: E402
from counter_app.ui.main_window import MainWindow  # noqa: E402
from counter_app.ui.tasks import TaskRunner  # noqa: E402
from tests.support.clerks import CLERK

PASSWORD = "pw-1234"


@pytest.fixture(scope="session", autouse=True)
def chinese_ui(qapp) -> str:
    """The app as a clerk sees it: bundled font, Simplified Chinese."""
    family = install_app_font(qapp)
    translators = install_translators(qapp, "zh_CN")
    assert translators, "counter_zh_CN.qm did not load"
    return family


@pytest.fixture
def runner(qapp) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    assert task_runner.wait_idle(15_000), "background tasks still running"
    task_runner.shutdown()
    task_runner.deleteLater()


@dataclass(frozen=True)
class ClerkAccount:
    url: str
    username: str
    password: str
    display_name: str


@pytest.fixture
def clerk_account(db_url, request) -> Iterator[ClerkAccount]:
    """A hall and one active clerk (a login role) in a fresh database."""
    admin = Database.from_url(db_url)
    with admin.write() as session:
        session.add(Hall(code="HQ", name="嘉祥营业厅"))
    # PostgreSQL login roles are per server: a unique name per test
    username = f"ui{uuid.uuid4().hex[:8]}"
    create_clerk(
        admin,
        username=username,
        display_name="张三",
        role="clerk",
        hall_code="HQ",
        password=PASSWORD,
    )
    yield ClerkAccount(db_url, username, PASSWORD, "张三")
    with admin.engine.connect() as conn:
        conn.execute(text(f'DROP OWNED BY "{username}"'))
        conn.execute(text(f'DROP ROLE IF EXISTS "{username}"'))
        conn.commit()
    admin.dispose()


@pytest.fixture
def app_db(pg_db) -> Database:
    """A migrated database (for screens that only need to show one)."""
    return pg_db


@pytest.fixture
def settings_store(tmp_path) -> SettingsStore:
    return SettingsStore(tmp_path / "settings.json", environ={})


@pytest.fixture
def settings() -> Settings:
    return Settings(workstation="WS-01", hall_code="HQ")


@pytest.fixture
def ui_state(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, runner, settings, settings_store, ui_state):
    def _make(database: Database, **kw):
        workplace = build_workplace(kw.pop("clerk", CLERK), database, settings, runner)
        window = MainWindow(workplace, settings_store, ui_state=kw.pop("ui_state", ui_state), **kw)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return _make
