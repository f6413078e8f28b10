"""Update the Qt Linguist sources (.ts) and build the binaries (.qm).

    python tools/build_translations.py            # lupdate, then lrelease
    python tools/build_translations.py --release  # lrelease only

lupdate reads the Designer forms (ui/*.ui) and the Python code under
counter_app/ui (not the generated forms/, which repeat the .ui strings).
Existing translations are kept; new strings arrive "unfinished" and
tests/ui/test_translations.py fails until counter_zh_CN.ts translates them.
The .ts sources live in resources/translations/, the .qm go into the package
(counter_app/resources/translations/). Commit both: a fresh install has no build step.

Each feature area has its own catalogue, so areas can be translated apart:
the code under counter_app/ui/<area>/ and the forms ui/<area>_*.ui go to
counter_<area>_<lang>.ts; everything else (the shell) to counter_<lang>.ts.
The app loads every catalogue it finds (counter_app/ui/i18n.py).
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
SOURCES = ROOT / "resources" / "translations"  # the .ts files: translation sources
BUILT = ROOT / "counter_app" / "resources" / "translations"  # the .qm files the app loads
LANGUAGES = ("zh_CN", "en")
AREAS = ("search", "payments", "relief", "complaints", "delivery", "dayclose", "settings")
SHELL = ""


def catalogue(area: str) -> str:
    return f"counter_{area}" if area else "counter"


def tool(name: str) -> str:
    bindir = Path(sys.executable).parent
    for candidate in (name, f"{name}.exe"):
        if (bindir / candidate).exists():
            return str(bindir / candidate)
    found = shutil.which(name)
    if found:
        return found
    raise SystemExit(f"{name} not found; install PySide6 in this environment")


def ts_path(language: str, directory: Path = SOURCES, area: str = SHELL) -> Path:
    return directory / f"{catalogue(area)}_{language}.ts"


def qm_path(language: str, directory: Path = BUILT, area: str = SHELL) -> Path:
    return directory / f"{catalogue(area)}_{language}.qm"


def _area_of(path: Path) -> str:
    if path.suffix == ".ui":
        head = path.stem.split("_", 1)[0]
        return head if head in AREAS else SHELL
    relative = path.relative_to(UI_CODE).parts
    return relative[0] if len(relative) > 1 and relative[0] in AREAS else SHELL


def sources(area: str = SHELL) -> list[Path]:
    code = [p for p in UI_CODE.rglob("*.py") if GENERATED not in p.parents]
    every = sorted(UI_FORMS.glob("*.ui")) + sorted(code)
    return [p for p in every if _area_of(p) == area]


def areas() -> tuple[str, ...]:
    """The shell and every area that has sources."""
    return (SHELL, *(a for a in AREAS if sources(a)))


def lupdate(ts_file: Path, language: str, area: str = SHELL) -> None:
    """Merge the current source strings into ``ts_file`` (created if missing)."""
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            language,
            *(str(p) for p in sources(area)),
            "-ts",
            str(ts_file),
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
    for area in areas():
        for language in LANGUAGES:
            ts, qm = ts_path(language, area=area), qm_path(language, area=area)
            if not args.release:
                lupdate(ts, language, area)
            lrelease(ts, qm)
            print(f"built {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
