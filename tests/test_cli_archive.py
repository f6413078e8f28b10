"""counter-admin archive assign / catalogue on a real database: numbering
once (the second run numbers nothing), the catalogue's workbook read back
(openpyxl; LibreOffice too when installed), bad arguments named."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from counter_app.cli import main
from counter_app.db.engine import Database
from counter_app.export.archive_catalogue import HEADERS, export_archive_catalogue
from tests.support.builders import make_account, make_reference


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def url(db_url) -> str:
    db = Database.from_url(db_url)
    with db.write() as s:
        make_reference(s)
        make_account(
            s,
            "01000002",
            opened_on=date(2024, 3, 9),
            name="李四",
            address="嘉祥街道建设路1号",
            id_number=None,
            mobile=None,
        )
        make_account(s, "01000001", opened_on=date(2024, 5, 2), id_number=None, mobile=None)
        make_account(
            s,
            "01000003",
            opened_on=date(2022, 1, 1),
            id_number=None,
            mobile=None,
            archive_no="JX-OLD-77",
            cabinet_no="老柜1",
        )
    db.dispose()
    return db_url


def test_assign_numbers_once_and_the_catalogue_lists_them(url, capsys, tmp_path):
    code, out, err = run(capsys, "--database-url", url, "--json", "archive", "assign")
    assert code == 0, err
    assert json.loads(out) == {
        "assigned": 2,
        "first": "A01-2024-00001",
        "last": "A01-2024-00002",
        "by_locality": {"A01": 2},
    }
    code, out, _ = run(capsys, "--database-url", url, "archive", "assign")
    assert code == 0 and "nothing numbered" in out
    target = tmp_path / "台账" / "catalogue.xlsx"
    code, out, err = run(
        capsys,
        "--database-url",
        url,
        "archive",
        "catalogue",
        "--out",
        str(target),
        "--locality",
        "a01",
    )
    assert code == 0, err
    assert "3 files" in out and target.exists()
    assert not target.with_name("catalogue.xlsx.part").exists()
    rows = _read_back(target, tmp_path)
    assert rows[0] == list(HEADERS)
    assert rows[1:] == [
        ["A01-2024-00001", "01000002", "李四", "嘉祥街道建设路1号", "", "2024-03-09", "A01"],
        ["A01-2024-00002", "01000001", "张三", "嘉祥街道建设路12号", "", "2024-05-02", "A01"],
        ["JX-OLD-77", "01000003", "张三", "嘉祥街道建设路12号", "老柜1", "2022-01-01", "A01"],
    ]


def _read_back(path, tmp_path) -> list[list[str]]:
    """The workbook's cells as text (openpyxl), with its formats checked."""
    ws = load_workbook(path).active
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:G{ws.max_row}"
    assert ws["A2"].number_format == "@" and ws["B2"].number_format == "@"
    assert ws["F2"].number_format == "yyyy-mm-dd"
    return [
        [
            v.date().isoformat() if isinstance(v, datetime) else "" if v is None else str(v)
            for v in row
        ]
        for row in ws.iter_rows(values_only=True)
    ]


def test_libreoffice_reads_the_catalogue_as_written(tmp_path):
    """Real spreadsheet software reads the same rows (numbers stay text,
    dates are dates)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("COUNTER_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail("COUNTER_REQUIRE_LIBREOFFICE=1 but soffice is missing")
        pytest.skip("LibreOffice (soffice) not installed; bash tools/setup-libreoffice.sh")
    from counter_app.services.accounts.archive import CatalogueRow

    rows = [
        CatalogueRow(
            "07-2024-00012",
            "0700000012",
            "欧阳娜娜",
            "嘉祥街道建设路1号, 3单元",
            "007",
            date(2024, 3, 9),
            "07",
        ),
        CatalogueRow("JX-OLD-77", "0100000001", "张三", "纸坊镇后屯村45号", "", None, "01"),
    ]
    path = tmp_path / "catalogue.xlsx"
    export_archive_catalogue(rows, path)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    with open(tmp_path / "catalogue.csv", encoding="utf-8", newline="") as f:
        read = list(csv.reader(f))
    assert read == [
        list(HEADERS),
        [
            "07-2024-00012",
            "0700000012",
            "欧阳娜娜",
            "嘉祥街道建设路1号, 3单元",
            "007",
            "2024-03-09",
            "07",
        ],
        ["JX-OLD-77", "0100000001", "张三", "纸坊镇后屯村45号", "", "", "01"],
    ]
    assert _read_back(path, tmp_path)[1:] == read[1:]


def test_bad_arguments_are_named(url, capsys, tmp_path):
    with pytest.raises(SystemExit) as exit_:
        main(["--database-url", url, "archive", "catalogue", "--out", str(tmp_path / "x.csv")])
    assert exit_.value.code == 2 and "--out: an .xlsx file" in capsys.readouterr().err
    code, _, err = run(capsys, "--database-url", url, "archive", "assign", "--locality", "ZZ")
    assert code == 1 and "locality" in err and "ZZ" in err
    with Database.from_url(url).engine.connect() as conn:
        assert (
            conn.execute(
                text("SELECT count(*) FROM accounts WHERE archive_no IS NULL ")
            ).scalar_one()
            == 2
        )  # nothing numbered


def test_a_cancelled_export_leaves_no_file(tmp_path):
    from counter_app.services.accounts.archive import CatalogueRow

    rows = [
        CatalogueRow(f"A01-2024-{i:05d}", f"0100{i:04d}", "张三", "某地", "", None, "A01")
        for i in range(1, 2501)
    ]
    seen = []

    def cancel(n: int) -> None:
        seen.append(n)
        if n >= 2000:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        export_archive_catalogue(rows, tmp_path / "c.xlsx", on_progress=cancel)
    assert seen == [1000, 2000] and list(tmp_path.iterdir()) == []
    done = export_archive_catalogue(rows, tmp_path / "c.xlsx", on_progress=seen.append)
    assert done.rows == 2500 and seen[-1] == 2500
