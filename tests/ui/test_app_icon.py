"""The application icon (resources/icons/counter.svg): drawn in two colours of
the UI's palette, rendered by QtSvg offscreen, set on the application."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QIcon

from counter_app.resources import resource_path
from counter_app.ui import style
from counter_app.ui.app import APP_ICON, install_app_icon
from tests.support.tools import load_tool

build_resources = load_tool("build_resources")


def _opaque_colours(icon: QIcon, size: int) -> set[str]:
    image = icon.pixmap(size, size).toImage()
    return {
        QColor.fromRgba(image.pixel(x, y)).name()
        for x in range(image.width())
        for y in range(image.height())
        if QColor.fromRgba(image.pixel(x, y)).alpha() == 255
    }


def test_the_icon_is_two_colours_of_the_palette_and_no_text():
    svg = (build_resources.SOURCE / "icons" / "counter.svg").read_text(encoding="utf-8")
    colours = set(re.findall(r'fill="(#[0-9a-fA-F]{6})"', svg))
    assert colours == {style.NOTICE, style.OK}
    assert "<text" not in svg


def test_the_icon_renders_offscreen_at_every_size(qapp):
    icon = QIcon(str(resource_path(APP_ICON)))
    assert not icon.isNull()
    for size in (16, 32, 48, 256):
        pixmap = icon.pixmap(size, size)
        assert not pixmap.isNull() and pixmap.width() == size
        colours = _opaque_colours(icon, size)
        assert style.NOTICE in colours and style.OK in colours, (size, len(colours))
    corner = icon.pixmap(32, 32).toImage().pixelColor(0, 0)
    assert corner.alpha() == 0  # transparent around the drawing


def test_the_application_carries_it(qapp):
    before = qapp.windowIcon()
    try:
        install_app_icon(qapp)
        assert not qapp.windowIcon().isNull()
        assert style.NOTICE in _opaque_colours(qapp.windowIcon(), 32)
    finally:
        qapp.setWindowIcon(before)
