"""Alt+letter in the payments dialogs (payment, history, reversal, open shift),
in Chinese and English: no clash, no literal '&' (see tests/ui/_mnemonics.py)."""

from __future__ import annotations

import pytest

from counter_app.ui.payments.history_dialog import HistoryDialog
from counter_app.ui.payments.reversal_dialog import ReversalDialog
from counter_app.ui.payments.shift_dialog import OpenShiftDialog
from tests.support.keyboard import tab_order
from tests.support.language import ui_language
from tests.support.mnemonics import problems
from tests.support.payment_counter import make_counter, open_dialog
from tests.support.payments import cash, request

pytestmark = pytest.mark.postgres


@pytest.fixture
def db(pg_db):
    return pg_db


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_payments_dialogs(db, login_as, qtbot, runner, qapp, language):
    with ui_language(qapp, language):
        counter = make_counter(db, login_as, qtbot, runner)
        payment = open_dialog(counter, qtbot)
        found = problems(payment, f"{language} payment dialog")
        payment.reject()
        counter.workplace.services.payments.post(
            request(counter.account_id, counter.shift_id, "30.00", cash("30.00")),
            counter.workplace.actor,
        )
        account = counter.workplace.services.payments.account_for_payment(
            account_id=counter.account_id
        )
        history = HistoryDialog(counter.workplace, account, counter.shift_id, counter.page)
        qtbot.addWidget(history)
        history.show()
        qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=15_000)
        found += problems(history, f"{language} history dialog")
        reversal = ReversalDialog(
            counter.workplace, account, history.model.record(0), counter.shift_id, history
        )
        reversal.show()
        qtbot.waitUntil(lambda: reversal.facts is not None, timeout=15_000)
        found += problems(reversal, f"{language} reversal dialog")
        assert tab_order(reversal.reason_edit) == [
            "reasonEdit",
            "supervisorEdit",
            "passwordEdit",
            "confirmButton",
            "cancelButton",
        ]
        assert reversal.ui.reasonLabel.buddy() is reversal.reason_edit
        shift = OpenShiftDialog(counter.workplace, counter.page)
        shift.show()
        found += problems(shift, f"{language} open-shift dialog")
        assert runner.wait_idle(15_000)
    assert not found, "\n".join(found)
