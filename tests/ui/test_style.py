"""One palette: no colour literal in counter_app/ui outside ui/style.py.

Two reds and two greens had drifted apart across ten modules; a colour now has
one name in counter_app/ui/style.py and every screen uses that name.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from counter_app.ui import style

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "counter_app" / "ui"
GENERATED = UI / "forms"  # compiled from ROOT/ui/*.ui, which are checked instead

COLOUR_LITERAL = re.compile(
    r"#[0-9a-fA-F]{6}(?:[0-9a-fA-F]{2})?\b"  # #b00020, #b00020ff
    r"|#[0-9a-fA-F]{3}(?=[;\"')<,]|$)"  # #555; in a style sheet
    r"|\brgba?\s*\("  # rgb(176, 0, 32)
    r"|[\"'>][^\"'\n]*\b(?:colou?r|background)\s*:(?!\s*palette\()"  # a style sheet in place
    r"|\bQColor\s*\(\s*[\"'\d]"  # QColor("red"), QColor(176, 0, 32)
    r"|\bQt\.(?:GlobalColor\.)?(?:red|green|blue|gray|grey|darkRed|darkGreen|darkGray|yellow"
    r"|black|white)\b"
)


def colour_literals(text: str) -> list[tuple[int, str]]:
    """(line number, line) of every line that writes a colour in place."""
    return [
        (n, line.strip())
        for n, line in enumerate(text.splitlines(), 1)
        if COLOUR_LITERAL.search(line)
    ]


def checked_files() -> list[Path]:
    modules = [p for p in UI.rglob("*.py") if p != UI / "style.py" and GENERATED not in p.parents]
    return sorted(modules) + sorted((ROOT / "ui").glob("*.ui"))


def test_no_colour_literal_outside_the_palette():
    files = checked_files()
    assert len(files) > 50, "the scan found too few files; did the layout change?"
    found = [
        f"{path.relative_to(ROOT)}:{n}: {line}"
        for path in files
        for n, line in colour_literals(path.read_text(encoding="utf-8"))
    ]
    assert not found, "use a name from counter_app/ui/style.py:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "line",
    [
        'ERROR_STYLE = "color: #b00020;"',
        'label.setStyleSheet("color:#555")',
        "_RED = QColor('#b3261e')",
        'QBrush(QColor("pink"))',
        "brush = QColor(176, 0, 32)",
        'label.setStyleSheet("background: rgb(255, 248, 225);")',
        "painter.setPen(Qt.GlobalColor.red)",
        '<string notr="true">color: #b00020; font-weight: bold;</string>',
        "parts.append(\"<p style='color:#b00020'>\")",
    ],
)
def test_the_scan_catches_a_colour_written_in_place(line):
    assert colour_literals(line)


@pytest.mark.parametrize(
    "line",
    [
        "# a comment on colour: the palette is in style.py",
        "QListWidget#navList { background: palette(base); }",  # the platform's own colours
        "label.setStyleSheet(ERROR_STYLE)",
        "return QColor(style.ERROR)",
        "def colour(self, record: R, column: int) -> QColor | None:",
        'self.tr("Receipt #123 printed")',
    ],
)
def test_the_scan_leaves_names_and_text_alone(line):
    assert not colour_literals(line)


def test_the_palette_itself_is_what_the_scan_looks_for():
    """The scan would have caught the palette: it does look at the right thing."""
    text = (UI / "style.py").read_text(encoding="utf-8")
    assert colour_literals(text)
    assert style.ERROR_STYLE == f"color: {style.ERROR};"
    assert style.message_style(True) == style.ERROR_STYLE
    assert style.message_style(False) == style.OK_STYLE
    assert style.hint_style(False) == style.MUTED_STYLE


def test_one_red_and_one_green():
    """The drifted shades are gone from the palette (one colour per meaning)."""
    colours = {
        name: value
        for name, value in vars(style).items()
        if name.isupper() and isinstance(value, str) and value.startswith("#")
    }
    assert len(set(colours.values())) == len(colours), colours
