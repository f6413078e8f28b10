"""The Qt backend: page sizes, painting (compared with the PDF rendering),
worker threads, the preview dialog.  The real print job is in test_cups.py."""

from __future__ import annotations

import threading

import pytest
from PIL import Image
from PySide6.QtCore import QSizeF, QTimer
from PySide6.QtGui import QPageSize
from PySide6.QtWidgets import QApplication

from counter_app.documents import (
    Paper,
    PrintError,
    receipt_document,
    relief_form_document,
    statement_document,
)
from counter_app.documents.render import qt as qb
from counter_app.documents.render.flow import MM, layout
from tests.support import documents as s
from tests.support.imaging import dissimilarity, ink, load_gray
from tests.support.pdf import page_size_pt, render_png


def mm_size(width: float, height: float) -> QPageSize:
    return QPageSize(
        QSizeF(width, height), QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.ExactMatch
    )


def test_roll_size_from_the_driver_when_it_has_one_of_the_width(qapp):
    sizes = [
        QPageSize(QPageSize.PageSizeId.A4),
        mm_size(58, 297),
        mm_size(79.5, 297),
        mm_size(80, 3276),
    ]
    assert qb.pick_roll_size(sizes, 80, 150).size(QPageSize.Unit.Millimeter).toTuple() == (
        79.5,
        297,
    )
    assert qb.pick_roll_size(sizes, 80, 400).size(QPageSize.Unit.Millimeter).toTuple() == (80, 3276)
    assert qb.pick_roll_size(sizes, 58, 100).size(QPageSize.Unit.Millimeter).toTuple() == (58, 297)
    assert qb.pick_roll_size(sizes, 80, 5000) is None
    assert qb.pick_roll_size(sizes, 76, 100) is None


def test_roll_size_is_custom_without_a_driver_size(qapp):
    document = receipt_document(s.receipt(), Paper.ROLL_58)
    page = layout(document)[0]
    size = qb.choose_page_size(page, Paper.ROLL_58, None)
    w, h = size.size(QPageSize.Unit.Millimeter).toTuple()
    assert w == pytest.approx(58, abs=0.1) and h == pytest.approx(page.height / MM, abs=0.5)
    a4 = qb.choose_page_size(layout(statement_document(s.statement(3)))[0], Paper.A4, None)
    assert a4.id() == QPageSize.PageSizeId.A4


@pytest.mark.parametrize(
    "document",
    [
        receipt_document(s.mixed_receipt(), Paper.ROLL_80),
        receipt_document(s.receipt(), Paper.ROLL_58),
        relief_form_document(s.relief()),
    ],
    ids=["receipt-80", "receipt-58", "relief"],
)
def test_qt_painting_matches_the_pdf(qapp, tmp_path, document):
    qt_png = tmp_path / "qt.png"
    assert qb.render_to_image(document, dpi=100).save(str(qt_png))
    pdf = tmp_path / "doc.pdf"
    from counter_app.documents import write_pdf

    write_pdf(document, pdf)
    (pdf_png,) = render_png(pdf, tmp_path / "pdf")
    qt, ref = load_gray(qt_png), load_gray(pdf_png)
    assert abs(qt.width - ref.width) <= 1 and abs(qt.height - ref.height) <= 1
    assert ink(qt) > 0.01
    assert ink(qt) == pytest.approx(ink(ref), rel=0.35)
    assert dissimilarity(qt, ref) < 0.35


def test_qt_pdf_has_the_roll_size(qapp, tmp_path):
    document = receipt_document(s.receipt(), Paper.ROLL_80)
    path = qb.render_to_pdf(document, tmp_path / "qt.pdf")
    width, height = page_size_pt(path)
    assert width == pytest.approx(80 * MM, abs=1)
    assert height == pytest.approx(layout(document)[0].height, abs=1.5)


def test_rendering_in_worker_threads(qapp, tmp_path):
    document = receipt_document(s.mixed_receipt(), Paper.ROLL_80)
    errors, images = [], []

    def work(n: int) -> None:
        try:
            qb.render_to_pdf(document, tmp_path / f"t{n}.pdf")
            images.append(qb.render_to_image(document, dpi=72))
        except Exception as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors
    assert len(images) == 3 and all(not i.isNull() for i in images)
    assert all((tmp_path / f"t{n}.pdf").stat().st_size > 1000 for n in range(3))


def test_rare_character_is_painted_by_qt(qapp):
    from counter_app.documents.model import Document, Text

    def ink_of(text: str) -> float:
        image = qb.render_to_image(Document("t", "t", Paper.ROLL_80, (Text(text),)), dpi=150)
        return ink(_to_pil(image))

    assert ink_of("㵘") > ink_of("") + 0.001  # a glyph, not nothing


def _to_pil(image) -> Image.Image:
    gray = image.convertToFormat(image.Format.Format_Grayscale8)
    size = (gray.width(), gray.height())
    return Image.frombuffer("L", size, bytes(gray.constBits()), "raw", "L", gray.bytesPerLine(), 1)


def test_missing_printer_is_not_found(qapp):
    with pytest.raises(PrintError) as info:
        qb.print_document(receipt_document(s.receipt()), "No Such Printer 9")
    assert info.value.code == "not_found"


def test_print_preview_opens_and_closes(qapp):
    shown = []

    def close_it():
        dialog = QApplication.activeModalWidget()
        shown.append(type(dialog).__name__ if dialog else None)
        if dialog is not None:
            dialog.reject()

    QTimer.singleShot(300, close_it)
    result = qb.print_preview(None, receipt_document(s.receipt(), Paper.ROLL_80))
    assert shown == ["QPrintPreviewDialog"]
    assert result == 0
