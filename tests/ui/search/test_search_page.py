"""The search page driven by the keyboard only."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from counter_app.services.actions import ActionError, call
from counter_app.ui.search.models import SearchResultsModel
from tests.support.keyboard import type_keys
from tests.support.search_ui import (
    open_first,
    page_of,
    type_query,
    wait_account,
    wait_results,
)
from tests.support.waiting import CLICK_ANIMATION_MS

pytestmark = pytest.mark.usefixtures("town")
Cols = SearchResultsModel.Columns


def cell(window, row: int, column: int) -> str:
    model = page_of(window).model
    return model.index(row, column).data()


def test_focus_lands_in_the_box(qtbot, town, make_search_window):
    db, _ = town
    window = make_search_window(db)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page_of(window).search_box)
    assert page_of(window).hint_label.text() == "请输入户号、姓名、电话、证件号或地址…"


def test_name_fragment_down_enter_opens_the_account(qtbot, town, make_search_window):
    db, ids = town
    window = make_search_window(db)
    page = page_of(window)
    type_query(qtbot, window, "张三")
    assert page.hint_label.text().startswith("按户名")
    hits = wait_results(qtbot, window, 2)
    assert [h.name for h in hits] == ["张三", "张三丰"]
    assert cell(window, 0, Cols.PHONE) == "138****5678"
    assert cell(window, 0, Cols.ID) == "370829********1234"
    assert cell(window, 0, Cols.ARREARS) == "¥45.30"
    assert cell(window, 0, Cols.STATUS) == "正常"
    qtbot.keyClick(page.search_box, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is page.table
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.table.currentIndex().row() == 1
    qtbot.keyClick(page.table, Qt.Key.Key_Up)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    panel = wait_account(qtbot, window)
    assert page.stack.currentWidget() is panel
    assert panel.view.account_id == ids["account"]
    assert panel.title_label.text() == "张三　01000001"
    f = panel.fields
    assert f["mobile"].text() == "138****5678"
    assert f["id_number"].text() == "370829********1234"
    assert f["landline"].text() == "0537-****345"
    assert f["meter_location"].text() == "院内表井"
    assert f["prepayment"].text() == "¥12.50"
    assert f["period"].text() == "2026-10"
    assert f["readings"].text() == "164 → 184"
    assert "低保" in f["relief"].text() or f["relief"].text() == "无"
    assert panel.arrears_label.text() == "欠费：¥45.30"
    history = panel.history
    assert [b.period for b in history.bills_model._rows] == ["2026-10", "2026-08", "2026-06"]
    assert history.payments_model.rowCount() == 3
    # the newest (current) bill is selected and its lines arrive on demand
    qtbot.waitUntil(lambda: history.lines_model.rowCount() == 3, timeout=10_000)
    labels = [history.lines_model.index(r, 0).data() for r in range(3)]
    assert labels == ["基本水费 第一阶梯", "污水处理费", "低保减免"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: history.lines_model.rowCount() == 1, timeout=10_000)
    assert history.lines_model.index(0, 3).data() == "¥60.00"
    # Esc: back to the box, text selected, results kept
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert page.stack.currentWidget() is page.results_panel
    assert QApplication.focusWidget() is page.search_box
    assert page.search_box.selectedText() == "张三"
    assert panel.view is None


def test_table_escape_returns_to_the_box(qtbot, town, make_search_window):
    db, _ = town
    window = make_search_window(db)
    page = page_of(window)
    type_query(qtbot, window, "zs")
    wait_results(qtbot, window, 2)
    qtbot.keyClick(page.search_box, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is page.table
    qtbot.keyClick(page.table, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is page.search_box
    assert page.search_box.text() == "zs"
    qtbot.keyClick(page.search_box, Qt.Key.Key_Escape)  # the next customer
    assert page.search_box.text() == "" and page.model.rowCount() == 0


def test_phone_tail_finds_both_accounts(qtbot, town, make_search_window):
    db, ids = town
    window = make_search_window(db)
    page = page_of(window)
    type_query(qtbot, window, "5678")
    assert page.hint_label.text().startswith("按手机尾号")
    hits = wait_results(qtbot, window, 2)
    assert {h.account_id for h in hits} == {ids["account"], ids["wangwu"]}
    assert {h.matched for h in hits} == {"mobile_tail"}


def test_full_width_account_number_and_enter_opens_the_only_hit(qtbot, town, make_search_window):
    db, ids = town
    window = make_search_window(db)
    page = page_of(window)
    type_query(qtbot, window, "０１０００００２")  # from a Chinese input method
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)  # before the debounce fired
    panel = wait_account(qtbot, window)
    assert panel.view.account_id == ids["bare"]
    assert panel.fields["mobile"].text() == "无"
    assert panel.fields["period"].text() == "暂无账单"


@pytest.mark.parametrize(
    ("query", "hint"),
    [
        ("", "请输入户号、姓名、电话、证件号或地址…"),
        ("   ", "请输入户号、姓名、电话、证件号或地址…"),
        ("%", "请输入字母、数字或汉字。"),
        ("'", "请输入字母、数字或汉字。"),
        ("\\_", "请输入字母、数字或汉字。"),
        ("😀", "请输入字母、数字或汉字。"),
        ("张" * 1000, "输入过长：最多 64 个字符。"),
        ("tel:abc", "tel: 后需要手机号、手机尾号 4 位或固定电话。"),
    ],
)
def test_bad_input_shows_a_hint_and_no_rows(qtbot, town, make_search_window, query, hint):
    db, _ = town
    window = make_search_window(db)
    page = page_of(window)
    type_query(qtbot, window, "张三")
    wait_results(qtbot, window, 2)
    if query == "张" * 1000:
        page.search_box.setMaxLength(2000)  # the box allows 32767 anyway
    type_query(qtbot, window, query)
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    wait_results(qtbot, window, 0)
    # a deliberate wait: nothing may arrive later (a debounced search firing
    # after the hint would fill the table)
    with qtbot.assertNotEmitted(page.model.modelReset, wait=DEBOUNCE_WAIT):
        pass
    assert page.model.rowCount() == 0
    assert page.hint_label.text() == hint
    assert page.stack.currentWidget() is page.results_panel


DEBOUNCE_WAIT = 300


def test_no_result_and_supersede(qtbot, town, make_search_window):
    db, _ = town
    window = make_search_window(db)
    page = page_of(window)
    type_keys(qtbot, page.search_box, "赵钱孙")
    wait_results(qtbot, window, 0)
    assert "未找到" in page.hint_label.text()
    # typing on: only the newest query answers
    type_query(qtbot, window, "王")
    type_keys(qtbot, page.search_box, "五")
    hits = wait_results(qtbot, window, 1)
    assert hits[0].name == "王五"


def test_period_filter(qtbot, town, make_search_window):
    db, _ = town
    window = make_search_window(db)
    page = page_of(window)
    type_query(qtbot, window, "01000001")
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    panel = wait_account(qtbot, window)
    history = panel.history
    qtbot.keyClick(panel, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is history.from_edit
    qtbot.keyClicks(history.from_edit, "2026-07")
    qtbot.keyClick(history.from_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is history.to_edit
    type_keys(qtbot, history.to_edit, "２０２６０９")
    qtbot.keyClick(history.to_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: history.bills_model.rowCount() == 1, timeout=10_000)
    assert history.bills_model.record(0).period == "2026-08"
    # payments made in July..September: all three (one reversed)
    assert history.payments_model.rowCount() == 3
    assert any("冲正" in history.payments_model.index(r, 5).data() for r in range(3))
    # a bad period names the field and keeps what was typed
    history.to_edit.selectAll()
    qtbot.keyClicks(history.to_edit, "2026-13")
    qtbot.keyClick(history.to_edit, Qt.Key.Key_Return)
    assert panel.message_label.text() == "截止账期：请按 2026-03 的格式输入。"
    assert history.to_edit.text() == "2026-13"
    assert history.bills_model.rowCount() == 1


def _reveal_events(db) -> list[tuple]:
    with db.engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT clerk, workstation, entity_id, details FROM audit_events "
                "WHERE action = 'account.reveal' ORDER BY id"
            )
        ).all()


def test_reveal_is_not_offered_to_a_clerk(qtbot, town, make_search_window, login_as):
    db, _ = town
    login, clerk = login_as("clerk")
    window = make_search_window(login, clerk)
    panel = open_first(qtbot, window)
    assert not panel.reveal_button.isVisible()
    # the hidden button's shortcut does not click it, not even after its click animation
    with qtbot.assertNotEmitted(panel.reveal_button.clicked, wait=CLICK_ANIMATION_MS):
        qtbot.keyClick(panel, Qt.Key.Key_F9)
    assert panel.fields["id_number"].text() == "370829********1234"
    assert _reveal_events(db) == []


def test_reveal_refused_when_the_database_says_clerk(qtbot, town, make_search_window, login_as):
    """The app thinks 'supervisor', the login is a clerk: the database refuses."""
    db, _ = town
    login, clerk = login_as("clerk")
    pretend = type(clerk)(
        clerk.id, clerk.username, clerk.display_name, "supervisor", clerk.hall_code
    )
    window = make_search_window(login, pretend)
    panel = open_first(qtbot, window)
    qtbot.keyClick(panel, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: bool(panel.message_label.text()), timeout=10_000)
    assert panel.message_label.text() == "您无权查看完整证件号和电话：请由班长操作。"
    assert panel.fields["id_number"].text() == "370829********1234"
    assert _reveal_events(db) == []


def test_supervisor_reveals_and_it_is_audited_and_masked_again(
    qtbot, town, make_search_window, login_as
):
    db, ids = town
    login, supervisor = login_as("supervisor")
    window = make_search_window(login, supervisor)
    panel = open_first(qtbot, window)
    assert panel.reveal_button.isVisible()
    qtbot.keyClick(panel, Qt.Key.Key_F9)
    qtbot.waitUntil(
        lambda: panel.fields["id_number"].text() == "370829199001011234", timeout=10_000
    )
    assert panel.fields["mobile"].text() == "13812345678"
    assert panel.fields["landline"].text() == "0537-6812345"
    events = _reveal_events(db)
    assert sorted(json.loads(e[3])["field"] for e in events) == ["id_number", "landline", "mobile"]
    assert {(e[0], e[1], e[2]) for e in events} == {
        (supervisor.username, "WS-01", str(ids["account"]))
    }
    # closing the account masks again
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    page = page_of(window)
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.account_panel.view is not None, timeout=10_000)
    assert panel.fields["id_number"].text() == "370829********1234"
    assert panel.fields["mobile"].text() == "138****5678"


@pytest.mark.parametrize(
    ("key", "action", "index"),
    [
        (Qt.Key.Key_F5, "pay", 1),
        (Qt.Key.Key_F6, "relief", 2),
        (Qt.Key.Key_F7, "complaint", 3),
    ],
)
def test_action_buttons_switch_page(qtbot, town, make_search_window, key, action, index):
    db, ids = town
    window = make_search_window(db)
    panel = open_first(qtbot, window)
    with qtbot.waitSignal(page_of(window).action_requested) as signal:
        qtbot.keyClick(panel, key)
    assert signal.args == [action, ids["account"]]
    assert window.ui.pageStack.currentIndex() == index


def test_dispatcher_opens_the_account_on_a_page_that_can(qtbot, town, make_search_window):
    db, ids = town
    window = make_search_window(db)
    opened: list[int] = []
    window.complaints_page.open_account = opened.append  # the page's own method, recorded
    panel = open_first(qtbot, window)
    qtbot.keyClick(panel, Qt.Key.Key_F7)  # a button shortcut clicks after a short animation
    qtbot.waitUntil(lambda: opened == [ids["account"]])
    assert window.ui.pageStack.currentIndex() == 3


def test_too_many_full_number_searches_say_so_in_chinese(qtbot, town, make_search_window, login_as):
    """A clerk's 31st full-number lookup in a minute (migration 0025): no
    rows, the Chinese message, the text kept."""
    from datetime import UTC, datetime

    db, _ = town
    login, clerk = login_as("clerk")
    # the quota counts per clock minute: start well inside one (past second 45, the next)
    qtbot.waitUntil(lambda: datetime.now(UTC).second < 45, timeout=20_000)
    with login.engine.connect() as conn:
        for i in range(30):
            conn.execute(
                text("SELECT counter_find_number('mobile', ARRAY[:v], '')"),
                {"v": f"1390000{i:04d}"},
            )
    window = make_search_window(login, clerk)
    page = page_of(window)
    type_query(qtbot, window, "13900005678")
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "已通知主管" in page.hint_label.text(), timeout=10_000)
    assert page.model.rowCount() == 0
    assert page.search_box.text() == "13900005678"


def test_a_supervisor_past_the_lookup_quota_is_told_to_wait(
    qtbot, town, make_search_window, login_as
):
    """Reveals share the per-minute quota of full-number lookups (0025/0026):
    past it the panel says so in Chinese, and nothing is shown in full."""
    db, _ = town
    login, supervisor = login_as("supervisor")
    for _ in range(200):  # spend the quota (a minute may turn once meanwhile)
        try:
            call(login, "find_number", "mobile", ["13812345678"], "WS-01")
        except ActionError as exc:
            assert exc.kind == "rate_limited"
            break
    else:
        pytest.fail("the lookup quota never ran out")
    window = make_search_window(login, supervisor)
    panel = open_first(qtbot, window)
    qtbot.keyClick(panel, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: bool(panel.message_label.text()), timeout=10_000)
    assert panel.message_label.text().startswith("一分钟内查看完整号码的次数已达上限")
    assert panel.fields["id_number"].text() == "370829********1234"
