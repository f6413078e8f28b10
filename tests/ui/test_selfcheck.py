"""counter-app --self-check: every check passes on a fresh throw-away demo database."""

from __future__ import annotations

import io
import os

from counter_app.settings import default_data_dir
from counter_app.ui.app import main
from counter_app.ui.selfcheck import SelfCheck

CHECKS = (
    "font",
    "translations",
    "database",
    "login",
    "main window",
    "receipt pdf",
    "payment",
)


def test_self_check_passes_and_prints_one_line_per_check(capsys, qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # would show a stray user file
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert main(["--self-check"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line[5:].split(" ")[0] for line in lines[:-1]] == [c.split(" ")[0] for c in CHECKS]
    assert all(line.startswith("ok   ") for line in lines[:-1]), lines
    assert "qtbase_zh_CN.qm" in lines[1]
    assert lines[-1] == "self-check passed"
    assert "receipt JX01-" in lines[-2] and "yuan" in lines[-2]  # posted on the bundled server
    assert not default_data_dir().exists() and not (tmp_path / "config").exists()
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"


def test_a_failing_check_is_named_and_stops_the_rest():
    out = io.StringIO()
    checks = SelfCheck(out)
    assert checks.run("first", lambda: "fine") == "fine"
    checks.run("database", lambda: 1 / 0)
    ran = []
    checks.run("main window", lambda: ran.append(1))
    assert checks.failed == "database" and ran == []
    assert out.getvalue().splitlines()[1] == "FAIL database: division by zero"
