"""resources/ holds the source assets; the package holds what the app loads (tools/build_resources.py)."""

from __future__ import annotations

from tests.support.tools import load_tool

build_resources = load_tool("build_resources")


def test_package_copies_match_their_sources():
    assert build_resources.copies(), "resources/fonts holds the fonts' licence texts"
    assert build_resources.stale() == []


def test_a_changed_source_is_reported_stale(tmp_path, monkeypatch):
    source = tmp_path / "resources" / "fonts"
    source.mkdir(parents=True)
    (source / "LICENSE.txt").write_text("new text", encoding="utf-8")
    package = tmp_path / "pkg"
    (package / "fonts").mkdir(parents=True)
    (package / "fonts" / "LICENSE.txt").write_text("old text", encoding="utf-8")
    monkeypatch.setattr(build_resources, "SOURCE", tmp_path / "resources")
    monkeypatch.setattr(build_resources, "PACKAGE", package)
    assert build_resources.stale() == [package / "fonts" / "LICENSE.txt"]
    assert build_resources.main(["--check"]) == 1


def test_every_font_in_the_package_has_its_licence_in_resources():
    fonts = build_resources.PACKAGE / "fonts"
    licences = {p.name for p in (build_resources.SOURCE / "fonts").iterdir()}
    for font in sorted(fonts.glob("*.tt[fc]")):
        stem = "droid-sans-fallback" if font.name.startswith("Droid") else font.stem
        assert any(stem in name for name in licences), (
            f"{font.name}: no licence text in resources/fonts"
        )
