"""counter-admin's long commands draw progress on a terminal's stderr only,
and stay quiet under --json or when stderr is not a terminal."""

from __future__ import annotations

import io
import json
import sys

import pytest
from sqlalchemy import select

from counter_app.cli import main
from counter_app.db import models as m
from tests.support.builders import make_account, make_reference

pytestmark = pytest.mark.postgres


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def url(pg_db) -> str:
    with pg_db.write() as s:
        make_reference(s)
        for n in (1, 2):
            account = make_account(s, f"0100000{n}")
            s.add(m.Meter(account_id=account.id, meter_no=f"M{n}", dial_digits=5))
    return pg_db.engine.url.render_as_string(hide_password=False)


@pytest.fixture
def readings(tmp_path):
    path = tmp_path / "readings.csv"
    path.write_text(
        "用户号,表号,抄表期间,抄表日期,本期读数\n"
        "01000001,M1,2026-10,2026-10-20,25\n"
        "01000002,M2,2026-10,2026-10-21,31\n",
        encoding="utf-8",
    )
    return path


def run(monkeypatch, stderr, *args) -> tuple[int, str]:
    stdout = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    monkeypatch.setattr(sys, "stdout", stdout)
    code = main(list(args))
    return code, stdout.getvalue()


def test_progress_on_a_terminal(url, readings, monkeypatch, pg_db):
    err = Terminal()
    code, out = run(monkeypatch, err, "--database-url", url, "import-readings", str(readings))
    assert code == 0 and "2 written" in out
    assert "\rchecking: 2/2" in err.getvalue().replace("\x1b[K", "")
    assert err.getvalue().endswith("\r\x1b[K")  # the line is cleared before the result
    err = Terminal()
    code, out = run(monkeypatch, err, "--database-url", url, "bill-period", "2026-10")
    assert code == 0, err.getvalue()
    with pg_db.read() as s:
        pending = s.execute(select(m.Reading.id).where(m.Reading.period == "2026-10")).all()
    assert f"billing: {len(pending)}/{len(pending)}" in err.getvalue()


def test_quiet_under_json_and_off_a_terminal(url, readings, monkeypatch):
    err = Terminal()
    code, out = run(
        monkeypatch,
        err,
        "--database-url",
        url,
        "--json",
        "import-readings",
        "--dry-run",
        str(readings),
    )
    assert code == 0 and json.loads(out)["rows"] == 2
    assert err.getvalue() == ""
    err = io.StringIO()  # a pipe or a log file
    code, out = run(monkeypatch, err, "--database-url", url, "import-readings", str(readings))
    assert code == 0 and err.getvalue() == ""
