"""Copy the source assets of resources/ into the package, as tools/build_forms.py compiles ui/.

    python tools/build_resources.py          # copy, then build the translations (.qm)
    python tools/build_resources.py --check  # exit 1 when a copy in the package is stale

resources/fonts/ holds the fonts' licence texts (the fonts themselves are binary and live only
in counter_app/resources/fonts/), resources/icons/ the SVG icons, resources/translations/ the
Qt Linguist sources (.ts, built by tools/build_translations.py). The copies are committed: a
fresh install has no build step. tests/test_resources.py fails when one is stale.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources"
PACKAGE = ROOT / "counter_app" / "resources"
COPIED = ("fonts", "icons")  # folders copied file by file into the package


def copies() -> list[tuple[Path, Path]]:
    """(source, copy in the package) for every file that is copied as is."""
    pairs = []
    for folder in COPIED:
        for source in sorted((SOURCE / folder).glob("*")):
            if source.is_file():
                pairs.append((source, PACKAGE / folder / source.name))
    return pairs


def stale() -> list[Path]:
    """Package copies missing or differing from their source."""
    return [
        copy
        for source, copy in copies()
        if not copy.is_file() or copy.read_bytes() != source.read_bytes()
    ]


def _build_translations():
    spec = importlib.util.spec_from_file_location(
        "build_translations", ROOT / "tools" / "build_translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale copies")
    args = parser.parse_args(argv)
    if args.check:
        found = stale()
        for path in found:
            print(f"stale: {path} (run python tools/build_resources.py)")
        return 1 if found else 0
    for source, copy in copies():
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, copy)
        print(f"copied {copy.relative_to(ROOT)}")
    return _build_translations().main(["--release"])


if __name__ == "__main__":
    sys.exit(main())
