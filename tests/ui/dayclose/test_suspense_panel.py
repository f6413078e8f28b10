"""The suspense list on a supervisor's day-close page: an online order for
an unknown account is held; the supervisor posts it to the right account
through the dialog (a refusal keeps what was typed)."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from sqlalchemy import text

from counter_app.services.channels.online import import_online
from counter_app.ui.dayclose.suspense import SuspenseModel
from tests.support.dayclose_till import make_till

C = SuspenseModel.Columns


def _held_order(tmp_path, batch) -> str:
    when = (datetime.now(ZoneInfo("Asia/Shanghai")) + timedelta(minutes=1)).strftime(
        "%Y-%m-%d %H:%M:%S"
    )
    path = tmp_path / "wx.csv"
    path.write_text(
        f"交易时间,微信订单号,户号,订单金额\n{when},U1,99999999,10.00\n合计,1,10.00\n",
        encoding="utf-8",
    )
    report = import_online(batch, path, "wechat")
    assert report.suspended == 1 and report.reconciled
    return when


def test_a_supervisor_posts_a_held_order_to_the_right_account(
    db, login_as, login_batch, qtbot, runner, tmp_path
):
    till = make_till(db, login_as, qtbot, runner, role="supervisor")
    page = till.page
    assert page.suspense is not None and page.suspense.isVisible()
    batch, _ = login_batch()
    when = _held_order(tmp_path, batch)
    assert till.workplace.runner.wait_idle(15_000)
    page.refresh()
    model = page.suspense.model
    assert till.workplace.runner.wait_idle(15_000), page.suspense.summary.text()
    assert model.rowCount() == 1, page.suspense.summary.text()
    assert model.index(0, C.REASON).data() == "户号不存在"
    assert model.index(0, C.AMOUNT).data() == "10.00"
    assert model.index(0, C.PAID_AT).data() == when  # the statement's own (Shanghai) time
    assert "未处理 1 笔" in page.suspense.summary.text()

    page.suspense.view.selectRow(0)  # a row of the view (its sort proxy), not of the model
    page.suspense.resolve_button.click()
    dialog = page.suspense.dialog
    assert dialog is not None and dialog.action_box.currentData() == "to_account"
    qtbot.keyClicks(dialog.account_edit, "01000000")
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)  # no reason yet: refused, kept
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=15_000)
    assert dialog.message.text() == "请填写原因。"
    assert dialog.account_edit.text() == "01000000"
    dialog.reason_edit.insert("客户户号填错")  # typed through the input method
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.resolved is not None, timeout=15_000)
    assert dialog.resolved.resolution["account_no"] == "01000000"
    qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=15_000)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM counter_books_check()")).scalar_one() == 0
        assert conn.execute(text("SELECT sum(amount) FROM allocations")).scalar_one() == Decimal(
            "10.00"
        )
