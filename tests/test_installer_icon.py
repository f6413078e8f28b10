"""The installer and the bundle carry the icon: the spec renders the .ico from
the SVG (tools/make_icon.py) and names it as the EXE's icon; the NSIS script
uses it for setup.exe and the uninstaller."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from tests.support.tools import load_tool

ROOT = Path(__file__).resolve().parent.parent
SPEC = (ROOT / "installer" / "counter.spec").read_text(encoding="utf-8")
NSI = (ROOT / "installer" / "counter.nsi").read_text(encoding="utf-8")
BUNDLE = (ROOT / "tools" / "build_bundle.sh").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "needle",
    [
        'tools" / "make_icon.py"',
        '"counter.ico"',
        "icon=str(APP_ICON_ICO)",
        '"resources/icons/counter.svg"',
        '"qsvgicon.dll"',
        '"libqsvgicon.so"',
        '"qsvg.dll"',
        '"libqsvg.so"',
    ],
)
def test_spec_renders_and_names_the_icon(needle):
    assert needle in SPEC


def test_nsis_and_the_bundle_build_use_it():
    assert '!define MUI_ICON "${ICON}"' in NSI and '!define MUI_UNICON "${ICON}"' in NSI
    assert "resources\\icons\\counter.ico" in NSI
    assert '-DICON="$ICON"' in BUNDLE


def test_make_icon_writes_every_size_from_the_svg(qapp, tmp_path):
    from PIL import Image

    make_icon = load_tool("make_icon")
    out = make_icon.write_ico(make_icon.SVG, tmp_path / "counter.ico")
    with Image.open(out) as ico:
        assert set(ico.info["sizes"]) == {(s, s) for s in make_icon.SIZES}
        ico.size = (32, 32)
        ico.load()
        assert ico.convert("RGBA").getchannel("A").getextrema() == (0, 255)


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (Debian nsis) not installed")
def test_the_installer_takes_the_bundles_icon(qapp, tmp_path):
    """A payload carrying the .ico (as the spec's bundle does) gives setup.exe
    that icon; a stub payload without it still compiles (NSIS's own icon)."""
    make_icon = load_tool("make_icon")
    built = {}
    for name, with_icon in (("plain", False), ("icon", True)):
        payload = tmp_path / name
        (payload / "_internal").mkdir(parents=True)
        (payload / "counter-app.exe").write_bytes(b"stub")
        if with_icon:
            make_icon.write_ico(
                make_icon.SVG, payload / "_internal/counter_app/resources/icons/counter.ico"
            )
        setup = tmp_path / f"{name}-setup.exe"
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
        built[name] = setup.read_bytes()
    assert built["icon"][:2] == b"MZ"
    ico = (tmp_path / "icon/_internal/counter_app/resources/icons/counter.ico").read_bytes()
    frames = _frames(ico)
    assert len(frames) == len(make_icon.SIZES)
    assert all(f in built["icon"] for f in frames)  # setup.exe's icon resource is ours
    assert not any(f in built["plain"] for f in frames)


def _frames(ico: bytes) -> list[bytes]:
    """Each image of an .ico (ICONDIR, then one 16-byte entry per image)."""
    count = struct.unpack_from("<H", ico, 4)[0]
    entries = (struct.unpack_from("<II", ico, 6 + 16 * i + 8) for i in range(count))
    return [ico[offset : offset + size] for size, offset in entries]
