"""Comparing renderings of the same document (PNG files or QImages) with Pillow."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageChops, ImageFilter


def load_gray(path: Path) -> Image.Image:
    with Image.open(path) as image:
        return image.convert("L")


def ink(image: Image.Image) -> float:
    """Share of dark pixels."""
    histogram = image.convert("L").histogram()
    return sum(histogram[:128]) / (image.width * image.height)


def difference(a: Image.Image, b: Image.Image) -> float:
    """Mean difference (0..1) of two renderings after a blur that forgives
    antialiasing and sub-pixel shifts; sizes may differ by a pixel or two."""
    width, height = min(a.width, b.width), min(a.height, b.height)
    a = a.convert("L").crop((0, 0, width, height)).filter(ImageFilter.GaussianBlur(2))
    b = b.convert("L").crop((0, 0, width, height)).filter(ImageFilter.GaussianBlur(2))
    diff = ImageChops.difference(a, b)
    return sum(i * n for i, n in enumerate(diff.histogram())) / (255 * width * height)


def dissimilarity(image: Image.Image, reference: Image.Image) -> float:
    """:func:`difference` relative to that of a blank page: 0 for the same
    rendering, about 1 for an empty page, more for unrelated content."""
    blank = Image.new("L", reference.size, 255)
    return difference(image, reference) / max(difference(blank, reference), 1e-9)
