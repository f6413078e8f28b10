"""A signed-in counter for the day-close UI tests: a utility with bills, no
open shift yet, and a receipt printer that records what it is sent."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import update

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.documents import DocumentPrinter
from counter_app.services.tariffs.service import save_tariff
from counter_app.settings import Settings
from counter_app.ui.context import Workplace, build_workplace
from counter_app.ui.dayclose.page import DayClosePage
from tests.support.builders import RES, make_account, make_reference
from tests.support.transports import RecordingTransport

GB = "gb18030"


@dataclass
class Till:
    db: Database
    workplace: Workplace
    page: DayClosePage
    account_ids: list[int]
    recorder: RecordingTransport


def build_hall(db, login_as, *, role: str = "clerk", accounts: int = 2):
    """A utility with bills and a real login of ``role`` (李收费), no shift yet."""
    with db.write() as s:
        make_reference(s)
        s.add(m.UtilitySetting(key="utility_name", value="嘉祥县自来水公司"))
        tariff_id = save_tariff(s, RES)
        ids = []
        for n in range(accounts):
            account = make_account(s, f"0100{n:04d}")
            ids.append(account.id)
            s.add(
                m.Bill(
                    account_id=account.id,
                    period="2026-01",
                    tariff_id=tariff_id,
                    period_start=date(2026, 1, 1),
                    period_end=date(2026, 1, 28),
                    start_reading=0,
                    end_reading=10,
                    usage=10,
                    amount=Decimal("75.50"),
                    due_on=date(2026, 2, 28),
                )
            )
    login, clerk = login_as(role)
    with db.write() as s:
        s.execute(update(m.Clerk).where(m.Clerk.id == clerk.id).values(display_name="李收费"))
    return login, replace(clerk, display_name="李收费"), ids


def make_till(
    db, login_as, qtbot, runner, *, role: str = "clerk", recorder=None, **settings_kw
) -> Till:
    """The day-close page of a real login; ``Till.db`` is the administrator's."""
    login, clerk, account_ids = build_hall(db, login_as, role=role)
    settings = Settings(
        workstation="WS-07",
        hall_code="HQ",
        receipt_printer="tcp://printer.test:9100",
        **settings_kw,
    )
    recorder = recorder or RecordingTransport()
    printer = DocumentPrinter(settings, transport_for=lambda _address: recorder)
    workplace = replace(build_workplace(clerk, login, settings, runner), printer=printer)
    page = DayClosePage(workplace)
    qtbot.addWidget(page)
    page.resize(1000, 720)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    return Till(db, workplace, page, account_ids, recorder)
