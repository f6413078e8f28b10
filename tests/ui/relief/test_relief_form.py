"""The relief application form and register, driven by the keyboard on both
engines: refusals name the field and keep the input; supervisors approve;
the register exports to Excel through the runner."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from counter_app.db.engine import Database
from counter_app.services.relief.service import ReliefService
from tests.support.builders import make_account
from tests.support.relief_form import TAB, Hall, _hall, open_form

ENTER = Qt.Key.Key_Return
GOOD_ID = "370829198506150011"
BAD_ID = "370829198506150012"


def _ime(widget, text: str) -> None:
    """Chinese arrives from the input method as a committed string."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def db(db_url):
    database = Database.from_url(db_url)
    yield database
    database.dispose()


@pytest.fixture
def hall(db, login_as, qtbot, runner, settings) -> Hall:
    return _hall(db, login_as, qtbot, runner, settings, "clerk")


@pytest.fixture
def supervisor_hall(db, login_as, qtbot, runner, settings) -> Hall:
    return _hall(db, login_as, qtbot, runner, settings, "supervisor")


def fill_by_keyboard(
    qtbot,
    dialog,
    *,
    id_number=GOOD_ID,
    cert_no="JX-2026-001",
    from_year: str | None = None,
    to_year: str | None = None,
) -> None:
    """Tab through the form from the certificate type, typing each field."""
    focus = QApplication.focusWidget
    qtbot.keyClick(focus(), TAB)
    assert focus() is dialog.ui.certificateNoEdit
    qtbot.keyClicks(focus(), cert_no)
    qtbot.keyClick(focus(), TAB)
    assert focus() is dialog.ui.issuingOfficeEdit
    _ime(focus(), "嘉祥县民政局")
    qtbot.keyClick(focus(), TAB)
    assert focus() is dialog.ui.validFromEdit
    for year in (from_year, to_year):
        if year:  # the year section is selected on entry; 4 digits move on to the month
            qtbot.keyClicks(focus(), year)
        qtbot.keyClick(focus(), TAB)  # Tab leaves the date (the arrows walk its sections)
    assert focus() is dialog.ui.holderNameEdit
    _ime(focus(), "张三")
    qtbot.keyClick(focus(), TAB)
    qtbot.keyClicks(focus(), id_number)
    qtbot.keyClick(focus(), TAB)
    assert focus() is dialog.ui.phoneEdit
    qtbot.keyClicks(focus(), "138 1234 5678")


def submit(qtbot, dialog, runner) -> None:
    qtbot.keyClick(QApplication.focusWidget(), ENTER)
    assert runner.wait_idle(15_000)


def test_form_refusals_keep_input_then_file_by_keyboard(hall, qtbot):
    dialog = open_form(hall, qtbot, hall.household)
    assert not dialog.ui.lowIncomeSpin.isVisible()  # a household account
    fill_by_keyboard(qtbot, dialog, id_number=BAD_ID)
    submit(qtbot, dialog, hall.runner)
    assert dialog.isVisible()
    assert dialog.ui.errorLabel.text() == "持证人身份证号：校验位不对，请与身份证核对。"
    assert dialog.ui.holderIdEdit.hasFocus()
    assert dialog.ui.certificateNoEdit.text() == "JX-2026-001"  # input kept
    assert dialog.ui.holderNameEdit.text() == "张三"
    qtbot.keyClicks(dialog.ui.holderIdEdit, GOOD_ID)  # replaces the selected text
    submit(qtbot, dialog, hall.runner)
    assert dialog.ui.errorLabel.text().startswith("已验材料：")
    assert dialog.ui.certificateOriginalCheck.hasFocus()
    for _ in range(3):  # tick each material with Space, Tab to the next
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
        qtbot.keyClick(QApplication.focusWidget(), TAB)
    submit(qtbot, dialog, hall.runner)
    qtbot.waitUntil(lambda: hall.page.form_dialog is None, timeout=5_000)
    hall.runner.wait_idle(15_000)
    [row] = ReliefService(hall.db).register()
    assert (row.status, row.holder_id_masked, row.certificate_no) == (
        "pending",
        "370829********0011",
        "JX-2026-001",
    )
    model = hall.page.register_model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5_000)
    assert model.index(0, model.Columns.STATUS).data() == "待审批"
    assert model.index(0, model.Columns.PHONE).data() == "138****5678"
    assert model.headerData(model.Columns.PHONE, Qt.Orientation.Horizontal) == "联系电话"
    assert "已为用户 01000001 登记" in hall.page.ui.messageLabel.text()

    # a second application on the same account is refused, the form stays open
    dialog = open_form(hall, qtbot, hall.household)
    fill_by_keyboard(qtbot, dialog, cert_no="JX-2026-002")
    for box in dialog.materials.values():
        box.setChecked(True)
    submit(qtbot, dialog, hall.runner)
    assert dialog.ui.errorLabel.text() == "用户：该用户已有在办或已批准的减免，不能重复申请。"
    assert dialog.isVisible() and dialog.ui.certificateNoEdit.text() == "JX-2026-002"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert hall.page.form_dialog is None


def test_expired_certificate_and_household_counts_are_refused(hall, qtbot):
    dialog = open_form(hall, qtbot, hall.collective)
    assert dialog.ui.lowIncomeSpin.isVisible()
    assert dialog.ui.totalHouseholdsSpin.value() == 12
    fill_by_keyboard(qtbot, dialog, from_year="2019", to_year="2020")
    for box in dialog.materials.values():
        box.setChecked(True)
    submit(qtbot, dialog, hall.runner)
    assert dialog.ui.errorLabel.text() == "有效期止：证件已过期。"
    assert dialog.ui.validToEdit.hasFocus()
    qtbot.keyClicks(dialog.ui.validToEdit, str(date.today().year + 1))
    submit(qtbot, dialog, hall.runner)
    assert dialog.ui.errorLabel.text() == "低保户数：必须填写。"
    assert dialog.ui.lowIncomeSpin.hasFocus()
    qtbot.keyClicks(dialog.ui.lowIncomeSpin, "13")
    submit(qtbot, dialog, hall.runner)
    assert dialog.ui.errorLabel.text() == "总户数：不能少于低保户数。"
    assert dialog.ui.totalHouseholdsSpin.hasFocus()
    qtbot.keyClicks(dialog.ui.totalHouseholdsSpin, "20")
    submit(qtbot, dialog, hall.runner)
    assert dialog.ui.errorLabel.text() == "总户数：不能超过该用户登记的总户数。"
    qtbot.keyClicks(dialog.ui.totalHouseholdsSpin, "12")
    qtbot.keyClick(dialog.ui.totalHouseholdsSpin, Qt.Key.Key_Backtab)  # Shift+Tab
    assert dialog.ui.lowIncomeSpin.hasFocus()
    qtbot.keyClicks(dialog.ui.lowIncomeSpin, "5")
    submit(qtbot, dialog, hall.runner)
    qtbot.waitUntil(lambda: hall.page.form_dialog is None, timeout=5_000)
    [row] = ReliefService(hall.db).register()
    assert (row.low_income_households, row.total_households) == (5, 12)


def test_clerk_sees_no_decision_buttons(hall):
    assert not hall.page.ui.approveButton.isVisible()
    assert not hall.page.ui.revokeButton.isVisible()


def test_supervisor_approves_and_revokes_then_exports(supervisor_hall, qtbot, tmp_path):
    hall = supervisor_hall
    dialog = open_form(hall, qtbot, hall.household)
    fill_by_keyboard(qtbot, dialog)
    for box in dialog.materials.values():
        box.setChecked(True)
    submit(qtbot, dialog, hall.runner)
    qtbot.waitUntil(lambda: hall.page.form_dialog is None, timeout=5_000)
    hall.runner.wait_idle(15_000)
    page = hall.page
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=5_000)
    page.ui.registerView.setFocus()
    page.ui.registerView.selectRow(0)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(page.ui.registerView, Qt.Key.Key_A, ctrl_shift)  # approve
    assert hall.runner.wait_idle(15_000)
    [row] = ReliefService(hall.db).register()
    assert row.status == "approved" and row.effective_period, page.ui.messageLabel.text()
    assert "已批准" in page.ui.messageLabel.text()

    qtbot.waitUntil(lambda: page.register_model.rowCount() == 1, timeout=5_000)
    page.ui.registerView.selectRow(0)
    qtbot.keyClick(page.ui.registerView, Qt.Key.Key_R, ctrl_shift)  # revoke, no reason
    assert hall.runner.wait_idle(15_000)
    assert page.ui.messageLabel.text() == "原因：必须填写。"
    assert page.ui.reasonEdit.hasFocus()
    _ime(page.ui.reasonEdit, "证件已注销")
    qtbot.keyClick(page.ui.reasonEdit, Qt.Key.Key_R, ctrl_shift)
    assert hall.runner.wait_idle(15_000)
    [row] = ReliefService(hall.db).register()
    assert (row.status, row.revoked_reason) == ("revoked", "证件已注销")

    target = tmp_path / "register.xlsx"
    page.export_to(str(target))
    assert not page.ui.exportButton.isEnabled()  # disabled while the export runs
    assert hall.runner.wait_idle(30_000)
    assert page.ui.exportButton.isEnabled() and page.last_export.rows == 1
    ws = openpyxl.load_workbook(target).active
    assert ws["A2"].value == "01000001" and ws["O2"].value == "已撤销"


def test_expiring_list_for_recall(supervisor_hall, qtbot):
    hall = supervisor_hall
    service = ReliefService(hall.db)
    page = hall.page
    actor = page.workplace.actor
    today = date.today()
    soon = today.replace(day=1) if today.day > 1 else today
    from counter_app.services.relief.service import ReliefInput

    for account_id, cert, valid_to in (
        (hall.household, "A-1", today.toordinal() + 10),
        (hall.collective, "A-2", today.toordinal() + 200),
    ):
        row = service.apply(
            ReliefInput(
                account_id=account_id,
                certificate_type="城镇居民最低生活保障证",
                certificate_no=cert,
                issuing_office="民政局",
                valid_from=soon,
                valid_to=date.fromordinal(valid_to),
                holder_name="张三",
                holder_id_number=GOOD_ID,
                contact_phone="13812345678",
                materials=("certificate_original", "certificate_copy", "holder_id_copy"),
                low_income_households=1 if account_id == hall.collective else None,
                total_households=12 if account_id == hall.collective else None,
            ),
            actor,
        )
        service.approve(row.id, row.version, actor)
    qtbot.keyClick(page.ui.registerView, Qt.Key.Key_F5)
    assert hall.runner.wait_idle(15_000)
    assert page.register_model.rowCount() == 2
    assert page.expiring_model.rowCount() == 1
    assert page.ui.tabs.tabText(1) == "30天内到期（1）"
    page.ui.tabs.setCurrentIndex(1)
    page.ui.expiringView.selectRow(0)
    assert page.selected().certificate_no == "A-1"


def test_non_residential_account_is_refused_before_submission(db, hall, qtbot):
    with db.write() as s:
        shop = make_account(s, "03000001", name="建设路饭店", account_type="nonresidential")
        s.flush()
        shop_id = shop.id
    dialog = open_form(hall, qtbot, shop_id)
    assert dialog.ui.errorLabel.isVisible()
    assert dialog.ui.errorLabel.text() == "用户：仅居民户（一户一表或集体户）可办理低保减免。"
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(QApplication.focusWidget(), ENTER)  # nothing is sent
    assert hall.runner.wait_idle(5_000)
    assert dialog.isVisible() and dialog.result_row is None
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not dialog.isVisible()
