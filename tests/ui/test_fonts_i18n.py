"""The bundled font becomes the app font; translators load per language."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication

from counter_app.ui.fonts import install_app_font, load_bundled_font
from counter_app.ui.i18n import install_translators


def test_bundled_font_is_the_application_font(chinese_ui):
    assert chinese_ui == "WenQuanYi Micro Hei"
    assert QApplication.font().family() == chinese_ui
    assert chinese_ui in QFontDatabase.families()
    metrics = QFontMetrics(QApplication.font())
    for ch in "营业厅收费查询低保减免投诉日结设置￥":
        assert metrics.inFontUcs4(ord(ch)), ch


def test_missing_font_file_is_logged_and_keeps_the_current_font(qapp, tmp_path, caplog):
    before = QApplication.font()
    with caplog.at_level(logging.ERROR):
        family = install_app_font(qapp, path=tmp_path / "gone.ttc")
    assert family == before.family()
    assert QApplication.font() == before
    assert "gone.ttc is missing" in caplog.text


def test_unreadable_font_file_is_logged(qapp, tmp_path, caplog):
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"not a font")
    with caplog.at_level(logging.ERROR):
        assert load_bundled_font(junk) is None
    assert "cannot load bundled font" in caplog.text


def _remove_translators(app) -> None:
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()


def test_english_ui_then_back_to_chinese(qapp):
    _remove_translators(qapp)
    try:
        # the shell's catalogue and one per feature area, all English
        assert len(install_translators(qapp, "en")) >= 2
        assert QLocale().name() == "en_US"
        assert QCoreApplication.translate("MainWindow", "Payments") == "Payments"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    finally:
        _remove_translators(qapp)
        install_translators(qapp, "zh_CN")
    assert QLocale().name() == "zh_CN"
    assert QCoreApplication.translate("MainWindow", "Payments") == "收费"


def test_missing_translation_is_logged(qapp, caplog):
    with caplog.at_level(logging.WARNING):
        assert install_translators(qapp, "xx") == []
    install_translators(qapp, "zh_CN")
    assert "counter_xx" in caplog.text


def test_rare_name_characters_have_a_glyph_on_screen(chinese_ui, qapp):
    """㵘 is not in WenQuanYi (see tests/documents for the PDF side): the
    application font falls back, per character, to the bundled Droid font."""
    from PySide6.QtGui import QFontDatabase, QRawFont

    families = qapp.font().families()
    assert families[0] == chinese_ui
    assert "Droid Sans Fallback" in families[1:]
    raw = QRawFont.fromFont(QFontDatabase.font("Droid Sans Fallback", "", 12))
    assert raw.familyName() == "Droid Sans Fallback"
    assert raw.supportsCharacter("㵘")
