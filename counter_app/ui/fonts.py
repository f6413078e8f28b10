"""The bundled CJK font, so every workstation shows the same screen."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from counter_app.resources import FONT_FILE, resource_path

log = logging.getLogger(__name__)

DEFAULT_POINT_SIZE = 11
# characters WenQuanYi lacks (rare name characters such as 㵘) come from here
FALLBACK_FONT_FILE = "fonts/DroidSansFallbackFull.ttf"


def load_bundled_font(path: Path | None = None) -> str | None:
    """Register the bundled font file; its (proportional) family or None."""
    path = path or resource_path(FONT_FILE)
    if not path.is_file():
        log.error("bundled font %s is missing; Chinese text may not render", path)
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.error("cannot load bundled font %s; Chinese text may not render", path)
        return None
    # a .ttc holds several faces (WenQuanYi Micro Hei and its Mono variant)
    proportional = [f for f in families if "mono" not in f.lower()]
    return (proportional or families)[0]


def install_app_font(
    app: QApplication, *, path: Path | None = None, point_size: int = DEFAULT_POINT_SIZE
) -> str:
    """Make the bundled font the application font; returns the family in use.

    When the file is missing the error is logged and the platform's default
    font is kept (its family is returned).
    """
    family = load_bundled_font(path)
    if family is None:
        return app.font().family()
    families = [family]
    fallback = load_bundled_font(resource_path(FALLBACK_FONT_FILE)) if path is None else None
    if fallback:
        families.append(fallback)
    font = QFont(family)
    font.setFamilies(families)  # per-character fallback to the second family
    font.setPointSize(point_size)
    app.setFont(font)
    log.info("application font: %s %dpt", " + ".join(families), point_size)
    return family
