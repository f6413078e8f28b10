"""Fixtures of the document tests (reading PDFs back: tests/support/pdf.py)."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from counter_app.documents.model import Document  # noqa: E402
from counter_app.documents.render.pdf import render_pdf  # noqa: E402


@pytest.fixture
def write_pdf(tmp_path):
    """Render a document to ``tmp_path/NAME.pdf`` and return the path."""

    def write(document: Document, name: str = "doc") -> Path:
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(render_pdf(document))
        return path

    return write
