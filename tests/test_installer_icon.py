"""The installer and the bundle carry the icon: the spec renders the .ico from
the SVG (tools/make_icon.py) and names it as the EXE's icon; the NSIS script
uses it for setup.exe and the uninstaller."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.tools import load_tool

ROOT = Path(__file__).resolve().parent.parent
SPEC = (ROOT / "installer" / "counter.spec").read_text(encoding="utf-8")
NSI = (ROOT / "installer" / "counter.nsi").read_text(encoding="utf-8")
BUNDLE = (ROOT / "tools" / "build_bundle.sh").read_text(encoding="utf-8")


@pytest.mark.parametrize("needle", [
    'tools" / "make_icon.py"', '"counter.ico"', "icon=str(APP_ICON_ICO)",
    '"resources/icons/counter.svg"', '"qsvgicon.dll"', '"libqsvgicon.so"', '"qsvg.dll"',
    '"libqsvg.so"',
])
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
