"""The missing system library for Qt's xcb plugin is named with its package."""

from __future__ import annotations

from counter_app.ui.qt_libs import missing_packages, warn_missing


def test_a_missing_xcb_library_is_named_by_its_package(capsys):
    loads = lambda name: name != "libxcb-cursor.so.0"  # noqa: E731
    assert missing_packages({}, "linux", loads) == ["libxcb-cursor0"]
    assert missing_packages({"QT_QPA_PLATFORM": "xcb"}, "linux", loads) == ["libxcb-cursor0"]
    assert missing_packages({"QT_QPA_PLATFORM": "offscreen"}, "linux", loads) == []
    assert missing_packages({}, "linux", loads, qt_args=["-platform", "offscreen"]) == []
    assert missing_packages({}, "win32", loads) == []
    warn_missing(["libxcb-cursor0"])
    err = capsys.readouterr().err
    assert "缺少" in err and "sudo apt-get install libxcb-cursor0" in err and "missing" in err
