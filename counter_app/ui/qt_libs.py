"""Before Qt starts on Linux: name the Debian package of a system library the
xcb platform plugin needs and cannot find (Qt itself only says "could not load
the Qt platform plugin xcb" and aborts)."""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# the library Qt's xcb plugin (and Qt itself) loads -> the Debian/Ubuntu package
LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def missing_packages(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    loads: Callable[[str], bool] = _loads,
    qt_args: list[str] | None = None,
) -> list[str]:
    """Packages to install for the xcb plugin ([] elsewhere, or offscreen)."""
    environ = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return []
    wanted = environ.get("QT_QPA_PLATFORM", "")
    if qt_args and "-platform" in qt_args[:-1]:
        wanted = qt_args[qt_args.index("-platform") + 1]
    if wanted and not wanted.startswith("xcb"):
        return []  # offscreen, wayland, ...
    return [package for name, package in LIBRARIES.items() if not loads(name)]


def warn_missing(packages: list[str]) -> None:
    """Say it on the console, in Chinese and English, before Qt aborts."""
    if not packages:
        return
    names = " ".join(packages)
    print(
        f"counter-app: 缺少 Qt 所需的系统库，请安装：sudo apt-get install {names}\n"
        f"counter-app: Qt needs system libraries that are missing; install them with: "
        f"sudo apt-get install {names}",
        file=sys.stderr,
        flush=True,
    )
