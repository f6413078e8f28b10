"""Adjust bill… on the account's bill list: a supervisor corrects an issued
bill with a linked credit (or debit), at the window, by keyboard; a clerk
needs a supervisor to sign in; refused amounts are named and kept; nothing is
written when the database refuses (PostgreSQL, real logins)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from counter_app.services.auth import Authenticator
from counter_app.services.tariffs.billing import adjust_bill
from counter_app.ui.search.adjust_dialog import AdjustBillDialog
from counter_app.ui.search.models import BillsModel
from tests.support.keyboard import type_keys, type_text
from tests.support.language import ui_language
from tests.support.logins import LOGIN_PASSWORD
from tests.support.mnemonics import problems
from tests.support.screens import assert_nothing_clipped, save_shot, settle, shot_dirs
from tests.support.search_ui import open_first

pytestmark = pytest.mark.usefixtures("town")

D = Decimal
SIZES = [(1024, 700), (1366, 768)]


def _corrections(db, bill_id: int) -> list[tuple]:
    with db.engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                text(
                    "SELECT b.amount, b.reason, c.username FROM bills b "
                    "JOIN clerks c ON c.id = b.approved_by WHERE b.adjusts_bill_id = :b ORDER BY b.id"
                ),
                {"b": bill_id},
            )
        ]


def _window(make_search_window, db, login_as, role: str):
    login, clerk = login_as(role)
    url = db.engine.url.set(username=None, password=None).render_as_string(hide_password=False)
    return make_search_window(login, clerk, authenticator=Authenticator(url)), clerk


def _open_dialog(qtbot, window) -> tuple[object, AdjustBillDialog]:
    """The account 01000001 opened, its newest bill (2026-10, ¥45.30 unpaid)
    selected; Alt+B opens the dialog with the cursor in the amount."""
    panel = open_first(qtbot, window)
    panel.history.bills_table.setFocus()
    qtbot.waitUntil(lambda: panel.history.adjust_button.isEnabled())
    qtbot.keyClick(panel.history.bills_table, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(
        lambda: isinstance(QApplication.activeModalWidget(), AdjustBillDialog), timeout=5_000
    )
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, AdjustBillDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.amount_edit)
    assert dialog.bill.period == "2026-10" and dialog.bill.amount == D("45.30")
    return panel, dialog


def _type_correction(qtbot, dialog, amount: str, reason: str = "抄表错误，抄表员已确认") -> None:
    type_keys(qtbot, dialog.amount_edit, amount)
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.reason_edit
    type_text(dialog.reason_edit, reason)  # committed by the input method


def test_a_supervisor_credits_a_bill_by_keyboard_and_the_screen_shows_it(
    qtbot, town, make_search_window, login_as
):
    db, ids = town
    window, supervisor = _window(make_search_window, db, login_as, "supervisor")
    panel, dialog = _open_dialog(qtbot, window)
    assert panel.arrears_label.text() == "欠费：¥45.30"
    # a signed-in supervisor approves: no sign-in rows
    assert not dialog.supervisor_edit.isVisibleTo(dialog)
    assert "尚未调整" in dialog.ui.adjustedLabel.text()
    _type_correction(qtbot, dialog, "１０.００")  # full-width digits of an input method
    assert dialog.preview_label.text() == "调整后账单金额为 ¥35.30。"
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.adjustment is not None, timeout=10_000)
    assert "已冲减 ¥10.00" in dialog.status_label.text()
    assert "¥35.30" in dialog.status_label.text()
    assert _corrections(db, ids["oct"]) == [
        (D("-10.00"), "抄表错误，抄表员已确认", supervisor.username)
    ]
    # the account screen reads its figures again (changes=account_id)
    qtbot.waitUntil(lambda: panel.arrears_label.text() == "欠费：¥35.30", timeout=10_000)
    qtbot.waitUntil(lambda: len(panel.history.bills_model.rows) == 4, timeout=10_000)
    rows = {b.bill_id: b for b in panel.history.bills_model.rows}
    bill = rows[ids["oct"]]
    assert (bill.adjusted, bill.outstanding, bill.net) == (D("-10.00"), D("35.30"), D("35.30"))
    [credit] = [b for b in rows.values() if b.adjusts_bill_id == ids["oct"]]
    assert (credit.amount, credit.outstanding, credit.approved_by) == (D("-10.00"), D("0"), "测试")
    # the credit right under the bill it corrects, why and who on hover
    table = panel.history.bills_table
    shown = [
        [
            table.model().index(r, c).data()
            for c in (
                BillsModel.Columns.PERIOD,
                BillsModel.Columns.AMOUNT,
                BillsModel.Columns.OUTSTANDING,
            )
        ]
        for r in range(2)
    ]
    assert shown == [["2026-10", "¥45.30", "¥35.30"], ["↳ 冲减", "-¥10.00", "¥0.00"]]
    tips = [table.model().index(r, 0).data(Qt.ItemDataRole.ToolTipRole) for r in range(2)]
    assert tips == [
        "已调整 -¥10.00：现为 ¥35.30",
        "2026-10 冲减 ¥10.00：抄表错误，抄表员已确认（测试 批准）",
    ]
    assert panel.fields["bill_owed"].text() == "¥35.30"
    qtbot.keyClick(dialog.confirm_button, Qt.Key.Key_Return)  # Done
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_clerks_own_attempt_without_a_supervisor_is_refused(
    qtbot, town, make_search_window, login_as
):
    db, ids = town
    window, clerk = _window(make_search_window, db, login_as, "clerk")
    _panel, dialog = _open_dialog(qtbot, window)
    assert dialog.supervisor_edit.isVisibleTo(dialog)
    _type_correction(qtbot, dialog, "10")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert dialog.status_label.text() == "主管：请输入主管的用户名。"
    assert QApplication.focusWidget() is dialog.supervisor_edit
    # the clerk types their own login: signed in, but no supervisor
    type_keys(qtbot, dialog.supervisor_edit, clerk.username)
    qtbot.keyClick(dialog.supervisor_edit, Qt.Key.Key_Tab)
    type_keys(qtbot, dialog.password_edit, LOGIN_PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "不是主管" in dialog.status_label.text(), timeout=10_000)
    assert dialog.adjustment is None and dialog.confirm_button.isEnabled()
    assert _corrections(db, ids["oct"]) == []
    # a wrong password is the sign-in's refusal
    dialog.password_edit.setText("wrong")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "用户名或密码不正确" in dialog.status_label.text(), timeout=10_000)
    assert _corrections(db, ids["oct"]) == []
    # a supervisor signs in at the clerk's workstation: made, with their name
    _, boss = login_as("supervisor")
    dialog.supervisor_edit.setText(boss.username)
    dialog.password_edit.setText(LOGIN_PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.adjustment is not None, timeout=10_000)
    assert _corrections(db, ids["oct"]) == [(D("-10.00"), "抄表错误，抄表员已确认", boss.username)]
    assert dialog.password_edit.text() == ""


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("12,3元", "金额“12,3元”：不是有效金额"),
        ("-5", "金额“-5”：请不带正负号输入"),
        ("1.005", "金额“1.005”：最多两位小数"),
        ("0", "金额“0”：调整金额须大于 0.00"),
    ],
)
def test_a_bad_amount_is_named_and_kept(qtbot, town, make_search_window, login_as, typed, says):
    db, ids = town
    window, _ = _window(make_search_window, db, login_as, "supervisor")
    _panel, dialog = _open_dialog(qtbot, window)
    _type_correction(qtbot, dialog, typed)
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert says in dialog.status_label.text()
    assert dialog.amount_edit.text() == typed  # kept, selected to be typed over
    assert QApplication.focusWidget() is dialog.amount_edit
    assert dialog.amount_edit.selectedText() == typed
    assert dialog.reason_edit.text() == "抄表错误，抄表员已确认"
    assert not window.workplace.runner.is_busy
    assert _corrections(db, ids["oct"]) == []


def test_a_credit_below_zero_is_refused_and_writes_nothing(
    qtbot, town, make_search_window, login_as
):
    db, ids = town
    window, _ = _window(make_search_window, db, login_as, "supervisor")
    _panel, dialog = _open_dialog(qtbot, window)
    _type_correction(qtbot, dialog, "45.31")
    assert "最多冲减 ¥45.30" in dialog.preview_label.text()
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert dialog.status_label.text() == (
        "金额：冲减不能使账单低于零；账单金额 ¥45.30，最多冲减 ¥45.30。"
    )
    assert dialog.amount_edit.text() == "45.31"
    assert _corrections(db, ids["oct"]) == []
    # another supervisor credits the bill meanwhile: the database refuses what
    # the dialog still allows, and nothing of it is written
    other_db, other = login_as("supervisor")
    adjust_bill(other_db, ids["oct"], D("-20.00"), "另一窗口", workstation="WS9")
    dialog.amount_edit.setText("30.00")
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "已被他人调整" in dialog.status_label.text(), timeout=10_000)
    assert dialog.status_label.text().startswith("金额：冲减不能使账单低于零")
    assert dialog.adjustment is None and dialog.confirm_button.isEnabled()
    assert QApplication.focusWidget() is dialog.amount_edit
    assert _corrections(db, ids["oct"]) == [(D("-20.00"), "另一窗口", other.username)]


def test_a_correction_of_a_correction_adjusts_its_bill(qtbot, town, make_search_window, login_as):
    """Selecting a correction row and pressing Adjust bill… corrects the bill
    it belongs to, showing what was corrected before."""
    db, ids = town
    other_db, _ = login_as("supervisor")
    adjust_bill(other_db, ids["oct"], D("5.00"), "漏计污水费", workstation="WS9")
    window, _ = _window(make_search_window, db, login_as, "supervisor")
    panel = open_first(qtbot, window)
    history = panel.history
    assert history.bills_table.select_record(lambda b: b.adjusts_bill_id == ids["oct"])
    history.adjust_button.click()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), AdjustBillDialog))
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.amount_edit)
    assert dialog.bill.bill_id == ids["oct"]
    assert dialog.ui.adjustedLabel.text().splitlines() == [
        "已调整：+¥5.00；账单金额 ¥50.30。",
        "+¥5.00  漏计污水费（测试 批准）",
    ]
    dialog.debit_radio.setChecked(True)
    dialog.amount_edit.setText("1")
    assert dialog.preview_label.text() == "调整后账单金额为 ¥51.30。"
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _corrections(db, ids["oct"])[1:] == []


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_dialog_screenshots(
    qtbot, qapp, town, make_search_window, login_as, tmp_path, size, language
):
    """A clerk's dialog (the supervisor's sign-in shown) over the account
    screen, a bill corrected before and a refusal on the status line."""
    db, ids = town
    boss_db, _ = login_as("supervisor")
    adjust_bill(boss_db, ids["oct"], D("-5.00"), "抄表错误，抄表员已确认", workstation="WS9")
    with ui_language(qapp, language):
        window, _ = _window(make_search_window, db, login_as, "clerk")
        window.resize(*size)
        panel, dialog = _open_dialog(qtbot, window)
        _type_correction(qtbot, dialog, "12.50")
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)  # no supervisor yet
        assert dialog.status_label.text()
        settle(qtbot, dialog)
        folder = shot_dirs(tmp_path, "adjust_bill")
        save_shot(dialog, f"adjust_bill_{language}_{size[0]}", folder)
        save_shot(window, f"adjust_bill_account_{language}_{size[0]}", folder)
        assert_nothing_clipped(dialog)
        assert_nothing_clipped(window)
        screen = window.frameGeometry()
        assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
        found = problems(dialog, f"{language} adjust bill") + problems(
            window, f"{language} account"
        )
        assert not found, "\n".join(found)
        dialog.reject()


def test_a_lost_answer_sends_nothing_twice_and_the_list_shows_what_was_made(
    qtbot, town, make_search_window, login_as
):
    """The database made the correction but its answer was lost: the dialog
    says so, offers no second try, and the bill list is read again."""
    from dataclasses import replace

    from tests.support.payment_faults import lost

    db, ids = town
    window, _ = _window(make_search_window, db, login_as, "supervisor")
    services = window.workplace.services

    class AnswerLost:
        def adjust(self, *args):
            services.adjustments.adjust(*args)  # made on PostgreSQL, then the line drops
            raise lost()

    window.workplace.services = replace(services, adjustments=AnswerLost())
    panel, dialog = _open_dialog(qtbot, window)
    _type_correction(qtbot, dialog, "10")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "连接中断" in dialog.status_label.text(), timeout=10_000)
    assert not dialog.confirm_button.isEnabled() and dialog.amount_edit.isReadOnly()
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)  # Enter sends nothing again
    qtbot.waitUntil(lambda: len(panel.history.bills_model.rows) == 4, timeout=10_000)
    assert [row[0] for row in _corrections(db, ids["oct"])] == [D("-10.00")]
    qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
