"""The delivery files say what the Windows build needs (tools/build_bundle.sh builds them)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = (ROOT / "installer" / "counter.spec").read_text(encoding="utf-8")
NSI = (ROOT / "installer" / "counter.nsi").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "needle",
    [
        "qtbase_zh_CN.qm",
        "db/migrations/script.py.mako",
        "db/migrations/versions",
        "resources/fonts",
        "resources/translations",
        '"printsupport"',
        '"platforms"',
        "qwindows.dll",
        "qoffscreen.dll",
        "libqxcb.so",
        "libqoffscreen.so",
        "psycopg_binary",
        '"QtWebEngineCore"',
        '"QtQml"',
        '"QtQuick"',
        '"Qt3DCore"',
        '"QtMultimedia"',
        "exclude_binaries=True",  # onedir
    ],
)
def test_spec_lists(needle):
    assert needle in SPEC


@pytest.mark.parametrize(
    "needle",
    [
        "Unicode true",
        '!include "MUI2.nsh"',
        '!insertmacro MUI_LANGUAGE "SimpChinese"',
        "LangString",
        "${LANG_SIMPCHINESE}",
        "WriteUninstaller",
        'Section "Uninstall"',
        "$SMPROGRAMS\\$StartMenuFolder",
        "VIProductVersion",
        "VIAddVersionKey /LANG=2052",
    ],
)
def test_nsis_script_has(needle):
    assert needle in NSI


def test_every_migration_is_packaged_by_the_spec_glob():
    versions = sorted((ROOT / "counter_app/db/migrations/versions").glob("*.py"))
    assert versions and 'glob("*.py")' in SPEC


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (Debian nsis) not installed")
def test_makensis_compiles_a_chinese_installer(tmp_path):
    payload = tmp_path / "payload"
    (payload / "_internal").mkdir(parents=True)
    (payload / "counter-app.exe").write_bytes(b"stub")
    (payload / "_internal" / "README.txt").write_text("stub payload")
    setup = tmp_path / "Counter-0.1.0-setup.exe"
    done = subprocess.run(
        [
            "makensis",
            "-V2",
            "-WX",
            "-DVERSION=0.1.0",
            f"-DSOURCE_DIR={payload}",
            f"-DOUTFILE={setup}",
            str(ROOT / "installer" / "counter.nsi"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    data = setup.read_bytes()
    assert data[:2] == b"MZ"
    assert "营业厅柜台系统".encode("utf-16-le") in data  # version resource in Chinese
