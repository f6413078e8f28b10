"""Opening the relief form as a signed-in hall (the relief UI tests)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Qt

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.ui.context import build_workplace
from counter_app.ui.relief.page import ReliefPage
from tests.support.builders import make_account, make_reference

TAB = Qt.Key.Key_Tab


def _hall(db, login_as, qtbot, runner, settings, role: str) -> Hall:
    """The page as a real login of ``role`` (the database knows who acts)."""
    with db.write() as s:
        make_reference(s)
        s.add(
            m.ReliefRule(
                code="DEFAULT",
                name="特困低保户用水优惠(0.20元/吨)",
                kind="per_ton",
                value=Decimal("0.20"),
            )
        )
        household = make_account(s)
        collective = make_account(
            s,
            "02000001",
            name="建设路小区",
            account_type="collective",
            households_total=12,
            read_cycle_months=1,
        )
        s.flush()
        ids = household.id, collective.id
    login, who = login_as(role)
    with db.write() as s:
        s.get(m.Clerk, who.id).display_name = "王丽"
    identity = dataclasses.replace(who, display_name="王丽")
    workplace = build_workplace(identity, login, settings, runner)
    page = ReliefPage(workplace)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    runner.wait_idle(15_000)
    return Hall(login, page, *ids, runner)


def open_form(hall: Hall, qtbot, account_id: int):
    hall.page.open_account(account_id)
    qtbot.waitUntil(
        lambda: hall.page.form_dialog is not None and hall.page.form_dialog.isVisible(),
        timeout=15_000,
    )
    dialog = hall.page.form_dialog
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.ui.certificateTypeCombo.hasFocus(), timeout=5_000)
    return dialog


@dataclass
class Hall:
    db: Database
    page: ReliefPage
    household: int
    collective: int
    runner: object
