"""Alt+letter in the relief form dialog, Chinese and English (tests/ui/_mnemonics.py)."""

from __future__ import annotations

import pytest

from tests.support.keyboard import tab_order
from tests.support.language import ui_language
from tests.support.mnemonics import problems
from tests.support.relief_form import _hall, open_form

pytestmark = pytest.mark.postgres


@pytest.fixture
def db(pg_db):
    return pg_db


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_relief_form_dialog(db, login_as, qtbot, runner, settings, qapp, language):
    with ui_language(qapp, language):
        hall = _hall(db, login_as, qtbot, runner, settings, "clerk")
        found = []
        for account_id in (hall.household, hall.collective):
            dialog = open_form(hall, qtbot, account_id)
            found += problems(dialog, f"{language} relief form {account_id}")
            dialog.reject()
            qtbot.waitUntil(lambda d=dialog: not d.isVisible())
        assert runner.wait_idle(15_000)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_relief_page_as_a_supervisor(db, login_as, qtbot, runner, settings, qapp, language):
    """The page (ui/relief_page.ui) with every button shown: no clash, Tab in
    the order of the form, the texts translated."""
    with ui_language(qapp, language):
        page = _hall(db, login_as, qtbot, runner, settings, "supervisor").page
        assert problems(page, f"{language} relief page") == []
        assert tab_order(page.ui.statusCombo) == [
            "statusCombo",
            "areaCombo",
            "typeCombo",
            "expiringCheck",
            "searchButton",
            "qt_tabwidget_tabbar",
            "registerView",
            "totalsView",
            "newButton",
            "printButton",
            "exportButton",
            "reasonEdit",
            "approveButton",
            "rejectButton",
            "revokeButton",
        ]
        heading = {"zh_CN": "低保减免", "en": "Low-income relief"}[language]
        assert page.ui.headingLabel.text() == heading
        assert page.ui.reasonLabel.buddy() is page.ui.reasonEdit
        assert runner.wait_idle(15_000)
