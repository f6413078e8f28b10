"""The mypy baseline of counter_app/ui only shrinks (tools/check_mypy_baseline.py).

The comparison is tested on small made-up reports (fast); the real mypy run is
.ci/run step 6b. The baseline and pyproject's exclude list are checked as
they are, without mypy.
"""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _load_checker():
    spec = importlib.util.spec_from_file_location(
        "check_mypy_baseline", ROOT / "tools" / "check_mypy_baseline.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("check_mypy_baseline", module)
    spec.loader.exec_module(module)
    return module


checker = _load_checker()

REPORT = """\
counter_app/ui/a.py:10: error: Item "None" of "QLineEdit | None" has no attribute "text"  [union-attr]
counter_app/ui/a.py:12: note: See https://mypy.rtfd.io/en/stable/_refs.html#code-union-attr
counter_app/ui/b.py:3: error: Incompatible types in assignment (expression has type "str", \
variable has type "int")  [assignment]
counter_app/ui/b.py:9: error: Incompatible types in assignment (expression has type "str", \
variable has type "int")  [assignment]
Found 3 errors in 2 files (checked 2 source files)
"""
A_TEXT = (
    'counter_app/ui/a.py: [union-attr] Item "None" of "QLineEdit | None" has no attribute "text"'
)
B_STR = (
    "counter_app/ui/b.py: [assignment] Incompatible types in assignment "
    '(expression has type "str", variable has type "int")'
)


def test_a_report_becomes_entries_without_line_numbers_or_notes():
    assert checker.entries_of(REPORT) == Counter({A_TEXT: 1, B_STR: 2})


def test_the_same_errors_on_other_lines_pass():
    moved = REPORT.replace(":10:", ":40:").replace(":3:", ":77:")
    baseline = checker.read_baseline(f"# a comment\n\n{A_TEXT}\n{B_STR}\n{B_STR}\n")
    assert checker.compare(checker.entries_of(moved), baseline) == []


def test_an_error_not_in_the_baseline_fails():
    baseline = checker.read_baseline(f"{A_TEXT}\n{B_STR}\n")  # b.py's error once, it occurs twice
    problems = checker.compare(checker.entries_of(REPORT), baseline)
    assert problems == [f"new mypy error (fix it; the baseline never grows): {B_STR}"]


def test_a_baseline_entry_that_no_longer_occurs_fails_and_says_to_delete_it():
    fixed = "\n".join(line for line in REPORT.splitlines() if "a.py:10" not in line)
    baseline = checker.read_baseline(f"{A_TEXT}\n{B_STR}\n{B_STR}\n")
    problems = checker.compare(checker.entries_of(fixed), baseline)
    assert len(problems) == 1
    assert problems[0].startswith("fixed, no longer occurs: delete this line from")
    assert problems[0].endswith(A_TEXT)


def test_the_exclude_list_must_name_exactly_the_baselined_files():
    baseline = checker.read_baseline(f"{A_TEXT}\n")
    forms, a_py = checker.FORMS_EXCLUDE, r"^counter_app/ui/a\.py$"
    assert checker.gate_problems([forms, a_py], baseline) == []
    assert checker.gate_problems([forms], baseline) == [
        r"pyproject.toml [tool.mypy] exclude lacks '^counter_app/ui/a\.py$'"
    ]
    stale = checker.gate_problems([forms, a_py, r"^counter_app/ui/b\.py$"], baseline)
    assert len(stale) == 1 and "remove '^counter_app/ui/b\\.py$'" in stale[0]


def test_the_real_baseline_matches_the_exclude_list_and_names_existing_files():
    baseline = checker.read_baseline((ROOT / checker.BASELINE).read_text(encoding="utf-8"))
    mypy = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert checker.UI in mypy["files"]
    assert checker.gate_problems(mypy["exclude"], baseline) == []
    for entry in baseline:
        path = checker.path_of(entry)
        assert (ROOT / path).is_file() and path.startswith(checker.UI + "/"), entry
    assert all(not m.startswith("counter_app/ui/forms/") for m in checker.ui_modules(ROOT))
