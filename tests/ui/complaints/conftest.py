"""A small town on the embedded database and the complaints page signed in as
a clerk, a supervisor or an administrator of it (slips go to a recording
printer)."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import update

from counter_app.db.models import Clerk
from counter_app.documents import DocumentPrinter
from counter_app.settings import Settings
from counter_app.ui.complaints import ComplaintsPage
from counter_app.ui.context import build_workplace
from tests.support.builders import make_account, make_clerk_row, make_reference
from tests.support.transports import RecordingTransport

NAMES = {
    "clerk": ("clerk01", "张三"),
    "supervisor": ("boss01", "王主管"),
    "admin": ("admin01", "李管理"),
}


@pytest.fixture
def filled(app_db):
    """The database and the ids of clerk01, boss01 (supervisor), admin01 and
    account 01000001 (张三)."""
    with app_db.write() as s:
        make_reference(s)
        clerk = make_clerk_row(s)
        boss = make_clerk_row(s, "boss01", role="supervisor")
        acc = make_account(s)
        make_clerk_row(s, "admin01", role="admin")
        ids = clerk.id, boss.id, acc.id
    return app_db, ids


@pytest.fixture
def db(app_db):  # login_as (tests/conftest.py) signs in to the page's database
    return app_db


@pytest.fixture
def signed_in(filled, login_as):
    """``signed_in(role) -> (Database, ClerkIdentity)``: one real login per
    role (the actions know their caller from the session); its clerk row is
    named "收费员" as make_clerk_row names rows, its identity as NAMES."""
    db, _ids = filled
    logins: dict[str, tuple] = {}

    def _signed_in(role: str = "clerk") -> tuple:
        if role not in logins:
            login, who = login_as(role)
            with db.write() as s:
                s.execute(update(Clerk).where(Clerk.id == who.id).values(display_name="收费员"))
            logins[role] = login, dataclasses.replace(who, display_name=NAMES[role][1])
        return logins[role]

    return _signed_in


@pytest.fixture
def make_page(qtbot, runner, signed_in):
    def _make(role: str = "clerk", workstation: str = "WS-01") -> ComplaintsPage:
        transport = RecordingTransport()
        settings = Settings(
            workstation=workstation, hall_code="HQ", receipt_printer="tcp://127.0.0.1:9"
        )
        login, clerk = signed_in(role)
        workplace = build_workplace(clerk, login, settings, runner)
        printer = DocumentPrinter(settings, transport_for=lambda _address: transport)
        workplace = dataclasses.replace(workplace, printer=printer)
        widget = ComplaintsPage(workplace)
        widget.resize(1100, 720)
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
        runner.wait_idle()
        widget.transport = transport
        return widget

    return _make


@pytest.fixture
def page(make_page) -> ComplaintsPage:
    """The page of clerk01."""
    return make_page()
