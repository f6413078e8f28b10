"""The open-shift and late-fee waiver dialogs (Designer forms ui/payments_*.ui)
in Chinese and English: translated, Tab walks the form in order, nothing
clipped; screenshots for a person to look at."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QWidget

from counter_app.ui.payments.shift_dialog import OpenShiftDialog
from counter_app.ui.payments.waiver_dialog import WaiverDialog
from tests.support.keyboard import tab_order
from tests.support.language import ui_language
from tests.support.payment_counter import make_counter
from tests.support.screens import assert_nothing_clipped, save_shot, settle, shot_dirs

pytestmark = pytest.mark.postgres

TEXTS = {
    "zh_CN": {"shift": ("尚未开班", "备用金（元）(&F)"), "waiver": ("减免违约金", "减免金额(&A)")},
    "en": {
        "shift": ("No open shift", "Cash &float (yuan)"),
        "waiver": ("Waive the late fee", "&Amount waived"),
    },
}


@pytest.fixture
def db(pg_db):
    return pg_db


def _shown(dialog: QWidget, qtbot, name: str, tmp_path) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle(qtbot, dialog)
    save_shot(dialog, name, shot_dirs(tmp_path))
    assert_nothing_clipped(dialog)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_open_shift_and_waiver_forms(
    db, login_as, qtbot, runner, qapp, chinese_ui, language, tmp_path
):
    with ui_language(qapp, language):
        counter = make_counter(db, login_as, qtbot, runner)
        shift = OpenShiftDialog(counter.workplace, counter.page)
        _shown(shift, qtbot, f"open-shift-{language}", tmp_path)
        assert (shift.windowTitle(), shift.ui.floatLabel.text()) == TEXTS[language]["shift"]
        assert shift.ui.floatLabel.buddy() is shift.float_edit
        assert tab_order(shift.float_edit) == ["floatEdit", "openButton", "cancelButton"]
        assert shift.open_button.isDefault() and shift.float_edit.text() == "0.00"
        shift.reject()

        waiver = WaiverDialog(counter.workplace, counter.account_id, Decimal("3.25"), counter.page)
        _shown(waiver, qtbot, f"waiver-{language}", tmp_path)
        assert (waiver.windowTitle(), waiver.ui.amountLabel.text()) == TEXTS[language]["waiver"]
        assert "3.25" in waiver.ui.feeLabel.text() and waiver.amount_edit.text() == "3.25"
        assert tab_order(waiver.amount_edit) == [
            "waiveAmountEdit",
            "reasonEdit",
            "supervisorEdit",
            "passwordEdit",
            "confirmButton",
            "cancelButton",
        ]
        waiver.reason_edit.setText("困难户")
        waiver.amount_edit.setText("9.99")  # more than the fee: refused, named, kept
        waiver.confirm()
        assert waiver.status_label.text().startswith(
            "减免金额" if language == "zh_CN" else "Amount"
        )
        assert waiver.amount_edit.text() == "9.99" and waiver.reason_edit.text() == "困难户"
        settle(qtbot, waiver)
        save_shot(waiver, f"waiver-refused-{language}", shot_dirs(tmp_path))
        assert_nothing_clipped(waiver)
        waiver.reject()
        assert runner.wait_idle(15_000)
