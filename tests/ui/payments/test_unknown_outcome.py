"""The answer to a post or a reversal is lost around COMMIT: the dialogs look
the client UUID up (retrying while the database does not answer) and show
what really happened.

The fault is injected into the real database: :class:`LosingDatabase` (the
clerk's; :class:`LosingConnection` the supervisor's one connection) runs
every transaction for real and then loses the answer of the first write that
inserts the target row, as a dropped connection would (before or after its
COMMIT); for a while afterwards reads fail the same way (server unreachable).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from counter_app.db import models as m
from counter_app.services.auth import Authenticator
from counter_app.ui.payments.history_dialog import HistoryDialog
from counter_app.ui.payments.outcome import OutcomeCheck
from counter_app.ui.payments.page import PaymentsPage
from counter_app.ui.payments.payment_dialog import PaymentDialog
from counter_app.ui.payments.pending import PendingPayments
from tests.support.payment_counter import GB, _history, _reverse, field, open_dialog
from tests.support.payment_faults import (
    Fault,
    LosingConnection,
    _close,
    _losing_counter,
)
from tests.support.payments import cash, request

D = Decimal


def _count(db, model) -> int:
    with db.read() as s:
        return len(s.execute(select(model.id)).all())


def _pay_100(counter, qtbot, fault) -> PaymentDialog:
    dialog = open_dialog(counter, qtbot, by_keyboard=False)
    qtbot.keyClicks(field(dialog, "cash.received"), "100")
    fault.armed = True
    qtbot.keyClick(field(dialog, "cash.received"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: fault.fired, timeout=15_000)
    return dialog


def test_lost_answer_after_commit_shows_the_posted_receipt_and_posts_once(
    db, login_as, qtbot, runner, no_auto_retry
):
    fault = Fault(m.Payment, "after_commit", unreachable_reads=1)
    counter = _losing_counter(db, login_as, qtbot, runner, fault)
    dialog = _pay_100(counter, qtbot, fault)
    # the lookup finds the server unreachable: the dialog says so and waits
    qtbot.waitUntil(lambda: "数据库没有响应" in dialog.status_label.text(), timeout=15_000)
    text = dialog.status_label.text()
    assert "不要重复收钱" in text and "按 Enter 立即查询" in text
    assert dialog.posted is None and dialog.outcome_unknown
    assert dialog.check_button.isVisible() and dialog.check_button.isDefault()
    assert not dialog.confirm_button.isVisible()
    assert field(dialog, "cash.received").isReadOnly()  # the submission stays as typed
    assert _count(db, m.Payment) == 1  # it did commit
    # the clerk presses Enter: checked again, the database answers
    qtbot.keyClick(dialog.check_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.posted is not None, timeout=15_000)
    qtbot.waitUntil(dialog.print_button.isVisible, timeout=15_000)
    text = dialog.status_label.text()
    assert "不会重复收费" in text and "JX00000001" in text and "按 Enter 打印收据" in text
    assert dialog.posted.replayed and dialog.posted.change == D("24.50")
    assert dialog.form.change_label.text().endswith("24.50")
    assert not counter.recorder.jobs  # nothing printed before the clerk asks
    qtbot.keyClick(dialog.print_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "已入账并打印" in dialog.status_label.text(), timeout=15_000)
    assert "交费收据".encode(GB) in counter.recorder.data and b"JX00000001" in counter.recorder.data
    assert len(counter.recorder.jobs) == 1
    # Enter now closes: no second post, one payment with the dialog's UUID
    qtbot.keyClick(dialog.confirm_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: counter.page.dialog is None, timeout=5_000)
    runner.wait_idle()
    with db.read() as s:
        uuids = s.execute(select(m.Payment.client_uuid)).scalars().all()
    assert uuids == [dialog.client_uuid]
    assert not counter.page.unresolved


def test_the_lookup_retries_by_itself_while_the_server_is_unreachable(
    db, login_as, qtbot, runner, monkeypatch
):
    monkeypatch.setattr(OutcomeCheck, "RETRY_DELAYS_MS", (200,))
    fault = Fault(m.Payment, "after_commit", unreachable_reads=3)
    counter = _losing_counter(db, login_as, qtbot, runner, fault)
    misses = []
    dialog = open_dialog(counter, qtbot, by_keyboard=False)
    dialog.outcome.unreachable.connect(misses.append)
    fault.armed = True
    qtbot.keyClick(field(dialog, "cash.received"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.posted is not None, timeout=15_000)
    assert len(misses) == 3 and dialog.posted.replayed
    assert _count(db, m.Payment) == 1


def test_lost_answer_before_commit_allows_the_same_submission_again(
    db, login_as, qtbot, runner, no_auto_retry
):
    fault = Fault(m.Payment, "before_commit")
    counter = _losing_counter(db, login_as, qtbot, runner, fault)
    dialog = _pay_100(counter, qtbot, fault)
    qtbot.waitUntil(lambda: "未入账" in dialog.status_label.text(), timeout=15_000)
    assert "没有收取任何费用" in dialog.status_label.text()
    assert _count(db, m.Payment) == 0 and dialog.posted is None
    assert dialog.confirm_button.isVisible() and dialog.confirm_button.isEnabled()
    assert not dialog.check_button.isVisible()
    received = field(dialog, "cash.received")
    assert not received.isReadOnly() and received.text() == "100"
    first_uuid = dialog.client_uuid
    qtbot.keyClick(received, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.posted is not None, timeout=15_000)
    assert not dialog.posted.replayed  # posted now, printed at once
    qtbot.waitUntil(lambda: bool(counter.recorder.jobs), timeout=15_000)
    with db.read() as s:
        assert s.execute(select(m.Payment.client_uuid)).scalars().all() == [first_uuid]


def test_closed_with_the_outcome_unknown_the_page_reopens_the_same_payment(
    db, login_as, qtbot, runner, no_auto_retry
):
    fault = Fault(m.Payment, "after_commit", unreachable_reads=1)
    counter = _losing_counter(db, login_as, qtbot, runner, fault)
    page = counter.page
    dialog = _pay_100(counter, qtbot, fault)
    qtbot.waitUntil(lambda: "数据库没有响应" in dialog.status_label.text(), timeout=15_000)
    assert "稍后再查" in dialog.cancel_button.text()
    qtbot.keyClick(dialog.check_button, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None and not dialog.isVisible(), timeout=5_000)
    assert page.unresolved == {counter.account_id: dialog}
    qtbot.waitUntil(lambda: "结果未知" in page.status_label.text(), timeout=15_000)
    assert "不要重复收钱" in page.status_label.text()
    # F2 on the page: the same dialog (same UUID) comes back and asks the database
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.account_edit.setFocus()
    qtbot.keyClick(page.account_edit, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: page.dialog is dialog and dialog.isVisible(), timeout=5_000)
    qtbot.waitUntil(lambda: dialog.posted is not None, timeout=15_000)
    assert dialog.posted.replayed
    assert _count(db, m.Payment) == 1


def test_lost_answer_of_a_reversal_is_looked_up(
    db,
    login_as,
    db_url,
    qtbot,
    runner,
    supervisor,  # noqa: F811
    no_auto_retry,
):
    fault = Fault(m.PaymentReversal, "after_commit", unreachable_reads=0)
    authenticator = Authenticator(
        db_url, connection_factory=lambda url: LosingConnection(url, fault)
    )
    counter = _losing_counter(db, login_as, qtbot, runner, fault, authenticator=authenticator)
    history = _history(counter, qtbot)
    fault.armed = True
    dialog = _reverse(history, qtbot, supervisor())
    qtbot.waitUntil(lambda: fault.fired, timeout=20_000)
    qtbot.waitUntil(lambda: dialog.reversal is not None, timeout=20_000)
    qtbot.waitUntil(dialog.print_button.isVisible, timeout=5_000)
    assert "不会重复冲正" in dialog.status_label.text()
    assert dialog.reversal.replayed and not counter.recorder.jobs
    qtbot.keyClick(dialog.print_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "已打印" in dialog.status_label.text(), timeout=15_000)
    assert "冲正凭单".encode(GB) in counter.recorder.jobs[-1]
    assert _count(db, m.PaymentReversal) == 1


def test_reversal_not_booked_is_offered_again(
    db,
    login_as,
    db_url,
    qtbot,
    runner,
    supervisor,  # noqa: F811
    no_auto_retry,
):
    fault = Fault(m.PaymentReversal, "before_commit")
    authenticator = Authenticator(
        db_url, connection_factory=lambda url: LosingConnection(url, fault)
    )
    counter = _losing_counter(db, login_as, qtbot, runner, fault, authenticator=authenticator)
    history = _history(counter, qtbot)
    fault.armed = True
    dialog = _reverse(history, qtbot, supervisor())
    qtbot.waitUntil(lambda: "未冲正" in dialog.status_label.text(), timeout=20_000)
    assert _count(db, m.PaymentReversal) == 0 and dialog.confirm_button.isEnabled()
    assert dialog.reason_edit.text() == "收错户" and not dialog.reason_edit.isReadOnly()
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)  # same client UUID
    qtbot.waitUntil(lambda: dialog.reversal is not None, timeout=20_000)
    with db.read() as s:
        assert s.execute(select(m.PaymentReversal.client_uuid)).scalars().all() == [
            dialog.client_uuid
        ]


# -- unresolved until posted or abandoned; kept across a restart ----------------------


def _press_f2(page, qtbot) -> PaymentDialog:
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.account_edit.setFocus()
    qtbot.keyClick(page.account_edit, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=15_000)
    return page.dialog


def test_not_posted_stays_the_same_submission_until_abandoned(
    db, login_as, qtbot, runner, state, no_auto_retry
):
    fault = Fault(m.Payment, "before_commit")
    counter = _losing_counter(db, login_as, qtbot, runner, fault, state=state)
    page = counter.page
    dialog = _pay_100(counter, qtbot, fault)
    qtbot.waitUntil(lambda: "未入账" in dialog.status_label.text(), timeout=15_000)
    assert dialog.abandon_button.isVisible() and not dialog.abandon_button.isDefault()
    assert [e.client_uuid for e in page.pending.entries()] == [dialog.client_uuid]
    _close(dialog, page, qtbot)
    # "not posted" is not the end of it: F2 brings the same submission back
    assert page.unresolved == {counter.account_id: dialog}
    assert _press_f2(page, qtbot) is dialog
    # abandoning asks first; No keeps it
    qtbot.mouseClick(dialog.abandon_button, Qt.MouseButton.LeftButton)
    box = dialog.abandon_box
    qtbot.waitUntil(box.isVisible)
    assert "未入账" in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    assert dialog.isVisible() and dialog.unresolved
    qtbot.mouseClick(dialog.abandon_button, Qt.MouseButton.LeftButton)
    dialog.abandon_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: page.dialog is None, timeout=5_000)
    assert not page.unresolved and page.pending.entries() == []
    fresh = _press_f2(page, qtbot)
    assert fresh is not dialog and fresh.client_uuid != dialog.client_uuid
    fresh.reject()
    assert _count(db, m.Payment) == 0


@pytest.mark.parametrize("moment", ["after_commit", "before_commit"])
def test_unresolved_payment_survives_a_restart(
    db, login_as, qtbot, runner, state, no_auto_retry, moment
):
    fault = Fault(m.Payment, moment, unreachable_reads=5)
    counter = _losing_counter(db, login_as, qtbot, runner, fault, state=state)
    dialog = _pay_100(counter, qtbot, fault)
    qtbot.waitUntil(lambda: "数据库没有响应" in dialog.status_label.text(), timeout=15_000)
    first_uuid = dialog.client_uuid
    _close(dialog, counter.page, qtbot)
    fault.failing_reads = 0  # the network is back
    # the program is closed and started again: a new page on the same workstation state
    restarted = QSettings(state.fileName(), QSettings.Format.IniFormat)
    page = PaymentsPage(counter.workplace, state=restarted)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert "01000000" in page.status_label.text() and "结果未知" in page.status_label.text()
    page.open_account(counter.account_id)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=15_000)
    again = page.dialog
    assert again.client_uuid == first_uuid
    assert field(again, "cash.received").text() == "100.00"  # what was submitted
    if moment == "after_commit":
        qtbot.waitUntil(lambda: again.posted is not None, timeout=15_000)
        assert again.posted.replayed and not counter.recorder.jobs
        qtbot.waitUntil(again.print_button.isVisible, timeout=15_000)
        qtbot.keyClick(again.print_button, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(counter.recorder.jobs), timeout=15_000)
    else:
        qtbot.waitUntil(lambda: "未入账" in again.status_label.text(), timeout=15_000)
        qtbot.keyClick(field(again, "cash.received"), Qt.Key.Key_Return)  # same UUID
        qtbot.waitUntil(lambda: again.posted is not None, timeout=15_000)
        assert not again.posted.replayed
    assert page.pending.entries() == []
    with db.read() as s:
        assert s.execute(select(m.Payment.client_uuid)).scalars().all() == [first_uuid]


def test_edited_after_a_wrong_not_posted_shows_the_posted_tenders(
    db, login_as, qtbot, runner, no_auto_retry
):
    """The first attempt did commit but "not posted" came back (the lookup
    before it waited for the account row): the clerk types 200 and submits;
    the service refuses the UUID's new content and the dialog shows the
    payment that posted — its tenders, not the edited ones."""
    fault = Fault(m.Payment, "after_commit", unreachable_reads=1)
    counter = _losing_counter(db, login_as, qtbot, runner, fault)
    dialog = _pay_100(counter, qtbot, fault)
    qtbot.waitUntil(lambda: "数据库没有响应" in dialog.status_label.text(), timeout=15_000)
    dialog.outcome.resolved.emit(None)  # the stale answer
    received = field(dialog, "cash.received")
    assert not received.isReadOnly()
    received.setText("200")
    assert dialog.form.change_label.text().endswith("124.50")
    qtbot.keyClick(received, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.posted is not None, timeout=15_000)
    assert dialog.posted.replayed
    assert received.text() == "100.00" and received.isReadOnly()
    assert field(dialog, "cash.amount").text() == "75.50"
    assert dialog.form.change_label.text().endswith("24.50")
    assert dialog.form.due_label.text().endswith("75.50")
    assert _count(db, m.Payment) == 1


def test_closing_the_main_window_warns_while_payments_are_unresolved(
    qtbot, make_window, app_db, ui_state
):
    url = app_db.engine.url.render_as_string(hide_password=True)
    PendingPayments(ui_state, url).add("01000000", request(7, 3, "30.00", cash("30.00")))
    window = make_window(app_db)
    assert window.payments_page.unresolved_count() == 1
    answers = []

    def answer(button):
        box = QApplication.activeModalWidget()
        answers.append(box.text())
        box.button(button).click()

    QTimer.singleShot(100, lambda: answer(QMessageBox.StandardButton.No))
    window.close()
    assert window.isVisible() and "1 笔缴费结果未知" in answers[0]
    QTimer.singleShot(100, lambda: answer(QMessageBox.StandardButton.Yes))
    window.close()
    assert not window.isVisible()
    # still kept for the next start
    assert len(PendingPayments(ui_state, url).entries()) == 1


def test_reversal_closed_unresolved_comes_back_and_offers_its_slip(
    db, login_as, db_url, qtbot, runner, supervisor, no_auto_retry
):  # noqa: F811
    fault = Fault(m.PaymentReversal, "after_commit", unreachable_reads=1)
    authenticator = Authenticator(
        db_url, connection_factory=lambda url: LosingConnection(url, fault)
    )
    counter = _losing_counter(db, login_as, qtbot, runner, fault, authenticator=authenticator)
    page = counter.page
    _history(counter, qtbot).reject()  # posts the payment to reverse
    page.open_account(counter.account_id)
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=15_000)
    page.dialog.reject()
    page.show_history()
    history = page.findChildren(HistoryDialog)[-1]
    qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=15_000)
    fault.armed = True
    dialog = _reverse(history, qtbot, supervisor())
    qtbot.waitUntil(lambda: "数据库没有响应" in dialog.status_label.text(), timeout=20_000)
    first_uuid = dialog.client_uuid
    qtbot.keyClick(dialog.check_button, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert page.unresolved_reversals == {dialog.payment.payment_id: dialog}
    history.reject()
    # a new history: the payment shows reversed, Ctrl+R brings the same reversal back
    page.show_history()
    again = page.findChildren(HistoryDialog)[-1]
    assert again is not history
    qtbot.waitUntil(
        lambda: again.model.rowCount() == 1 and again.selected().reversed, timeout=15_000
    )
    qtbot.keyClick(again.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    assert dialog.parent() is again and dialog.client_uuid == first_uuid
    qtbot.waitUntil(lambda: dialog.reversal is not None, timeout=15_000)
    assert dialog.reversal.replayed and "不会重复冲正" in dialog.status_label.text()
    assert "已冲正" not in again.status_label.text()
    qtbot.keyClick(dialog.print_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "已打印" in dialog.status_label.text(), timeout=15_000)
    assert "冲正凭单".encode(GB) in counter.recorder.jobs[-1]
    qtbot.keyClick(dialog.confirm_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert page.unresolved_reversals == {}
    assert _count(db, m.PaymentReversal) == 1
