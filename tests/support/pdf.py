"""Reading PDFs with poppler (pdftotext, pdfinfo, pdffonts, pdftoppm) in the document tests."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest


def _poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} is missing: install Debian's poppler-utils (README, System libraries)")
    return path


def pdf_text(pdf: bytes | Path, *, raw: bool = True) -> str:
    """``pdftotext`` of a PDF (``-raw``: in the order the text was drawn)."""
    args = [_poppler("pdftotext"), "-enc", "UTF-8", *(["-raw"] if raw else [])]
    if isinstance(pdf, Path):
        out = subprocess.run([*args, str(pdf), "-"], capture_output=True, check=True)
    else:
        out = subprocess.run([*args, "-", "-"], input=pdf, capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def squash(text: str) -> str:
    """No blanks at all: wrapped lines join up again."""
    return re.sub(r"\s+", "", text)


def pdf_info(pdf: bytes | Path) -> dict[str, str]:
    cmd = [_poppler("pdfinfo"), str(pdf) if isinstance(pdf, Path) else "-"]
    data = None if isinstance(pdf, Path) else pdf
    out = subprocess.run(cmd, input=data, capture_output=True, check=True).stdout.decode()
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def page_size_pt(pdf: bytes | Path) -> tuple[float, float]:
    match = re.match(r"([0-9.]+) x ([0-9.]+) pts", pdf_info(pdf)["Page size"])
    assert match, pdf_info(pdf)
    return float(match.group(1)), float(match.group(2))


def pdf_fonts(pdf: Path) -> str:
    return subprocess.run(
        [_poppler("pdffonts"), str(pdf)], capture_output=True, check=True
    ).stdout.decode()


def render_png(pdf: Path, out_prefix: Path, dpi: int = 100) -> list[Path]:
    """``pdftoppm -r DPI -gray`` pages as PNG files."""
    subprocess.run(
        [_poppler("pdftoppm"), "-q", "-r", str(dpi), "-gray", "-png", str(pdf), str(out_prefix)],
        check=True,
    )
    return sorted(out_prefix.parent.glob(out_prefix.name + "*.png"))
