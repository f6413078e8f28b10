"""A signed-in counter for the payments UI tests: a utility with bills, an
open shift, and a receipt printer that records what it is sent."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select, text

from counter_app.db.engine import Database
from counter_app.documents import DocumentPrinter
from counter_app.services.installation.clerks import create_clerk
from counter_app.settings import Settings
from counter_app.ui.context import Workplace, build_workplace
from counter_app.ui.payments.history_dialog import HistoryDialog
from counter_app.ui.payments.page import PaymentsPage
from counter_app.ui.payments.payment_dialog import PaymentDialog
from counter_app.ui.payments.reversal_dialog import ReversalDialog
from tests.support.payments import build_utility, cash, request
from tests.support.transports import RecordingTransport

SUP_PASSWORD = "sup-pw-5678"

GB = "gb18030"


@dataclass
class Counter:
    db: Database
    workplace: Workplace
    page: PaymentsPage
    account_id: int
    shift_id: int
    recorder: RecordingTransport

    def count(self, model) -> int:
        with self.db.read() as s:
            return s.execute(select(func.count()).select_from(model)).scalar_one()


def make_counter(
    db,
    login_as,
    qtbot,
    runner,
    *,
    authenticator=None,
    recorder=None,
    state=None,
    wrap=None,
    **utility,
) -> Counter:
    """The counter of a real clerk login (``wrap`` may wrap its Database, for
    faults); ``Counter.db`` is the administrator's, for the tests' own reads."""
    made = build_utility(db, login_as, **utility)
    (account_id,) = made.account_ids
    database = made.clerk_db if wrap is None else wrap(made.clerk_db)
    settings = Settings(
        workstation=made.actor.workstation,
        hall_code="HQ",
        receipt_printer="tcp://printer.test:9100",
        open_drawer_on_cash=True,
    )
    recorder = recorder or RecordingTransport()
    printer = DocumentPrinter(settings, transport_for=lambda _address: recorder)
    workplace = replace(
        build_workplace(made.clerk, database, settings, runner, authenticator=authenticator),
        printer=printer,
    )
    page = PaymentsPage(workplace, state=state)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    qtbot.waitExposed(page)
    return Counter(db, workplace, page, account_id, made.shift_id, recorder)


def open_dialog(counter: Counter, qtbot, *, by_keyboard: bool = True) -> PaymentDialog:
    """Type the account no. on the page and press Enter: the dialog opens."""
    page = counter.page
    if by_keyboard:
        page.account_edit.setFocus()
        qtbot.keyClicks(page.account_edit, "01000000")
        qtbot.keyClick(page.account_edit, Qt.Key.Key_Return)
    else:
        page.open_account(counter.account_id)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=15_000)
    dialog = page.dialog
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # its shortcuts (F5-F7) answer
    return dialog


def field(dialog: PaymentDialog, name: str):
    return dialog.form.tender_panel.fields[name]


@pytest.fixture
def supervisor(db_url):
    """A supervisor login (a PostgreSQL role), dropped afterwards."""
    admin = Database.from_url(db_url)
    names = []

    def _make(role: str = "supervisor") -> str:
        username = f"sup{uuid.uuid4().hex[:8]}"
        create_clerk(
            admin,
            username=username,
            display_name="王班长",
            role=role,
            hall_code="HQ",
            password=SUP_PASSWORD,
        )
        names.append(username)
        return username

    yield _make
    with admin.engine.connect() as conn:
        for name in names:
            conn.execute(text(f'DROP OWNED BY "{name}"'))
            conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
        conn.commit()
    admin.dispose()


def _history(counter, qtbot):
    counter.workplace.services.payments.post(
        request(counter.account_id, counter.shift_id, "75.50", cash("75.50", "100.00")),
        counter.workplace.actor,
    )
    account = counter.workplace.services.payments.account_for_payment(account_id=counter.account_id)
    history = HistoryDialog(counter.workplace, account, counter.shift_id, counter.page)
    qtbot.addWidget(history)
    history.show()
    qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=15_000)
    return history


def _reverse(history, qtbot, username, password=SUP_PASSWORD):
    qtbot.keyClick(history.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = history.findChild(ReversalDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.reason_edit.hasFocus)
    dialog.reason_edit.insert("收错户")  # committed by the input method (QTest types ASCII only)
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.supervisor_edit, username)
    qtbot.keyClick(dialog.supervisor_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    return dialog
