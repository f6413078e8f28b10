"""Module docstrings stay short (what the module is, where its rules are written) and
every docs page they name exists; the long rule text lives in docs/rules/."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "counter_app"
EXEMPT = ("ui/forms", "db/migrations/versions")  # generated forms, frozen migrations
MAX_LINES = 3
DOC_REFERENCE = re.compile(r"docs/[\w./-]+\.md")


def _modules() -> list[Path]:
    return [
        p
        for p in sorted(PACKAGE.rglob("*.py"))
        if not any(p.relative_to(PACKAGE).as_posix().startswith(e) for e in EXEMPT)
    ]


def _docstring(path: Path) -> str | None:
    return ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")), clean=False)


def test_module_docstrings_are_at_most_three_lines():
    long = {
        p.relative_to(ROOT).as_posix(): n
        for p in _modules()
        if (doc := _docstring(p)) is not None
        and (n := len(doc.strip("\n").splitlines())) > MAX_LINES
    }
    assert long == {}, "move the rules into docs/rules/*.md and link to them"


def test_the_docs_pages_named_in_the_code_exist():
    missing = {
        f"{p.relative_to(ROOT).as_posix()}: {ref}"
        for p in PACKAGE.rglob("*.py")
        for ref in DOC_REFERENCE.findall(p.read_text(encoding="utf-8"))
        if not (ROOT / ref).is_file()
    }
    assert missing == set()


def test_the_docs_link_to_files_that_exist():
    link = re.compile(r"\]\(([^)#:]+\.md)(?:#[^)]*)?\)")
    missing = {
        f"{page.relative_to(ROOT).as_posix()}: {target}"
        for page in [*(ROOT / "docs").rglob("*.md"), ROOT / "README.md", ROOT / "CONTRIBUTING.md"]
        for target in link.findall(page.read_text(encoding="utf-8"))
        if not (page.parent / target).resolve().is_file()
    }
    assert missing == set()
