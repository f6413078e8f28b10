"""Receipt numbers: gapless per series, taken last by ``counter_post_payment``
(migration 0012) under the series row lock, so a rollback gives the number
back and concurrent posts queue on the row; a deferred constraint trigger
keeps ``next_no`` at the last number + 1. Here only the label.
"""

from __future__ import annotations


def receipt_label(prefix: str, number: int) -> str:
    """A receipt number as printed and listed: the series prefix and 8 digits."""
    return f"{prefix}{number:08d}"
