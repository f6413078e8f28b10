"""counter-admin withholding export | import, as a batch login on real
PostgreSQL: the reconciliation printed, a second import posting nothing,
a bad file's lines listed with exit 1."""

from __future__ import annotations

import json

from counter_app.cli import main
from counter_app.db.engine import with_credentials
from tests.support import withholding as withholding_fixtures
from tests.support.logins import LOGIN_PASSWORD
from tests.support.withholding import _return_file, _sign_all

hall = withholding_fixtures.hall  # the fixture


def _url(h) -> str:
    return with_credentials(h.db.engine.url, h.batch_name, LOGIN_PASSWORD).render_as_string(
        hide_password=False
    )


def test_export_then_import_twice_prints_the_reconciliation(hall, tmp_path, capsys):
    _sign_all(hall)
    request = tmp_path / "abc.txt"
    assert (
        main(
            [
                "--database-url",
                _url(hall),
                "withholding",
                "export",
                "--bank",
                "abc",
                "--period",
                "2026-11",
                "--out",
                str(request),
            ]
        )
        == 0
    )
    assert "batch ABC202611001" in capsys.readouterr().out
    answer = tmp_path / "abc-ret.txt"
    answer.write_bytes(
        _return_file(
            request.read_bytes(),
            "ABC",
            {1: ("0000", "", "B1"), 2: ("3001", "余额不足", ""), 3: ("0000", "", "B3")},
        )
    )
    assert (
        main(["--database-url", _url(hall), "withholding", "import", str(answer), "--bank", "ABC"])
        == 0
    )
    out = capsys.readouterr().out
    assert "posted 2, failed 1" in out and "对账一致" in out
    assert "1330.60" in out and "96.55" in out and "1234.05" in out
    assert (
        main(
            [
                "--database-url",
                _url(hall),
                "--json",
                "withholding",
                "import",
                str(answer),
                "--bank",
                "ABC",
            ]
        )
        == 0
    )
    again = json.loads(capsys.readouterr().out)
    assert again["replayed"] and again["posted"] == 0 and again["ok"]
    # the request file is never overwritten
    assert (
        main(
            [
                "--database-url",
                _url(hall),
                "withholding",
                "export",
                "--bank",
                "ABC",
                "--period",
                "2026-11",
                "--out",
                str(request),
            ]
        )
        == 1
    )
    assert "never overwritten" in capsys.readouterr().err


def test_a_bad_file_lists_its_lines_and_exits_1(hall, tmp_path, capsys):
    _sign_all(hall)
    request = tmp_path / "abc.txt"
    assert (
        main(
            [
                "--database-url",
                _url(hall),
                "withholding",
                "export",
                "--bank",
                "ABC",
                "--period",
                "2026-11",
                "--out",
                str(request),
            ]
        )
        == 0
    )
    capsys.readouterr()
    answer = tmp_path / "bad.txt"
    whole = _return_file(
        request.read_bytes(),
        "ABC",
        {1: ("0000", "", "B1"), 2: ("0000", "", "B1"), 3: ("0000", "", "B3")},
    )
    answer.write_bytes(whole[: whole.rindex(b"\r\nT") + 2])
    assert (
        main(["--database-url", _url(hall), "withholding", "import", str(answer), "--bank", "ABC"])
        == 1
    )
    out = capsys.readouterr().out
    assert "line 4, trailer" in out and "line 3, bank_ref" in out and "nothing posted" in out
