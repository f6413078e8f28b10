"""Render the application icon (resources/icons/counter.svg) into a Windows .ico.

    python tools/make_icon.py OUT.ico

Qt renders the SVG at each size (QtSvg, offscreen), Pillow writes the sizes into
one .ico. Run by installer/counter.spec at bundle build time (the EXE's icon, the
installer's); nothing generated is committed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "counter.svg"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render(svg: Path, size: int):
    """The SVG at ``size`` × ``size`` pixels as a Pillow RGBA image."""
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        render.app = QGuiApplication([sys.argv[0]])  # kept alive with the function
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_RGBA8888)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = bytes(image.constBits())[: image.sizeInBytes()]
    return Image.frombuffer("RGBA", (size, size), data, "raw", "RGBA", image.bytesPerLine(), 1)


def write_ico(svg: Path, out: Path) -> Path:
    """Every size in SIZES, each rendered from the SVG (no downscaled blur)."""
    images = [render(svg, size) for size in SIZES]
    out.parent.mkdir(parents=True, exist_ok=True)
    images[-1].save(out, format="ICO", sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    print(write_ico(SVG, Path(args[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
