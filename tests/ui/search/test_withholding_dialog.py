"""代扣 from the account view, signed in as a real clerk: the line in the
customer box, the dialog (Alt+K), signing with Enter moving on, a refusal
keeping what was typed, cancelling, and the form's number (typed, then masked)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from counter_app.ui.search.withholding_dialog import WithholdingDialog
from tests.support.search_ui import open_first

pytestmark = pytest.mark.usefixtures("town")


def open_dialog(qtbot, panel) -> WithholdingDialog:
    qtbot.keyClick(panel, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), WithholdingDialog))
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: dialog.withholding is not None)
    return dialog


def test_sign_and_cancel_from_the_account_view(qtbot, town, make_search_window, login_as):
    db, _ = town
    login, clerk = login_as("clerk")
    window = make_search_window(login, clerk)
    panel = open_first(qtbot, window)
    line = panel.fields["withholding"]
    qtbot.waitUntil(lambda: line.text() == "无")
    assert panel.withholding_button.text() == "代扣(&K)"

    dialog = open_dialog(qtbot, panel)
    assert dialog.agreement_label.text() == "未签代扣协议。"
    assert dialog.sign_box.isEnabled() and not dialog.cancel_box.isEnabled()
    assert QApplication.focusWidget() is dialog.number_edit
    qtbot.keyClicks(dialog.number_edit, "6228 4800")  # too short
    qtbot.keyClick(dialog.number_edit, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.holder_edit  # Enter moves on
    qtbot.keyClick(dialog.holder_edit, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.signed_edit, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is dialog.signed_edit, QApplication.focusWidget()
    qtbot.waitUntil(lambda: "10 至 30" in dialog.message_label.text())
    assert dialog.number_edit.text() == "6228 4800"  # what was typed stays
    qtbot.keyClicks(dialog.number_edit, " 1234 5678 901")
    dialog.sign()
    qtbot.waitUntil(lambda: dialog.withholding.agreement is not None, timeout=10_000)
    agreement = dialog.withholding.agreement
    assert agreement.bank_account_masked == "6228***********8901"
    assert "6228***********8901" in dialog.agreement_label.text()
    assert dialog.form_data().bank_account == "6228 4800 1234 5678 901"  # printed right away
    qtbot.waitUntil(lambda: "尾号8901" in line.text(), timeout=10_000)
    assert "中国农业银行" in line.text()

    qtbot.waitUntil(lambda: dialog.cancel_box.isEnabled())
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)  # no reason
    qtbot.waitUntil(lambda: "原因" in dialog.message_label.text())
    dialog.reason_edit.insert("客户换卡")  # an input method types it
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.withholding.agreement.status == "cancelled", timeout=10_000)
    assert dialog.form_data().bank_account == "6228***********8901"  # a reprint: the mask
    qtbot.waitUntil(lambda: line.text().startswith("已于"), timeout=10_000)
    dialog.reject()
