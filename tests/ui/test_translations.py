"""counter_zh_CN.ts is complete, consistent and built; the .qm files are fresh."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from tests.support.tools import load_tool

build_translations = load_tool("build_translations")
AREAS = build_translations.areas()
PLACEHOLDER = re.compile(r"%\d+|%n|\{[A-Za-z_][A-Za-z0-9_]*\}")


def messages(ts_file: Path):
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


def problems(ts_file: Path) -> list[str]:
    found = []
    for context, message in messages(ts_file):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "missing"
        text = (translation.text or "") if translation is not None else ""
        if translation is not None and message.get("numerus") == "yes":
            text = " ".join(form.text or "" for form in translation.iter("numerusform"))
        where = f"{context}: {source!r}"
        if kind in ("unfinished", "missing", "vanished", "obsolete"):
            found.append(f"{where} is {kind}")
        elif not text.strip():
            found.append(f"{where} has an empty translation")
        elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            found.append(f"{where}: placeholders differ in {text!r}")
    return found


@pytest.mark.parametrize("area", AREAS)
def test_chinese_translation_is_complete_and_placeholders_match(area):
    ts = build_translations.ts_path("zh_CN", area=area)
    assert list(messages(ts)), f"no messages in {ts.name}"
    assert problems(ts) == []


def test_checker_catches_unfinished_empty_and_placeholder_mismatch(tmp_path):
    bad = tmp_path / "bad.ts"
    bad.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="zh_CN"><context><name>C</name>
<message><source>A</source><translation type="unfinished"></translation></message>
<message><source>B</source><translation></translation></message>
<message><source>Clerk: {name}</source><translation>操作员：{名字}</translation></message>
<message><source>%1 of %2</source><translation>%1</translation></message>
<message><source>OK {x}</source><translation>好 {x}</translation></message>
</context></TS>""",
        encoding="utf-8",
    )
    found = problems(bad)
    assert len(found) == 4, found


@pytest.mark.parametrize("area", AREAS)
def test_ts_files_hold_every_string_of_the_sources(tmp_path, area):
    """A tr() added without running tools/build_translations.py fails here."""
    for language in build_translations.LANGUAGES:
        original = build_translations.ts_path(language, area=area)
        assert original.is_file(), f"{original.name} missing: run tools/build_translations.py"
        copy = tmp_path / original.name
        shutil.copy(original, copy)
        before = {(c, m.findtext("source")) for c, m in messages(copy)}
        build_translations.lupdate(copy, language, area)
        after = {(c, m.findtext("source")) for c, m in messages(copy)}
        assert after == before, (
            f"{copy.name} is stale (new: {sorted(after - before)}, gone: {sorted(before - after)}); "
            "run `python tools/build_translations.py` and translate"
        )


@pytest.mark.parametrize("area", AREAS)
@pytest.mark.parametrize("language", build_translations.LANGUAGES)
def test_committed_qm_is_built_from_committed_ts(tmp_path, language, area):
    qm = build_translations.qm_path(language, area=area)
    assert qm.is_file(), f"{qm.name} missing: a fresh install needs it"
    rebuilt = tmp_path / qm.name
    build_translations.lrelease(build_translations.ts_path(language, area=area), rebuilt)
    assert rebuilt.read_bytes() == qm.read_bytes(), "run `python tools/build_translations.py`"


def test_chinese_is_installed_for_the_ui_and_qt_itself(qapp):
    translate = QCoreApplication.translate
    assert translate("LoginDialog", "Sign in") == "登录"
    assert translate("MainWindow", "Payments") == "收费"
    assert translate("QPlatformTheme", "Cancel") == "取消"  # qtbase_zh_CN.qm
