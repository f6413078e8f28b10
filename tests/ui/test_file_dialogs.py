"""Qt's own file dialog speaks Chinese and starts where the clerk last saved
that kind of file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLineEdit, QWidget

from counter_app.ui.file_dialogs import last_folder, save_file_name


def _answer(qtbot, typed: Path, seen: list) -> None:
    box = QApplication.activeModalWidget()
    if not isinstance(box, QFileDialog):
        QTimer.singleShot(50, lambda: _answer(qtbot, typed, seen))
        return
    buttons = box.findChild(QDialogButtonBox)
    seen.append((box.directory().absolutePath(), sorted(b.text() for b in buttons.buttons())))
    edit = box.findChild(QLineEdit, "fileNameEdit")
    edit.setText(str(typed))
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    QTimer.singleShot(5_000, box.reject)  # never hang the run


def test_save_dialog_in_chinese_starts_in_the_last_folder(qtbot, chinese_ui, tmp_path):
    state = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    parent = QWidget()
    qtbot.addWidget(parent)
    exports = tmp_path / "exports"
    exports.mkdir()
    seen: list = []
    QTimer.singleShot(50, lambda: _answer(qtbot, exports / "a.xlsx", seen))
    chosen = save_file_name(parent, "dayclose", "导出", "a.xlsx", "Excel (*.xlsx)", state=state)
    assert chosen == str(exports / "a.xlsx")
    assert seen[0][1] == ["保存(&S)", "取消"]  # Qt's own texts, from qtbase_zh_CN.qm
    assert last_folder("dayclose", state) == exports
    assert last_folder("relief", state) == Path.home()  # per kind
    QTimer.singleShot(50, lambda: _answer(qtbot, exports / "b.xlsx", seen))
    save_file_name(parent, "dayclose", "导出", "b.xlsx", "Excel (*.xlsx)", state=state)
    assert seen[1][0] == str(exports)  # the next dialog opens there
