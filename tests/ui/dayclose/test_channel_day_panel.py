"""The channel money of a day on a supervisor's day-close page (real
PostgreSQL, by keyboard): an online statement posts one order and holds
another; the table shows it per channel and tender, the summary the
suspense (screenshot at 1024x700); the Excel (Alt+X) has the same figures, 取消 leaves no file; a
clerk's page has no such panel and the database refuses the report to him."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from counter_app.export.channel_day import write_channel_day_workbook
from counter_app.services.actions import ActionError
from counter_app.services.channels.online import import_online
from counter_app.ui.dayclose import channel_day as panel_module
from counter_app.ui.dayclose.channel_day import ChannelDayModel
from tests.support.dayclose_till import make_till
from tests.support.screens import assert_nothing_clipped, save_shot, settle, shot_dirs

C = ChannelDayModel.Columns
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _statement(tmp_path, batch) -> None:
    when = (datetime.now(SHANGHAI) + timedelta(minutes=1)).strftime("%Y-%m-%d %H:%M:%S")
    path = tmp_path / "wx.csv"
    path.write_text(
        "交易时间,微信订单号,户号,订单金额\n"
        f"{when},W1,01000000,75.50\n{when},W2,99999999,10.00\n合计,2,85.50\n",
        encoding="utf-8",
    )
    report = import_online(batch, path, "wechat")
    assert report.suspended == 1 and report.reconciled


def test_a_supervisor_sees_the_day_per_channel_and_exports_it(
    db, login_as, login_batch, qtbot, runner, tmp_path, monkeypatch
):
    till = make_till(db, login_as, qtbot, runner, role="supervisor")
    page = till.page
    panel = page.channel_day
    assert panel is not None and panel.isVisible()
    batch, _ = login_batch()
    _statement(tmp_path, batch)
    assert runner.wait_idle(15_000)
    page.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=15_000)
    model = panel.model
    assert model.index(0, C.CHANNEL).data() == "网上缴费"
    assert model.index(0, C.TENDER).data() == "微信"
    assert model.index(0, C.PAYMENTS).data() == "1"
    assert model.index(0, C.AMOUNT).data() == "75.50"
    assert model.index(0, C.TO_BILLS).data() == "75.50"
    assert model.index(0, C.TO_PREPAYMENT).data() == "0.00"
    assert model.index(0, C.RECEIPTS).data() == "WS00000001"  # one receipt: no range
    page.resize(1024, 700)
    settle(qtbot, page)
    save_shot(page, "dayclose_channel_day_1024", shot_dirs(tmp_path))
    assert_nothing_clipped(page)
    summary = panel.summary.text()
    assert "1 笔" in summary and "75.50" in summary and "10.00" in summary, summary

    # Alt+D goes to the day; another day shows nothing
    qtbot.keyClick(page, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert panel.day_edit.hasFocus()
    qtbot.keyClick(panel.day_edit, Qt.Key.Key_Down)  # the day before
    qtbot.waitUntil(
        lambda: (
            panel.model.rowCount() == 0
            and panel.report is not None
            and panel.report.day == panel.day()
        ),
        timeout=15_000,
    )
    qtbot.keyClick(panel.day_edit, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=15_000)

    target = tmp_path / "渠道.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    qtbot.keyClick(page, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: "已导出到" in panel.message.text(), timeout=15_000)
    book = openpyxl.load_workbook(target)
    sheet = book["渠道收款"]
    assert [c.value for c in sheet[1]] == [
        "渠道",
        "收费方式",
        "笔数",
        "金额",
        "冲抵欠费",
        "转入预存",
        "动用预存",
        "收据起",
        "收据止",
    ]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows[0][:7] == ("网上缴费", "微信", 1, 75.5, 75.5, 0, 0)
    assert rows[-1][:7] == ("合计", None, 1, 75.5, 75.5, 0, 0)
    assert sheet["D2"].number_format == "0.00" and sheet.freeze_panes == "A2"
    other = {r[0]: r[1:] for r in book["冲正与挂账"].iter_rows(min_row=2, values_only=True)}
    assert other["当日挂账"] == (1, 10) and other["现未处理挂账"] == (1, 10)
    assert other["当日冲正的渠道收款"] == (0, 0)

    # again, with 取消 on the progress bar half way: no file, not even a temporary one
    reached, release = threading.Event(), threading.Event()

    def held(report, path, *, on_progress):
        def progress(done: int, total: int) -> None:
            on_progress(done, total)
            if done > 0 and not reached.is_set():
                reached.set()
                release.wait(15)

        return write_channel_day_workbook(report, path, on_progress=progress)

    monkeypatch.setattr(panel_module, "write_channel_day_workbook", held)
    again = tmp_path / "again" / "渠道2.xlsx"
    again.parent.mkdir()
    panel.export_to(str(again))
    qtbot.waitUntil(reached.is_set, timeout=15_000)
    dialog = panel.export_progress.dialog
    [cancel] = [b for b in dialog.findChildren(QPushButton) if b.text() == "取消"]
    cancel.click()
    release.set()
    assert runner.wait_idle(15_000)
    assert "取消" in panel.message.text() and panel.export_button.isEnabled()
    assert list(again.parent.iterdir()) == []


def test_a_clerk_has_no_channel_report(db, login_as, qtbot, runner):
    till = make_till(db, login_as, qtbot, runner, role="clerk")
    assert till.page.channel_day is None and till.page.suspense is None
    with pytest.raises(ActionError) as refused:
        till.workplace.services.channels.channel_day_report(datetime.now(SHANGHAI).date())
    assert refused.value.kind == "forbidden"
