"""Receipt numbers: the label only; the database numbers them gaplessly per series.
Rules: docs/rules/payments.md
"""

from __future__ import annotations


def receipt_label(prefix: str, number: int) -> str:
    """A receipt number as printed and listed: the series prefix and 8 digits."""
    return f"{prefix}{number:08d}"
