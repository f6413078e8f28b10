"""Qt Linguist translations: English sources, Simplified Chinese by default."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from counter_app.resources import resource_path

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "zh_CN"
TRANSLATIONS_DIR = "translations"


def translations_dir() -> Path:
    return resource_path(TRANSLATIONS_DIR)


def install_translators(app: QApplication, language: str = DEFAULT_LANGUAGE) -> list[QTranslator]:
    """Install Counter's and Qt's own translators for ``language``.

    The translators are children of ``app`` (they live as long as it does);
    a missing file is logged and the English source text is shown instead.
    """
    locale = QLocale(language)
    QLocale.setDefault(locale)
    installed: list[QTranslator] = []
    ours = str(translations_dir())
    areas = sorted(
        p.name[: -len(f"_{language}.qm")]
        for p in translations_dir().glob(f"counter_*_{language}.qm")
    )
    sources = (
        ("counter", ours),
        *((area, ours) for area in areas),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    )
    for prefix, directory in sources:
        translator: QTranslator
        if directory == ours:
            translator = _InMemoryTranslator(app)
            loaded = translator.load_copy(Path(ours) / f"{prefix}_{language}.qm")
        else:
            translator = QTranslator(app)
            loaded = translator.load(f"{prefix}_{language}", directory)
        if loaded:
            translator.setObjectName(
                f"{prefix}_{language}.qm"
            )  # the in-memory ones have no filePath
            app.installTranslator(translator)
            installed.append(translator)
        elif language != "en" or prefix == "counter":
            log.warning("no translation %s_%s.qm in %s", prefix, language, directory)
    return installed


class _InMemoryTranslator(QTranslator):
    """A translator holding the catalogue it loaded (Qt does not copy it)."""

    qm_data = b""

    def load_copy(self, path: Path) -> bool:
        """Load a catalogue from a copy in memory: QTranslator.load(file) maps the
        file, and a file replaced while the app runs (an update, a rebuild of
        the catalogues) would then crash it with a bus error."""
        try:
            data = path.read_bytes()
        except OSError:
            return False
        if not self.load(data):
            return False
        self.qm_data = data  # Qt does not copy it: keep it alive
        return True
