"""Update the Qt Linguist sources (.ts) and build the binaries (.qm).

    python tools/build_translations.py            # lupdate, then lrelease
    python tools/build_translations.py --release  # lrelease only

lupdate reads the Designer forms (ui/*.ui) and the Python code under
counter_app/ui (not the generated forms/, which repeat the .ui strings).
Existing translations are kept; new strings arrive "unfinished" and
tests/ui/test_translations.py fails until counter_zh_CN.ts translates them.
Commit the .ts and the .qm: a fresh install has no build step.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_FORMS = ROOT / "ui"
UI_CODE = ROOT / "counter_app" / "ui"
GENERATED = UI_CODE / "forms"
TRANSLATIONS = ROOT / "counter_app" / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")


def tool(name: str) -> str:
    bindir = Path(sys.executable).parent
    for candidate in (name, f"{name}.exe"):
        if (bindir / candidate).exists():
            return str(bindir / candidate)
    found = shutil.which(name)
    if found:
        return found
    raise SystemExit(f"{name} not found; install PySide6 in this environment")


def ts_path(language: str, directory: Path = TRANSLATIONS) -> Path:
    return directory / f"counter_{language}.ts"


def qm_path(language: str, directory: Path = TRANSLATIONS) -> Path:
    return directory / f"counter_{language}.qm"


def sources() -> list[Path]:
    code = [p for p in UI_CODE.rglob("*.py") if GENERATED not in p.parents]
    return sorted(UI_FORMS.glob("*.ui")) + sorted(code)


def lupdate(ts_file: Path, language: str) -> None:
    """Merge the current source strings into ``ts_file`` (created if missing)."""
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations", "relative",
            "-source-language", "en",
            "-target-language", language,
            *(str(p) for p in sources()),
            "-ts", str(ts_file),
        ],
        check=True,
        cwd=ROOT,
    )


def lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)],
        check=True,
        cwd=ROOT,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only build the .qm files")
    args = parser.parse_args(argv)
    for language in LANGUAGES:
        if not args.release:
            lupdate(ts_path(language), language)
        lrelease(ts_path(language), qm_path(language))
        print(f"built {qm_path(language).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
