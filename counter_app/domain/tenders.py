"""The tenders a clerk takes money by at the counter (收费); ``bank`` is not one of them.
Design: docs/architecture.md ("Shared vocabulary")
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

__all__ = ["BANK", "TENDER_CODES", "Tender"]


class Tender(StrEnum):
    CASH = "cash"
    WECHAT = "wechat"
    ALIPAY = "alipay"
    CARD = "card"
    PREPAYMENT = "prepayment"


#: The counter's tender codes in the order screens, reports and exports list them.
TENDER_CODES: Final = tuple(t.value for t in Tender)

#: The channels' tender (bank withholding, a bank's app): never taken at the counter.
BANK: Final = "bank"
