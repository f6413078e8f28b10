"""The reversal dialog shows the payment's date, shift and tender, warns about
an old payment or one of another shift, and follows the utility's policy
(same day only by default); PostgreSQL, by keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counter_app.db import models as m
from counter_app.domain.reversal_policy import ReversalPolicy, ReversalScope
from counter_app.services.auth import Authenticator, ClerkIdentity
from counter_app.services.payments.reversal_policy import set_reversal_policy
from counter_app.ui.payments.history_dialog import HistoryDialog
from counter_app.ui.payments.reversal_dialog import ReversalDialog
from tests.support.language import ui_language
from tests.support.logins import LOGIN_PASSWORD
from tests.support.payment_counter import make_counter
from tests.support.payments import cash, request
from tests.support.reversals import wechat_payment_of_another_shift
from tests.support.screens import save_shot, settle, shot_dirs

pytestmark = pytest.mark.postgres

ADMIN = ClerkIdentity(id=0, username="admin", display_name="管理员", role="admin", hall_code="HQ")


@pytest.fixture
def db(pg_db):
    return pg_db


def _counter(db, login_as, qtbot, runner):
    url = db.engine.url.set(username=None, password=None).render_as_string(hide_password=False)
    return make_counter(
        db, login_as, qtbot, runner, authenticator=Authenticator(url), bills=("100.00", "48.35")
    )


def _open_reversal(counter, qtbot, rows: int = 1) -> tuple[HistoryDialog, ReversalDialog]:
    account = counter.workplace.services.payments.account_for_payment(account_id=counter.account_id)
    history = HistoryDialog(counter.workplace, account, counter.shift_id, counter.page)
    qtbot.addWidget(history)
    history.show()
    qtbot.waitUntil(lambda: history.model.rowCount() == rows, timeout=15_000)
    history.activateWindow()
    qtbot.waitUntil(history.isActiveWindow)
    history.view.selectRow(rows - 1)
    qtbot.keyClick(history.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = history.findChild(ReversalDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.facts is not None, timeout=15_000)
    return history, dialog


def _type_approval(dialog, qtbot, username: str) -> None:
    dialog.reason_edit.setFocus()
    dialog.reason_edit.insert("收错户")  # committed by the input method
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.supervisor_edit, username)
    qtbot.keyClick(dialog.supervisor_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.password_edit, LOGIN_PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)


def test_a_six_month_old_payment_of_another_shift_is_refused_by_default(
    db, qtbot, runner, login_as
):
    counter = _counter(db, login_as, qtbot, runner)
    old = wechat_payment_of_another_shift(db, login_as, counter.account_id, age="6 months")
    _, supervisor = login_as("supervisor")
    _, dialog = _open_reversal(counter, qtbot)
    facts = dialog.facts_label.text()
    assert "天前" in facts and f"第 {old.shift_id} 班" in facts and "测试" in facts
    assert "微信" in dialog.findChild(type(dialog.facts_label), "paymentLabel").text()
    assert dialog.warning_label.isVisible()
    assert "只能冲正当天" in dialog.warning_label.text()
    assert not dialog.confirm_button.isEnabled()
    assert runner.wait_idle(10_000) and counter.workplace.runner is runner
    # Enter on the disabled confirm: no click, and no task (a reversal would start one)
    with (
        qtbot.assertNotEmitted(dialog.confirm_button.clicked),
        qtbot.assertNotEmitted(runner.busy_changed),
    ):
        _type_approval(dialog, qtbot, supervisor.username)
    assert not runner.is_busy
    assert dialog.reversal is None and counter.count(m.PaymentReversal) == 0


def test_any_time_policy_warns_then_reverses(db, qtbot, runner, login_as):
    counter = _counter(db, login_as, qtbot, runner)
    set_reversal_policy(
        db, ReversalPolicy(ReversalScope.ANY_TIME, 30), ADMIN, counter.workplace.actor
    )
    wechat_payment_of_another_shift(db, login_as, counter.account_id, "148.35", age="6 months")
    _, supervisor = login_as("supervisor")
    _, dialog = _open_reversal(counter, qtbot)
    warning = dialog.warning_label.text()
    assert dialog.warning_label.isVisible() and dialog.confirm_button.isEnabled()
    assert "微信 −148.35" in warning and "今日日结" in warning and "原因" in warning
    _type_approval(dialog, qtbot, supervisor.username)
    qtbot.waitUntil(lambda: dialog.reversal is not None, timeout=20_000)
    assert counter.count(m.PaymentReversal) == 1


def test_todays_payment_of_this_shift_shows_no_warning(db, qtbot, runner, login_as):
    counter = _counter(db, login_as, qtbot, runner)
    counter.workplace.services.payments.post(
        request(counter.account_id, counter.shift_id, "30.00", cash("30.00")),
        counter.workplace.actor,
    )
    _, dialog = _open_reversal(counter, qtbot)
    assert "今天" in dialog.facts_label.text() and "本班" in dialog.facts_label.text()
    assert not dialog.warning_label.isVisible() and dialog.confirm_button.isEnabled()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_screenshot_of_the_warning(db, qtbot, runner, qapp, tmp_path, language, login_as):
    with ui_language(qapp, language):
        counter = _counter(db, login_as, qtbot, runner)
        set_reversal_policy(
            db, ReversalPolicy(ReversalScope.ANY_TIME, 30), ADMIN, counter.workplace.actor
        )
        wechat_payment_of_another_shift(db, login_as, counter.account_id, "148.35", age="6 months")
        _, dialog = _open_reversal(counter, qtbot)
        dialog.resize(1024, 700)
        settle(qtbot, dialog)
        assert dialog.warning_label.isVisible()
        if language == "en":
            assert "WeChat −148.35" in dialog.warning_label.text()
        save_shot(dialog, f"reversal-policy-{language}", shot_dirs(tmp_path))
