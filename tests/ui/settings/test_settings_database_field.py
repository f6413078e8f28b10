"""设置: a counter clerk cannot change the database address; a URL given for
this run (--database-url) is not written into the settings file on 保存."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from counter_app.settings import Settings
from counter_app.ui.pages.settings_page import SettingsPage

pytestmark = pytest.mark.postgres


@pytest.fixture
def db(pg_db):
    return pg_db


def test_a_clerk_sees_the_address_read_only_with_a_hint(db, make_window, qtbot):
    window = make_window(db)  # signed in as a counter clerk
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    page = window.settings_page
    edit = page.ui.databaseUrlEdit
    before = edit.text()
    qtbot.waitUntil(page.database_hint.isVisible)  # the page is built when first shown
    assert edit.isReadOnly()
    assert "主管或管理员" in page.database_hint.text()
    edit.setFocus()
    qtbot.keyClicks(edit, "postgresql://elsewhere/counter")
    assert edit.text() == before


def test_a_supervisor_may_edit_it(qtbot, settings, settings_store):
    page = SettingsPage(settings, settings_store, database_editable=True)
    qtbot.addWidget(page)
    assert not page.ui.databaseUrlEdit.isReadOnly() and not hasattr(page, "database_hint")


def test_a_url_given_for_this_run_is_not_saved(qtbot, settings_store):
    settings_store.save(Settings(workstation="WS-01", database_url="postgresql://hall-db/counter"))
    running = settings_store.load().with_changes(database_url="postgresql://test-db:5433/trial")
    page = SettingsPage(running, settings_store)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    edit = page.ui.workstationEdit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "WS-02")
    qtbot.keyClick(edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = json.loads(settings_store.path.read_text(encoding="utf-8"))
    assert saved["workstation"] == "WS-02"
    assert saved["database_url"] == "postgresql://hall-db/counter"
    assert page.ui.databaseUrlEdit.text() == "postgresql://test-db:5433/trial"
