"""PDF renderer (ReportLab): A4 pages or one roll page fitted to its content.
Design: docs/architecture.md ("Documents and printing")
"""

from __future__ import annotations

import io
import threading
from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from counter_app.documents.model import Document
from counter_app.documents.render import fonts
from counter_app.documents.render.flow import LineOp, Page, RectOp, TextOp, layout

__all__ = ["render_pdf", "write_pdf"]

_BOLD_STROKE = 0.035  # stroke width per point of font size for faux bold
_SUBSET_LOCK = threading.Lock()  # guards ReportLab's shared font files (see above)


def _text(c: Canvas, page_h: float, op: TextOp) -> None:
    x = op.x
    if op.bold:
        # Fill and stroke, as the fonts have no bold face.  The render mode is
        # graphics state that ReportLab does not reset: q/Q keeps it here.
        c.saveState()
        c.setLineWidth(op.size * _BOLD_STROKE)
    t = c.beginText()
    if op.bold:
        t.setTextRenderMode(2)
    for key, run in fonts.split_runs(op.text):
        t.setTextOrigin(x, page_h - op.y)
        t.setFont(key, op.size)
        t.textOut(run)
        x += stringWidth(run, key, op.size)
    c.drawText(t)
    if op.bold:
        c.restoreState()


def _draw_page(c: Canvas, page: Page) -> None:
    h = page.height
    for op in page.ops:
        if isinstance(op, TextOp):
            _text(c, h, op)
        elif isinstance(op, LineOp):
            c.setLineWidth(op.width)
            c.setDash(2, 2) if op.dashed else c.setDash()
            c.line(op.x1, h - op.y1, op.x2, h - op.y2)
        elif isinstance(op, RectOp):
            c.setLineWidth(op.width)
            c.setDash()
            c.rect(op.x, h - op.y - op.h, op.w, op.h, stroke=1, fill=0)


def render_pdf(document: Document) -> bytes:
    """The document as PDF bytes (deterministic: no creation timestamp)."""
    fonts.register_reportlab_fonts()
    pages = layout(document)
    buf = io.BytesIO()
    c = Canvas(
        buf,
        pagesize=(pages[0].width, pages[0].height),
        invariant=1,
        pageCompression=1,
        initialFontName=fonts.PRIMARY,  # else an unused Helvetica is referenced
    )
    c.setTitle(document.name)
    c.setSubject(document.kind)
    c.setCreator("Counter")
    for page in pages:
        c.setPageSize((page.width, page.height))
        _draw_page(c, page)
        c.showPage()
    with _SUBSET_LOCK:
        c.save()
    return buf.getvalue()


def write_pdf(document: Document, path: str | Path) -> Path:
    """Write the PDF to ``path`` (atomically: a temporary file, then rename)."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(render_pdf(document))
    tmp.replace(path)
    return path
