"""The day close by keyboard: open a shift, see its totals, count the
drawer with a variance, give the reason, close, print, export."""

from __future__ import annotations

import threading
import uuid
from decimal import Decimal

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

from counter_app.documents import PrintError
from counter_app.export.day_close import write_day_close_workbook
from counter_app.services.payments.service import (
    PaymentError,
    PaymentRequest,
    PaymentService,
    Tender,
    TenderInput,
)
from counter_app.services.payments.shifts import ShiftService
from counter_app.ui.dayclose import report as report_module
from counter_app.ui.dayclose.page import CLOSED_PAGE, OPEN_PAGE, SHIFT_PAGE
from tests.support.dayclose_till import GB, make_till
from tests.support.transports import RecordingTransport

D = Decimal
ENTER = Qt.Key.Key_Return


def _pay(till, shift_id, account_id, tender: TenderInput):
    request = PaymentRequest(
        client_uuid=str(uuid.uuid4()),
        account_id=account_id,
        shift_id=shift_id,
        tenders=(tender,),
        to_bills=tender.amount,
    )
    return PaymentService(till.workplace.database, series_code="HQ").post(
        request, till.workplace.actor
    )


def _open_shift(till, qtbot, text="200"):
    page = till.page
    qtbot.waitUntil(
        lambda: (
            page.ui.stack.currentIndex() == OPEN_PAGE
            and not till.workplace.runner.is_running("dayclose.load")
        ),
        timeout=15_000,
    )
    qtbot.keyClicks(page.ui.floatEdit, text)
    qtbot.keyClick(page.ui.floatEdit, ENTER)
    qtbot.waitUntil(lambda: page.ui.stack.currentIndex() == SHIFT_PAGE, timeout=15_000)
    return ShiftService(till.workplace.database).current(till.workplace.clerk.id)


def _ime(widget, text: str) -> None:
    """Chinese arrives from the input method as a committed string (QTest
    can only type Latin-1 keys)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _count(page, qtbot, pieces: dict[str, str]) -> None:
    """Type the pieces of each note; Enter moves on (empty fields skipped)."""
    first = page.count_grid.edits[D("100")]
    first.setFocus()
    for denomination, edit in page.count_grid.edits.items():
        assert page.focusWidget() is edit
        qtbot.keyClicks(edit, pieces.get(str(denomination), ""))
        qtbot.keyClick(edit, ENTER)


def test_open_count_with_variance_close_print_and_export(
    db, login_as, qtbot, runner, tmp_path, monkeypatch
):
    till = make_till(db, login_as, qtbot, runner)
    page = till.page
    # a bad float is refused naming the field, and what was typed is kept
    qtbot.waitUntil(lambda: page.ui.stack.currentIndex() == OPEN_PAGE, timeout=15_000)
    qtbot.keyClicks(page.ui.floatEdit, "1e5")
    qtbot.keyClick(page.ui.floatEdit, ENTER)
    assert "备用金" in page.ui.messageLabel.text()
    assert page.ui.floatEdit.text() == "1e5"
    page.ui.floatEdit.clear()
    shift_id = _open_shift(till, qtbot, "200.00")
    assert shift_id is not None

    _pay(till, shift_id, till.account_ids[0], TenderInput(Tender.CASH, D("30.00"), D("50.00")))
    _pay(
        till,
        shift_id,
        till.account_ids[1],
        TenderInput(Tender.WECHAT, D("75.50"), reference="WX-1"),
    )
    qtbot.keyClick(page.count_grid.edits[D("100")], Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: page.ui.paymentsLabel.text() == "2", timeout=15_000)
    assert page.ui.expectedLabel.text() == "230.00"
    amounts = {
        page.totals_model.index(r, 0).data(): page.totals_model.index(r, 1).data()
        for r in range(page.totals_model.rowCount())
    }
    assert amounts == {
        "现金": "30.00",
        "微信": "75.50",
        "支付宝": "0.00",
        "银行卡": "0.00",
        "预存抵扣": "0.00",
    }

    # 2x100 + 1x20 + 1x5 + 4x1 + 1x0.5 + 4x0.1 = 229.90: ten fen short
    _count(page, qtbot, {"100": "2", "20": "1", "5": "1", "1": "4", "0.5": "1", "0.1": "4"})
    assert page.ui.countedLabel.text() == "229.90"
    assert page.ui.varianceLabel.text() == "-0.10"
    assert "b00020" in page.ui.varianceLabel.styleSheet()
    assert page.focusWidget() is page.ui.reasonEdit
    qtbot.keyClick(page.ui.reasonEdit, ENTER)  # no reason: refused, nothing closed
    assert "差额原因" in page.ui.messageLabel.text()
    assert page.confirm_box is None
    assert not ShiftService(till.workplace.database).totals(shift_id).closed

    _ime(page.ui.reasonEdit, "找零少收一角")
    qtbot.keyClick(page.ui.reasonEdit, ENTER)
    box = page.confirm_box
    assert box is not None and box.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Esc cancels: still open
    assert page.confirm_box is None
    assert not ShiftService(till.workplace.database).totals(shift_id).closed
    qtbot.keyClick(page.ui.reasonEdit, ENTER)
    qtbot.keyClick(page.confirm_box, ENTER)
    qtbot.waitUntil(lambda: page.ui.stack.currentIndex() == CLOSED_PAGE, timeout=15_000)
    qtbot.waitUntil(lambda: bool(till.recorder.jobs), timeout=15_000)
    assert "锁定" in page.ui.closedLabel.text()

    totals = ShiftService(till.workplace.database).totals(shift_id)
    assert totals.closed
    with pytest.raises(PaymentError) as refused:  # no payment on a closed shift
        _pay(till, shift_id, till.account_ids[0], TenderInput(Tender.CASH, D("10.00")))
    assert refused.value.code == "shift"

    paper = till.recorder.data.decode(GB, errors="replace")
    for text in (
        "收费员日结单",
        "嘉祥营业厅",
        "李收费",
        "WS-07",
        "229.90",
        "230.00",
        "-0.10",
        "找零少收一角",
        "JX00000001",
        "JX00000002",
        "微信",
        "75.50",
    ):
        assert text in paper, text
    qtbot.waitUntil(lambda: page.ui.printButton.isEnabled(), timeout=15_000)
    assert "已打印" in page.ui.messageLabel.text()

    target = tmp_path / "日结.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    page.ui.exportButton.setFocus()
    qtbot.keyClick(page.ui.exportButton, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "已导出到" in page.ui.messageLabel.text(), timeout=15_000)
    book = openpyxl.load_workbook(target)
    sheet = book["日结汇总"]
    assert [c.value for c in sheet[1]] == ["收费方式", "应收", "实点", "差额"]
    rows = {r[0]: r[1:] for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["现金"] == (230, 229.9, pytest.approx(-0.1))
    assert rows["微信"] == (75.5, 75.5, 0)
    assert rows["合计"] == (305.5, 305.4, pytest.approx(-0.1))
    assert sheet["B2"].number_format == "0.00"
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width >= 10
    counts = {r[0]: r[1:] for r in book["点钞明细"].iter_rows(min_row=2, values_only=True)}
    assert counts[100] == (2, 200) and counts[0.1] == (4, 0.4)
    assert counts["合计"] == (13, 229.9)
    facts = dict(book["班次信息"].iter_rows(min_row=2, values_only=True))
    assert facts["差额原因"] == "找零少收一角" and facts["交费笔数"] == 2
    # again, with 取消 on the progress bar half way: no file, not even a temporary one
    reached, release = threading.Event(), threading.Event()

    def held(report, path, *, on_progress):
        def progress(done: int, total: int) -> None:
            on_progress(done, total)
            if done > 0 and not reached.is_set():
                reached.set()
                release.wait(15)

        return write_day_close_workbook(report, path, on_progress=progress)

    monkeypatch.setattr(report_module, "write_day_close_workbook", held)
    again = tmp_path / "again" / "日结2.xlsx"
    again.parent.mkdir()
    page.export_to(str(again))
    qtbot.waitUntil(reached.is_set, timeout=15_000)
    dialog = page.export_progress.dialog
    qtbot.waitUntil(lambda: dialog.maximum() > 0, timeout=5_000)
    assert "行" in dialog.labelText()  # n / total 行
    [cancel] = [b for b in dialog.findChildren(QPushButton) if b.text() == "取消"]
    cancel.click()
    release.set()
    assert runner.wait_idle(15_000)
    assert "取消" in page.ui.messageLabel.text() and page.ui.exportButton.isEnabled()
    assert list(again.parent.iterdir()) == []


def test_printer_offline_says_so_and_the_shift_stays_closed(db, login_as, qtbot, runner):
    offline = RecordingTransport(
        PrintError("offline", "connection refused", printer="tcp://printer.test:9100")
    )
    till = make_till(db, login_as, qtbot, runner, recorder=offline)
    page = till.page
    shift_id = _open_shift(till, qtbot, "0")
    _count(page, qtbot, {})
    assert page.ui.varianceLabel.text() == "0.00"
    assert page.focusWidget() is page.ui.closeButton  # no variance: no reason needed
    qtbot.keyClick(page.ui.closeButton, Qt.Key.Key_Space)
    qtbot.keyClick(page.confirm_box, ENTER)
    qtbot.waitUntil(lambda: "没有打印" in page.ui.messageLabel.text(), timeout=15_000)
    assert "tcp://printer.test:9100" in page.ui.messageLabel.text()
    assert ShiftService(till.workplace.database).totals(shift_id).closed
    assert page.ui.stack.currentIndex() == CLOSED_PAGE
