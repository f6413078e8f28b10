"""The payment dialog driven by the keyboard."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from counter_app.db import models as m
from counter_app.documents import PrintError
from tests.support.payment_counter import GB, field, make_counter, open_dialog
from tests.support.transports import RecordingTransport

D = Decimal


def test_cash_payment_with_change_by_keyboard(db, login_as, qtbot, runner):
    counter = make_counter(db, login_as, qtbot, runner)
    dialog = open_dialog(counter, qtbot)
    assert "75.50" in dialog.form.due_label.text()
    received = field(dialog, "cash.received")
    assert received.hasFocus()
    qtbot.keyClicks(received, "100")
    assert dialog.form.change_label.text().endswith("24.50")
    qtbot.keyClick(received, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.posted is not None, timeout=15_000)
    qtbot.waitUntil(lambda: bool(counter.recorder.jobs), timeout=15_000)
    assert "24.50" in dialog.form.change_label.text()
    with db.read() as s:
        payment = s.execute(select(m.Payment)).scalar_one()
        tender = s.execute(select(m.PaymentTender)).scalar_one()
        allocations = s.execute(select(m.Allocation.amount)).scalars().all()
    assert payment.amount == D("75.50") and payment.client_uuid == dialog.client_uuid
    assert (tender.tender, tender.received, tender.change_given) == (
        "cash",
        D("100.00"),
        D("24.50"),
    )
    assert sorted(allocations) == [D("30.00"), D("45.50")]
    data = counter.recorder.data
    assert "交费收据".encode(GB) in data and b"24.50" in data and b"JX00000001" in data
    assert b"\x1bp" in data  # cash: the drawer opens
    qtbot.waitUntil(lambda: "已入账并打印" in dialog.status_label.text(), timeout=10_000)
    qtbot.keyClick(dialog.confirm_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: counter.page.dialog is None)


def test_full_width_digits_are_normalised(db, login_as, qtbot, runner):
    counter = make_counter(db, login_as, qtbot, runner)
    dialog = open_dialog(counter, qtbot, by_keyboard=False)
    received = field(dialog, "cash.received")
    received.setText("１００")
    assert dialog.form.change_label.text().endswith("24.50")
    qtbot.keyClick(received, Qt.Key.Key_Enter)  # the keypad's Enter
    qtbot.waitUntil(lambda: dialog.posted is not None, timeout=15_000)
    assert received.text() == "100"
    assert counter.count(m.Payment) == 1


@pytest.mark.parametrize(
    ("name", "typed", "words"),
    [
        ("cash.received", "0", "收款"),
        ("cash.received", "-5", "负"),
        ("cash.received", "10.005", "两位小数"),
        ("cash.received", "1e5", "金额"),
        ("cash.received", "NaN", "金额"),
        ("cash.received", "50", "少于"),
        ("cash.amount", "0", "现金金额"),
    ],
)
def test_bad_amounts_are_refused_naming_the_field(db, login_as, qtbot, runner, name, typed, words):
    counter = make_counter(db, login_as, qtbot, runner)
    dialog = open_dialog(counter, qtbot, by_keyboard=False)
    edit = field(dialog, name)
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, typed)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    message = dialog.status_label.text()
    assert words in message
    assert edit.hasFocus() and edit.text() == typed  # what the clerk typed is kept
    runner.wait_idle()
    assert counter.count(m.Payment) == 0 and dialog.posted is None


def test_card_needs_its_reference(db, login_as, qtbot, runner):
    counter = make_counter(db, login_as, qtbot, runner)
    dialog = open_dialog(counter, qtbot, by_keyboard=False)
    field(dialog, "cash.amount").clear()
    card = field(dialog, "card.amount")
    card.setFocus()
    qtbot.keyClicks(card, "75.50")
    qtbot.keyClick(card, Qt.Key.Key_Return)
    assert "银行卡参考号" in dialog.status_label.text()
    assert field(dialog, "card.reference").hasFocus()
    assert counter.count(m.Payment) == 0
    qtbot.keyClicks(field(dialog, "card.reference"), "881234")
    qtbot.keyClick(field(dialog, "card.reference"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.posted is not None, timeout=15_000)
    with db.read() as s:
        tender = s.execute(select(m.PaymentTender)).scalar_one()
    assert (tender.tender, tender.reference) == ("card", "881234")


def test_stale_bill_reloads_and_says_the_new_amount(db, login_as, qtbot, runner):
    counter = make_counter(db, login_as, qtbot, runner)
    dialog = open_dialog(counter, qtbot, by_keyboard=False)
    # another clerk pays the older bill meanwhile
    from tests.support.payments import cash, request

    counter.workplace.services.payments.post(
        request(counter.account_id, counter.shift_id, "30.00", cash("30.00")),
        counter.workplace.actor,
    )
    qtbot.keyClicks(field(dialog, "cash.received"), "100")
    qtbot.keyClick(field(dialog, "cash.received"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "刚刚" in dialog.status_label.text(), timeout=15_000)
    assert "45.50" in dialog.status_label.text()
    qtbot.waitUntil(lambda: dialog.form.bills.rowCount() == 1, timeout=15_000)
    assert field(dialog, "cash.received").text() == "100"
    assert counter.count(m.Payment) == 1  # only the other clerk's
    qtbot.keyClick(field(dialog, "cash.received"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.posted is not None, timeout=15_000)
    assert dialog.posted.change == D("54.50")


def test_prepayment_only(db, login_as, qtbot, runner):
    counter = make_counter(db, login_as, qtbot, runner)
    dialog = open_dialog(counter, qtbot, by_keyboard=False)
    qtbot.keyClick(dialog, Qt.Key.Key_F7)
    assert dialog.form.amount_edit.isEnabled()
    dialog.form.amount_edit.setFocus()
    qtbot.keyClicks(dialog.form.amount_edit, "200")
    assert field(dialog, "cash.amount").text() == "200.00"
    qtbot.keyClick(dialog.form.amount_edit, Qt.Key.Key_Return)  # on to 实收, not posted
    assert field(dialog, "cash.received").hasFocus() and dialog.posted is None
    qtbot.keyClick(field(dialog, "cash.received"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.posted is not None, timeout=15_000)
    assert dialog.posted.deposit == D("200.00") and not dialog.posted.allocations


def test_surplus_goes_to_prepayment_live_and_on_the_receipt(db, login_as, qtbot, runner):
    counter = make_counter(db, login_as, qtbot, runner)
    dialog = open_dialog(counter, qtbot, by_keyboard=False)
    form = dialog.form
    assert form.surplus_label.text() == ""  # the cash amount covers exactly what is due
    cash = field(dialog, "cash.amount")
    cash.setFocus()
    cash.selectAll()
    qtbot.keyClicks(cash, "100")
    assert form.surplus_label.text() == "转入预存 ¥24.50，预存余额 ¥24.50"
    qtbot.keyClicks(field(dialog, "wechat.amount"), "10")
    assert "¥34.50" in form.surplus_label.text()
    field(dialog, "wechat.amount").clear()
    cash.selectAll()
    qtbot.keyClicks(cash, "70")
    assert form.surplus_label.text() == "还差 ¥5.50"
    cash.selectAll()
    qtbot.keyClicks(cash, "80")
    qtbot.keyClicks(field(dialog, "cash.received"), "100")
    assert form.change_label.text().endswith("20.00")
    assert form.surplus_label.text() == "转入预存 ¥4.50，预存余额 ¥4.50"
    qtbot.keyClick(field(dialog, "cash.received"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "已入账并打印" in dialog.status_label.text(), timeout=15_000)
    assert dialog.posted.deposit == D("4.50") and dialog.posted.balance_after == D("4.50")
    assert form.surplus_label.text() == "转入预存 ¥4.50，预存余额 ¥4.50"
    data = counter.recorder.data
    assert "转入预存".encode(GB) in data and b"4.50" in data
    with db.read() as s:
        assert s.execute(select(m.Account.prepayment_balance)).scalar_one() == D("4.50")


def test_prepayment_only_shows_all_of_it_going_to_prepayment(db, login_as, qtbot, runner):
    counter = make_counter(db, login_as, qtbot, runner)
    dialog = open_dialog(counter, qtbot, by_keyboard=False)
    qtbot.keyClick(dialog, Qt.Key.Key_F7)
    dialog.form.amount_edit.setFocus()
    qtbot.keyClicks(dialog.form.amount_edit, "200")
    assert dialog.form.surplus_label.text() == "转入预存 ¥200.00，预存余额 ¥200.00"
    qtbot.keyClicks(field(dialog, "prepayment.amount"), "1")
    assert "预存余额只能用于缴账单" in dialog.form.surplus_label.text()


def test_print_failure_keeps_the_payment(db, login_as, qtbot, runner):
    offline = RecordingTransport(error=PrintError("offline", "no answer"))
    counter = make_counter(db, login_as, qtbot, runner, recorder=offline)
    dialog = open_dialog(counter, qtbot, by_keyboard=False)
    qtbot.keyClick(field(dialog, "cash.received"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "重打" in dialog.status_label.text(), timeout=15_000)
    assert "打印失败" in dialog.status_label.text()
    assert counter.count(m.Payment) == 1


def test_main_window_ctrl_2_then_account_no_opens_the_dialog(db, login_as, qtbot, make_window):
    from tests.support.payments import build_utility

    made = build_utility(db, login_as)  # its clerk is id 1, as the window's clerk
    window = make_window(made.clerk_db)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.payments_page
    assert window.current_page is page and page.account_edit.hasFocus()
    qtbot.keyClicks(page.account_edit, "01000000")
    qtbot.keyClick(page.account_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=15_000)
    qtbot.keyClick(page.dialog.form.tender_panel.fields["cash.received"], Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None, timeout=5_000)
    window.runner.wait_idle()


def test_custom_amount_goes_to_the_oldest_bill_first(db, login_as, qtbot, runner):
    counter = make_counter(db, login_as, qtbot, runner)
    dialog = open_dialog(counter, qtbot, by_keyboard=False)
    qtbot.keyClick(dialog, Qt.Key.Key_F6)
    dialog.form.amount_edit.setFocus()
    qtbot.keyClicks(dialog.form.amount_edit, "80")
    qtbot.keyClick(dialog.form.amount_edit, Qt.Key.Key_Return)
    assert "超过所选账单的欠费" in dialog.status_label.text() and dialog.form.amount_edit.hasFocus()
    dialog.form.amount_edit.selectAll()
    qtbot.keyClicks(dialog.form.amount_edit, "40")
    assert field(dialog, "cash.amount").text() == "40.00"
    qtbot.keyClick(dialog.form.amount_edit, Qt.Key.Key_Return)  # on to 实收, not posted
    qtbot.keyClick(field(dialog, "cash.received"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.posted is not None, timeout=15_000)
    assert [(a.period, a.amount) for a in dialog.posted.allocations] == [
        ("2026-01", D("30.00")),
        ("2026-02", D("10.00")),
    ]


def test_several_tenders_in_one_payment(db, login_as, qtbot, runner):
    counter = make_counter(db, login_as, qtbot, runner)
    dialog = open_dialog(counter, qtbot, by_keyboard=False)
    wechat = field(dialog, "wechat.amount")
    wechat.setFocus()
    qtbot.keyClicks(wechat, "50")
    assert field(dialog, "cash.amount").text() == "25.50"  # cash covers the rest
    qtbot.keyClick(wechat, Qt.Key.Key_Tab)
    qtbot.keyClicks(field(dialog, "wechat.reference"), "4200001234")
    field(dialog, "cash.received").setFocus()
    qtbot.keyClicks(field(dialog, "cash.received"), "30")
    assert dialog.form.change_label.text().endswith("4.50")
    qtbot.keyClick(field(dialog, "cash.received"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.posted is not None, timeout=15_000)
    assert sorted((t.tender.value, t.amount) for t in dialog.posted.tenders) == [
        ("cash", D("25.50")),
        ("wechat", D("50.00")),
    ]
    assert dialog.posted.change == D("4.50") and dialog.posted.deposit == D("0.00")


def _close_shift(counter) -> None:
    from counter_app.services.payments.shifts import ShiftService

    ShiftService(counter.workplace.database).close(
        counter.shift_id, counter.workplace.actor, cash_counts={D("100"): 2}
    )


def _shift_dialog(counter, qtbot):
    counter.page.open_account(counter.account_id)
    qtbot.waitUntil(lambda: counter.page.shift_dialog is not None, timeout=15_000)
    box = counter.page.shift_dialog
    qtbot.waitUntil(box.isVisible)
    assert box.float_edit.hasFocus() and box.float_edit.selectedText() == "0.00"
    return box


def test_without_a_shift_the_page_offers_to_open_one(db, login_as, qtbot, runner):
    from counter_app.services.payments.shifts import ShiftService

    counter = make_counter(db, login_as, qtbot, runner)
    _close_shift(counter)
    box = _shift_dialog(counter, qtbot)
    box.float_edit.insert("３００.５")  # full-width digits committed by an input method
    qtbot.keyClick(box.float_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: counter.page.dialog is not None, timeout=15_000)
    assert counter.page.shift_dialog is None
    new_shift = counter.page.dialog.shift_id
    assert new_shift != counter.shift_id
    assert ShiftService(counter.workplace.database).totals(new_shift).opening_float == D("300.50")


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("-5", "备用金：金额不能为负"),
        ("1.234", "备用金：最多两位小数"),
        ("abc", "备用金："),
        ("", "备用金：请输入金额"),
    ],
)
def test_a_bad_cash_float_is_refused_naming_the_field(db, login_as, qtbot, runner, typed, words):
    from counter_app.services.payments.shifts import ShiftService

    counter = make_counter(db, login_as, qtbot, runner)
    _close_shift(counter)
    box = _shift_dialog(counter, qtbot)
    box.float_edit.clear()
    qtbot.keyClicks(box.float_edit, typed)
    qtbot.keyClick(box.float_edit, Qt.Key.Key_Return)
    assert words in box.status_label.text()
    assert box.isVisible() and box.float_edit.hasFocus() and box.float_edit.text() == typed
    runner.wait_idle()
    assert ShiftService(db).current(counter.workplace.clerk.id) is None
    qtbot.keyClick(box.float_edit, Qt.Key.Key_Escape)  # Esc cancels: no shift, no payment
    qtbot.waitUntil(lambda: counter.page.shift_dialog is None, timeout=5_000)
    assert counter.page.dialog is None
    assert ShiftService(db).current(counter.workplace.clerk.id) is None
