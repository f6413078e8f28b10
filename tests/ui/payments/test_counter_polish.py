"""The clerk's counter, polished (PostgreSQL, keyboard only): every view of an
account follows a payment without a manual refresh, the next customer starts
clean, amount errors name their field, a failed receipt is printed again in
the payment dialog (重打, not 补打)."""

from __future__ import annotations

import logging
from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from counter_app.db import models as m
from counter_app.documents import DocumentPrinter, PrintError
from counter_app.settings import Settings
from counter_app.ui.context import build_workplace
from counter_app.ui.main_window import MainWindow
from tests.support.payment_counter import GB, field, make_counter, open_dialog
from tests.support.payments import build_utility
from tests.support.transports import RecordingTransport

pytestmark = pytest.mark.postgres

D = Decimal
CTRL = Qt.KeyboardModifier.ControlModifier
NUMBER = "01000000"  # owes 300.00 + 120.75 = 420.75 on two bills


@pytest.fixture
def db(pg_db):
    return pg_db


@pytest.fixture
def counter_window(db, login_as, qtbot, runner, settings_store, ui_state):
    """A clerk signed in as their own PostgreSQL role, with an open shift."""

    def _make(after_payment_focus: str) -> tuple[MainWindow, RecordingTransport]:
        made = build_utility(db, login_as, bills=("300.00", "120.75"))  # its shift is open
        login, clerk = made.clerk_db, made.clerk
        settings = Settings(
            workstation="WS-01",
            hall_code="HQ",
            receipt_printer="tcp://printer.test:9100",
            after_payment_focus=after_payment_focus,
        )
        recorder = RecordingTransport()
        workplace = replace(
            build_workplace(clerk, login, settings, runner),
            printer=DocumentPrinter(settings, transport_for=lambda _a: recorder),
        )
        window = MainWindow(workplace, settings_store, ui_state=ui_state, ping_interval_ms=60_000)
        qtbot.addWidget(window)
        window.resize(1100, 760)
        window.show()
        qtbot.waitExposed(window)
        activate(qtbot, window)
        return window, recorder

    return _make


def activate(qtbot, widget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def key(qtbot, window, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed wherever the cursor is."""
    qtbot.keyClick(window.focusWidget() or window, k, modifier)


def open_account_by_search(qtbot, window):
    page = window.search_page
    qtbot.waitUntil(page.search_box.hasFocus)
    qtbot.keyClicks(page.search_box, NUMBER)
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    panel = page.account_panel
    qtbot.waitUntil(lambda: panel.view is not None, timeout=15_000)
    return panel


def payment_dialog(qtbot, window):
    page = window.payments_page
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=15_000)
    dialog = page.dialog
    activate(qtbot, dialog)
    return dialog


def pay(qtbot, window, *, custom: str | None, received: str) -> None:
    """In the open payment dialog: (F6 + custom amount), 实收, Enter; then 完成."""
    dialog = payment_dialog(qtbot, window)
    if custom is not None:
        qtbot.keyClick(dialog, Qt.Key.Key_F6)
        dialog.form.amount_edit.setFocus()
        qtbot.keyClicks(dialog.form.amount_edit, custom)
        qtbot.keyClick(dialog.form.amount_edit, Qt.Key.Key_Return)
    cash_received = field(dialog, "cash.received")
    assert cash_received.hasFocus()
    qtbot.keyClicks(cash_received, received)
    qtbot.keyClick(cash_received, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "已入账并打印" in dialog.status_label.text(), timeout=15_000)
    qtbot.keyClick(dialog.confirm_button, Qt.Key.Key_Return)  # 完成
    qtbot.waitUntil(lambda: window.payments_page.dialog is None, timeout=5_000)
    activate(qtbot, window)


@pytest.mark.parametrize(
    ("custom", "received", "owed", "bills_left", "current_owed"),
    [(None, "500", "0.00", 0, "0.00"), ("100", "100", "320.75", 2, "120.75")],  # oldest bill first
    ids=["full", "part"],
)
def test_every_view_shows_the_new_figures_after_a_payment(
    counter_window, qtbot, runner, custom, received, owed, bills_left, current_owed
):
    window, _recorder = counter_window("account_no")
    panel = open_account_by_search(qtbot, window)
    assert "420.75" in panel.arrears_label.text()
    assert panel.history.payments_model.rowCount() == 0
    key(qtbot, window, Qt.Key.Key_F5)  # 收费
    pay(qtbot, window, custom=custom, received=received)

    key(qtbot, window, Qt.Key.Key_1, CTRL)  # back to the account: no manual refresh
    assert window.current_page is window.search_page
    qtbot.waitUntil(lambda: owed in panel.arrears_label.text(), timeout=15_000)
    qtbot.waitUntil(lambda: panel.history.payments_model.rowCount() == 1, timeout=15_000)
    unpaid = [b for b in panel.history.bills_model.rows if b.outstanding > 0]
    assert len(unpaid) == bills_left
    assert panel.fields["bill_owed"].text() == f"¥{current_owed}"  # the newest bill

    key(qtbot, window, Qt.Key.Key_Escape)  # the result list
    hits = window.search_page.model
    qtbot.waitUntil(lambda: hits.rows and hits.rows[0].arrears == D(owed), timeout=15_000)
    assert owed in window.search_page.table.model().index(0, hits.Columns.ARREARS).data()
    summary = window.payments_page.summary_label.text()
    assert owed in summary and "420.75" not in summary
    runner.wait_idle()


def test_after_a_payment_the_account_no_box_keeps_the_number_selected(
    counter_window, qtbot, runner
):
    window, _recorder = counter_window("account_no")
    page = window.payments_page
    key(qtbot, window, Qt.Key.Key_2, CTRL)
    qtbot.keyClicks(page.account_edit, NUMBER)
    qtbot.keyClick(page.account_edit, Qt.Key.Key_Return)
    pay(qtbot, window, custom="100", received="100")
    assert window.current_page is page
    qtbot.waitUntil(page.account_edit.hasFocus)
    runner.wait_idle()  # the page re-read the account meanwhile: the selection stays
    assert page.account_edit.selectedText() == NUMBER
    qtbot.keyClicks(page.account_edit, "070000161")
    assert page.account_edit.text() == "070000161"  # replaced, not appended


def test_f5_pays_from_the_result_list_then_the_search_box_is_empty(counter_window, qtbot, runner):
    window, _recorder = counter_window("search")
    page = window.search_page
    qtbot.waitUntil(page.search_box.hasFocus)
    qtbot.keyClicks(page.search_box, NUMBER)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=15_000)
    qtbot.keyClick(page.search_box, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F5)
    pay(qtbot, window, custom=None, received="500")
    assert window.current_page is page
    assert page.stack.currentWidget() is page.results_panel
    qtbot.waitUntil(page.search_box.hasFocus)
    assert page.search_box.text() == ""
    runner.wait_idle()


# -- item 6: each amount field's own problem ------------------------------------------------


def test_the_custom_amount_names_its_problem_and_it_follows_the_figures(
    db, login_as, qtbot, runner
):
    counter = make_counter(db, login_as, qtbot, runner)
    dialog = open_dialog(counter, qtbot, by_keyboard=False)
    amount, status = dialog.form.amount_edit, dialog.status_label
    qtbot.keyClick(dialog, Qt.Key.Key_F6)
    amount.setFocus()
    qtbot.keyClicks(amount, "10.005")
    qtbot.keyClick(amount, Qt.Key.Key_Return)
    assert status.text() == "自定金额：最多两位小数（到分）。"
    assert amount.hasFocus()
    amount.selectAll()
    qtbot.keyClicks(amount, "80")  # the message follows what is typed
    assert status.text() == "自定金额：超过所选账单的欠费。"
    amount.selectAll()
    qtbot.keyClicks(amount, "40")
    assert status.text() == ""
    qtbot.keyClick(amount, Qt.Key.Key_Return)  # on to 实收: nothing posted yet
    received = field(dialog, "cash.received")
    assert received.hasFocus() and counter.count(m.Payment) == 0
    qtbot.keyClicks(received, "50")
    qtbot.keyClick(received, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.posted is not None, timeout=15_000)
    assert dialog.posted.amount == D("40.00") and dialog.posted.change == D("10.00")


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1e5", "预存金额：不是有效金额，请输入如 123.45 的数字。"),
        ("-5", "预存金额：金额不能为负数。"),
        ("", "预存金额：请输入金额。"),
    ],
)
def test_the_prepayment_amount_names_its_problem(db, login_as, qtbot, runner, typed, message):
    counter = make_counter(db, login_as, qtbot, runner)
    dialog = open_dialog(counter, qtbot, by_keyboard=False)
    qtbot.keyClick(dialog, Qt.Key.Key_F7)
    dialog.form.amount_edit.setFocus()
    qtbot.keyClicks(dialog.form.amount_edit, typed)
    received = field(dialog, "cash.received")
    received.setFocus()
    qtbot.keyClicks(received, "100")
    qtbot.keyClick(received, Qt.Key.Key_Return)  # confirm: refused, naming the amount
    assert dialog.status_label.text() == message
    assert dialog.form.amount_edit.hasFocus() and counter.count(m.Payment) == 0
    dialog.form.amount_edit.selectAll()
    qtbot.keyClicks(dialog.form.amount_edit, "100")
    assert dialog.status_label.text() == ""  # fixed: the refusal goes
    runner.wait_idle()


# -- item 7: a failed receipt is printed again here -----------------------------------------


def test_a_failed_receipt_is_printed_again_without_reprint(db, login_as, qtbot, runner, caplog):
    printer = RecordingTransport(error=PrintError("offline", "paper jam at the cutter"))
    counter = make_counter(db, login_as, qtbot, runner, recorder=printer)
    dialog = open_dialog(counter, qtbot, by_keyboard=False)
    with caplog.at_level(logging.WARNING, logger="counter_app.documents.output.printing"):
        qtbot.keyClick(field(dialog, "cash.received"), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "重打" in dialog.status_label.text(), timeout=15_000)
    assert "打印失败" in dialog.status_label.text() and "补打" not in dialog.status_label.text()
    assert any(
        "paper jam at the cutter" in r.getMessage() and dialog.receipt_no in r.getMessage()
        for r in caplog.records
    )
    assert dialog.print_button.isVisible() and dialog.print_button.isDefault()
    assert dialog.print_button.text() == "重打 (Enter)"
    assert not printer.jobs

    printer.error = None  # the clerk fixed the printer
    qtbot.keyClick(dialog.print_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "已入账并打印" in dialog.status_label.text(), timeout=15_000)
    assert len(printer.jobs) == 1
    job = printer.jobs[0]
    assert "交费收据".encode(GB) in job and dialog.receipt_no.encode() in job
    assert "补打".encode(GB) not in job
    assert counter.count(m.ReceiptReprint) == 0
    with db.read() as s:
        audit = s.execute(
            select(func.count())
            .select_from(m.AuditEvent)
            .where(m.AuditEvent.action == "receipt.reprint")
        ).scalar_one()
    assert audit == 0
    assert counter.count(m.Payment) == 1
    qtbot.keyClick(dialog.confirm_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: counter.page.dialog is None, timeout=5_000)
