"""Masked copies of generated ID numbers and phones, as the domain masks them.
Design: docs/demo.md
"""

from __future__ import annotations

from collections.abc import Callable

from counter_app.domain.masking import mask_id_number, mask_phone

__all__ = ["masked_id_number", "masked_phone"]

MASK = "*"


def _cut(value: str, masked: str) -> tuple[int, int] | None:
    """(start, end) of the hidden run if ``masked`` is ``value`` with one
    contiguous run replaced by asterisks, else None."""
    if len(masked) != len(value):
        return None
    stars = [i for i, ch in enumerate(masked) if ch == MASK]
    if not stars:
        return None
    start, end = stars[0], stars[-1] + 1
    if end - start != len(stars) or value[start:end].count(MASK):
        return None
    if masked[:start] != value[:start] or masked[end:] != value[end:]:
        return None
    return start, end


class _ShapeMasker:
    def __init__(self, mask: Callable[[str | None], str]):
        self.mask = mask
        self.cuts: dict[tuple[int, str, int], tuple[int, int] | None] = {}

    def __call__(self, value: str | None) -> str:
        if not value:
            return ""
        key = (len(value), value[0], value.find("-"))
        try:
            cut = self.cuts[key]
        except KeyError:
            masked = self.mask(value)
            self.cuts[key] = _cut(value, masked)
            return masked
        if cut is None:
            return self.mask(value)
        start, end = cut
        return value[:start] + MASK * (end - start) + value[end:]


masked_id_number = _ShapeMasker(mask_id_number)
masked_phone = _ShapeMasker(mask_phone)
