"""The PySide6 6.12.0 emit defect cannot abort the application."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from counter_app.ui.qt_workarounds import emit_drops_bool_reference, protect_bool_singletons


class Emitter(QObject):
    happened = Signal(bool)
    changed = Signal(int, object)


def test_many_emits_leave_true_and_false_alive(qapp):
    assert protect_bool_singletons() in (True, False)
    emitter = Emitter()
    emitter.happened.connect(lambda _flag: None)
    emitter.changed.connect(lambda _i, _obj: None)
    for i in range(20_000):  # far more than True's ordinary reference count
        emitter.happened.emit(i % 2 == 0)
        emitter.changed.emit(i, True)
    # unprotected, 6.12.0 would have aborted the interpreter by now
    assert sys.getrefcount(True) > 100
    assert sys.getrefcount(False) > 100


def test_protection_is_applied_exactly_when_the_defect_is_present(qapp):
    if sys.version_info >= (3, 12):
        assert protect_bool_singletons() is False
    elif emit_drops_bool_reference():
        assert protect_bool_singletons() is True
        assert sys.getrefcount(True) > 1 << 39
