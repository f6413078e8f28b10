"""Switch the running application's language for a test, then back to Chinese."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTranslator

from counter_app.ui.i18n import install_translators


def _remove_translators(app) -> None:
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()


@contextmanager
def ui_language(app, language: str) -> Iterator[None]:
    """Widgets built inside speak ``language``; Chinese is restored after."""
    if language == "zh_CN":
        yield
        return
    _remove_translators(app)
    try:
        install_translators(app, language)
        yield
    finally:
        _remove_translators(app)
        install_translators(app, "zh_CN")
