"""domain, services and db import no Qt and nothing above them; ui imports nothing from db
(tools/check_layers.py)."""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_checker():
    spec = importlib.util.spec_from_file_location(
        "check_layers", ROOT / "tools" / "check_layers.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("check_layers", module)
    spec.loader.exec_module(module)
    return module


check_layers = _load_checker()


def test_layers_import_no_qt_and_point_one_way():
    violations = check_layers.check(ROOT)
    assert not violations, "forbidden imports:\n" + "\n".join(map(str, violations))


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for rel, body in {"counter_app/__init__.py": "", **files}.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(body), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("layer", "body"),
    [
        ("domain", "import PySide6.QtCore\n"),
        ("services", "from PySide6 import QtWidgets\n"),
        ("db", "def f():\n    from PySide6.QtCore import QObject\n    return QObject\n"),
        ("services", "class A:\n    def m(self):\n        import shiboken6\n"),
        ("domain", "import PyQt6.QtGui as g\n"),
        ("db", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import PyQt5\n"),
        ("services", "import importlib\nqt = importlib.import_module('PySide6.QtCore')\n"),
        ("domain", "qt = __import__('PySide6')\n"),
        ("services", "from ..ui import app\n"),
        ("services", "from counter_app import ui\n"),
        ("domain", "from counter_app.services.payments.service import post\n"),
        ("domain", "from ..db.models import Account\n"),
        ("ui", "from counter_app.db.engine import Database\n"),
        ("ui", "from PySide6 import QtWidgets\nfrom ..db import models\n"),
        ("ui", "def f():\n    from counter_app.db.urls import describe_url\n"),
        ("ui", "from counter_app import db\n"),
    ],
)
def test_checker_catches(tmp_path, layer, body):
    root = _tree(
        tmp_path,
        {f"counter_app/{layer}/__init__.py": "", f"counter_app/{layer}/bad.py": body},
    )
    violations = check_layers.check(root)
    assert len(violations) == 1, violations
    assert violations[0].path == Path(f"counter_app/{layer}/bad.py")
    assert check_layers.main([str(root)]) == 1


def test_checker_allows_what_the_design_allows(tmp_path):
    root = _tree(
        tmp_path,
        {
            "counter_app/domain/__init__.py": "",
            "counter_app/domain/money.py": "from decimal import Decimal\nfrom .text import x\n",
            "counter_app/services/__init__.py": "",
            "counter_app/services/pay.py": (
                "from counter_app.domain.money import Decimal\nfrom ..db import models\n"
                "import sqlalchemy\n"
            ),
            "counter_app/db/__init__.py": "",
            "counter_app/db/models.py": "from counter_app.domain import money\n",
            # only ui/ (and the Qt backend of documents/) may import Qt; ui talks to services
            "counter_app/ui/__init__.py": "from PySide6 import QtWidgets\n",
            "counter_app/ui/page.py": (
                "from PySide6.QtCore import Qt\nfrom counter_app.services.pay import x\n"
                "from ..domain.money import Decimal\n"
            ),
            "counter_app/documents/render/qt.py": "from PySide6.QtPrintSupport import QPrinter\n",
        },
    )
    assert check_layers.check(root) == []
    assert check_layers.main([str(root)]) == 0
