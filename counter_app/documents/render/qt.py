"""Qt printing: any installed printer, A4 or roll paper, and the print preview dialog.
The only module of ``documents`` that imports Qt. Design: docs/architecture.md ("Documents and printing")
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QSizeF, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
)
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog
from reportlab.pdfbase.pdfmetrics import stringWidth

from counter_app.documents.model import Document, Paper
from counter_app.documents.output.cups import queue_accepting
from counter_app.documents.output.transports import PrintError
from counter_app.documents.render import fonts
from counter_app.documents.render.flow import LineOp, Page, RectOp, TextOp, layout

__all__ = [
    "available_printers",
    "choose_page_size",
    "paint_document",
    "pick_roll_size",
    "print_document",
    "print_preview",
    "register_fonts",
    "render_to_image",
    "render_to_pdf",
]

log = logging.getLogger(__name__)
MM_PER_PT = 25.4 / 72
ROLL_WIDTH_TOLERANCE_MM = 1.5
_BOLD_OFFSET = 0.04  # of the font size, in points

_lock = threading.Lock()
_families: dict[str, str] = {}


def register_fonts() -> dict[str, str]:
    """Load both bundled fonts into Qt once; our font key -> Qt family."""
    with _lock:
        if not _families:
            for key in (fonts.PRIMARY, fonts.FALLBACK):
                face = fonts.face(key)
                font_id = QFontDatabase.addApplicationFont(str(face.path))
                families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
                if face.family in families:
                    _families[key] = face.family
                elif families:
                    _families[key] = families[0]
                else:
                    log.error("cannot load font %s; Qt will substitute", face.path)
                    _families[key] = face.family
        return dict(_families)


def available_printers() -> list[str]:
    """Names of the installed printers (for the printer settings page)."""
    return list(QPrinterInfo.availablePrinterNames())


# ------------------------------------------------------------------ paper
def pick_roll_size(sizes: list[QPageSize], width_mm: float, height_mm: float) -> QPageSize | None:
    """Of a driver's ``sizes``, the shortest one of the roll's width
    (±1.5 mm) that is at least ``height_mm`` tall; ``None`` if none is."""
    fits = []
    for size in sizes:
        w, h = size.size(QPageSize.Unit.Millimeter).toTuple()
        if abs(w - width_mm) <= ROLL_WIDTH_TOLERANCE_MM and h >= height_mm:
            fits.append((h, size))
    return min(fits, key=lambda pair: pair[0])[1] if fits else None


def choose_page_size(page: Page, paper: Paper, info: QPrinterInfo | None = None) -> QPageSize:
    """The page size for ``page``: A4, or for a roll the driver's own size
    (:func:`pick_roll_size`) when it has one, else a custom size of the
    roll's width and the content's height."""
    if paper is Paper.A4:
        return QPageSize(QPageSize.PageSizeId.A4)
    width_mm = paper.width_mm
    height_mm = max(page.height * MM_PER_PT, width_mm + 1)  # keep it portrait
    if info is not None and not info.isNull():
        driver_size = pick_roll_size(info.supportedPageSizes(), width_mm, height_mm)
        if driver_size is not None:
            return driver_size
    return QPageSize(
        QSizeF(width_mm, height_mm),
        QPageSize.Unit.Millimeter,
        f"Roll {width_mm:g} x {height_mm:.0f} mm",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )


def _setup(
    printer: QPrinter, document: Document, pages: list[Page], info: QPrinterInfo | None
) -> None:
    size = choose_page_size(pages[0], document.paper, info)
    layout_ = QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    layout_.setMode(QPageLayout.Mode.FullPageMode)
    if not printer.setPageLayout(layout_):
        printer.setPageSize(size)
        printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    printer.setFullPage(True)
    printer.setDocName(document.name)


# --------------------------------------------------------------- painting
def _font(family: str, size: float) -> QFont:
    font = QFont(family)
    font.setPointSizeF(size)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(False)
    return font


def _paint_text(painter: QPainter, op: TextOp, scale: float, families: dict[str, str]) -> None:
    """Each character at the position the layout measured (the bundled fonts'
    design advances), so Qt's pixel rounding never makes a line longer."""
    painter.setPen(QColor(Qt.GlobalColor.black))
    x, y = op.x, op.y * scale
    bold_dx = op.size * _BOLD_OFFSET
    for key, run in fonts.split_runs(op.text):
        painter.setFont(_font(families.get(key, key), op.size))
        for ch in run:
            if not ch.isspace():
                painter.drawText(QPointF(x * scale, y), ch)
                if op.bold:  # the fonts have no bold face: draw again, a hair to the right
                    painter.drawText(QPointF((x + bold_dx) * scale, y), ch)
            x += stringWidth(ch, key, op.size)


def _paint_page(painter: QPainter, page: Page, scale: float, families: dict[str, str]) -> None:
    black = QColor(Qt.GlobalColor.black)
    for op in page.ops:
        if isinstance(op, TextOp):
            _paint_text(painter, op, scale, families)
        elif isinstance(op, LineOp):
            pen = QPen(black, op.width * scale)
            if op.dashed:
                pen.setDashPattern([2 / op.width, 2 / op.width])
            painter.setPen(pen)
            painter.drawLine(
                QPointF(op.x1 * scale, op.y1 * scale), QPointF(op.x2 * scale, op.y2 * scale)
            )
        elif isinstance(op, RectOp):
            painter.setPen(QPen(black, op.width * scale))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(op.x * scale, op.y * scale, op.w * scale, op.h * scale)


def paint_document(printer: QPrinter, document: Document, pages: list[Page] | None = None) -> None:
    """Paint every page of ``document`` on an already set-up ``printer``."""
    families = register_fonts()
    pages = pages if pages is not None else layout(document)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(
            "refused", "the printer did not accept the job", printer=printer.printerName()
        )
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        scale = printer.resolution() / 72.0
        for n, page in enumerate(pages):
            if n:
                printer.newPage()
            _paint_page(painter, page, scale, families)
    finally:
        painter.end()


# ------------------------------------------------------------ entry points
def print_document(document: Document, printer_name: str, copies: int = 1) -> None:
    """Print on the installed printer ``printer_name``; raise
    :class:`~counter_app.documents.output.transports.PrintError` when it is not
    installed, stopped, or refuses the job.  Worker-thread safe."""
    register_fonts()
    info = QPrinterInfo.printerInfo(printer_name)
    if info.isNull():
        raise PrintError("not_found", "no such printer is installed", printer=printer_name)
    if info.state() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        raise PrintError("offline", "the printer is stopped or in error", printer=printer_name)
    if queue_accepting(printer_name) is False:  # Qt would hand CUPS the job and lose it
        raise PrintError("refused", "the print queue is not accepting jobs", printer=printer_name)
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    pages = layout(document)
    _setup(printer, document, pages, info)
    printer.setCopyCount(max(1, copies))
    paint_document(printer, document, pages)
    if printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        raise PrintError("refused", "the print system did not accept the job", printer=printer_name)


def render_to_pdf(document: Document, path: str | Path) -> Path:
    """The Qt rendering written to a PDF file by Qt's own PDF engine."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    pages = layout(document)
    _setup(printer, document, pages, None)
    paint_document(printer, document, pages)
    return Path(path)


def render_to_image(document: Document, dpi: int = 100, page: int = 0) -> QImage:
    """One page painted on a white ``QImage`` at ``dpi`` (previews, tests)."""
    families = register_fonts()
    pages = layout(document)
    p = pages[page]
    scale = dpi / 72.0
    image = QImage(round(p.width * scale), round(p.height * scale), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _paint_page(painter, p, scale, families)
    finally:
        painter.end()
    return image


def print_preview(
    parent, document: Document, printer_name: str = "", *, pages: list[Page] | None = None
) -> int:
    """Open ``QPrintPreviewDialog`` for ``document`` (GUI thread only); the
    dialog's print button prints it.  Returns the dialog's result code.
    ``pages``: ``layout(document)`` made beforehand in a worker (the first
    layout of a process loads the fonts: 0.1-0.9 s the GUI thread should not
    wait)."""
    register_fonts()
    info = QPrinterInfo.printerInfo(printer_name) if printer_name else None
    printer = (
        QPrinter(info, QPrinter.PrinterMode.HighResolution)
        if info and not info.isNull()
        else QPrinter()
    )
    pages = pages if pages is not None else layout(document)
    _setup(printer, document, pages, info)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(document.name)
    dialog.paintRequested.connect(lambda p: paint_document(p, document, pages))
    fit_width(dialog)
    return dialog.exec()


def fit_width(dialog: QPrintPreviewDialog) -> None:
    """Open at page width (Qt's default, the whole page, is too small to read);
    through the dialog's own action so its toolbar shows the choice."""
    action = dialog.findChild(QAction, "fitWidthAction")
    if action is not None:
        action.trigger()
