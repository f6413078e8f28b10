"""The busy screens at the smallest and the usual workstation size, in Chinese
and English, on a demo town (real PostgreSQL): nothing cut, every filter and
button of the complaint list on screen, tables show their rows.

The PNGs go to tmp_path (and $COUNTER_SHOTS/layout/<font set>/ when set) for a
person to look at;
``COUNTER_FONT_SET`` names the set (tools/screen-tests-with-system-fonts.sh
runs these tests again with common system fonts installed)."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QWidget

from counter_app.db.engine import Database
from counter_app.demo import seed_demo
from counter_app.ui.context import build_workplace
from counter_app.ui.i18n import install_translators
from counter_app.ui.main_window import MainWindow
from tests.support.clerks import CLERK
from tests.support.screens import assert_nothing_clipped, save_shot, settle, shot_dirs

pytestmark = pytest.mark.postgres
FONT_SET = os.environ.get("COUNTER_FONT_SET", "bundled")
SIZES = [(1024, 700), (1366, 768)]


@pytest.fixture(scope="module")
def town(pg_server):
    name = pg_server.create(template=pg_server.migrated_template())
    database = Database.from_url(pg_server.url_for(name))
    seed_demo(database, accounts=300, months=12, seed=1)
    yield database
    database.dispose()
    pg_server.drop(name, wait=False)


@pytest.fixture(params=["zh_CN", "en"])
def language(request, qapp, chinese_ui):
    if request.param == "en":
        _switch(qapp, "en")
    yield request.param
    if request.param == "en":
        _switch(qapp, "zh_CN")


def _switch(app, language: str) -> None:
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()
    install_translators(app, language)


def shoot(widget: QWidget, name: str, tmp_path) -> None:
    save_shot(widget, name, shot_dirs(tmp_path, f"layout/{FONT_SET}"))


def assert_on_screen(root: QWidget, widgets: list[QWidget]) -> None:
    """Each widget lies wholly inside ``root`` (not pushed past its edge)."""
    out = []
    for widget in widgets:
        rect = widget.rect().translated(widget.mapTo(root, widget.rect().topLeft()))
        if not root.rect().contains(rect) or widget.width() < widget.minimumSizeHint().width():
            out.append(f"{widget.objectName() or type(widget).__name__} at {rect}")
    assert not out, out


def visible_rows(table) -> int:
    header = table.verticalHeader()
    return table.viewport().height() // max(1, header.defaultSectionSize())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_busy_screens(
    qtbot, town, runner, settings, settings_store, ui_state, language, size, tmp_path
):
    tag = f"{language}_{size[0]}"
    workplace = build_workplace(CLERK, town, settings, runner)
    window = MainWindow(workplace, settings_store, ui_state=ui_state, ping_interval_ms=60_000)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    page = window.search_page
    page.search_box.setText("张")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not runner.is_busy, timeout=15_000)
    settle(qtbot, window)
    shoot(window, f"search_{tag}", tmp_path)
    assert_nothing_clipped(window)
    page.table.activated.emit(page.model.index(0, 0))
    panel = page.account_panel
    qtbot.waitUntil(
        lambda: (
            panel.view is not None and panel.history.account_id is not None and not runner.is_busy
        ),
        timeout=15_000,
    )
    settle(qtbot, window)
    shoot(window, f"account_{tag}", tmp_path)
    assert_nothing_clipped(window)
    assert visible_rows(panel.history.bills_table) >= 4

    for index, name in ((2, "relief"), (3, "complaints")):
        window.show_page(index)
        if name == "complaints":
            window.complaints_page.tabs.setCurrentIndex(1)  # the list
        qtbot.waitUntil(lambda: not runner.is_busy, timeout=15_000)
        settle(qtbot, window)
        shoot(window, f"{name}_{tag}", tmp_path)
        assert_nothing_clipped(window)
    complaints = window.complaints_page.list
    assert_on_screen(
        window,
        [
            complaints.statusCombo,
            complaints.categoryCombo,
            complaints.departmentCombo,
            complaints.overdueCheck,
            complaints.refreshButton,
            complaints.exportButton,
        ],
    )
    assert visible_rows(complaints.table) >= 5
