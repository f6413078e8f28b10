"""A real print job through CUPS: the Qt backend prints to the cups-pdf
queue that ``tools/setup-cups.sh`` creates, and the job's output PDF is read
back by page size and by rendering (pdftoppm), never by pdftotext: its text
extraction is garbled (DESIGN.md section 6).

Skipped only when CUPS is not installed and ``COUNTER_REQUIRE_CUPS`` is not
``1``; CI sets it after running ``bash tools/setup-cups.sh``.  With CUPS
installed but no queue (or no scheduler), the tests fail and say to run it.
``COUNTER_CUPS_QUEUE`` and ``COUNTER_CUPS_PDF_DIR`` name another queue and
its output directory (the script reads them too).
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from counter_app.documents import Paper, PrintError, receipt_document, write_pdf
from counter_app.documents.render.flow import MM, layout
from tests.support import documents as s
from tests.support.imaging import dissimilarity, ink, load_gray
from tests.support.pdf import page_size_pt, render_png
from tests.support.waiting import poll_until

QUEUE = os.environ.get("COUNTER_CUPS_QUEUE", "CounterPDF")
OUT_DIR = Path(os.environ.get("COUNTER_CUPS_PDF_DIR", f"/var/spool/cups-pdf/{QUEUE}"))
REQUIRE_CUPS = os.environ.get("COUNTER_REQUIRE_CUPS") == "1"
CUPS_INSTALLED = bool(shutil.which("lpstat")) and bool(
    shutil.which("cupsd") or Path("/usr/sbin/cupsd").exists()
)

pytestmark = pytest.mark.skipif(
    not CUPS_INSTALLED and not REQUIRE_CUPS,
    reason="CUPS is not installed (bash tools/setup-cups.sh installs it; CI sets COUNTER_REQUIRE_CUPS=1)",
)
SETUP = "run `bash tools/setup-cups.sh` (as root) first"


@pytest.fixture(scope="module")
def queue() -> str:
    if not CUPS_INSTALLED:
        pytest.fail(f"COUNTER_REQUIRE_CUPS=1 but CUPS is not installed: {SETUP}")
    status = subprocess.run(["lpstat", "-r"], capture_output=True, text=True)
    if "is running" not in status.stdout:
        pytest.fail(f"the CUPS scheduler is not running: {SETUP}")
    device = subprocess.run(["lpstat", "-v", QUEUE], capture_output=True, text=True)
    if f"cups-pdf:/{QUEUE}" not in device.stdout:
        pytest.fail(
            f"no cups-pdf queue {QUEUE!r} ({device.stdout.strip() or device.stderr.strip()}): {SETUP}"
        )
    return QUEUE


def wait_for_output(token: str, timeout: float = 60) -> Path:
    """The job's PDF once cups-pdf has finished writing it (its size the same
    twice in a row and the queue empty)."""
    sizes: dict[Path, int] = {}

    def written() -> Path | None:
        found = [p for p in OUT_DIR.glob("*.pdf") if token.lower() in p.name.lower()]
        if not found:
            return None
        size, last = found[0].stat().st_size, sizes.get(found[0])
        sizes[found[0]] = size
        jobs = subprocess.run(["lpstat", "-o", QUEUE], capture_output=True, text=True).stdout
        return found[0] if size > 0 and size == last and not jobs.strip() else None

    output = poll_until(written, timeout=timeout, interval=0.3)
    if output is None:
        listing = sorted(p.name for p in OUT_DIR.glob("*")) if OUT_DIR.exists() else "no directory"
        pytest.fail(f"no output PDF for {token} in {OUT_DIR} after {timeout:.0f} s: {listing}")
    return output


@pytest.mark.parametrize("paper", [Paper.ROLL_80, Paper.ROLL_58])
def test_receipt_printed_through_cups_has_the_roll_size_and_looks_like_the_pdf(
    qapp, queue, tmp_path, paper
):
    from counter_app.documents.render import qt as qt_backend

    token = f"T{uuid.uuid4().hex[:10].upper()}"
    data = dataclasses.replace(s.mixed_receipt(), receipt_no=token)
    document = receipt_document(data, paper)
    qt_backend.print_document(document, queue)
    output = wait_for_output(token)
    try:
        check_printed(output, document, paper, tmp_path)
    finally:
        try:
            output.unlink()
        except OSError:  # the spool directory is root's; the file stays
            pass


def check_printed(output: Path, document, paper: Paper, tmp_path: Path) -> None:
    width, height = page_size_pt(output)
    assert width == pytest.approx(paper.width_mm * MM, abs=1.5)
    assert height == pytest.approx(layout(document)[0].height, abs=1.5)

    printed = render_png(output, tmp_path / "cups")
    assert len(printed) == 1, "one roll page"
    reference_pdf = write_pdf(document, tmp_path / "reference.pdf")
    (reference,) = render_png(reference_pdf, tmp_path / "ref")
    got, want = load_gray(printed[0]), load_gray(reference)
    assert abs(got.width - want.width) <= 2 and abs(got.height - want.height) <= 2
    assert ink(got) > 0.02
    assert dissimilarity(got, want) < 0.35


def run_admin(*cmd: str) -> None:
    result = subprocess.run(list(cmd), capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(
            f"cannot run {' '.join(cmd)} here ({result.stderr.strip()}); needs root or lpadmin"
        )


def test_stopped_queue_is_offline_and_rejecting_queue_refuses(qapp, queue):
    from counter_app.documents.render import qt as qt_backend

    document = receipt_document(s.receipt(), Paper.ROLL_80)
    run_admin("cupsdisable", queue)
    try:
        with pytest.raises(PrintError) as stopped:
            qt_backend.print_document(document, queue)
    finally:
        subprocess.run(["cupsenable", queue], check=True)
    assert stopped.value.code == "offline"
    run_admin("cupsreject", queue)
    try:
        with pytest.raises(PrintError) as rejecting:
            qt_backend.print_document(document, queue)
    finally:
        subprocess.run(["cupsaccept", queue], check=True)
    assert rejecting.value.code == "refused"
