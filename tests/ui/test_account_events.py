"""The one "account changed" notification: emitted by the task runner after a
write succeeded, followed by views at once when visible, else when next shown."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from counter_app.ui.account_events import AccountWatch


def _fail() -> None:
    raise RuntimeError("refused")


def test_the_runner_says_which_account_a_write_changed(qtbot, runner):
    seen: list[int] = []
    runner.events.changed.connect(seen.append)
    runner.submit(lambda: "posted", changes=7)
    runner.submit(lambda: None, changes=lambda result: None if result is None else 8)
    runner.submit(lambda: "found", changes=lambda result: 9)
    runner.submit(_fail, on_error=lambda exc: None, changes=10)  # refused: nothing changed
    runner.submit(lambda: "read")  # a read changes nothing
    assert runner.wait_idle(10_000)
    assert sorted(seen) == [7, 9]


def test_a_superseded_write_still_counts(qtbot, runner):
    seen: list[int] = []
    runner.events.changed.connect(seen.append)
    runner.submit(lambda: "first", key="k", changes=3)
    runner.submit(lambda: "second", key="k")  # the first answer is dropped, its write stands
    assert runner.wait_idle(10_000)
    assert seen == [3]


def test_a_hidden_view_refreshes_when_shown_again(qtbot, runner):
    widget = QWidget()
    qtbot.addWidget(widget)
    refreshed: list[str] = []
    AccountWatch(
        widget, runner.events, lambda account_id: account_id == 5, lambda: refreshed.append("again")
    )
    widget.show()
    runner.events.changed.emit(6)  # another account
    runner.events.changed.emit(5)
    assert refreshed == ["again"]
    widget.hide()
    runner.events.changed.emit(5)
    runner.events.changed.emit(5)
    assert refreshed == ["again"]  # not while hidden
    widget.show()
    assert refreshed == ["again", "again"]  # once, when shown
    widget.hide()
    widget.show()
    assert refreshed == ["again", "again"]
