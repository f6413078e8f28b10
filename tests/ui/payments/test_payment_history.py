"""Payment history: 补打 and 冲正 with a supervisor signing in at the counter;
the unknown outcome of a post."""

from __future__ import annotations

import uuid
from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event, text
from sqlalchemy.exc import OperationalError

from counter_app.db import models as m
from counter_app.services.accounts.ledger import open_bills
from counter_app.services.auth import Authenticator
from counter_app.ui.payments.reversal_dialog import ReversalDialog
from counter_app.ui.search.models import PaymentsModel
from tests.support.payment_counter import (
    GB,
    SUP_PASSWORD,
    _history,
    _reverse,
    field,
    make_counter,
    open_dialog,
)

D = Decimal


def test_reprint_is_marked_and_counted(db, login_as, qtbot, runner):
    counter = make_counter(db, login_as, qtbot, runner)
    history = _history(counter, qtbot)
    qtbot.keyClick(history.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "第 1 次" in history.status_label.text(), timeout=15_000)
    qtbot.keyClick(history.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "第 2 次" in history.status_label.text(), timeout=15_000)
    assert counter.count(m.ReceiptReprint) == 2
    assert "补打（第2次）".encode(GB) in counter.recorder.jobs[-1]


def test_reversal_with_a_supervisor_and_only_once(db, login_as, db_url, qtbot, runner, supervisor):
    counter = make_counter(db, login_as, qtbot, runner, authenticator=Authenticator(db_url))
    username = supervisor()
    history = _history(counter, qtbot)
    dialog = _reverse(history, qtbot, username)
    qtbot.waitUntil(lambda: dialog.reversal is not None, timeout=20_000)
    qtbot.waitUntil(lambda: "已打印" in dialog.status_label.text(), timeout=15_000)
    assert "冲正凭单".encode(GB) in counter.recorder.jobs[-1]
    assert "王班长".encode(GB) in counter.recorder.jobs[-1]
    with db.read() as s:
        assert [b.outstanding for b in open_bills(s, counter.account_id)] == [
            D("30.00"),
            D("45.50"),
        ]
    assert counter.count(m.PaymentReversal) == 1
    qtbot.keyClick(dialog.confirm_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: history.model.record(0).reversed, timeout=15_000)
    # a second reversal is refused: in the list ...
    history.activateWindow()
    qtbot.waitUntil(history.isActiveWindow)
    history.view.selectRow(0)
    qtbot.keyClick(history.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert "只能冲正一次" in history.status_label.text()
    # ... and by the database, for a screen that still shows it unreversed
    account = counter.workplace.services.payments.account_for_payment(account_id=counter.account_id)
    stale = ReversalDialog(
        counter.workplace,
        account,
        replace(history.model.record(0), reversed=False),
        counter.shift_id,
    )
    qtbot.addWidget(stale)
    stale.reason_edit.setText("重复")
    stale.supervisor_edit.setText(username)
    stale.password_edit.setText(SUP_PASSWORD)
    stale.confirm()
    qtbot.waitUntil(lambda: "已冲正" in stale.status_label.text(), timeout=20_000)
    assert stale.reversal is None
    assert counter.count(m.PaymentReversal) == 1


def test_reversal_refuses_wrong_password_and_a_plain_clerk(
    db, login_as, db_url, qtbot, runner, supervisor
):
    counter = make_counter(db, login_as, qtbot, runner, authenticator=Authenticator(db_url))
    clerk_name = supervisor("clerk")
    history = _history(counter, qtbot)
    dialog = _reverse(history, qtbot, clerk_name, "wrong-password")
    qtbot.waitUntil(lambda: "不正确" in dialog.status_label.text(), timeout=20_000)
    assert dialog.password_edit.hasFocus() and dialog.reason_edit.text() == "收错户"
    dialog.password_edit.setText(SUP_PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "不是主管" in dialog.status_label.text(), timeout=20_000)
    assert counter.count(m.PaymentReversal) == 0


class _Killer:
    """Kills the posting's backend before its one statement (autocommit: its
    own transaction) runs, or after it committed and then fails as a lost
    connection would (as tests/services/test_payments_concurrency)."""

    def __init__(self, admin_engine, moment: str):
        self.admin, self.moment, self.fired = admin_engine, moment, False

    def before(self, conn, _cursor, statement, *_args) -> None:
        if (
            self.moment == "before_commit"
            and not self.fired
            and "counter_post_payment" in statement
        ):
            self._kill(conn)

    def after(self, conn, _cursor, statement, *_args) -> None:
        if self.moment == "after_commit" and not self.fired and "counter_post_payment" in statement:
            self._kill(conn)
            raise OperationalError("COMMIT", {}, Exception("connection lost after commit"))

    def _kill(self, conn) -> None:
        self.fired = True
        pid = conn.connection.dbapi_connection.info.backend_pid
        with self.admin.connect() as admin:
            admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})


@pytest.mark.postgres
@pytest.mark.parametrize("moment", ["before_commit", "after_commit"])
def test_unknown_outcome_is_looked_up_never_charged_twice(db, login_as, qtbot, runner, moment):
    counter = make_counter(db, login_as, qtbot, runner)
    dialog = open_dialog(counter, qtbot, by_keyboard=False)
    qtbot.keyClicks(field(dialog, "cash.received"), "100")
    killer = _Killer(db.engine, moment)
    engine = counter.workplace.database.engine
    hooks = (("before_cursor_execute", killer.before), ("after_cursor_execute", killer.after))
    for name, hook in hooks:
        event.listen(engine, name, hook)
    try:
        qtbot.keyClick(field(dialog, "cash.received"), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: killer.fired, timeout=15_000)
        if moment == "after_commit":
            # looked up: the payment is shown as posted, never offered again
            qtbot.waitUntil(lambda: dialog.posted is not None, timeout=20_000)
            assert dialog.posted.replayed and "不会重复收费" in dialog.status_label.text()
            qtbot.waitUntil(dialog.print_button.isVisible, timeout=15_000)
            assert not counter.recorder.jobs  # printed when the clerk asks
            qtbot.keyClick(dialog.print_button, Qt.Key.Key_Return)
        else:
            qtbot.waitUntil(lambda: "未入账" in dialog.status_label.text(), timeout=20_000)
            assert dialog.posted is None and dialog.confirm_button.isEnabled()
            assert counter.count(m.Payment) == 0
            qtbot.keyClick(field(dialog, "cash.received"), Qt.Key.Key_Return)  # same UUID
            qtbot.waitUntil(lambda: dialog.posted is not None, timeout=20_000)
    finally:
        for name, hook in hooks:
            event.remove(engine, name, hook)
    assert counter.count(m.Payment) == 1
    assert dialog.posted.change == D("24.50")
    qtbot.waitUntil(lambda: bool(counter.recorder.jobs), timeout=15_000)


def _old_payment(counter, period, receipt_no: int) -> None:
    """A payment posted mid-``period`` (its own row, as posted then)."""
    from datetime import datetime, time

    from counter_app.documents.fmt import SHANGHAI

    with counter.db.write() as s:
        s.add(
            m.Payment(
                client_uuid=str(uuid.uuid4()),
                content_hash="x" * 64,
                account_id=counter.account_id,
                shift_id=counter.shift_id,
                clerk_id=counter.workplace.clerk.id,
                workstation="WS1",
                series_code="HQ",
                receipt_no=receipt_no,
                amount=D("10.00"),
                created_at=datetime.combine(
                    period.first_day.replace(day=15), time(12), tzinfo=SHANGHAI
                ),
            )
        )
        s.flush()  # its tender: the books hold a payment's tenders to its amount
        s.execute(
            text(
                "INSERT INTO payment_tenders (payment_id, line_no, tender, amount, "
                "change_given, reference) SELECT id, 1, 'cash', amount, 0, '' "
                "FROM payments WHERE receipt_no = :no"
            ),
            {"no": receipt_no},
        )
        # numbered from its series, as then: the next receipt follows it
        s.execute(
            text("UPDATE receipt_series SET next_no = :next WHERE code = 'HQ'"),
            {"next": receipt_no + 1},
        )


def test_history_is_filtered_by_month_last_12_by_default(db, login_as, qtbot, runner):
    from counter_app.ui.payments.history_dialog import default_periods

    counter = make_counter(db, login_as, qtbot, runner)
    first, last = default_periods()
    _old_payment(counter, first.add(-3), 914)
    history = _history(counter, qtbot)  # the payment of today; the old one is not shown
    assert (history.from_edit.text(), history.to_edit.text()) == (str(first), str(last))
    assert last.add(-11) == first and "共 1 笔" in history.count_label.text()
    # Alt+F reaches the from month; Enter applies the filter
    history.activateWindow()
    qtbot.waitUntil(history.isActiveWindow)
    qtbot.keyClick(history.view, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert history.from_edit.hasFocus()
    history.from_edit.selectAll()
    qtbot.keyClicks(history.from_edit, str(first.add(-6)))
    qtbot.keyClick(history.from_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: history.model.rowCount() == 2, timeout=15_000)
    assert history.isVisible() and "共 2 笔" in history.count_label.text()
    assert history.model.record(1).receipt == "JX00000914"
    # sorted oldest first (a header click), the selected row gives its own payment
    history.view.sortByColumn(PaymentsModel.Columns.PAID_AT, Qt.SortOrder.AscendingOrder)
    history.view.selectRow(0)
    assert history.selected().receipt == "JX00000914" != history.model.record(0).receipt
    # only the old month: the query bounds both ends
    old = str(first.add(-3))
    history.from_edit.setText(old)
    history.to_edit.setText(old)
    qtbot.keyClick(history.to_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=15_000)
    assert history.model.record(0).receipt == "JX00000914"


@pytest.mark.parametrize(
    ("from_text", "to_text", "words", "focus"),
    [
        ("2026-13", "", "交费月份（起）：请按 2026-03", "from_edit"),
        ("", "26年3月", "交费月份（止）：请按 2026-03", "to_edit"),
        ("2026-05", "2026-04", "起始月份晚于截止月份", "from_edit"),
    ],
)
def test_a_bad_month_is_refused_naming_the_field(
    db, login_as, qtbot, runner, from_text, to_text, words, focus
):
    counter = make_counter(db, login_as, qtbot, runner)
    history = _history(counter, qtbot)
    history.from_edit.setText(from_text)
    history.to_edit.setText(to_text)
    qtbot.keyClick(history.from_edit, Qt.Key.Key_Return)
    assert words in history.status_label.text()
    assert getattr(history, focus).hasFocus()
    assert (history.from_edit.text(), history.to_edit.text()) == (from_text, to_text)
    assert history.model.rowCount() == 1  # the list shown stays
