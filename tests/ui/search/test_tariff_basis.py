"""收费依据 from the account view: Alt+J opens it, one screen call fills it,
the A4 PDF holds the schedule, its 文号 and the customer's place in the tiers;
a screenshot at 1024x700 in Chinese for a person to look at."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from counter_app.ui.search.tariff_basis import TariffBasisDialog
from tests.support.screens import assert_nothing_clipped, save_shot, settle
from tests.support.search_ui import open_first

pytestmark = pytest.mark.usefixtures("town")


def open_basis(qtbot, window) -> TariffBasisDialog:
    panel = open_first(qtbot, window)
    assert panel.basis_button.text() == "收费依据 (Alt+J)"
    qtbot.keyClick(panel, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), TariffBasisDialog))
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: dialog.basis is not None, timeout=10_000)
    return dialog


def test_the_basis_shows_the_schedule_and_prints_on_a4(
    qtbot, town, make_search_window, login_as, tmp_path
):
    login, clerk = login_as("clerk")
    window = make_search_window(login, clerk)
    window.resize(1024, 700)
    dialog = open_basis(qtbot, window)
    values = {key: label.text() for key, label in dialog.values.items()}
    assert values["doc_no"] == "嘉价发〔2025〕12号"
    assert values["dates"] == "2026-01-01 起"
    assert values["basis"] == "按年度累计用水量"
    assert values["position"] == "2026年累计用水 84 吨，处于第一阶梯"  # 40 + 24 + 20
    assert values["bill"].startswith("2026-10 账期：用水 20 吨")
    tiers = dialog.tiers_table
    assert [tiers.item(r, 0).text() for r in range(tiers.rowCount())] == [
        "第一阶梯 ◀",
        "第二阶梯",
        "第三阶梯",
    ]
    assert [tiers.item(r, 3).text() for r in range(3)] == ["84", "0", "0"]
    prices = dialog.prices_table
    assert [prices.item(r, 0).text() for r in range(prices.rowCount())] == [
        "基本水费",
        "污水处理费",
        "水资源费",
    ]
    assert prices.item(0, 2).text() == "3.15" and prices.item(1, 3).text() == "0.95"
    dialog.resize(1024, 700)
    settle(qtbot, dialog)
    assert_nothing_clipped(dialog)
    save_shot(dialog, "tariff_basis_dialog", [tmp_path])
    save_shot(window, "account_panel_with_basis_button", [tmp_path])

    target = tmp_path / "basis.pdf"
    dialog.save_pdf(target)
    qtbot.waitUntil(lambda: dialog.saved_path is not None, timeout=15_000)
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "收费依据" in text and "嘉价发〔2025〕12号" in text
    assert "01000001" in text and "张三" in text
    assert "2026年累计用水 84 吨" in text and "处于第一" in text  # the cell may wrap
    assert "第一阶梯" in text and "2.10" in text and "6.30" in text and "合计单价" in text
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
