"""The layout engine: nothing outside the paper or the margins, no text over
text, wrapping and column widths.  Checked on every document and paper."""

from __future__ import annotations

import itertools

import pytest

from counter_app.documents import (
    Paper,
    complaint_slip_document,
    day_close_document,
    receipt_document,
    relief_form_document,
    reprint_document,
    reversal_document,
    statement_document,
)
from counter_app.documents.model import Column, Document, Table
from counter_app.documents.render.flow import LineOp, RectOp, TextOp, geometry_for, layout
from counter_app.documents.render.fonts import FALLBACK, PRIMARY, split_runs, string_width
from counter_app.documents.render.wrapping import fit_widths, wrap
from tests.support import documents as s

ALL_PAPERS = (Paper.ROLL_58, Paper.ROLL_80, Paper.A4)


def documents():
    for paper in ALL_PAPERS:
        yield f"receipt-{paper.value}", receipt_document(s.mixed_receipt(), paper)
        yield f"reprint-{paper.value}", reprint_document(s.receipt(), s.REPRINT, paper)
        yield f"reversal-{paper.value}", reversal_document(s.reversal(), paper)
        yield f"complaint-{paper.value}", complaint_slip_document(s.complaint(), paper)
        yield f"day-close-{paper.value}", day_close_document(s.day_close(), paper)
    yield "statement-24", statement_document(s.statement(24))
    yield "statement-60", statement_document(s.statement(60))
    yield "relief", relief_form_document(s.relief())


DOCS = dict(documents())


def text_box(op: TextOp) -> tuple[float, float, float, float]:
    return (
        op.x,
        op.y - op.size * 0.88,
        op.x + string_width(op.text, op.size),
        op.y + op.size * 0.12,
    )


@pytest.mark.parametrize("name", DOCS)
def test_everything_stays_inside_the_margins(name):
    document: Document = DOCS[name]
    g = geometry_for(document.paper)
    for n, page in enumerate(layout(document), 1):
        for op in page.ops:
            if isinstance(op, TextOp):
                x0, y0, x1, y1 = text_box(op)
            elif isinstance(op, LineOp):
                x0, y0, x1, y1 = op.x1, op.y1, op.x2, op.y2
            else:
                assert isinstance(op, RectOp)
                x0, y0, x1, y1 = op.x, op.y, op.x + op.w, op.y + op.h
            assert x0 >= g.margin_x - 0.01 and x1 <= g.width - g.margin_x + 0.6, (name, n, op)
            assert y0 >= 0 and y1 <= page.height, (name, n, op)
            if isinstance(op, TextOp) and g.height is not None and "页" not in op.text:
                assert y1 <= g.height - g.margin_bottom + 1, (name, n, op)


@pytest.mark.parametrize("name", DOCS)
def test_no_text_overlaps_other_text(name):
    for n, page in enumerate(layout(DOCS[name]), 1):
        boxes = [(text_box(op), op.text) for op in page.ops if isinstance(op, TextOp)]
        for (a, ta), (b, tb) in itertools.combinations(boxes, 2):
            overlap_x = min(a[2], b[2]) - max(a[0], b[0])
            overlap_y = min(a[3], b[3]) - max(a[1], b[1])
            assert overlap_x <= 0.5 or overlap_y <= 0.5, f"{name} page {n}: {ta!r} overlaps {tb!r}"


def test_receipts_fit_both_rolls_on_one_page():
    for paper in (Paper.ROLL_58, Paper.ROLL_80):
        pages = layout(receipt_document(s.mixed_receipt(), paper))
        assert len(pages) == 1
        assert pages[0].width == pytest.approx(geometry_for(paper).width)


def test_wrap_keeps_words_and_numbers_whole_and_no_line_starts_with_a_closing_mark():
    lines = wrap("交费金额 1,234.50 元，请核对。谢谢", 60, 10)
    assert all(string_width(line, 10) <= 60 for line in lines)
    assert "1,234.50" in "".join(lines)
    assert not any(line.startswith(("，", "。")) for line in lines)
    assert "".join(lines).replace(" ", "") == "交费金额1,234.50元，请核对。谢谢"


def test_wrap_breaks_a_word_longer_than_the_line():
    lines = wrap("CG2026-00012345678901234567890", 40, 10)
    assert len(lines) > 1 and "".join(lines) == "CG2026-00012345678901234567890"


def test_split_runs_uses_the_fallback_only_where_needed():
    assert split_runs("张㵘明") == [(PRIMARY, "张"), (FALLBACK, "㵘"), (PRIMARY, "明")]
    assert split_runs("abc 123") == [(PRIMARY, "abc 123")]


def test_fit_widths_gives_way_on_text_columns_first():
    table = Table((Column("a"), Column("b", align="right"), Column("c", align="right")), ())
    widths = fit_widths([50, 40, 40], table, 110, minimum=10)
    assert widths == [30, 40, 40]
    spare = fit_widths([10, 10, 10], table, 60, minimum=10)
    assert sum(spare) == pytest.approx(60)


def test_pdf_and_escpos_render_the_same_in_parallel_worker_threads():
    """Printing runs on the task runner's threads. ReportLab reads the shared
    font file through one cursor when it writes a PDF's font subsets; without
    pdf._SUBSET_LOCK about 1 render in 200 got another's glyphs (KeyError in
    makeSubset, seen in CI), so this renders 40 times at once."""
    from concurrent.futures import ThreadPoolExecutor

    from counter_app.documents import get_profile, render_escpos, render_pdf

    jobs = [
        (render_pdf, (receipt_document(s.mixed_receipt(), Paper.ROLL_80),)),
        (render_pdf, (statement_document(s.statement(24)),)),
        (render_pdf, (relief_form_document(s.relief()),)),
        (render_escpos, (receipt_document(s.mixed_receipt(), Paper.ROLL_58), get_profile("gbk"))),
    ]
    expected = [fn(*args) for fn, args in jobs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(fn, *args) for _ in range(10) for fn, args in jobs]
        results = [f.result(timeout=120) for f in futures]
    assert results == expected * 10
