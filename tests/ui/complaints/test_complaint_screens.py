"""The complaint form and the announced outages (Designer forms) in the main
window at the smallest and the usual workstation size, in Chinese and
English: nothing cut or pushed off the window, every text translated, the
keyboard order of the fields as before the forms moved to Designer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTreeWidget,
    QWidget,
)

from counter_app.services.audit import Actor
from counter_app.services.complaints.outages import OutageService
from tests.support.keyboard import press_alt
from tests.support.language import ui_language
from tests.support.screens import assert_nothing_clipped, save_shot, settle, shot_dirs

pytestmark = pytest.mark.postgres

SIZES = [(1024, 700), (1366, 768)]
COMPLAINTS = 3  # the page index of 投诉 in the main window


def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """(object name, text) of every caption, button, placeholder and column
    header ``root`` shows now."""
    texts = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        name = widget.objectName()
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append((name, widget.text()))
        elif isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.append((name, widget.placeholderText()))
        elif isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            texts += [(name, header.text(i)) for i in range(header.columnCount())]
    return [(name, text) for name, text in texts if text]


def chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def assert_inside(window: QWidget, root: QWidget) -> None:
    """Every field and button of ``root`` lies wholly inside the window and
    gets at least its minimum width."""
    out = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.parentWidget() is not root:
            continue
        rect = widget.rect().translated(widget.mapTo(window, widget.rect().topLeft()))
        if not window.rect().contains(rect) or widget.width() < widget.minimumSizeHint().width():
            out.append(f"{widget.objectName()} at {rect}")
    assert not out, out


def focus_chain(qtbot, start: QWidget, steps: int, back: bool = False) -> list[str]:
    """The object names Tab (Shift+Tab) visits from ``start``."""
    start.setFocus()
    names = []
    for _ in range(steps):
        widget = QApplication.focusWidget()
        names.append(widget.objectName())
        qtbot.keyClick(widget, Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab)
    return names


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_form_and_outages_fit_and_are_translated(
    qtbot, qapp, make_window, runner, signed_in, language, size, tmp_path
):
    login, boss = signed_in("supervisor")
    now = datetime.now(UTC)
    OutageService(login).announce(
        "A01",
        now - timedelta(hours=1),
        now + timedelta(hours=5),
        "建设路爆管抢修",
        boss,
        Actor(boss.username, "WS", boss.id),
    )
    tag = f"{language}_{size[0]}"
    dirs = shot_dirs(tmp_path, "complaints")
    with ui_language(qapp, language):
        window = make_window(login, clerk=boss)
        window.resize(*size)
        window.show_page(COMPLAINTS)
        page = window.complaints_page
        form, outages = page.form, page.outages
        qtbot.waitUntil(lambda: not runner.is_busy, timeout=15_000)
        settle(qtbot, window)
        save_shot(window, f"form_{tag}", dirs)
        assert_nothing_clipped(window)
        assert_inside(window, form)
        form_texts = shown_texts(form)

        page.tabs.setCurrentWidget(outages)
        qtbot.waitUntil(
            lambda: outages.ui.outages.topLevelItemCount() == 1 and not runner.is_busy,
            timeout=15_000,
        )
        settle(qtbot, window)
        save_shot(window, f"outages_{tag}", dirs)
        assert_nothing_clipped(window)
        assert_inside(window, outages)
        assert_inside(window, outages.ui.form)
        outage_texts = shown_texts(outages)

    if language == "zh_CN":  # every caption, button, placeholder and header in Chinese
        english = [(n, t) for n, t in form_texts + outage_texts if not chinese(t)]
        assert not english, english
        assert ("complainantLabel", "投诉人(&C)：") in form_texts
        assert ("areaLabel", "片区(&A)：") in outage_texts
        assert ("outages", "发布人") in outage_texts
    else:
        assert ("complainantLabel", "&Complainant:") in form_texts
        assert ("saveButton", "Save and print slip (Ctrl+S)") in form_texts
        assert ("areaLabel", "&Area:") in outage_texts
        assert ("outages", "Announced by") in outage_texts


def test_tab_order_of_the_form_and_the_announcement(qtbot, make_page, runner):
    page = make_page("supervisor")
    ui = page.form.ui
    assert focus_chain(qtbot, ui.complainantEdit, 11) == [
        "complainantEdit",
        "contactEdit",
        "channelCombo",
        "categoryCombo",
        "descriptionEdit",
        "faultCheck",
        "pendingRadio",
        "recallCheck",
        "recallEdit",
        "saveButton",
        "clearButton",
    ]  # the apology box waits for "at fault"; Tab enters the radio group at the chosen one
    ui.faultCheck.setChecked(True)
    press_alt(qtbot, page.form, Qt.Key.Key_F, ui.forwardRadio)  # 转相关部门(&F), as the clerk does
    assert ui.forwardRadio.isChecked()
    assert focus_chain(qtbot, ui.faultCheck, 6) == [
        "faultCheck",
        "apologyCheck",
        "forwardRadio",
        "departmentCombo",
        "dueEdit",
        "recallCheck",
    ]
    press_alt(qtbot, page.form, Qt.Key.Key_S, ui.resolveRadio)  # 当场解决(&S)
    assert focus_chain(qtbot, ui.recallCheck, 4, back=True) == [
        "recallCheck",
        "resolutionEdit",
        "resolveRadio",
        "apologyCheck",
    ]
    page.tabs.setCurrentWidget(page.outages)
    runner.wait_idle()
    outages = page.outages.ui
    assert focus_chain(qtbot, outages.outages, 7) == [
        "outages",
        "refreshButton",
        "areaCombo",
        "fromEdit",
        "toEdit",
        "reasonEdit",
        "announceButton",
    ]
