"""Alt+letter in the statement dialog, Chinese and English (tests/ui/_mnemonics.py)."""

from __future__ import annotations

import pytest

from tests.support.language import ui_language
from tests.support.mnemonics import problems
from tests.support.search_ui import open_statement

pytestmark = pytest.mark.postgres


@pytest.fixture
def db(pg_db):
    return pg_db


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_statement_dialog(town, make_search_window, qtbot, qapp, language):
    db, _ = town
    with ui_language(qapp, language):
        window = make_search_window(db)
        dialog = open_statement(qtbot, window)
        found = problems(dialog, f"{language} statement dialog")
        dialog.reject()
    assert not found, "\n".join(found)
