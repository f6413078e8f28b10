"""A payment sent with a supervisor's late-fee waiver whose answer is lost:
kept across a restart with its waiver, the restored form shows the fee, the
waiver and the due as they were sent and posts the same submission; the
waive button is off while the outcome is unknown and follows the fee when
the form reloads (real PostgreSQL, by keyboard)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QSettings, Qt
from sqlalchemy import select

from counter_app.db import models as m
from counter_app.domain.money import format_money
from counter_app.services.payments.late_fees import LateFeeService
from counter_app.ui.payments.page import PaymentsPage
from tests.support.late_fees import set_rule
from tests.support.payment_counter import field, make_counter, open_dialog
from tests.support.payment_faults import Fault, _close, _losing_counter
from tests.support.payments import books

D = Decimal


def test_a_waived_payment_restored_after_a_restart_keeps_its_waiver(
    db, login_as, qtbot, runner, state, no_auto_retry
):  # noqa: F811
    fault = Fault(m.Payment, "before_commit", unreachable_reads=5)
    counter = _losing_counter(db, login_as, qtbot, runner, fault, state=state)
    set_rule(login_as, rate="0.001")
    dialog = open_dialog(counter, qtbot, by_keyboard=False)
    fee = dialog.account.late_fee()
    assert fee > D("0.01") and dialog.waive_button.isVisible()
    boss_db, _ = login_as("supervisor")
    waived = fee - D("0.01")  # a part: the form must show what is left, not the whole fee
    waiver = LateFeeService(boss_db).waive(
        counter.workplace.actor,
        account_id=counter.account_id,
        expected_fee=fee,
        amount=waived,
        reason="困难户",
    )
    dialog.form.set_waiver(waiver)
    shown_fee, shown_due = dialog.form.fee_label.text(), dialog.form.due_label.text()
    assert "减免" in shown_fee and format_money(D("75.51")) in shown_due
    qtbot.keyClicks(field(dialog, "cash.received"), "100")
    fault.armed = True
    qtbot.keyClick(field(dialog, "cash.received"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: fault.fired, timeout=15_000)
    qtbot.waitUntil(lambda: "数据库没有响应" in dialog.status_label.text(), timeout=15_000)
    # no new waiver while the outcome is unknown: it would change what was sent
    assert dialog.waive_button.isVisible() and not dialog.waive_button.isEnabled()
    first_uuid = dialog.client_uuid
    [kept] = counter.page.pending.entries()
    assert kept.waiver == waiver and kept.request.waiver_id == waiver.waiver_id
    _close(dialog, counter.page, qtbot)
    fault.failing_reads = 0  # the network is back

    # the program is closed and started again
    restarted = QSettings(state.fileName(), QSettings.Format.IniFormat)
    page = PaymentsPage(counter.workplace, state=restarted)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.account_edit.setFocus()
    qtbot.keyClicks(page.account_edit, "01000000")
    qtbot.keyClick(page.account_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=15_000)
    again = page.dialog
    assert again.client_uuid == first_uuid
    assert again.form.waiver == waiver
    assert again.form.fee_label.text() == shown_fee  # the waiver, not the whole fee again
    assert again.form.due_label.text() == shown_due
    qtbot.waitUntil(lambda: "未入账" in again.status_label.text(), timeout=15_000)
    assert again.waive_button.isVisible() and again.waive_button.isEnabled()
    qtbot.keyClick(field(again, "cash.received"), Qt.Key.Key_Return)  # the same submission
    qtbot.waitUntil(lambda: again.posted is not None, timeout=15_000)
    facts = again.posted.facts
    assert (facts.late_fee, facts.late_fee_waived) == (D("0.01"), waived)
    assert not again.waive_button.isVisible()
    assert page.pending.entries() == []
    with db.read() as s:
        assert s.execute(select(m.Payment.client_uuid)).scalars().all() == [first_uuid]
    assert books(db) == []


def test_the_waive_button_follows_the_fee_when_the_form_reloads(db, login_as, qtbot, runner):
    counter = make_counter(db, login_as, qtbot, runner)
    dialog = open_dialog(counter, qtbot)
    assert not dialog.account.late_fees and not dialog.waive_button.isVisible()
    set_rule(login_as, rate="0.001")  # a fee from now on: the form's figures are stale
    received = field(dialog, "cash.received")
    qtbot.keyClicks(received, "100")
    qtbot.keyClick(received, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "违约金" in dialog.status_label.text(), timeout=15_000)
    qtbot.waitUntil(lambda: bool(dialog.account.late_fees), timeout=15_000)
    assert dialog.waive_button.isVisible() and dialog.waive_button.isEnabled()
    assert "违约金" in dialog.form.fee_label.text() and dialog.posted is None
    with db.read() as s:
        assert s.execute(select(m.Payment.id)).first() is None
