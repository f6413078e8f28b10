"""The relief page (ui/relief_page.ui) of a supervisor, whose decision row
(reason, approve, reject, revoke) a clerk does not see, fits the main window
at the smallest and the usual workstation size, in Chinese and English: the
window is not pushed wider than the screen and nothing is cut. Screenshots
for a person to look at."""

from __future__ import annotations

from decimal import Decimal

import pytest

from counter_app.db import models as m
from tests.support.builders import make_account, make_reference
from tests.support.language import ui_language
from tests.support.screens import assert_nothing_clipped, save_shot, settle, shot_dirs

pytestmark = pytest.mark.postgres
SIZES = [(1024, 700), (1366, 768)]
RELIEF = 2  # the page's place in the main window


@pytest.fixture
def db(pg_db):
    return pg_db


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_supervisor_relief_page_fits(
    db, login_as, make_window, qtbot, runner, qapp, chinese_ui, language, size, tmp_path
):
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
        make_account(s)
    login, supervisor = login_as("supervisor")
    with ui_language(qapp, language):
        window = make_window(login, clerk=supervisor, ping_interval_ms=60_000)
        window.resize(*size)
        window.show_page(RELIEF)
        page = window.relief_page
        qtbot.waitUntil(
            lambda: not runner.is_busy and page.ui.searchButton.isEnabled(), timeout=15_000
        )
        settle(qtbot, window)
        save_shot(window, f"relief_supervisor_{language}_{size[0]}", shot_dirs(tmp_path))
        assert window.size().toTuple() == size
        assert page.ui.revokeButton.isVisible() and page.ui.reasonEdit.isVisible()
        assert_nothing_clipped(window)
        for widget in (page.ui.revokeButton, page.ui.exportButton, page.ui.searchButton):
            right = widget.mapTo(window, widget.rect().topRight()).x()
            assert right < window.width(), f"{widget.objectName()} past the window's edge"
        assert page.ui.messageLabel.text() == "", page.ui.messageLabel.text()
        assert runner.wait_idle(15_000)
