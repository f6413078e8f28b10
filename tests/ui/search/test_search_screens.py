"""Screenshots of the search page and the account view with demo data
(tmp_path, and $COUNTER_SHOTS/search/ when set): Chinese renders, nothing clipped."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from counter_app.demo import seed_demo
from counter_app.documents import Utility, statement_document, write_pdf
from counter_app.services.accounts.statement_document import statement_data
from counter_app.ui.search.statement import StatementDialog
from tests.support.clerks import CLERK, SUPERVISOR
from tests.support.screens import assert_nothing_clipped, save_shot, settle, shot_dirs
from tests.support.search_ui import page_of, type_query, wait_account, wait_results


@pytest.fixture
def demo_db(app_db):
    seed_demo(app_db, accounts=300, months=12, seed=1)
    return app_db


def save(widget, name: str, tmp_path: Path) -> None:
    save_shot(widget, name, shot_dirs(tmp_path, "search"))


@pytest.mark.parametrize(("size", "clerk"), [((1280, 800), CLERK), ((1024, 700), SUPERVISOR)])
def test_search_and_account_screens(qtbot, demo_db, make_search_window, tmp_path, size, clerk):
    window = make_search_window(demo_db, clerk)
    window.resize(*size)
    page = page_of(window)
    type_query(qtbot, window, "张")
    hits = wait_results(qtbot, window)
    assert hits, "the demo town has a 张"
    settle(qtbot, window)
    save(window, f"search_results_{size[0]}", tmp_path)
    assert_nothing_clipped(window)
    # the account with the most bills among the hits is the interesting one
    qtbot.keyClick(page.search_box, Qt.Key.Key_Down)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    panel = wait_account(qtbot, window)
    qtbot.waitUntil(
        lambda: (
            panel.history.lines_model.rowCount() > 0 or panel.history.bills_model.rowCount() == 0
        ),
        timeout=10_000,
    )
    settle(qtbot, window)
    save(window, f"account_view_{size[0]}", tmp_path)
    assert_nothing_clipped(window)
    assert panel.reveal_button.isVisible() == (clerk is SUPERVISOR)
    panel.history.tabs.setCurrentIndex(1)
    settle(qtbot, window)
    save(window, f"account_payments_{size[0]}", tmp_path)
    qtbot.keyClick(panel, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), StatementDialog))
    dialog = QApplication.activeModalWidget()
    settle(qtbot, dialog)
    save(dialog, f"statement_dialog_{size[0]}", tmp_path)
    assert_nothing_clipped(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    # the statement itself, rendered for a person to look at
    shots = shot_dirs(tmp_path, "search")[-1]
    view = panel.view
    statement = window.workplace.services.accounts.statement(view.account_id, "2025-11", "2026-10")
    data = statement_data(
        statement,
        utility=Utility("嘉祥县自来水公司", "HQ"),
        clerk="张三",
        printed_at=datetime.now(UTC),
    )
    pdf = write_pdf(statement_document(data), shots / "statement.pdf")
    subprocess.run(
        ["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", str(pdf), str(shots / "statement")],
        check=True,
    )
