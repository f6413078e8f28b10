"""Exporting the relief register shows progress and can be cancelled: a
cancelled export leaves no file (neither the register nor a temporary one),
a finished one reads back row for row. Real PostgreSQL, a 3,000-row register."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet import _writer as openpyxl_writer
from PySide6.QtWidgets import QPushButton
from sqlalchemy import insert

from counter_app.db import models as m
from counter_app.ui.context import build_workplace
from counter_app.ui.relief import jobs
from counter_app.ui.relief.page import ReliefPage
from tests.support.builders import make_account, make_reference

pytestmark = pytest.mark.postgres
ROWS = 3000


@pytest.fixture
def db(pg_db):
    return pg_db


@pytest.fixture
def page(db, login_as, qtbot, runner, settings) -> ReliefPage:
    """The register of 3,000 reliefs, shown to a real supervisor login (the
    register is the database's one call for whoever signs in)."""
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
        account = make_account(s)
    login, identity = login_as("supervisor")
    with db.write() as s:
        s.execute(
            insert(m.ReliefApplication),
            [
                dict(
                    account_id=account.id,
                    rule_code="DEFAULT",
                    certificate_type="城镇居民最低生活保障证",
                    certificate_no=f"JX-{n:05d}",
                    valid_from=date(2026, 1, 1),
                    valid_to=date(2027, 12, 31),
                    holder_name="张三",
                    holder_id_masked="",
                    contact_phone_masked="",
                    applied_on=date(2026, 1, 5),
                    created_by=identity.id,
                )
                for n in range(ROWS)
            ],
        )
    relief_page = ReliefPage(build_workplace(identity, login, settings, runner))
    qtbot.addWidget(relief_page)
    relief_page.resize(1200, 700)
    relief_page.show()
    qtbot.waitExposed(relief_page)
    assert runner.wait_idle(15_000)
    return relief_page


@pytest.fixture
def gate(monkeypatch):
    """Holds the export worker after its first 500 rows until the test opens it."""
    reached, release = threading.Event(), threading.Event()
    real = jobs.export_relief_register

    def held(rows, path, *, on_progress=None, **kw):
        def report(done: int) -> None:
            if done > 0 and not reached.is_set():
                reached.set()
                release.wait(15)
            on_progress(done)

        return real(rows, path, on_progress=report, **kw)

    monkeypatch.setattr(jobs, "export_relief_register", held)
    return reached, release


def test_cancel_half_way_leaves_no_file(page, qtbot, runner, tmp_path, gate):
    reached, release = gate
    target = tmp_path / "register.xlsx"
    page.export_to(str(target))
    assert not page.ui.exportButton.isEnabled()
    qtbot.waitUntil(reached.is_set, timeout=15_000)
    dialog = page.export_progress.dialog
    qtbot.waitUntil(lambda: dialog.maximum() == ROWS, timeout=5_000)
    assert "3,000" in dialog.labelText()  # 0 / 3,000 行
    temp_files = list(openpyxl_writer.ALL_TEMP_FILES)
    assert temp_files and Path(temp_files[-1]).exists()  # the sheet is being streamed
    [cancel] = [b for b in dialog.findChildren(QPushButton) if b.text() == "取消"]
    cancel.click()  # the clerk presses 取消 half way
    release.set()
    assert runner.wait_idle(30_000)
    assert page.ui.exportButton.isEnabled()
    assert page.last_export is None
    assert "取消" in page.ui.messageLabel.text()
    assert list(tmp_path.iterdir()) == []  # no register, no .part
    assert not Path(temp_files[-1]).exists()  # nor openpyxl's streaming file


def test_finished_export_reads_back(page, qtbot, runner, tmp_path):
    target = tmp_path / "register.xlsx"
    page.export_to(str(target))
    assert runner.wait_idle(60_000)
    assert page.last_export is not None and page.last_export.rows == ROWS
    assert [p.name for p in tmp_path.iterdir()] == ["register.xlsx"]
    rows = list(openpyxl.load_workbook(target, read_only=True).active.iter_rows(values_only=True))
    assert len(rows) == ROWS + 2  # header, the rows, totals
    assert rows[0][0] == "用户号" and rows[1][0] == "01000001"
    assert rows[-1][0] == "合计" and rows[-1][1] == f"{ROWS} 户次"
    assert sorted(r[rows[0].index("证件编号")] for r in rows[1:-1]) == [
        f"JX-{n:05d}" for n in range(ROWS)
    ]
    assert "3000" in page.ui.messageLabel.text()
