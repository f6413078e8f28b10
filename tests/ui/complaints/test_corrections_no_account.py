"""资料更正 opened with no account says how to start, and files nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt

from counter_app.ui.complaints.corrections import CorrectionsWidget


def test_corrections_without_an_account_say_how_to_start(qtbot, chinese_ui):
    widget = CorrectionsWidget(can_decide=False)
    qtbot.addWidget(widget)
    widget.show()
    text = widget.accountLabel.text()
    assert text.startswith("未选择用户") and "Ctrl+1" in text and "F7" in text
    assert not widget.fileButton.isEnabled()
    widget.valueEdit.setFocus()
    qtbot.keyClicks(widget.valueEdit, "13800000000")
    qtbot.keyClick(widget.valueEdit, Qt.Key.Key_Return)
    assert not widget.fileButton.isEnabled()  # still no account: nothing to file
