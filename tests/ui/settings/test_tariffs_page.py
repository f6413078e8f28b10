"""水价 page (administrators only): the schedules of a category with their 文号,
a new schedule through the form, a refused field named and focused with what
was typed kept; screenshots at 1024x700 in Chinese."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from counter_app.services.tariffs.admin import TariffAdminService
from counter_app.ui.context import build_workplace
from counter_app.ui.main_window import MainWindow
from counter_app.ui.settings.tariff_form import TariffFormDialog
from counter_app.ui.settings.tariffs_page import TariffsPage
from tests.support.account_history import populate
from tests.support.screens import assert_nothing_clipped, save_shot


@pytest.fixture
def window_of(qtbot, runner, settings, settings_store, ui_state):
    def _make(login, clerk) -> MainWindow:
        workplace = build_workplace(clerk, login, settings, runner)
        window = MainWindow(workplace, settings_store, ui_state=ui_state, ping_interval_ms=60_000)
        qtbot.addWidget(window)
        window.resize(1024, 700)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return _make


def _type(qtbot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_only_an_administrator_has_the_page(db, login_as, window_of):
    populate(db)
    window = window_of(*login_as("clerk"))
    assert window.ui.navList.count() == 6
    window = window_of(*login_as("admin"))
    assert window.ui.navList.count() == 7
    assert window.ui.navList.item(6).text() == "水价"


def test_an_admin_adds_a_schedule_from_the_form(qtbot, db, login_as, window_of, tmp_path):
    populate(db)  # RES-2026, 嘉价发〔2025〕12号, billed up to 2026-10-31
    login, admin = login_as("admin")
    window = window_of(login, admin)
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    page = window.current_page
    assert isinstance(page, TariffsPage)
    qtbot.waitUntil(lambda: page.catalog is not None and page.schedules.rowCount() == 1)
    assert page.schedules.item(0, 2).text() == "嘉价发〔2025〕12号"
    assert page.schedules.item(0, 5).text() == "2026-10-31"
    assert page.prices.item(0, 3).text() == "6.30"
    save_shot(page, "tariffs_page", [tmp_path])

    qtbot.keyClick(page.new_button, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), TariffFormDialog))
    form = QApplication.activeModalWidget()
    assert form.tiers_edit.text() == "180, 300"  # the latest schedule's, as a start
    assert form.prices.item(0, 0).text() == "2.10"
    _type(qtbot, form.code_edit, "RES-2027")
    form.doc_edit.setText("嘉价发〔2026〕3号")  # typed through the input method
    _type(qtbot, form.from_edit, "2027-01-01")
    _type(qtbot, form.tiers_edit, "300, 180")  # not increasing
    form.resize(1024, 700)
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "阶梯上限" in form.message_label.text())
    assert QApplication.focusWidget() is form.tiers_edit
    assert form.tiers_edit.text() == "300, 180"  # kept
    assert_nothing_clipped(form)
    save_shot(form, "tariff_form_refused", [tmp_path])
    _type(qtbot, form.tiers_edit, "180, 300")
    form.prices.item(0, 0).setText("2.30")
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=10_000)
    qtbot.waitUntil(lambda: page.schedules.rowCount() == 2, timeout=10_000)
    assert page.message_label.text() == (
        "水价方案 RES-2027 已保存。 RES-2026 的执行截止日已设为 2026-12-31。"
    )
    assert page.schedules.item(1, 2).text() == "嘉价发〔2026〕3号"
    assert page.prices.item(0, 1).text() == "2.30"
    saved = TariffAdminService(login).catalog().find("RES-2027")
    assert saved is not None and saved.effective_from == date(2027, 1, 1)
    assert_nothing_clipped(page)
    save_shot(window, "tariffs_page_after_save", [tmp_path])
