#!/usr/bin/env python3
"""Keep the layers of counter_app pointing one way (DESIGN.md section 2).

``domain`` <- ``services`` <- (``ui``, ``cli``). Modules under
``counter_app/domain``, ``counter_app/services`` and ``counter_app/db`` must
not import Qt (PySide6, shiboken6, PyQt, qtpy), and must not import the layers
above them; ``counter_app/ui`` talks to services only (no ``counter_app.db``). Imports are found with :mod:`ast`, so an import inside a function,
under ``if TYPE_CHECKING:``, a relative import (``from ..ui import x``) and
``importlib.import_module("PySide6.QtCore")`` / ``__import__("PySide6")`` with
a literal name are all caught.

Usage: ``python tools/check_layers.py [REPO_ROOT]``; exits 1 and lists every
offending import when there is one. ``tests/test_layers.py`` runs the same check.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "counter_app"

# Top-level modules of every Qt binding (and the shims around them).
QT_MODULES = frozenset(
    {"PySide6", "shiboken6", "PySide2", "shiboken2", "PyQt6", "PyQt5", "PyQt4", "sip", "qtpy"}
)

# layer (folder under counter_app) -> counter_app subpackages it must not import.
FORBIDDEN_INTERNAL: dict[str, tuple[str, ...]] = {
    "domain": ("db", "services", "ui", "cli", "documents", "export"),
    "db": ("services", "ui", "cli"),
    "services": ("ui", "cli"),
    "ui": ("db", "cli"),
}
CHECKED_LAYERS = tuple(FORBIDDEN_INTERNAL)
# the layers below ui: no Qt at all
QT_FREE_LAYERS = ("domain", "db", "services")


@dataclass(frozen=True)
class Violation:
    path: Path
    line: int
    imported: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: imports {self.imported} ({self.reason})"


def module_name(path: Path, root: Path) -> str:
    """Dotted module name of ``path`` (a file under ``root/counter_app``)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve_relative(module: str, is_package: bool, level: int, target: str | None) -> str:
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join([*base, target] if target else base)


def imported_names(tree: ast.AST, module: str, is_package: bool) -> Iterator[tuple[int, str]]:
    """Yield ``(line, absolute dotted name)`` for every import in ``tree``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _resolve_relative(module, is_package, node.level, node.module)
            else:
                base = node.module or ""
            yield node.lineno, base
            # ``from counter_app import ui`` imports counter_app.ui
            for alias in node.names:
                if alias.name != "*":
                    yield node.lineno, f"{base}.{alias.name}"
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            name = (
                func.id
                if isinstance(func, ast.Name)
                else func.attr
                if isinstance(func, ast.Attribute)
                else None
            )
            first = node.args[0]
            if (
                name in ("import_module", "__import__")
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                yield node.lineno, first.value


def check_file(path: Path, root: Path, layer: str) -> list[Violation]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, filename=str(path))
    module = module_name(path, root)
    is_package = path.name == "__init__.py"
    forbidden_internal = {f"{PACKAGE}.{sub}" for sub in FORBIDDEN_INTERNAL[layer]}
    found: list[Violation] = []
    seen: set[tuple[int, str]] = set()
    for line, name in imported_names(tree, module, is_package):
        top = name.split(".")[0]
        key = reason = None
        if top in QT_MODULES and layer in QT_FREE_LAYERS:
            key, reason = top, f"Qt is not allowed in counter_app/{layer}"
        else:
            for bad in sorted(forbidden_internal):
                if name == bad or name.startswith(bad + "."):
                    key, reason = bad, f"counter_app/{layer} must not depend on {bad}"
                    break
        # ``from PySide6 import QtCore`` yields PySide6 and PySide6.QtCore: report once
        if key and (line, key) not in seen:
            seen.add((line, key))
            found.append(Violation(path.relative_to(root), line, name, reason))
    return found


def python_files(folder: Path) -> Iterable[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def check(root: Path) -> list[Violation]:
    """All violations in the checked layers of the repository at ``root``."""
    root = root.resolve()
    violations: list[Violation] = []
    for layer in CHECKED_LAYERS:
        folder = root / PACKAGE / layer
        if not folder.is_dir():
            continue
        for path in python_files(folder):
            violations.extend(check_file(path, root, layer))
    return violations


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path(__file__).resolve().parent.parent
    if not (root / PACKAGE).is_dir():
        print(f"check_layers: no {PACKAGE}/ under {root}", file=sys.stderr)
        return 2
    violations = check(root)
    for violation in violations:
        print(violation)
    if violations:
        print(f"check_layers: {len(violations)} forbidden import(s)", file=sys.stderr)
        return 1
    checked = sum(
        len(list(python_files(root / PACKAGE / layer)))
        for layer in CHECKED_LAYERS
        if (root / PACKAGE / layer).is_dir()
    )
    print(
        f"check_layers: OK ({checked} modules in {', '.join(CHECKED_LAYERS)}; "
        f"no Qt below ui, no upward imports, ui imports nothing from db)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
