"""Test modules share code through tests/support/ only: a test module (or a
conftest.py) never imports another test module or a conftest, and nothing in
tests/support/ imports a test module."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def bad_imports(path: Path) -> list[str]:
    """Imports of ``tests.<anything but support>`` in one file."""
    bad = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module]
        elif isinstance(node, ast.Import):
            modules = [a.name for a in node.names]
        else:
            continue
        for module in modules:
            if module.split(".")[0] == "tests" and module.split(".")[:2] != ["tests", "support"]:
                bad.append(f"{path.name}:{node.lineno}: {module}")
    return bad


def test_the_checker_sees_an_import_of_a_test_module(tmp_path):
    sample = tmp_path / "test_x.py"
    sample.write_text(
        "from tests.services.test_accounts import populate\n"
        "from tests.support.builders import RES\n"
        "from tests.conftest import LOGIN_PASSWORD\n"
        "from tests.services import test_search\n"
    )
    assert bad_imports(sample) == [
        "test_x.py:1: tests.services.test_accounts",
        "test_x.py:3: tests.conftest",
        "test_x.py:4: tests.services",
    ]


def test_test_modules_import_shared_code_from_tests_support_only():
    bad = [
        f"{path.parent.relative_to(TESTS)}/{b}"
        for path in sorted(TESTS.rglob("*.py"))
        for b in bad_imports(path)
    ]
    assert not bad, "\n".join(bad)
