"""The payment form shows the late fee (违约金) as its own line, adds it to
what is due, posts it, prints it apart; a supervisor's waiver takes it off.
Screenshot of the form at 1024x700 in Chinese."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from counter_app.db import models as m
from counter_app.domain.money import format_money
from counter_app.services.payments import late_fees
from tests.support.late_fees import set_rule
from tests.support.payment_counter import GB, field, make_counter, open_dialog
from tests.support.payments import books
from tests.support.screens import assert_nothing_clipped, save_shot, settle, shot_dirs

D = Decimal


def test_the_fee_is_its_own_line_is_due_and_is_posted_and_printed(
    db, login_as, qtbot, runner, chinese_ui, tmp_path
):
    counter = make_counter(db, login_as, qtbot, runner)  # bills due 2026-02-28 and 2026-03-28
    set_rule(login_as, rate="0.001")
    dialog = open_dialog(counter, qtbot)
    fee = dialog.account.late_fee()
    assert fee > 0 and len(dialog.account.late_fees) == 2
    assert (
        "违约金" in dialog.form.fee_label.text()
        and format_money(fee) in dialog.form.fee_label.text()
    )
    assert format_money(D("75.50") + fee) in dialog.form.due_label.text()
    assert dialog.waive_button.isVisible()
    dialog.resize(1024, 700)
    settle(qtbot, dialog)
    save_shot(dialog, "payment_form_late_fee", shot_dirs(tmp_path))
    assert_nothing_clipped(dialog)
    received = field(dialog, "cash.received")
    qtbot.keyClicks(received, "200")
    qtbot.keyClick(received, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.posted is not None, timeout=15_000)
    qtbot.waitUntil(lambda: bool(counter.recorder.jobs), timeout=15_000)
    assert dialog.posted.facts.late_fee == fee
    with db.read() as s:
        charged = s.execute(select(func.sum(m.LateFeeCharge.amount))).scalar_one()
        amount = s.execute(select(m.Payment.amount)).scalar_one()
    assert charged == fee and amount == D("75.50") + fee
    assert "违约金".encode(GB) in counter.recorder.data
    assert books(db) == []


def test_a_waiver_takes_the_fee_off_the_form_and_the_post(db, login_as, qtbot, runner):
    counter = make_counter(db, login_as, qtbot, runner)
    set_rule(login_as, rate="0.001")
    dialog = open_dialog(counter, qtbot, by_keyboard=False)
    fee = dialog.account.late_fee()
    boss_db, _ = login_as("supervisor")
    waiver = late_fees.LateFeeService(boss_db).waive(
        counter.workplace.actor,
        account_id=counter.account_id,
        expected_fee=fee,
        amount=fee,
        reason="困难户",
    )
    dialog.form.set_waiver(waiver)
    assert "减免" in dialog.form.fee_label.text()
    assert format_money(D("75.50")) in dialog.form.due_label.text()
    received = field(dialog, "cash.received")
    qtbot.keyClicks(received, "80")
    qtbot.keyClick(received, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.posted is not None, timeout=15_000)
    assert (dialog.posted.facts.late_fee, dialog.posted.facts.late_fee_waived) == (0, fee)
    assert books(db) == []


def test_the_supervisor_waives_at_the_counter_and_a_clerk_cannot(
    db, db_url, login_as, qtbot, runner
):
    from counter_app.services.auth import Authenticator
    from counter_app.ui.payments.waiver_dialog import WaiverDialog
    from tests.support.logins import LOGIN_PASSWORD

    counter = make_counter(db, login_as, qtbot, runner, authenticator=Authenticator(db_url))
    set_rule(login_as, rate="0.001")
    dialog = open_dialog(counter, qtbot, by_keyboard=False)
    fee = dialog.account.late_fee()
    _, clerk = login_as("clerk")
    _, boss = login_as("supervisor")

    def waive_as(username: str) -> WaiverDialog:
        dialog.waive_button.click()
        waiver_dialog = dialog.findChildren(WaiverDialog)[-1]
        waiver_dialog.amount_edit.setText("1.00")
        waiver_dialog.reason_edit.setText("老年困难户")
        waiver_dialog.supervisor_edit.setText(username)
        waiver_dialog.password_edit.setText(LOGIN_PASSWORD)
        waiver_dialog.confirm()
        return waiver_dialog

    refused = waive_as(clerk.username)
    qtbot.waitUntil(lambda: "不是主管" in refused.status_label.text(), timeout=20_000)
    assert dialog.form.waiver is None
    refused.reject()
    waive_as(boss.username)
    qtbot.waitUntil(lambda: dialog.form.waiver is not None, timeout=20_000)
    assert dialog.form.late_fee_due() == fee - D("1.00")
    assert "减免 ¥1.00" in dialog.form.fee_label.text()
    with db.read() as s:
        waiver = s.execute(select(m.LateFeeWaiver)).scalar_one()
    assert (waiver.amount, waiver.reason) == (D("1.00"), "老年困难户")
