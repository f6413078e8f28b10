"""A small town for the search page, and a main window signed in as a clerk or a supervisor."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from counter_app.db import models as m
from counter_app.db.engine import Database
from counter_app.domain.pinyin import name_keys
from counter_app.services.auth import Authenticator, ClerkIdentity
from counter_app.ui.context import build_workplace
from counter_app.ui.main_window import MainWindow
from tests.support.account_history import populate as populate_accounts
from tests.support.clerks import CLERK
from tests.support.search_people import add_account


@pytest.fixture
def town(db) -> tuple[Database, dict[str, int]]:
    """张三 01000001 (bills 2026-06/08/10, payments, relief), 李四 01000002,
    张三丰 01000003 and 王五 01000004 (mobile tail 5678 like 张三)."""
    ids = populate_accounts(db)
    with db.write() as s:
        for account_id, name in ((ids["account"], "张三"), (ids["bare"], "李四")):
            full, initials = name_keys(name)
            s.execute(
                update(m.Account)
                .where(m.Account.id == account_id)
                .values(name_pinyin=full, name_initials=initials)
            )
        ids["sanfeng"] = add_account(
            s, "01000003", "张三丰", mobile="13700001111", address="嘉祥街道幸福路3号"
        )
        ids["wangwu"] = add_account(
            s, "01000004", "王五", mobile="13900005678", address="嘉祥街道幸福路8号"
        )
    return db, ids


@pytest.fixture
def make_search_window(qtbot, runner, settings, settings_store, ui_state):
    def _make(
        database: Database,
        clerk: ClerkIdentity = CLERK,
        *,
        authenticator: Authenticator | None = None,
    ) -> MainWindow:
        workplace = build_workplace(clerk, database, settings, runner, authenticator=authenticator)
        window = MainWindow(workplace, settings_store, ui_state=ui_state, ping_interval_ms=60_000)
        qtbot.addWidget(window)
        window.resize(1100, 760)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return _make
