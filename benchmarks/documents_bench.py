"""Speed of the documents: receipt PDF <= 100 ms, 24-month statement <= 300 ms.

Run from the repository root:

    .venv/bin/python benchmarks/documents_bench.py [--repeat 30]

Each case runs once to warm up (font loading happens once per process and
is reported apart), then ``--repeat`` times; the median and the best are
printed with the ratio to a baseline measured in the same run: an empty A4
page written by ReportLab with the same embedded fonts registered.  The
ratio says how much of a figure is our work rather than the machine.
Exits 1 when a median is over its limit.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from counter_app.documents import (  # noqa: E402
    Paper,
    fonts,  # noqa: E402
    get_profile,
    receipt_document,
    render_escpos,
    render_pdf,
    statement_document,
)
from counter_app.documents.render.flow import layout  # noqa: E402
from tests.documents import samples  # noqa: E402

LIMITS_MS = {
    "receipt PDF 80 mm": 100.0,
    "receipt PDF 58 mm": 100.0,
    "statement PDF, 24 months": 300.0,
}


def empty_page() -> bytes:
    buf = BytesIO()
    c = Canvas(buf, invariant=1, pageCompression=1, initialFontName=fonts.PRIMARY)
    c.showPage()
    c.save()
    return buf.getvalue()


def one_line() -> bytes:
    buf = BytesIO()
    c = Canvas(buf, invariant=1, pageCompression=1, initialFontName=fonts.PRIMARY)
    c.setFont(fonts.PRIMARY, 10)
    c.drawString(72, 720, "交费收据 ¥123.45")
    c.showPage()
    c.save()
    return buf.getvalue()


def measure(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    start = time.perf_counter()
    fonts.warm_up()
    first_load = (time.perf_counter() - start) * 1000

    receipt80 = receipt_document(samples.mixed_receipt(), Paper.ROLL_80)
    receipt58 = receipt_document(samples.mixed_receipt(), Paper.ROLL_58)
    statement = statement_document(samples.statement(24))
    gbk = get_profile("gbk")
    cases: dict[str, Callable[[], object]] = {
        "baseline: empty A4 page PDF": empty_page,
        "one Chinese line PDF (font subset embedded)": one_line,
        "receipt PDF 80 mm": lambda: render_pdf(receipt80),
        "receipt PDF 58 mm": lambda: render_pdf(receipt58),
        "statement PDF, 24 months": lambda: render_pdf(statement),
        "receipt layout only, 80 mm": lambda: layout(receipt80),
        "receipt ESC/POS 58 mm, GBK, 2 image lines": lambda: render_escpos(receipt58, gbk),
        "receipt build (data -> Document)": lambda: receipt_document(
            samples.mixed_receipt(), Paper.ROLL_80
        ),
    }
    print(
        f"Python {platform.python_version()} on {platform.machine()}, {platform.processor() or '?'}"
    )
    print(f"fonts loaded once per process: {first_load:.0f} ms (not in the figures below)")
    print(f"{'case':46} {'median ms':>10} {'best ms':>9} {'x baseline':>11} {'limit':>7}")
    baseline = None
    failed = False
    for name, fn in cases.items():
        median, best = measure(fn, args.repeat)
        baseline = baseline or median
        limit = LIMITS_MS.get(name)
        over = limit is not None and median > limit
        failed |= over
        limit_text = f"{limit:.0f}" if limit else ""
        print(
            f"{name:46} {median:10.2f} {best:9.2f} {median / baseline:11.1f} {limit_text:>7}{'  OVER' if over else ''}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
